// Demo data: loaded once on the first start with an empty DATA_DIR, recorded when complete, and redone from a clean
// database when an earlier load was interrupted. The seed itself is replaced by one that uses the echo fixture.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoIdentity } from '../../emulator/demo/seed';
import { startEmulator } from '../../emulator/main';
import type { Envelope } from '../../src/domain/errors';
import { FIXTURE_CLOUD } from '../helpers/fixtures';

type Invoke = (fn: string, action: string, data: unknown, openid?: string) => Promise<Envelope<unknown>>;
const mockSeed = jest.fn<Promise<DemoIdentity[]>, [Invoke]>();
jest.mock('../../emulator/demo/seed', () => ({ seedDemoData: (invoke: Invoke) => mockSeed(invoke) }));

const IDENTITIES: DemoIdentity[] = [{ openid: 'demo-admin', label: '机关工委管理员', role: 'admin' }];

async function goodSeed(invoke: Invoke): Promise<DemoIdentity[]> {
  const r = await invoke('echo', 'write', { id: 'seeded', value: process.env.ADMIN_OPENIDS }, 'demo-admin');
  if (!r.ok) throw new Error('seed write failed');
  return IDENTITIES;
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
  mockSeed.mockReset();
  delete process.env.ADMIN_OPENIDS;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const start = (demoData = true) =>
  startEmulator({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demoData,
    functionsFrom: 'source',
    ...FIXTURE_CLOUD,
    timers: false,
  });

it('seeds once, as the demo admin named in ADMIN_OPENIDS, and records the identities', async () => {
  mockSeed.mockImplementation(goodSeed);
  const first = await start();
  expect(first.identities).toEqual(IDENTITIES);
  expect(process.env.ADMIN_OPENIDS).toBe('demo-admin');
  expect(await first.invoke('echo', { action: 'read', data: { id: 'seeded' } })).toMatchObject({
    ok: true,
    data: { doc: { value: 'demo-admin' } },
  });
  const served = await (await fetch(`${first.url}/api/dev/identities`)).json();
  expect(served).toEqual({ ok: true, data: { identities: IDENTITIES } });
  await first.close();
  expect(process.env.ADMIN_OPENIDS).toBeUndefined();

  const second = await start();
  expect(mockSeed).toHaveBeenCalledTimes(1);
  expect(second.identities).toEqual(IDENTITIES);
  await second.close();
});

it('keeps an explicit ADMIN_OPENIDS', async () => {
  mockSeed.mockImplementation(goodSeed);
  process.env.ADMIN_OPENIDS = 'someone-else';
  const emu = await start();
  expect(process.env.ADMIN_OPENIDS).toBe('someone-else');
  await emu.close();
  delete process.env.ADMIN_OPENIDS;
});

it('does not seed with DEMO_DATA=0', async () => {
  const emu = await start(false);
  expect(mockSeed).not.toHaveBeenCalled();
  expect(emu.identities).toEqual([]);
  expect(process.env.ADMIN_OPENIDS).toBeUndefined();
  await emu.close();
});

it('redoes an interrupted load from a clean database instead of keeping half of it', async () => {
  mockSeed.mockImplementationOnce(async (invoke) => {
    await invoke('echo', 'write', { id: 'half', value: 1 }, 'demo-admin');
    throw new Error('killed half-way');
  });
  await expect(start()).rejects.toThrow('killed half-way');
  expect(JSON.parse(readFileSync(join(dataDir, 'demo-seed.json'), 'utf8')).status).toBe('started');

  mockSeed.mockImplementation(goodSeed);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const emu = await start();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/interrupted/));
    expect(await emu.invoke('echo', { action: 'read', data: { id: 'half' } })).toEqual({
      ok: true,
      data: { doc: null },
    });
    expect(await emu.invoke('echo', { action: 'read', data: { id: 'seeded' } })).toMatchObject({
      ok: true,
      data: { doc: { _id: 'seeded' } },
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'demo-seed.json'), 'utf8')).status).toBe('done');
    expect(existsSync(join(dataDir, 'demo-identities.json'))).toBe(true);
    await emu.close();
  } finally {
    warn.mockRestore();
  }
});

it('keeps an interrupted load for good when started with DEMO_DATA=0', async () => {
  mockSeed.mockImplementationOnce(async (invoke) => {
    await invoke('echo', 'write', { id: 'half', value: 1 }, 'demo-admin');
    throw new Error('killed half-way');
  });
  await expect(start()).rejects.toThrow('killed half-way');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const empty = await start(false);
    await empty.invoke('echo', { action: 'write', data: { id: 'real', value: 2 } }, 'o-1');
    await empty.close();
    mockSeed.mockImplementation(goodSeed);
    const later = await start(true);
    expect(mockSeed).toHaveBeenCalledTimes(1);
    expect(await later.invoke('echo', { action: 'read', data: { id: 'real' } })).toMatchObject({
      ok: true,
      data: { doc: { value: 2 } },
    });
    await later.close();
  } finally {
    warn.mockRestore();
  }
});
