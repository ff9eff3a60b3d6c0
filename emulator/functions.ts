// Finds the cloud functions (folders under cloudfunctions/ with a package.json), loads each from its deployable bundle
// or its TypeScript source, and invokes `main(event, context)` as the calling user.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Envelope } from '../src/domain/errors';
import type { CallSource } from './context';
import { LOCAL_APPID, LOCAL_ENV, makeCaller, runAsCaller } from './context';
import { SDK_PATH } from './cloud';

export const DEFAULT_FUNCTIONS_DIR = resolve(__dirname, '..', 'cloudfunctions');

/** WeChat's limit on what a function may return. */
export const MAX_RESULT_BYTES = 1024 * 1024;

export const INTERNAL_ERROR: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' },
};

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven-field cron: second minute hour day month weekday year, in UTC+8. */
  config: string;
}

export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: TimerTrigger[];
  /** Seconds; WeChat's default is 3. */
  timeout?: number;
}

export interface CloudFunctionInfo {
  name: string;
  dir: string;
  config: FunctionConfig;
}

export type FunctionSource = 'bundle' | 'source';

export interface InvokeOptions {
  /** The caller; absent = anonymous. */
  openid?: string;
  source?: CallSource;
}

export interface Invocation {
  /** What the caller receives (after a JSON round trip, as over WeChat's wire). */
  result: unknown;
  /** True when the function threw (or broke a platform limit): the gateway answers HTTP 500. */
  failed: boolean;
  durationMs: number;
}

export interface RuntimeLogger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

export interface FunctionRuntime {
  readonly functions: ReadonlyMap<string, CloudFunctionInfo>;
  has(name: string): boolean;
  /** Loads every function now, throwing on the first that cannot load (fail fast at start-up). */
  loadAll(): void;
  /** Throws for an unknown function name (a programming error); a function's own failure is an `Invocation`. */
  invoke(name: string, event: unknown, opts?: InvokeOptions): Promise<Invocation>;
}

export interface FunctionRuntimeOptions {
  dir?: string;
  from: FunctionSource;
  logger?: RuntimeLogger;
  /** Warn when a call runs longer than the function's WeChat timeout (the emulator does not cut it off). */
  warnSlow?: boolean;
}

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

const NAME = /^[A-Za-z0-9_-]{1,60}$/;

export function discoverFunctions(dir: string = DEFAULT_FUNCTIONS_DIR): CloudFunctionInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(
      (name) =>
        NAME.test(name) && statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'package.json')),
    )
    .sort()
    .map((name) => {
      const configFile = join(dir, name, 'config.json');
      let config: FunctionConfig = {};
      if (existsSync(configFile)) {
        try {
          config = JSON.parse(readFileSync(configFile, 'utf8')) as FunctionConfig;
        } catch (e) {
          throw new Error(`${configFile} is not valid JSON: ${(e as Error).message}`);
        }
      }
      return { name, dir: join(dir, name), config };
    });
}

function loadMain(fn: CloudFunctionInfo, from: FunctionSource): Main {
  const file = join(fn.dir, from === 'bundle' ? 'index.js' : 'index.ts');
  if (!existsSync(file)) {
    throw new Error(
      from === 'bundle'
        ? `云函数 ${fn.name} 尚未打包 / not bundled: ${file} is missing (npm run build:functions)`
        : `${file} is missing`,
    );
  }
  // A second copy of the SDK (e.g. cloudfunctions/x/node_modules) would bypass the local cloud entirely.
  const sdk = require.resolve('wx-server-sdk', { paths: [fn.dir] });
  if (sdk !== SDK_PATH)
    throw new Error(`云函数 ${fn.name} resolves wx-server-sdk to ${sdk}, not ${SDK_PATH}: remove that copy`);
  const mod = require(file) as { main?: unknown };
  if (typeof mod.main !== 'function') throw new Error(`${file} does not export main(event, context)`);
  return mod.main as Main;
}

/** Logs to the console as it is at the time of logging (so tests can silence it with a spy). */
export const consoleLogger: RuntimeLogger = {
  error: (message, error) => console.error(message, error ?? ''),
  warn: (message) => console.warn(message),
};

let requestSeq = 0;

export function createFunctionRuntime(opts: FunctionRuntimeOptions): FunctionRuntime {
  const logger = opts.logger ?? consoleLogger;
  const functions = new Map(discoverFunctions(opts.dir).map((f) => [f.name, f]));
  // Loaded on first use, so a test that calls one function does not pay for loading all of them.
  const loaded = new Map<string, Main>();
  const load = (fn: CloudFunctionInfo): Main => {
    let main = loaded.get(fn.name);
    if (!main) {
      main = loadMain(fn, opts.from);
      loaded.set(fn.name, main);
    }
    return main;
  };

  async function invoke(name: string, event: unknown, invokeOpts: InvokeOptions = {}): Promise<Invocation> {
    const fn = functions.get(name);
    if (!fn) throw new Error(`unknown cloud function "${name}" (known: ${[...functions.keys()].join(', ')})`);
    const source = invokeOpts.source ?? 'wx_client';
    const started = performance.now();
    const took = () => Math.round((performance.now() - started) * 10) / 10;
    const requestId = `local-${process.pid}-${++requestSeq}`;
    try {
      // Events cross WeChat's wire as JSON; calls from a mini-program also carry the deprecated `userInfo`.
      const wireEvent = JSON.parse(JSON.stringify(event ?? {})) as unknown;
      // A non-object event reaches the function as it is, which answers INVALID_ARGUMENT.
      if (invokeOpts.openid && source === 'wx_client' && isPlainObject(wireEvent))
        wireEvent.userInfo = { appId: LOCAL_APPID, openId: invokeOpts.openid };
      const main = load(fn);
      const context = {
        request_id: requestId,
        function_name: name,
        function_version: '$LATEST',
        namespace: LOCAL_ENV,
        memory_limit_in_mb: 256,
        time_limit_in_ms: (fn.config.timeout ?? 3) * 1000,
      };
      const raw = await runAsCaller(makeCaller(invokeOpts.openid, source), () => main(wireEvent, context));
      const json = JSON.stringify(raw ?? null);
      const durationMs = took();
      if (opts.warnSlow && durationMs > context.time_limit_in_ms) {
        logger.warn(
          `云函数 ${name} 用时 ${durationMs} ms，超过微信上的超时 ${context.time_limit_in_ms} ms / would time out on WeChat`,
        );
      }
      if (Buffer.byteLength(json) > MAX_RESULT_BYTES) {
        logger.error(`云函数 ${name} 返回值超过 1 MB（微信会报 -604001）/ result over 1 MB [${requestId}]`);
        return { result: INTERNAL_ERROR, failed: true, durationMs };
      }
      return { result: JSON.parse(json) as unknown, failed: false, durationMs };
    } catch (e) {
      logger.error(`云函数 ${name} 抛出异常 / threw [${requestId}]`, e);
      return { result: INTERNAL_ERROR, failed: true, durationMs: took() };
    }
  }

  return {
    functions,
    has: (name) => functions.has(name),
    loadAll: () => {
      for (const fn of functions.values()) load(fn);
    },
    invoke,
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
