// The durable store: SQLite (WAL, synchronous=FULL) as the source of truth, every collection also held in memory.
import Database from 'better-sqlite3';
import { cloneValue, fromStored, idKey, toWire } from './ejson';
import type { Doc } from './ejson';
import { duplicateKey } from './errors';
import { EqualityIndex, isIndexable, UniqueIndex } from './indexes';
import type { IndexSpec } from './indexes';
import { OrderedIndex } from './ordered-index';
import type { IndexPlan } from './ordered-index';

export interface StoredDoc {
  readonly idKey: string;
  readonly doc: Doc;
  /** The canonical EJSON of `doc`: what SQLite holds and what a get without projection answers. */
  readonly json: string;
  /** Bumped on every write, so a transaction can tell whether a document changed since it read it. */
  readonly version: number;
  /** Natural (insertion) order, kept across updates like MongoDB's, for results that come from an index. */
  readonly order: number;
}

/** One document write: the new content, or null to delete. */
export interface Change {
  coll: Collection;
  idKey: string;
  doc: Doc | null;
}

export class Collection {
  readonly docs = new Map<string, StoredDoc>();
  readonly unique: UniqueIndex[];
  private readonly equality = new Map<string, EqualityIndex>();
  private readonly ordered: OrderedIndex[];
  /** Set while the store loads: ordered indexes are then built once, sorted, instead of one insert per document. */
  loading = false;

  constructor(
    readonly name: string,
    indexes: IndexSpec[],
  ) {
    this.unique = indexes.filter((i) => i.unique).map((i) => new UniqueIndex(i));
    this.ordered = indexes.filter((i) => OrderedIndex.supports(i)).map((i) => new OrderedIndex(i));
    for (const spec of indexes) {
      const first = Object.keys(spec.keys)[0];
      // Numeric segments mean array positions, which the multikey walk in valuesAtPath does not model.
      if (first && first !== '_id' && !first.split('.').some((s) => /^\d+$/.test(s))) {
        this.equality.set(first, new EqualityIndex(first));
      }
    }
  }

  index(stored: StoredDoc): void {
    for (const u of this.unique) u.add(stored.idKey, stored.doc);
    for (const e of this.equality.values()) e.add(stored.idKey, stored.doc);
    if (!this.loading) for (const o of this.ordered) o.add(stored.idKey, stored.doc, stored.order);
  }

  unindex(stored: StoredDoc): void {
    for (const u of this.unique) u.remove(stored.idKey, stored.doc);
    for (const e of this.equality.values()) e.remove(stored.idKey, stored.doc);
    for (const o of this.ordered) o.remove(stored.idKey);
  }

  /** Ends loading: builds the ordered indexes from every document at once. */
  loaded(): void {
    this.loading = false;
    for (const o of this.ordered) o.load(this.docs.values());
  }

  /**
   * The declared index that serves `query` in `order` (equality on a prefix of its fields, then a range, then the
   * sort), the narrowest if several do; null when none does and the query needs a scan.
   */
  plan(query: Doc, order: Array<[string, number]>): IndexPlan | null {
    let best: IndexPlan | null = null;
    for (const o of this.ordered) {
      const p = o.plan(query, order);
      if (p && (!best || p.end - p.start < best.end - best.start || (p.covered && !best.covered))) best = p;
    }
    return best;
  }

  /**
   * Throws the duplicate-key error if applying `overlay` (idKey -> new doc or null) on top of the stored
   * documents would give two documents the same key in a unique index.
   */
  checkUnique(overlay: ReadonlyMap<string, Doc | null>): void {
    for (const index of this.unique) {
      const seen = new Map<string, string>();
      for (const [id, doc] of overlay) {
        if (!doc) continue;
        for (const key of index.keysOf(doc)) {
          const sibling = seen.get(key);
          const owner = index.entries.get(key);
          if (
            (sibling !== undefined && sibling !== id) ||
            (owner !== undefined && owner !== id && !overlay.has(owner))
          ) {
            throw duplicateKey(this.name, index.spec.name, index.shownKey(doc));
          }
          seen.set(key, id);
        }
      }
    }
  }

