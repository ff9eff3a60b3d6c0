// What one request reads and writes through: the committed data directly, or a transaction's snapshot and overlay.
import type { Doc } from './ejson';
import type { Collection, Store } from './store';
import type { TransactionManager } from './transactions';

export interface DocView {
  /**
   * Before writing these documents: a transaction takes its locks (or throws the conflict); an ordinary write
   * gets a promise to wait on while a transaction holds one of them, and undefined when it may go ahead.
   */
  claim(coll: Collection, ids: string[]): Promise<void> | undefined;
  /** The document as this request sees it. */
  get(coll: Collection, id: string): Doc | undefined;
  /** A superset of the documents matching `query`, in natural order. */
  scan(coll: Collection, query: Doc): Iterable<Doc>;
  /** Writes idKey -> new document (or null to delete) after checking unique indexes; all or nothing. */
  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void;
}

/** Outside a transaction every write commits (and is fsync'd) before the request answers. */
export class CommittedView implements DocView {
  constructor(
    private readonly store: Store,
    private readonly transactions: TransactionManager,
  ) {}

  claim(coll: Collection, ids: string[]): Promise<void> | undefined {
    return this.transactions.released(coll, ids);
  }

  get(coll: Collection, id: string): Doc | undefined {
    return coll.docs.get(id)?.doc;
  }

  *scan(coll: Collection, query: Doc): Iterable<Doc> {
    for (const stored of coll.candidates(query)) yield stored.doc;
  }

  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void {
    coll.checkUnique(changes);
    this.store.commit([...changes].map(([idKey, doc]) => ({ coll, idKey, doc })));
  }
}
