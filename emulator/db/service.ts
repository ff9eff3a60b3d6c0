// The wire actions (database.getDocument ...), each answering what the real service sends back to wx-server-sdk.
import { randomBytes, randomUUID } from 'node:crypto';
import { idKey, isPlainObject, parseWire, parseWireObject, toWire } from './ejson';
import type { Doc } from './ejson';
import { collectionNotExist, DbError, duplicateKey, requestFailed } from './errors';
import type { IndexSpec } from './indexes';
import {
  applyUpdate,
  checkStorable,
  compileQuery,
  projectDocs,
  replaceDoc,
  runPipeline,
  sortDocs,
  upsertSeed,
} from './query';
import { Store } from './store';
import type { Collection, StoredDoc } from './store';
import type { IndexPlan } from './ordered-index';
import { TransactionManager } from './transactions';
import { CommittedView } from './views';
import type { DocView } from './views';

export interface DbOperation {
  api: string;
  collection?: string;
  kind: 'read' | 'write' | 'transaction';
}

type Params = Record<string, unknown>;
type Body = Record<string, unknown>;

/** `get()` sends 100 when no limit is set and the service never returns more than 1000. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/** `aggregate().end()` without a `limit()` stage returns only this many records on the real service. */
const AGGREGATE_DEFAULT_LIMIT = 20;

const KINDS: Record<string, DbOperation['kind']> = {
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.aggregateDocuments': 'read',
  'database.insertDocument': 'write',
  'database.modifyDocument': 'write',
  'database.removeDocument': 'write',
  'database.startTransaction': 'transaction',
  'database.commitTransaction': 'transaction',
  'database.abortTransaction': 'transaction',
};

/** A new document id shaped like WeChat's: 32 hex characters, seconds first so ids roughly follow creation time. */
function newDocId(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + randomBytes(12).toString('hex');
}