  /**
   * The stored documents that can match `query`, narrowed by `_id` or an equality index on a top-level condition
   * when there is one. Always a superset of the matches: the caller still tests each with the full query.
   */
  candidates(query: Doc): StoredDoc[] | IterableIterator<StoredDoc> {
    let best: Iterable<string> | undefined;
    let bestSize = Infinity;
    for (const [field, values] of equalityConditions(query)) {
      if (field === '_id') {
        best = new Set(values.map(idKey));
        break;
      }
      const ids = this.equality.get(field)?.lookup(values);
      if (ids && ids.size < bestSize) {
        best = ids;
        bestSize = ids.size;
      }
    }
    if (!best) return this.docs.values();
    const out: StoredDoc[] = [];
    for (const id of best) {
      const stored = this.docs.get(id);
      if (stored) out.push(stored);
    }
    return out.sort((a, b) => a.order - b.order);
  }
}

/** Top-level `field: value`, `field: {$eq}` and `field: {$in}` conditions (also inside a top-level `$and`). */
function equalityConditions(query: Doc): Array<[string, unknown[]]> {
  const out: Array<[string, unknown[]]> = [];
  const visit = (q: Doc): void => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (sub && typeof sub === 'object') visit(sub as Doc);
        continue;
      }
      if (field.startsWith('$')) continue;
      if (isIndexable(cond)) {
        out.push([field, [cond]]);
      } else if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
        const ops = cond as Doc;
        if ('$eq' in ops && isIndexable(ops.$eq)) out.push([field, [ops.$eq]]);
        else if (Array.isArray(ops.$in) && ops.$in.length > 0 && ops.$in.every(isIndexable)) out.push([field, ops.$in]);
      }
    }
  };
  visit(query);
  return out;
}

function historyKey(coll: Collection, id: string): string {
  return `${coll.name}\u0000${id}`;
}

/** Documents are parsed once, at open or write, so queries never re-read EJSON and `_id` lookups are a Map get. */
export class Store {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly indexSpecs: Record<string, { indexes: IndexSpec[] }>;
  /** Sequence number of the last change (every write and removal takes the next one). */
  private version = 0;
  private order = 0;
  /** Earlier states of documents changed while a transaction is open, in change order (see retainHistorySince). */
  private readonly history = new Map<string, Array<{ until: number; before: StoredDoc | undefined }>>();
  private historySince: number | null = null;
  private readonly write: (changes: Array<Change & { json: string | null }>) => void;
  private readonly insertCollection: Database.Statement<[string]>;

