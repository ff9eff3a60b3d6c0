// The harness every function test uses: a fresh local cloud per test file (temp DATA_DIR, new database, functions
// loaded from their TypeScript source, in-process), and an HTTP gateway on a free port for tests that need one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCloud } from '../../emulator/cloud';
import { currentCaller } from '../../emulator/context';
import type { CloudDatabase } from '../../emulator/db';
import { loadCollections, openDatabase } from '../../emulator/db';
import type { FunctionRuntime } from '../../emulator/functions';
import { createFunctionRuntime } from '../../emulator/functions';
import type { RunningEmulator } from '../../emulator/main';
import { DB_FILE_NAME, startEmulator } from '../../emulator/main';
import { timerEvent } from '../../emulator/timers';
import type { ActionName, ActionOutput, FunctionName } from '../../src/domain/api';
import type { ApiError, Envelope } from '../../src/domain/errors';

/** A call of the contract: renaming a function, an action or an output field fails type-checking in the tests. */
export type ContractCall = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data?: unknown,
  openid?: string,
) => Promise<Envelope<ActionOutput<F, A>>>;

/** Any function with one of its actions, e.g. for a table of role checks over several functions. */
export type AnyAction = { [F in FunctionName]: [fn: F, action: ActionName<F>] }[FunctionName];

/** A call outside the contract: the emulator's fixture functions, an unknown function or action. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawCall = (fn: string, action: string, data?: unknown, openid?: string) => Promise<Envelope<any>>;

export interface TestCloudOptions {
  /** Become ADMIN_OPENIDS for the test (restored on close); none when absent. */
  adminOpenids?: string[];
  /** Default: the project's cloudfunctions/. */
  functionsDir?: string;
  /** The database's clock for serverDate() (default: the real one). */
  now?: () => Date;
  /** Default: database/collections.json. */
  collectionsFile?: string;
}

export interface TestCloud {
  /**
   * Calls `fn` with `{ action, data }` as `openid` (absent = anonymous), like the mini-program does; the envelope
   * carries the action's output type. `data` stays `unknown` so that tests can send bad input.
   */
  call: ContractCall;
  /** The same outside the contract: the emulator's fixture functions, an unknown function or action. */
  callRaw: RawCall;
  /** Calls `fn` with an arbitrary event (e.g. a malformed one) as `openid`. */
  invoke(fn: string, rawEvent: unknown, openid?: string): Promise<unknown>;
  /** Runs a timer trigger of `fn` now, with the event WeChat sends (`at` defaults to the `now` clock). */
  fireTimer(fn: string, triggerName: string, at?: Date): Promise<unknown>;
  db: CloudDatabase;
  /**
   * Counts the database reads and writes made while `fn` runs (everything on this cloud during that time).
   * Example: `const { reads, writes } = await cloud.countOps(() => cloud.call('user', 'login', {}, 'o1'))`.
   */
  countOps<T>(fn: () => Promise<T>): Promise<{ result: T; reads: number; writes: number }>;
  /** The functions found (names, config.json) and the raw invoke with its `failed` flag. */
  runtime: FunctionRuntime;
  dataDir: string;
  close(): Promise<void>;
}

/** Sets ADMIN_OPENIDS for a test; returns the function that puts the old value back. */
function setAdmins(adminOpenids: string[] | undefined): () => void {
  const before = process.env.ADMIN_OPENIDS;
  if (adminOpenids) process.env.ADMIN_OPENIDS = adminOpenids.join(',');
  else delete process.env.ADMIN_OPENIDS;
  return () => {
    if (before === undefined) delete process.env.ADMIN_OPENIDS;
    else process.env.ADMIN_OPENIDS = before;
  };
}

