// The emulator's settings from environment variables, read once at start; a bad value fails fast naming the variable.
import { resolve } from 'node:path';
import type { FunctionSource } from './functions';

export interface EmulatorEnvConfig {
  port: number;
  host: string;
  dataDir: string;
  demoData: boolean;
  /** Comma-separated openids that are admins from the start, or undefined when unset. */
  adminOpenids: string | undefined;
  functionsFrom: FunctionSource;
  functionsDir: string | undefined;
  collectionsFile: string | undefined;
  staticDir: string | undefined;
}

function fail(name: string, value: string, expected: string): never {
  throw new Error(`环境变量 ${name}=${JSON.stringify(value)} 无效 / invalid: expected ${expected}`);
}

function port(env: NodeJS.ProcessEnv): number {
  const v = env.PORT;
  if (v === undefined || v === '') return 8080;
  if (!/^\d+$/.test(v) || Number(v) > 65535) fail('PORT', v, 'a port number 0-65535 (0 = any free port)');
  return Number(v);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) fail(name, v, allowed.join(' or '));
  return v as T;
}

function adminOpenids(env: NodeJS.ProcessEnv): string | undefined {
  const v = env.ADMIN_OPENIDS;
  if (v === undefined) return undefined;
  if (!/^\s*([A-Za-z0-9_-]+\s*(,\s*|$))*$/.test(v)) fail('ADMIN_OPENIDS', v, 'comma-separated openids');
  return v;
}

function optionalPath(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v ? resolve(v) : undefined;
}

/**
 * PORT (8080), HOST (127.0.0.1), DATA_DIR (.data/), DEMO_DATA ('0' = empty database), ADMIN_OPENIDS; and for tests
 * and tools: FUNCTIONS_FROM (bundle | source), FUNCTIONS_DIR, COLLECTIONS_FILE, STATIC_DIR.
 */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EmulatorEnvConfig {
  return {
    port: port(env),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || '.data'),
    demoData: oneOf(env, 'DEMO_DATA', ['0', '1'], '1') === '1',
    adminOpenids: adminOpenids(env),
    functionsFrom: oneOf(env, 'FUNCTIONS_FROM', ['bundle', 'source'], 'bundle'),
    functionsDir: optionalPath(env, 'FUNCTIONS_DIR'),
    collectionsFile: optionalPath(env, 'COLLECTIONS_FILE'),
    staticDir: optionalPath(env, 'STATIC_DIR'),
  };
}
