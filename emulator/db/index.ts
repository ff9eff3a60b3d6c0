// The emulator's WeChat-cloud-database-compatible backend: the real wx-server-sdk's wire, answered from SQLite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseService } from './service';
import type { DbOperation } from './service';

export type { DbOperation } from './service';
export { attachDatabase } from './seam';

export interface CollectionsSpec {
  collections: Record<string, { indexes: Array<{ name: string; keys: Record<string, 1 | -1>; unique?: boolean }> }>;
}

export interface CloudDatabase {
  /** One wire request exactly as the SDK's TcbDBApiHttpRequester.send(api, data) sends it (api like 'database.getDocument'); resolves to the response the real service would give. */
  request(api: string, data: Record<string, unknown>): Promise<unknown>;
  /** Subscribe to every database operation (for benchmarks counting reads/writes per user action). Returns unsubscribe. */
  onOperation(listener: (op: DbOperation) => void): () => void;
  close(): void;
}

/**
 * Reads the project's collection list (default `<repo>/database/collections.json`), checking its shape once so
 * that a typo fails at start-up with the file's name, not later as a missing collection.
 * @example loadCollections().collections.members.indexes[0].name // 'phone_unique'
 */
export function loadCollections(
  file: string = join(__dirname, '..', '..', 'database', 'collections.json'),
): CollectionsSpec {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CollectionsSpec>;
  const collections = parsed.collections;
  if (!collections || typeof collections !== 'object') throw new Error(`${file}: missing "collections" object`);
  for (const [name, def] of Object.entries(collections)) {
    if (!def || !Array.isArray(def.indexes)) throw new Error(`${file}: collection "${name}" needs an "indexes" array`);
    for (const index of def.indexes) {
      const keys = Object.entries(index?.keys ?? {});
      if (!index?.name || keys.length === 0 || keys.some(([, dir]) => dir !== 1 && dir !== -1)) {
        throw new Error(`${file}: collection "${name}" has an index without a name or with keys other than 1 | -1`);
      }
    }
  }
  return { collections };
}

/**
 * Opens (or creates) the database in `file` (`':memory:'` for a throwaway one) with exactly the collections of
 * `collections`; `now` is the backend's clock for `db.serverDate()`.
 * @example const db = openDatabase({ file: ':memory:', collections: loadCollections() }); attachDatabase(db);
 */
export function openDatabase(opts: {
  file: string;
  collections: CollectionsSpec;
  now?: () => Date;
  /** How long an uncommitted transaction lives (tests shorten WeChat's limit). */
  transactionLifetimeMs?: number;
}): CloudDatabase {
  const service = new DatabaseService(
    opts.file,
    opts.collections.collections,
    opts.now ?? (() => new Date()),
    opts.transactionLifetimeMs,
  );
  return {
    request: (api, data) => service.request(api, data),
    onOperation: (listener) => service.onOperation(listener),
    close: () => service.close(),
  };
}
