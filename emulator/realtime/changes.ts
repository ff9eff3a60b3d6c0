// The realtime seam: wraps the local database so that every committed write is followed, in order, by a fresh
// read of the documents someone watches in that collection. Works on the wire only (what wx-server-sdk sends), so
// it does not depend on how the database stores things.
import { EJSON } from 'bson';
import type { CloudDatabase, DbOperation } from '../db';

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument']);
const COMMIT = 'database.commitTransaction';

/** A watched document's latest content as JSON text, or null when it does not exist. */
export type DocListener = (json: string | null) => void;

export interface ChangeFeed {
  /** The database to hand to the cloud and everyone else: the same, plus change notification. */
  readonly db: CloudDatabase;
  /**
   * Calls `listener` with the document now and after every committed write to its collection that changed it,
   * in commit order. Returns the function that stops it.
   */
  watch(collection: string, docId: string, listener: DocListener): Promise<() => void>;
}

interface Watched {
  listeners: Set<DocListener>;
  /** The last content sent, so a write that did not change this document sends nothing. */
  last: string | null | undefined;
}

function answered(res: unknown): boolean {
  return !(typeof res === 'object' && res !== null && (res as { code?: unknown }).code);
}

/**
 * Wraps `inner`. The feed's own reads are not reported to `onOperation` listeners (benchmarks and tests count the
 * functions' database operations, not the emulator's): the service reports an operation synchronously when the
 * request starts, so it is skipped while `internal` is set around that call.
 *
 * @example const feed = createChangeFeed(openDatabase({ file, collections })); installCloud({ db: feed.db, ... });
 */
export function createChangeFeed(inner: CloudDatabase): ChangeFeed {
  const watched = new Map<string, Map<string, Watched>>();
  const opListeners = new Set<(op: DbOperation) => void>();
  let internal = false;
  inner.onOperation((op) => {
    if (!internal) for (const l of opListeners) l(op);
  });
  // Refreshes are chained so that each write's snapshot goes out before the next one's.
  let chain: Promise<void> = Promise.resolve();

  async function read(collection: string, docId: string): Promise<string | null> {
    internal = true;
    let pending: Promise<unknown>;
    try {
      pending = inner.request('database.getDocument', {
        collectionName: collection,
        query: EJSON.stringify({ _id: docId }, { relaxed: false }),
        limit: 1,
      });
    } finally {
      internal = false;
    }
    const res = (await pending) as { data?: { list?: string[] } };
    const text = res.data?.list?.[0];
    return text === undefined ? null : JSON.stringify(EJSON.parse(text, { relaxed: true }));
  }

  async function refresh(collection: string, docId: string, w: Watched): Promise<void> {
    if (w.listeners.size === 0) return;
    const json = await read(collection, docId);
    if (json === w.last) return;
    w.last = json;
    for (const l of w.listeners) l(json);
  }

  function refreshAll(collections: string[]): Promise<void> {
    const step = async () => {
      try {
        for (const c of collections) for (const [docId, w] of watched.get(c) ?? []) await refresh(c, docId, w);
      } catch (e) {
        // A failed refresh (the database closing) must not fail the write that triggered it.
        console.error('realtime refresh failed', e);
      }
    };
    chain = chain.then(step, step);
    return chain;
  }

  const db: CloudDatabase = {
    async request(api, data) {
      const res = await inner.request(api, data);
      if (!answered(res) || watched.size === 0) return res;
      if (WRITES.has(api) && typeof data.collectionName === 'string' && !data.transactionId) {
        if (watched.has(data.collectionName)) await refreshAll([data.collectionName]);
      } else if (api === COMMIT) {
        await refreshAll([...watched.keys()]);
      }
      return res;
    },
    onOperation(listener) {
      opListeners.add(listener);
      return () => {
        opListeners.delete(listener);
      };
    },
    close: () => inner.close(),
  };

  return {
    db,
    async watch(collection, docId, listener) {
      let docs = watched.get(collection);
      if (!docs) watched.set(collection, (docs = new Map()));
      let w = docs.get(docId);
      if (!w) docs.set(docId, (w = { listeners: new Set(), last: undefined }));
      const entry = w;
      // The current document first (read in the chain, so no write's snapshot can overtake it).
      const first = (chain = chain
        .then(
          () => read(collection, docId),
          () => read(collection, docId),
        )
        .then((json) => {
          listener(json);
          // With other watchers, a newer content than theirs is sent to them by the write's own refresh.
          if (entry.listeners.size === 0) entry.last = json;
          entry.listeners.add(listener);
        }));
      await first;
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size === 0) {
          docs.delete(docId);
          if (docs.size === 0) watched.delete(collection);
        }
      };
    },
  };
}
