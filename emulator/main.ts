// Starts the local cloud: the database in DATA_DIR, the cloud functions with the local SDK stand-ins, timer triggers,
// the demo data on first start, and the HTTP gateway. Also runnable as a process: `tsx emulator/main.ts`.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Envelope } from '../src/domain/errors';
import { installCloud } from './cloud';
import { readEnvConfig } from './config';
import { currentCaller } from './context';
import type { CloudDatabase } from './db';
import { loadCollections, openDatabase } from './db';
import type { DemoIdentity } from './demo/seed';
import {
  abandonInterruptedSeed,
  discardPartialData,
  loadDemoData,
  readIdentities,
  seedWasInterrupted,
} from './demo-data';
import type { FunctionRuntime, FunctionSource, RuntimeLogger } from './functions';
import { consoleLogger, createFunctionRuntime } from './functions';
import { createGateway } from './gateway';
import { createChangeFeed } from './realtime/changes';
import { loadClientReadRules } from './realtime/rules';
import { createWatchEndpoint } from './realtime/watch';
import { LocalStorage } from './storage';
import { startTimers } from './timers';
import { WxApiError } from './wx-error';

export const DB_FILE_NAME = 'cloud.sqlite';
export const DEMO_ADMIN_OPENID = 'demo-admin';
/** How long close() lets calls in flight finish before dropping their connections. */
const CLOSE_GRACE_MS = 5000;

export interface StartEmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  dataDir: string;
  /** Load the demo data on the first start with an empty data directory. */
  demoData: boolean;
  /** `bundle`: each function's built index.js (what is deployed); `source`: its index.ts (tests, tsx). */
  functionsFrom: FunctionSource;
  functionsDir?: string;
  staticDir?: string;
  /** The collections the database creates (default database/collections.json). */
  collectionsFile?: string;
  /** Run timer triggers on schedule (default true). */
  timers?: boolean;
  /** The database's clock for serverDate(), and the timers' (default: the real one). */
  now?: () => Date;
  logger?: RuntimeLogger;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  /** Calls a function in-process as `openid` (absent = anonymous); resolves with what the caller would receive. */
  invoke(fn: string, event: unknown, openid?: string): Promise<unknown>;
  db: CloudDatabase;
  runtime: FunctionRuntime;
  /** The demo identities (empty without demo data). */
  identities: DemoIdentity[];
  /** Stops timers and the gateway (letting calls in flight finish), then closes the database. Idempotent. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`端口 ${port} 已被占用 / port ${port} on ${host} is in use: set PORT to another port`)
          : e,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolveClose();
    });
    server.closeIdleConnections();
  });
}

export async function startEmulator(opts: StartEmulatorOptions): Promise<RunningEmulator> {
  const logger = opts.logger ?? consoleLogger;
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const dbFile = join(dataDir, DB_FILE_NAME);
  if (seedWasInterrupted(dataDir)) {
    if (opts.demoData) {
      logger.warn(
        '上次载入演示数据未完成，重新载入 / the previous demo-data load was interrupted: starting over with a clean database',
      );
      discardPartialData(dataDir, dbFile);
    } else {
      logger.warn(
        '数据库中有未载入完整的演示数据，按 DEMO_DATA=0 保留 / keeping a half-loaded demo database as DEMO_DATA=0 asks',
      );
      abandonInterruptedSeed(dataDir);
    }
  }
  const firstStart = !existsSync(dbFile);

  // Undone in reverse order by close(), or right away when start-up fails half-way.
  const cleanup: Array<() => void | Promise<void>> = [];
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const step of cleanup.reverse()) await step();
    })());

  // The demo admin must be an admin from the start; an explicit ADMIN_OPENIDS (even an empty one) wins.
  const adminBefore = process.env.ADMIN_OPENIDS;
  if (opts.demoData && adminBefore === undefined) process.env.ADMIN_OPENIDS = DEMO_ADMIN_OPENID;
  cleanup.push(() => {
    if (adminBefore === undefined) delete process.env.ADMIN_OPENIDS;
    else process.env.ADMIN_OPENIDS = adminBefore;
  });

  try {
    const feed = createChangeFeed(
      openDatabase({ file: dbFile, collections: loadCollections(opts.collectionsFile), now: opts.now }),
    );
    const db = feed.db;
    cleanup.push(() => db.close());
    const runtime = createFunctionRuntime({ dir: opts.functionsDir, from: opts.functionsFrom, logger, warnSlow: true });
    if (opts.functionsFrom === 'bundle') runtime.loadAll();

    let ready = false;
    let url = '';
    cleanup.push(
      installCloud({
        db,
        dataDir,
        publicUrl: () => url,
        callFunction: async (name, data) => {
          if (!runtime.has(name)) throw new WxApiError('cloud.callFunction', -504002, `function ${name} not found`);
          const caller = currentCaller();
          return (await runtime.invoke(name, data, { openid: caller?.OPENID, source: caller?.SOURCE })).result;
        },
      }),
    );
    const storage = new LocalStorage(dataDir, () => url);
    const watch = createWatchEndpoint(feed, loadClientReadRules(opts.collectionsFile));
    const server = createGateway({
      runtime,
      storage,
      dataDir,
      staticDir: opts.staticDir,
      isReady: () => ready,
      logger,
      watch,
    });
    // Listening first fixes the URL that QR codes and temp file URLs point to; calls wait for `ready`.
    const port = await listen(server, opts.port, opts.host);
    cleanup.push(() => {
      watch.closeAll();
      return closeServer(server);
    });
    url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;

    const invoke = async (fn: string, event: unknown, openid?: string) =>
      (await runtime.invoke(fn, event, { openid })).result;

    let identities = readIdentities(dataDir);
    if (opts.demoData && firstStart) {
      identities = await loadDemoData(
        dataDir,
        (fn, action, data, openid) => invoke(fn, { action, data }, openid) as Promise<Envelope<unknown>>,
      );
    }
    if (opts.timers !== false) cleanup.push(startTimers(runtime, { logger, now: opts.now }));
    ready = true;
    return { url, invoke, db, runtime, identities, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Closes the emulator on SIGINT/SIGTERM (Ctrl-C), then exits; a second signal exits at once. */
export function closeOnSignals(emulator: Pick<RunningEmulator, 'close'>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n收到 ${signal}，正在关闭本地云 / shutting down...`);
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The process entry: configuration from the environment, read once. */
async function runFromEnv(): Promise<void> {
  const config = readEnvConfig();
  const emulator = await startEmulator({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    demoData: config.demoData,
    functionsFrom: config.functionsFrom,
    functionsDir: config.functionsDir,
    collectionsFile: config.collectionsFile,
    staticDir: config.staticDir,
  });
  closeOnSignals(emulator);
  console.log(`本地云已启动 / emulator listening on ${emulator.url}`);
}

if (require.main === module) {
  runFromEnv().catch((e: unknown) => {
    console.error(`本地云启动失败 / emulator failed to start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
