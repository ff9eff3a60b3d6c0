// The deployable bundles (scripts/build-functions) of `user` and `org` behave like their sources: esbuild output
// loaded by the local cloud, including exceljs for importMembersFile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { RunningEmulator } from '../../emulator/main';
import { startEmulator } from '../../emulator/main';
import type { BuiltFunction } from '../../scripts/build-functions';
import { buildFunctions } from '../../scripts/build-functions';
import '../helpers/sdk-setup';
import { sdk } from './support';

let emu: RunningEmulator;
let dataDir: string;
let built: BuiltFunction[];
const adminsBefore = process.env.ADMIN_OPENIDS;

beforeAll(async () => {
  built = await buildFunctions({ names: ['user', 'org'] });
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
  it('builds user and org within their size budgets', () => {
    const size = Object.fromEntries(built.map((b) => [b.name, b.bytes]));
    expect(built.map((b) => b.file)).toEqual([
      expect.stringMatching(/cloudfunctions[\\/]user[\\/]index\.js$/),
      expect.stringMatching(/cloudfunctions[\\/]org[\\/]index\.js$/),
    ]);
    // zod without its message locales; org also carries exceljs (loaded only by importMembersFile).
    expect(size.user).toBeLessThan(300 * 1024);
    expect(size.org).toBeLessThan(1600 * 1024);
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
