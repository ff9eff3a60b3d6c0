// Data written through the gateway survives a restart, and a `kill -9` of the emulator process loses no write it had
// acknowledged; the process also shuts down cleanly on SIGTERM and fails fast on bad settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGateway } from '../helpers/cloud';
import { FIXTURE_CLOUD, FIXTURE_COLLECTIONS, bundleFixtureFunctions } from '../helpers/fixtures';
import type { EmulatorProcess } from '../helpers/process';
import { spawnEmulator } from '../helpers/process';

jest.setTimeout(60_000);

async function post(
  url: string,
  fn: string,
  event: unknown,
  openid?: string,
): Promise<{ status: number; body: { ok: boolean; data?: { doc?: unknown } } }> {
  const res = await fetch(`${url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(event),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean } };
}

const dirs: string[] = [];
const procs: EmulatorProcess[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
let bundles: string;
beforeAll(() => {
  // The process runs the bundled fixture, exactly as `npm start` runs the real functions.
  bundles = bundleFixtureFunctions();
  dirs.push(bundles);
});
afterEach(() => {
  for (const p of procs.splice(0)) if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(dataDir: string, extra: Record<string, string> = {}): EmulatorProcess {
  const p = spawnEmulator({
    DATA_DIR: dataDir,
    DEMO_DATA: '0',
    FUNCTIONS_DIR: bundles,
    FUNCTIONS_FROM: 'bundle',
    COLLECTIONS_FILE: FIXTURE_COLLECTIONS,
    ...extra,
  });
  procs.push(p);
  return p;
}

it('keeps data written through the gateway across an in-process restart', async () => {
  const dataDir = tempDir('gateway-restart-');
  const first = await startTestGateway({ ...FIXTURE_CLOUD, dataDir });
  expect((await first.post('echo', { action: 'write', data: { id: 'kept', value: '保留' } }, 'o-1')).status).toBe(200);
  await first.close();
  const second = await startTestGateway({ ...FIXTURE_CLOUD, dataDir });
  try {
    expect(await second.callRaw('echo', 'read', { id: 'kept' })).toEqual({
      ok: true,
      data: { doc: { _id: 'kept', value: '保留', owner: 'o-1' } },
    });
  } finally {
    await second.close();
  }
});

// Its own timeout: it starts the emulator process twice, and each start took 22–24 s on this loaded machine during a full
// run; the whole test took 53 s alone and ran past the file's 60 s in the randomized full run with seed 7919.
it('loses no acknowledged write when the process is killed with SIGKILL mid-stream', async () => {
  const dataDir = tempDir('gateway-kill-');
  const first = start(dataDir);
  const url = await first.ready;
  const acked: string[] = [];
  let stop = false;
  // Four writers keep requests in flight at the moment of the kill.
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `w${w}-${i}`;
      try {
        const r = await post(url, 'echo', { action: 'write', data: { id, value: i } }, `o-${w}`);
        if (r.status === 200 && r.body.ok) acked.push(id);
      } catch {
        return;
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  while (acked.length < 300) await new Promise((r) => setTimeout(r, 5));
  first.proc.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

  const second = start(dataDir);
  const url2 = await second.ready;
  const missing: string[] = [];
  for (let i = 0; i < acked.length; i += 50) {
    const batch = acked.slice(i, i + 50);
    const reads = await Promise.all(batch.map((id) => post(url2, 'echo', { action: 'read', data: { id } })));
    reads.forEach((r, k) => {
      if (!r.body.data?.doc) missing.push(batch[k]);
    });
  }
  expect(missing).toEqual([]);
  second.proc.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
}, 180_000);

it('shuts down cleanly on SIGTERM', async () => {
  const p = start(tempDir('gateway-term-'));
  const url = await p.ready;
  expect((await post(url, 'echo', { action: 'write', data: { id: 'x', value: 1 } }, 'o-1')).status).toBe(200);
  p.proc.kill('SIGTERM');
  expect(await p.exited).toEqual({ code: 0, signal: null });
  expect(p.output()).toMatch(/正在关闭本地云/);
});

it('fails fast, naming the variable, when a setting is invalid', async () => {
  const p = start(tempDir('gateway-badenv-'), { PORT: 'eighty' });
  await expect(p.ready).rejects.toThrow(/PORT/);
  expect((await p.exited).code).toBe(1);
  expect(p.output()).toMatch(/环境变量 PORT="eighty" 无效/);
});
