// What one request reads and writes through: the committed data directly, or a transaction's private overlay.
import type { Doc } from './ejson';
import type { Collection, Store } from './store';

export interface DocView {
  /** Waits for exclusive use of these documents (a transaction's locks); resolves at once outside a transaction. */
  lock(coll: Collection, ids: string[]): Promise<void> | void;
  /** The document as this request sees it. */
  get(coll: Collection, id: string): Doc | undefined;
  /** A superset of the documents matching `query`, in natural order. */
  scan(coll: Collection, query: Doc): Iterable<Doc>;
  /** Marks a document as read (a transaction checks at commit that it has not changed since). */
  touch(coll: Collection, id: string): void;
  /** Writes idKey -> new document (or null to delete) after checking unique indexes; all or nothing. */
  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void;
}

/** Outside a transaction every write commits (and is fsync'd) before the request answers. */
export class CommittedView implements DocView {
  constructor(private readonly store: Store) {}

  lock(): void {}

  get(coll: Collection, id: string): Doc | undefined {
    return coll.docs.get(id)?.doc;
  }

  *scan(coll: Collection, query: Doc): Iterable<Doc> {
    for (const stored of coll.candidates(query)) yield stored.doc;
  }

  touch(): void {}

  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void {
    coll.checkUnique(changes);
    this.store.commit([...changes].map(([idKey, doc]) => ({ coll, idKey, doc })));
  }
}