  constructor(file: string, spec: Record<string, { indexes: IndexSpec[] }>) {
    this.indexSpecs = spec;
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      // FULL fsyncs the WAL on every commit, so an acknowledged write survives a crash or power loss.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS documents (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (coll, id));
      `);
      this.load(spec);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.insertCollection = this.db.prepare<[string]>('INSERT OR IGNORE INTO collections (name) VALUES (?)');
    const upsert = this.db.prepare<[string, string, string]>(
      'INSERT INTO documents (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc',
    );
    const remove = this.db.prepare<[string, string]>('DELETE FROM documents WHERE coll = ? AND id = ?');
    this.write = this.db.transaction((changes: Array<Change & { json: string | null }>) => {
      for (const c of changes) {
        if (c.json === null) remove.run(c.coll.name, c.idKey);
        else upsert.run(c.coll.name, c.idKey, c.json);
      }
    });
  }

  private load(spec: Record<string, { indexes: IndexSpec[] }>): void {
    const created = this.db.prepare<[], { name: string }>('SELECT name FROM collections').all();
    for (const name of [...Object.keys(spec), ...created.map((r) => r.name)]) this.addCollection(name).loading = true;
    const rows = this.db.prepare<[], { coll: string; id: string; doc: string }>(
      'SELECT coll, id, doc FROM documents ORDER BY rowid',
    );
    for (const row of rows.iterate()) {
      const coll = this.collections.get(row.coll);
      // Documents of a collection no longer declared stay on disk but are unreachable, as on WeChat after a drop.
      if (!coll) continue;
      const stored: StoredDoc = {
        idKey: row.id,
        doc: fromStored(row.doc),
        json: row.doc,
        version: ++this.version,
        order: ++this.order,
      };
      coll.docs.set(row.id, stored);
      this.loadIndex(coll, stored);
    }
    for (const coll of this.collections.values()) coll.loaded();
  }

  private loadIndex(coll: Collection, stored: StoredDoc): void {
    try {
      coll.checkUnique(new Map([[stored.idKey, stored.doc]]));
    } catch (e) {
      // Fail at start-up rather than serve a collection whose data breaks its declared unique index.
      throw new Error(`collection ${coll.name}: stored documents violate a unique index (${(e as Error).message})`);
    }
    coll.index(stored);
  }

  private addCollection(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Collection(name, this.indexSpecs[name]?.indexes ?? []);
      this.collections.set(name, coll);
    }
    return coll;
  }

  collection(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  /** `db.createCollection`; false when it already exists. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.insertCollection.run(name);
    this.addCollection(name);
    return true;
  }

  /** The sequence number of the last change: a transaction started now sees exactly the changes up to it. */
  get sequence(): number {
    return this.version;
  }

  /**
   * Keep the earlier state of every document changed after `since` (the oldest open transaction's snapshot), so
   * that transactions read their snapshot; null (no open transaction) drops it all.
   */
  retainHistorySince(since: number | null): void {
    this.historySince = since;
    if (since === null) {
      this.history.clear();
      return;
    }
    for (const [key, entries] of this.history) {
      // An entry is needed while some snapshot predates the change that ended it.
      const kept = entries.filter((e) => e.until > since);
      if (kept.length === 0) this.history.delete(key);
      else if (kept.length !== entries.length) this.history.set(key, kept);
    }
  }

  /** The document as it was at sequence number `snapshot` (undefined when it did not exist then). */
  snapshotOf(coll: Collection, id: string, snapshot: number): StoredDoc | undefined {
    for (const e of this.history.get(historyKey(coll, id)) ?? []) if (e.until > snapshot) return e.before;
    return coll.docs.get(id);
  }

  /** True when the document was written (created, changed or removed) after sequence number `snapshot`. */
  changedSince(coll: Collection, id: string, snapshot: number): boolean {
    if ((coll.docs.get(id)?.version ?? 0) > snapshot) return true;
    return (this.history.get(historyKey(coll, id)) ?? []).some((e) => e.until > snapshot);
  }

  /** The answer text for a document read from `coll`: cached unless the document is a transaction's own copy. */
  jsonOf(coll: Collection, doc: Doc): string {
    const stored = coll.docs.get(idKey(doc._id));
    return stored && stored.doc === doc ? stored.json : toWire(doc);
  }

  /**
   * Applies the changes atomically: one SQLite transaction (fsync'd before this returns), then the in-memory
   * copy. Memory is only touched after SQLite succeeded, so the two never disagree.
   */
  commit(changes: Change[]): void {
    if (changes.length === 0) return;
    // Stored documents are private copies: callers may keep mutating what they passed in.
    const prepared = changes.map((c) => {
      const doc = c.doc === null ? null : cloneValue(c.doc);
      return { ...c, doc, json: doc === null ? null : toWire(doc) };
    });
    this.write(prepared);
    for (const c of prepared) {
      const old = c.coll.docs.get(c.idKey);
      const version = ++this.version;
      if (this.historySince !== null) {
        const key = historyKey(c.coll, c.idKey);
        const entries = this.history.get(key) ?? [];
        entries.push({ until: version, before: old });
        this.history.set(key, entries);
      }
      if (old) c.coll.unindex(old);
      if (c.doc === null || c.json === null) {
        c.coll.docs.delete(c.idKey);
        continue;
      }
      const stored: StoredDoc = {
        idKey: c.idKey,
        doc: c.doc,
        json: c.json,
        version,
        order: old?.order ?? ++this.order,
      };
      c.coll.docs.set(c.idKey, stored);
      c.coll.index(stored);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