export async function createTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'test-cloud-'));
  const restoreAdmins = setAdmins(opts.adminOpenids);
  const now = opts.now ?? (() => new Date());
  let db: CloudDatabase | undefined;
  let uninstall: (() => void) | undefined;
  const close = async () => {
    uninstall?.();
    db?.close();
    uninstall = undefined;
    db = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    restoreAdmins();
  };
  try {
    const database = openDatabase({
      file: join(dataDir, DB_FILE_NAME),
      collections: loadCollections(opts.collectionsFile),
      now: opts.now,
    });
    db = database;
    const runtime = createFunctionRuntime({ dir: opts.functionsDir, from: 'source' });
    uninstall = installCloud({
      db: database,
      dataDir,
      callFunction: async (name, data) => {
        const caller = currentCaller();
        return (await runtime.invoke(name, data, { openid: caller?.OPENID, source: caller?.SOURCE })).result;
      },
    });
    const invoke = async (fn: string, rawEvent: unknown, openid?: string) =>
      (await runtime.invoke(fn, rawEvent, { openid })).result;
    const callRaw: RawCall = (fn, action, data = {}, openid) =>
      invoke(fn, { action, data }, openid) as Promise<Envelope<never>>;
    return {
      call: callRaw,
      callRaw,
      invoke,
      fireTimer: async (fn, triggerName, at = now()) =>
        (await runtime.invoke(fn, timerEvent(triggerName, at), { source: 'wx_trigger' })).result,
      db: database,
      async countOps<T>(fn: () => Promise<T>) {
        let reads = 0;
        let writes = 0;
        const stop = database.onOperation((op) => {
          if (op.kind === 'read') reads++;
          else if (op.kind === 'write') writes++;
        });
        try {
          const result = await fn();
          return { result, reads, writes };
        } finally {
          stop();
        }
      },
      runtime,
      dataDir,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export interface TestGatewayOptions extends TestCloudOptions {
  /** Reuse a data directory (e.g. to restart on the same data); it is then kept on close. */
  dataDir?: string;
  staticDir?: string;
}

export interface PostResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface TestGateway {
  url: string;
  dataDir: string;
  db: CloudDatabase;
  emulator: RunningEmulator;
  /** POST /api/fn/<fn> with `body` (an object is sent as JSON, a string as is) as `openid`. */
  post(fn: string, body: unknown, openid?: string): Promise<PostResult>;
  /** POST /api/fn/<fn> with `{ action, data }`; resolves with the envelope typed by the contract. */
  call: ContractCall;
  /** The same outside the contract: the emulator's fixture functions, an unknown function or action. */
  callRaw: RawCall;
  close(): Promise<void>;
}

/** The emulator with its HTTP gateway on 127.0.0.1 and a free port; functions from source, no demo data, no timers. */
export async function startTestGateway(opts: TestGatewayOptions = {}): Promise<TestGateway> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'test-gateway-'));
  const restoreAdmins = setAdmins(opts.adminOpenids);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demoData: false,
      functionsFrom: 'source',
      functionsDir: opts.functionsDir,
      collectionsFile: opts.collectionsFile,
      staticDir: opts.staticDir,
      timers: false,
      now: opts.now,
    });
  } catch (e) {
    restoreAdmins();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const post = async (fn: string, body: unknown, openid?: string): Promise<PostResult> => {
    const res = await fetch(`${emulator.url}/api/fn/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the test sees the raw text.
    }
    return { status: res.status, body: parsed };
  };
  const callRaw: RawCall = async (fn, action, data = {}, openid) => (await post(fn, { action, data }, openid)).body;
  return {
    url: emulator.url,
    dataDir,
    db: emulator.db,
    emulator,
    post,
    call: callRaw,
    callRaw,
    async close() {
      await emulator.close();
      restoreAdmins();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The data of a successful envelope; otherwise fails with the error code and message. */
export async function expectOk<T>(envelope: Envelope<T> | Promise<Envelope<T>>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(`expected ok, got ${e.error.code}: ${e.error.message}`);
  return e.data;
}

/** The error of a failed envelope; fails unless it has `code`. */
export async function expectError<T>(envelope: Envelope<T> | Promise<Envelope<T>>, code: string): Promise<ApiError> {
  const e = await envelope;
  if (e.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(e.data)}`);
  if (e.error.code !== code) throw new Error(`expected ${code}, got ${e.error.code}: ${e.error.message}`);
  return e.error;
}