function toCount(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

export class DatabaseService {
  private readonly store: Store;
  private readonly transactions: TransactionManager;
  private readonly committed: CommittedView;
  private readonly listeners = new Set<(op: DbOperation) => void>();
  private closed = false;

  constructor(
    file: string,
    collections: Record<string, { indexes: IndexSpec[] }>,
    private readonly now: () => Date,
    transactionLifetimeMs?: number,
  ) {
    this.store = new Store(file, collections);
    this.transactions = new TransactionManager(this.store, transactionLifetimeMs);
    this.committed = new CommittedView(this.store, this.transactions);
  }

  onOperation(listener: (op: DbOperation) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async request(api: string, data: Params): Promise<unknown> {
    // A programming error of whoever holds the database, not something the service would answer.
    if (this.closed) throw new Error(`the local cloud database is closed (request ${api})`);
    const kind = KINDS[api];
    if (kind) {
      const op: DbOperation =
        typeof data.collectionName === 'string' ? { api, collection: data.collectionName, kind } : { api, kind };
      for (const listener of this.listeners) listener(op);
    }
    const requestId = randomUUID();
    try {
      return { requestId, ...(await this.dispatch(api, data)) };
    } catch (e) {
      // Bad queries and operators (mingo's TypeErrors and MingoErrors) are request failures on the service too.
      const err = e instanceof DbError ? e : requestFailed(e instanceof Error ? e.message : String(e));
      return { code: err.code, message: err.message, requestId };
    }
  }

  close(): void {
    this.closed = true;
    this.transactions.close();
    this.store.close();
  }

  private dispatch(api: string, data: Params): Promise<Body> | Body {
    switch (api) {
      case 'database.getDocument':
        return this.get(data);
      case 'database.calculateDocument':
        return this.count(data);
      case 'database.aggregateDocuments':
        return this.aggregate(data);
      case 'database.insertDocument':
        return this.insert(data);
      case 'database.modifyDocument':
        return this.modify(data);
      case 'database.removeDocument':
        return this.remove(data);
      case 'database.startTransaction':
        return { transactionId: this.transactions.start().id };
      case 'database.commitTransaction':
        this.transactions.get(data.transactionId).commit();
        return {};
      case 'database.abortTransaction':
        this.transactions.finish(this.transactions.get(data.transactionId));
        return {};
      case 'database.addCollection':
        return this.createCollection(data);
      default:
        throw new DbError('INVALID_PARAM', `unsupported database action: ${api}`);
    }
  }

  private collection(data: Params): Collection {
    const coll = typeof data.collectionName === 'string' ? this.store.collection(data.collectionName) : undefined;
    if (!coll) throw collectionNotExist();
    return coll;
  }

  private view(data: Params): DocView {
    return data.transactionId ? this.transactions.get(data.transactionId) : this.committed;
  }

  /** The id a DOC request (`doc(id).get/update/set/remove`) targets. */
  private docId(data: Params, query: Doc): string | undefined {
    if (data.queryType !== 'DOC') return undefined;
    if (!('_id' in query)) throw requestFailed('a DOC request needs an _id');
    return idKey(query._id);
  }

  /** The documents a request targets, in natural order; synchronous, so a match and its write never interleave. */
  private match(view: DocView, coll: Collection, data: Params, query: Doc, max = Infinity): Doc[] {
    const test = compileQuery(query);
    const id = this.docId(data, query);
    if (id !== undefined) {
      const doc = view.get(coll, id);
      return doc && test(doc) ? [doc] : [];
    }
    const docs: Doc[] = [];
    for (const doc of view.scan(coll, query)) {
      if (docs.length >= max) break;
      if (test(doc)) docs.push(doc);
    }
    return docs;
  }

  /**
   * The documents a write targets, if none of them (nor `extra`, ids it may create) is locked by another
   * transaction: a transaction fails at once on a lock (WeChat's conflict); an ordinary write gets a promise to
   * wait on, then calls again, since the holder may have changed what matches. Synchronous when nothing waits,
   * so that no other request runs between the match and the write.
   */
  private writeTargets(
    view: DocView,
    coll: Collection,
    data: Params,
    query: Doc,
    max: number,
    extra: string[] = [],
  ): Doc[] | Promise<void> {
    const targets = this.match(view, coll, data, query, max);
    const id = this.docId(data, query);
    const ids = [...(id === undefined ? targets.map((d) => idKey(d._id)) : [id]), ...extra];
    return view.claim(coll, ids) ?? targets;
  }

  private get(data: Params): Body {
    const now = this.now();
    const coll = this.collection(data);
    const view = this.view(data);
    const query = parseWireObject(data.query, now, 'query');
    const order = data.order ? parseWireObject(data.order, now, 'order') : undefined;
    const projection = data.projection ? parseWireObject(data.projection, now, 'projection') : undefined;
    const offset = toCount(data.offset, 0);
    const limit = Math.min(toCount(data.limit, DEFAULT_LIMIT), MAX_LIMIT);
    // Without an order the first offset + limit matches are the page: stop scanning there.
    const sorted = order !== undefined && Object.keys(order).length > 0;
    const plan = sorted ? this.indexPlan(view, coll, data, query, order) : null;
    const page = plan
      ? this.pageFromIndex(coll, plan, query, offset, limit)
      : sortDocs(this.match(view, coll, data, query, sorted ? Infinity : offset + limit), order).slice(
          offset,
          offset + limit,
        );
    const list =
      projection && Object.keys(projection).length
        ? projectDocs(page, projection).map(toWire)
        : page.map((doc) => this.store.jsonOf(coll, doc));
    return { data: { list } };
  }

  private count(data: Params): Body {
    const coll = this.collection(data);
    const query = parseWireObject(data.query, this.now(), 'query');
    const view = this.view(data);
    if (view === this.committed && Object.keys(query).length === 0) return { data: { total: coll.docs.size } };
    const plan = this.indexPlan(view, coll, data, query, {});
    if (plan?.covered) return { data: { total: plan.end - plan.start } };
    if (plan) {
      const test = compileQuery(query);
      let total = 0;
      for (const id of plan.index.ids(plan.start, plan.end)) if (test(this.storedDoc(coll, id))) total++;
      return { data: { total } };
    }
    const matched = this.match(view, coll, data, query);
    return { data: { total: matched.length } };
  }

  /** The declared index serving a where() query on committed data in `order`, if one does (see Collection.plan). */
  private indexPlan(view: DocView, coll: Collection, data: Params, query: Doc, order: Doc): IndexPlan | null {
    if (view !== this.committed || this.docId(data, query) !== undefined) return null;
    return coll.plan(
      query,
      Object.entries(order).map(([path, dir]) => [path, Number(dir) < 0 ? -1 : 1]),
    );
  }

  private storedDoc(coll: Collection, id: string): Doc {
    return (coll.docs.get(id) as StoredDoc).doc;
  }

  /**
   * A page read in index order: a covered query jumps straight to its offset; otherwise entries in range are
   * tested until offset + limit match.
   */
  private pageFromIndex(coll: Collection, plan: IndexPlan, query: Doc, offset: number, limit: number): Doc[] {
    const page: Doc[] = [];
    if (plan.covered) {
      for (const id of plan.index.ids(plan.start + offset, Math.min(plan.end, plan.start + offset + limit)))
        page.push(this.storedDoc(coll, id));
      return page;
    }
    const test = compileQuery(query);
    let skipped = 0;
    for (const id of plan.index.ids(plan.start, plan.end)) {
      const doc = this.storedDoc(coll, id);
      if (!test(doc)) continue;
      if (skipped < offset) skipped++;
      else if (page.push(doc) >= limit) break;
    }
    return page;
  }

  private aggregate(data: Params): Body {
    const now = this.now();
    const coll = this.collection(data);
    const stages = Array.isArray(data.stages)
      ? (data.stages as Array<{ stageKey?: unknown; stageValue?: unknown }>)
      : [];
    const pipeline: Doc[] = stages.map((s) => {
      if (typeof s.stageKey !== 'string' || typeof s.stageValue !== 'string')
        throw requestFailed('invalid aggregate stage');
      return { [s.stageKey]: parseWire(s.stageValue, now) };
    });
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    // A leading $match runs on the store first, so it can use the indexes and only its matches are copied.
    let input: Doc[];
    const first = pipeline[0];
    if (first && isPlainObject(first.$match)) {
      const query = first.$match;
      const test = compileQuery(query);
      input = [];
      for (const doc of this.committed.scan(coll, query)) if (test(doc)) input.push(doc);
      pipeline.shift();
    } else {
      input = [...coll.docs.values()].map((s) => s.doc);
    }
    const resolve = (name: string): Doc[] => [...(this.store.collection(name)?.docs.values() ?? [])].map((s) => s.doc);
    return { data: { list: runPipeline(input, pipeline, resolve).map(toWire) } };
  }

  private async insert(data: Params): Promise<Body> {
    const now = this.now();
    const coll = this.collection(data);
    const view = this.view(data);
    const items = Array.isArray(data.data) ? data.data : [data.data];
    if (items.length === 0) throw requestFailed('no documents to insert');
    const docs = items.map((text) => {
      const doc = parseWireObject(text, now, 'document');
      checkStorable(doc);
      const { _id, ...rest } = doc;
      return { _id: _id ?? newDocId(now), ...rest };
    });
    const ids = docs.map((d) => idKey(d._id));
    for (let wait = view.claim(coll, ids); wait; wait = view.claim(coll, ids)) await wait;
    const changes = new Map<string, Doc | null>();
    docs.forEach((doc, i) => {
      if (changes.has(ids[i]) || view.get(coll, ids[i])) throw duplicateKey(coll.name, '_id_', { _id: doc._id });
      changes.set(ids[i], doc);
    });
    view.apply(coll, changes);
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private async modify(data: Params): Promise<Body> {
    const now = this.now();
    const coll = this.collection(data);
    const view = this.view(data);
    const query = parseWireObject(data.query, now, 'query');
    const spec = parseWireObject(data.data, now, 'data');
    if (Object.keys(spec).length === 0) throw requestFailed('update data must not be empty');
    const merge = data.merge !== false;
    const upsert = data.upsert === true;
    const seed = upsert ? upsertSeed(query) : {};
    const extra = upsert && seed._id !== undefined ? [idKey(seed._id)] : [];
    const max = data.multi === true ? Infinity : 1;
    let targets = this.writeTargets(view, coll, data, query, max, extra);
    while (!Array.isArray(targets)) {
      await targets;
      targets = this.writeTargets(view, coll, data, query, max, extra);
    }

    const changes = new Map<string, Doc | null>();
    for (const doc of targets) {
      const next = merge ? applyUpdate(doc, spec, query) : replaceDoc(doc._id, spec);
      checkStorable(next);
      if (toWire(next) !== this.store.jsonOf(coll, doc)) changes.set(idKey(doc._id), next);
    }
    let upsertId: unknown = null;
    if (targets.length === 0 && upsert) {
      const newId = seed._id ?? newDocId(now);
      const base = merge ? applyUpdate({ ...seed, _id: newId }, spec, {}) : replaceDoc(newId, spec);
      checkStorable(base);
      const id = idKey(newId);
      if (view.get(coll, id)) throw duplicateKey(coll.name, '_id_', { _id: newId });
      changes.set(id, base);
      upsertId = newId;
    }
    view.apply(coll, changes);
    // set() reports the document it replaced even when the content was identical (WeChat counts the match);
    // update() reports only documents it changed, as MongoDB's nModified.
    const updated = upsertId !== null ? 0 : merge ? changes.size : targets.length;
    return { data: { updated, upsert_id: upsertId } };
  }

  private async remove(data: Params): Promise<Body> {
    const coll = this.collection(data);
    const view = this.view(data);
    const query = parseWireObject(data.query, this.now(), 'query');
    const max = data.multi === true ? Infinity : 1;
    let targets = this.writeTargets(view, coll, data, query, max);
    while (!Array.isArray(targets)) {
      await targets;
      targets = this.writeTargets(view, coll, data, query, max);
    }
    const changes = new Map<string, Doc | null>(targets.map((doc) => [idKey(doc._id), null]));
    view.apply(coll, changes);
    return { data: { deleted: changes.size } };
  }

  private createCollection(data: Params): Body {
    const name = data.collectionName;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
      throw new DbError('INVALID_PARAM', `invalid collection name: ${String(name)}`);
    }
    // wx-server-sdk's createCollection does not map service codes, so this surfaces as errCode -1 with this text.
    if (!this.store.createCollection(name))
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
    return {};
  }
}
