// The deployable bundles (scripts/build-functions) behave like their sources: esbuild output loaded by the local cloud,
// with exceljs left to the functions' declared dependencies and loaded on first use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { RunningEmulator } from '../../emulator/main';
import { startEmulator } from '../../emulator/main';
import type { BuiltFunction } from '../../scripts/build-functions';
import { BUNDLE_MAX_BYTES, buildFunctions, functionNames, oversizeBundles } from '../../scripts/build-functions';
import type { EmulatorProcess } from '../helpers/process';
import { spawnEmulator } from '../helpers/process';
import '../helpers/sdk-setup';
import { sdk } from './support';

let emu: RunningEmulator;
let dataDir: string;
let built: BuiltFunction[];
const adminsBefore = process.env.ADMIN_OPENIDS;

beforeAll(async () => {
  // All of them: the emulator process below loads every bundle at start-up.
  built = await buildFunctions();
  process.env.ADMIN_OPENIDS = 'bundle-admin';
  dataDir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  emu = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demoData: false,
    functionsFrom: 'bundle',
    timers: false,
  });
}, 60_000);
afterAll(async () => {
  await emu?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (adminsBefore === undefined) delete process.env.ADMIN_OPENIDS;
  else process.env.ADMIN_OPENIDS = adminsBefore;
});

describe('function bundles', () => {
  it('builds every function within the size limit, exceljs left out', () => {
    expect(built.map((b) => b.name)).toEqual(functionNames());
    expect(built.length).toBeGreaterThanOrEqual(8);
    for (const b of built) expect(b.file).toMatch(new RegExp(`cloudfunctions[\\\\/]${b.name}[\\\\/]index\\.js$`));
    expect(oversizeBundles(built)).toEqual([]);
    for (const b of built) expect(b.bytes).toBeLessThanOrEqual(BUNDLE_MAX_BYTES);
    // Declared in their package.json, so WeChat installs it with the function and the bundle only requires it.
    for (const name of ['checkin', 'live', 'org', 'points', 'quiz', 'rating']) {
      const pkg = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions', name, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ exceljs: require('exceljs/package.json').version, 'wx-server-sdk': '4.0.2' });
      expect(readFileSync(built.find((b) => b.name === name)!.file, 'utf8')).toContain('require("exceljs")');
    }
  });

  it('loads every bundle without loading exceljs', () => {
    const probe =
      'for (const f of process.argv.slice(1)) require(f);' +
      'console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]exceljs[\\\\/]/.test(f))))';
    const loaded = execFileSync(process.execPath, ['-e', probe, ...built.map((b) => b.file)], { encoding: 'utf8' });
    expect(JSON.parse(loaded)).toEqual([]);
  });

  it('names a bundle over the limit', () => {
    expect(oversizeBundles([{ name: 'big', file: 'big/index.js', bytes: BUNDLE_MAX_BYTES + 1, inputs: [] }])).toEqual([
      expect.stringMatching(/^big: 300\.0 KB is over 300 KB; declare a large package in its package\.json/),
    ]);
  });

  it('refuses an unknown function name', async () => {
    await expect(buildFunctions({ names: ['nope'] })).rejects.toThrow(/unknown cloud function\(s\): nope/);
  });

  it('serves org and user from the bundles, Excel import included', async () => {
    const ok = async (fn: string, action: string, data: unknown, openid?: string) => {
      const r = (await emu.invoke(fn, { action, data }, openid)) as { ok: boolean; data?: unknown; error?: unknown };
      if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r.error)}`);
      return r.data as Record<string, unknown>;
    };
    await ok('org', 'saveOrg', { orgId: 'b1', name: '第一党支部' }, 'bundle-admin');
    const wb = new Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '手机号', '所属组织']);
    ws.addRow(['张伟', '13800000001', '第一党支部']);
    const { fileID } = await sdk().uploadFile({
      cloudPath: 'imports/bundle.xlsx',
      fileContent: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(await ok('org', 'importMembersFile', { fileID }, 'bundle-admin')).toEqual({
      created: 1,
      updated: 0,
      errors: [],
    });
    const { memberId } = await ok('user', 'bind', { name: '张伟', phone: '13800000001' }, 'o-zhang');
    expect(await ok('user', 'login', {}, 'o-zhang')).toEqual({
      openid: 'o-zhang',
      roles: [],
      member: { memberId, name: '张伟', orgId: 'b1' },
    });
    expect(await emu.invoke('user', { action: 'bind', data: { name: 1 } }, 'o-zhang')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  }, 60_000);
});

describe('a cold instance', () => {
  let p: EmulatorProcess | undefined;
  afterEach(() => {
    if (p && p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
  });

  it('exports the question template and imports it on its first calls, exceljs resolved by plain Node', async () => {
    // Its own process (Node's module resolution, not Jest's), whose first quiz call is an export.
    const coldDir = mkdtempSync(join(tmpdir(), 'bundle-cold-'));
    p = spawnEmulator({ DATA_DIR: coldDir, DEMO_DATA: '0', FUNCTIONS_FROM: 'bundle', ADMIN_OPENIDS: 'cold-admin' });
    try {
      const url = await p.ready;
      const call = async (action: string, data: unknown) => {
        const res = await fetch(`${url}/api/fn/quiz`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': 'cold-admin' },
          body: JSON.stringify({ action, data }),
        });
        return (await res.json()) as { ok: boolean; data: Record<string, unknown> };
      };
      const template = await call('questionTemplate', {});
      expect(template).toMatchObject({ ok: true, data: { fileName: '题库导入模板.xlsx' } });
      const file = await fetch(String(template.data.url));
      const wb = new Workbook();
      await wb.xlsx.load((await file.arrayBuffer()) as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['题库']);
      const imported = await call('importQuestionsFile', { fileID: template.data.fileID });
      expect(imported).toEqual({ ok: true, data: { imported: 0, updated: 0, errors: [], skippedSamples: 3 } });
    } finally {
      p.proc.kill('SIGTERM');
      await p.exited;
      rmSync(coldDir, { recursive: true, force: true });
    }
  }, 60_000);
});
