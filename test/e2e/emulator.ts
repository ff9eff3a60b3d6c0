// The local cloud for the browser tests: started in-process on a free port with the demo data, the deployable
// function bundles and the H5 build, on a fresh data directory; with a client of its gateway. The demo data is
// loaded once per test run (global-setup.ts) and each file starts from a copy of it.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/main';
import { DEMO_ADMIN_OPENID, startEmulator } from '../../emulator/main';
import type { Envelope } from '../../src/domain/errors';

const root = join(__dirname, '..', '..');
/** What `taro build --type h5` wrote (E2E_STATIC_DIR overrides it, e.g. for a build in TARO_OUTPUT_DIR). */
export const staticDir = process.env.E2E_STATIC_DIR || join(root, 'dist-h5');
const functionsDir = join(root, 'cloudfunctions');

export interface E2eEmulator {
  url: string;
  /** The data directory (removed on close). */
  dataDir: string;
  emulator: RunningEmulator;
  /** What the functions logged as errors while the test ran (an INTERNAL answer is always one). */
  loggedErrors: string[];
  /** POST /api/fn/<fn> with `{ action, data }` as `openid`, like the H5 build does; resolves with the envelope. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(fn: string, action: string, data?: unknown, openid?: string): Promise<Envelope<T>>;
  /** Like call, but resolves with the data and fails (naming the error) when the envelope is not ok. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data<T = any>(fn: string, action: string, data?: unknown, openid?: string): Promise<T>;
  close(): Promise<void>;
}

/** The builds the tests need, checked first so that a missing one fails with what to run. */
function checkBuilds(h5: boolean): void {
  if (h5 && !existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/index.html is missing: run "npx taro build --type h5" (npm run build:h5) first`);
  }
  const unbundled = readdirSync(functionsDir).filter(
    (name) => existsSync(join(functionsDir, name, 'package.json')) && !existsSync(join(functionsDir, name, 'index.js')),
  );
  if (unbundled.length) {
    throw new Error(`cloud functions not bundled (${unbundled.join(', ')}): run "npm run build:functions" first`);
  }
}

/** Where global-setup.ts left the data directory with the demo data loaded (absent: each file loads its own). */
export const SEEDED_DIR_ENV = 'E2E_SEEDED_DATA_DIR';

/**
 * Starts the emulator with the demo data. ADMIN_OPENIDS is set to the demo admin for as long as it runs (an
 * ADMIN_OPENIDS in the developer's shell would otherwise win over main.ts's default and the demo seed would fail),
 * and put back on close, as is the data directory removed. `h5: false` (the weapp check) serves no H5 build.
 */
export async function startE2eEmulator({ h5 = true }: { h5?: boolean } = {}): Promise<E2eEmulator> {
  checkBuilds(h5);
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-cloud-'));
  const seeded = process.env[SEEDED_DIR_ENV];
  // A copy of the loaded demo data is not a first start, so the emulator keeps it instead of loading it again.
  if (seeded && existsSync(seeded)) cpSync(seeded, dataDir, { recursive: true });
  const adminBefore = process.env.ADMIN_OPENIDS;
  process.env.ADMIN_OPENIDS = DEMO_ADMIN_OPENID;
  const restore = () => {
    if (adminBefore === undefined) delete process.env.ADMIN_OPENIDS;
    else process.env.ADMIN_OPENIDS = adminBefore;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const loggedErrors: string[] = [];
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demoData: true,
      functionsFrom: 'bundle',
      staticDir: h5 ? staticDir : undefined,
      timers: false,
      logger: {
        error: (message, error) => {
          loggedErrors.push(
            `${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error ?? '')}`,
          );
          console.error(message, error ?? '');
        },
        warn: (message) => console.warn(message),
      },
    });
  } catch (e) {
    restore();
    throw e;
  }

  const call = async <T>(fn: string, action: string, data: unknown = {}, openid?: string): Promise<Envelope<T>> => {
    const res = await fetch(`${emulator.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
      body: JSON.stringify({ action, data }),
    });
    return (await res.json()) as Envelope<T>;
  };
  let closed = false;
  return {
    url: emulator.url,
    dataDir,
    emulator,
    loggedErrors,
    call,
    async data<T>(fn: string, action: string, data: unknown = {}, openid?: string): Promise<T> {
      const env = await call<T>(fn, action, data, openid);
      if (!env.ok)
        throw new Error(`${fn}.${action} as ${openid ?? 'anonymous'}: ${env.error.code} ${env.error.message}`);
      return env.data;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await emulator.close();
      } finally {
        restore();
      }
    },
  };
}
