// Set-up of the database conformance tests: a fresh temp directory and database per file, the real SDK routed to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachDatabase, openDatabase } from '../../../emulator/db';
import type { CloudDatabase, CollectionsSpec, DbOperation } from '../../../emulator/db';

/**
 * The SDK's own typings answer `Promise<T> | void | string` and type `env` as a string, so the tests use it
 * untyped, as a cloud function written in JavaScript would.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sdk = any;

export const TEST_COLLECTIONS: CollectionsSpec = {
  collections: {
    todos: { indexes: [{ name: 'owner', keys: { owner: 1 } }] },
    members: {
      indexes: [
        { name: 'phone_unique', keys: { phone: 1 }, unique: true },
        { name: 'org_order', keys: { orgId: 1, order: 1 } },
      ],
    },
    counters: { indexes: [] },
    orgs: { indexes: [] },
    big: { indexes: [{ name: 'group', keys: { group: 1 } }] },
  },
};

export interface DbHarness {
  cloud: Sdk;
  db: CloudDatabase;
  file: string;
  dir: string;
  /** Closes and reopens the database file (as a restart would), re-attaching the SDK. */
  reopen(): void;
  /** Collects the operations made while `fn` runs. */
  record<T>(fn: () => Promise<T>): Promise<{ result: T; ops: DbOperation[] }>;
  close(): void;
}

export function openHarness(
  opts: { now?: () => Date; collections?: CollectionsSpec; transactionLifetimeMs?: number } = {},
): DbHarness {
  const dir = mkdtempSync(join(tmpdir(), 'db-test-'));
  const file = join(dir, 'cloud.db');
  const collections = opts.collections ?? TEST_COLLECTIONS;
  const cloud: Sdk = require('wx-server-sdk');
  let db = openDatabase({ file, collections, now: opts.now, transactionLifetimeMs: opts.transactionLifetimeMs });
  let detach = attachDatabase(db);
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const harness: DbHarness = {
    cloud,
    get db() {
      return db;
    },
    file,
    dir,
    reopen() {
      detach();
      db.close();
      db = openDatabase({ file, collections, now: opts.now, transactionLifetimeMs: opts.transactionLifetimeMs });
      detach = attachDatabase(db);
    },
    async record(fn) {
      const ops: DbOperation[] = [];
      const stop = db.onOperation((op) => ops.push(op));
      try {
        return { result: await fn(), ops };
      } finally {
        stop();
      }
    },
    close() {
      detach();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Sdk> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
