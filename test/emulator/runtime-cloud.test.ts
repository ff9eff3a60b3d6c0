// The local cloud as functions see it through wx-server-sdk: caller identity per call, database, open-API stand-ins,
// storage, timers and thrown errors, for functions loaded from TypeScript source and from an esbuild bundle.
import { rmSync } from 'node:fs';
// Stands in for the node project's setupFiles entry, so this file pins the mechanism either way.
import '../helpers/sdk-setup';
import * as sdkNamespace from 'wx-server-sdk';
import { makeLocalCloudID } from '../../emulator/cloud';
import { runAsCaller, makeCaller } from '../../emulator/context';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { FIXTURE_CLOUD, bundleFixtureFunctions } from '../helpers/fixtures';

const PNG_MAGIC = '89504e470d0a1a0a';

// One local cloud is installed at a time; the tests that need another close this one and open it again after, so
// that every test finds it whatever the order.
let cloud: TestCloud;
const openMain = async () => {
  cloud = await createTestCloud({ ...FIXTURE_CLOUD, adminOpenids: ['admin-1'] });
};
beforeAll(openMain);
afterAll(() => cloud.close());

describe('caller identity', () => {
  it("gives each call its caller's OPENID and none to anonymous calls", async () => {
    expect(await expectOk(cloud.callRaw('echo', 'whoami', {}, 'o-alice'))).toMatchObject({
      openid: 'o-alice',
      after: 'o-alice',
      source: 'wx_client',
      env: 'local',
    });
    expect(await expectOk(cloud.callRaw('echo', 'whoami', {}))).toMatchObject({
      openid: null,
      after: null,
      userInfo: null,
    });
  });

  it('adds the userInfo WeChat puts into events from the mini-program', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'whoami', {}, 'o-alice'));
    expect(data.userInfo).toEqual({ appId: expect.any(String), openId: 'o-alice' });
  });

  it('keeps 100 concurrent callers apart across awaits', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => cloud.callRaw('echo', 'whoami', { delayMs: (i * 7) % 20 }, `o-${i}`)),
    );
    results.forEach((r, i) => {
      expect(r).toMatchObject({ ok: true, data: { openid: `o-${i}`, after: `o-${i}` } });
    });
  });

  it('never takes the identity from process environment variables', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'o-from-env';
    try {
      expect(await expectOk(cloud.callRaw('echo', 'whoami', {}))).toMatchObject({ openid: null });
    } finally {
      delete process.env.WX_CONTEXT_KEYS;
      delete process.env.WX_OPENID;
    }
  });

  it('sets ADMIN_OPENIDS from the options', () => {
    expect(process.env.ADMIN_OPENIDS).toBe('admin-1');
  });
});

describe('database', () => {
  it('writes and reads documents through the real SDK, and counts the operations', async () => {
    const { result, writes } = await cloud.countOps(() =>
      cloud.callRaw('echo', 'write', { id: 'd1', value: 42 }, 'o-bob'),
    );
    expect(result).toEqual({ ok: true, data: { id: 'd1' } });
    expect(writes).toBe(1);
    const { result: read, reads } = await cloud.countOps(() => cloud.callRaw('echo', 'read', { id: 'd1' }));
    expect(read).toMatchObject({ ok: true, data: { doc: { _id: 'd1', value: 42, owner: 'o-bob' } } });
    expect(reads).toBe(1);
  });
});

describe('a function that throws', () => {
  it('answers INTERNAL with a Chinese message and is flagged as failed', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await cloud.callRaw('echo', 'boom')).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' },
      });
      const raw = await cloud.runtime.invoke('echo', { action: 'boom' });
      expect(raw.failed).toBe(true);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses an unknown function name loudly (a test bug, not a function result)', async () => {
    await expect(cloud.callRaw('nope', 'x')).rejects.toThrow(/unknown cloud function "nope"/);
  });
});

describe('security.msgSecCheck (v2)', () => {
  it('passes ordinary text', async () => {
    const data = await expectOk(
      cloud.callRaw('echo', 'check', { content: '建议在社区增设便民服务点，方便老年人办事。' }, 'o-1'),
    );
    expect(data.result).toMatchObject({
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
      result: { suggest: 'pass', label: 100 },
    });
  });

  it('flags listed words as risky even when split by spaces or symbols', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'check', { content: '有人在小区里 出 售*枪 支，请查处' }, 'o-1'));
    expect(data.result.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(data.result.detail).toContainEqual(
      expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '出售枪支' }),
    );
  });

  it('marks milder words for review', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'check', { content: '扫码领奖啦' }, 'o-1'));
    expect(data.result.result.suggest).toBe('review');
  });

  it('refuses content over 2500 characters like WeChat', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'check', { content: '好'.repeat(2501) }, 'o-1'));
    expect(data).toMatchObject({
      errCode: 47001,
      errMsg: expect.stringContaining('openapi.security.msgSecCheck:fail'),
    });
  });

  it('needs the openid of the user (v2)', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'check', { content: '你好' }));
    expect(data.errCode).toBe(40003);
  });
});

describe('wxacode.getUnlimited', () => {
  it('returns a PNG QR code', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'qr', { scene: 'a=1&t=Xy_9-~' }, 'o-1'));
    expect(data.result.contentType).toBe('image/png');
    const png = Buffer.from(data.result.png, 'base64');
    expect(png.subarray(0, 8).toString('hex')).toBe(PNG_MAGIC);
    expect(png.length).toBeGreaterThan(200);
  });

  it.each([
    ['over 32 characters', 'x'.repeat(33)],
    ['a character WeChat does not allow', 'a b'],
    ['non-ASCII', '签到'],
    ['percent signs', 'a%20b'],
    ['empty', ''],
  ])('refuses a scene %s with errCode 40169', async (_label, scene) => {
    const data = await expectOk(cloud.callRaw('echo', 'qr', { scene }, 'o-1'));
    expect(data).toMatchObject({ errCode: 40169, errMsg: 'openapi.wxacode.getUnlimited:fail invalid scene' });
  });

  it('accepts exactly 32 characters from the whole allowed set', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'qr', { scene: "!#$&'()*+,/:;=?@._~-Aa0123456789" }, 'o-1'));
    expect(data.result.contentType).toBe('image/png');
  });

  it('refuses a page with a leading slash (41030)', async () => {
    const data = await expectOk(cloud.callRaw('echo', 'qr', { scene: 'a', page: '/pages/index/index' }, 'o-1'));
    expect(data.errCode).toBe(41030);
  });
});

describe('storage', () => {
  it('uploads, downloads, gives a temp URL and deletes a file', async () => {
    const up = await expectOk(
      cloud.callRaw('echo', 'upload', { cloudPath: 'hotline/2020/photo 1.txt', text: '现场照片' }, 'o-1'),
    );
    const fileID: string = up.result.fileID;
    expect(fileID).toMatch(/^cloud:\/\/local\.[^/]+\/hotline\/2020\/photo 1\.txt$/);
    expect(await expectOk(cloud.callRaw('echo', 'download', { fileID }))).toEqual({ result: '现场照片' });
    const url = await expectOk(cloud.callRaw('echo', 'url', { fileID }));
    expect(url.result.fileList[0]).toMatchObject({
      fileID,
      status: 0,
      tempFileURL: expect.stringMatching(/\/api\/storage\/hotline\/2020\/photo%201\.txt$/),
    });
    const del = await expectOk(cloud.callRaw('echo', 'delete', { fileID }));
    expect(del.result.fileList[0]).toMatchObject({ fileID, status: 0 });
    expect(await expectOk(cloud.callRaw('echo', 'download', { fileID }))).toMatchObject({ errCode: -503003 });
    expect((await expectOk(cloud.callRaw('echo', 'delete', { fileID }))).result.fileList[0].status).toBe(-503003);
  });

  it.each(['../escape.txt', 'a/../../escape.txt', '/etc/passwd', 'a//b', 'a\\..\\b', 'a/./b', ''])(
    'refuses the cloud path %j',
    async (cloudPath) => {
      const data = await expectOk(cloud.callRaw('echo', 'upload', { cloudPath, text: 'x' }, 'o-1'));
      expect(data.errCode).toBe(-501007);
    },
  );

  it('refuses fileIDs that point outside the storage folder or to another environment', async () => {
    for (const fileID of [
      'cloud://local.6c6f63616c-local-1300000000/../../../etc/passwd',
      'cloud://prod-1.bucket/a.txt',
      '/etc/passwd',
    ]) {
      const data = await expectOk(cloud.callRaw('echo', 'download', { fileID }));
      expect([-501007, -503002]).toContain(data.errCode);
    }
  });
});

describe('cloud.callFunction', () => {
  it('runs the other function as the original caller, as on WeChat', async () => {
    expect(await expectOk(cloud.callRaw('echo', 'relay', {}, 'o-relay'))).toMatchObject({
      result: { ok: true, data: { openid: 'o-relay' } },
    });
  });
});

describe('timers and open data', () => {
  it('fires a timer trigger with the timer event and no caller', async () => {
    await cloud.fireTimer('echo', 'nightly', new Date('2020-07-01T18:30:00Z'));
    const read = await expectOk(cloud.callRaw('echo', 'read', { id: 'timer-nightly' }));
    expect(read.doc).toMatchObject({ time: '2020-07-01T18:30:00Z', openid: null });
  });

  it('getOpenData decodes local cloudIDs only for the user they belong to', async () => {
    const sdk = require('wx-server-sdk') as { getOpenData(p: unknown): Promise<{ list: unknown[] }> };
    const cloudID = makeLocalCloudID('o-1', { phoneNumber: '13800000000' });
    const res = await runAsCaller(makeCaller('o-1'), () => sdk.getOpenData({ list: [cloudID] }));
    expect(res.list).toEqual([{ cloudID, data: { phoneNumber: '13800000000' } }]);
    await expect(runAsCaller(makeCaller('o-2'), () => sdk.getOpenData({ list: [cloudID] }))).rejects.toMatchObject({
      errCode: -601007,
    });
  });
});

describe('patching the SDK', () => {
  it('reaches modules that took their `import * as` copy of the SDK before the cloud was installed', () => {
    expect(runAsCaller(makeCaller('o-early'), () => sdkNamespace.getWXContext().OPENID)).toBe('o-early');
  });

  it('reaches function modules loaded under an earlier cloud after a close and a new install', async () => {
    await cloud.close();
    const second = await createTestCloud(FIXTURE_CLOUD);
    try {
      expect(await second.callRaw('echo', 'whoami', {}, 'o-second')).toMatchObject({
        ok: true,
        data: { openid: 'o-second' },
      });
      // A fresh database: the first cloud's document is not there.
      expect(await second.callRaw('echo', 'read', { id: 'd1' })).toEqual({ ok: true, data: { doc: null } });
    } finally {
      await second.close();
      await openMain();
    }
  });
});

describe('a function bundled with esbuild (as deployed)', () => {
  let bundled: TestCloud;
  let dir: string;
  beforeAll(async () => {
    dir = bundleFixtureFunctions();
    await cloud.close();
    bundled = await createTestCloud({ ...FIXTURE_CLOUD, functionsDir: dir });
  });
  afterAll(async () => {
    await bundled.close();
    rmSync(dir, { recursive: true, force: true });
    await openMain();
  });

  it('sees the local identity, open APIs and storage through its own require of the SDK', async () => {
    const runtime = (await import('../../emulator/functions')).createFunctionRuntime({ dir, from: 'bundle' });
    const who = await runtime.invoke('echo', { action: 'whoami', data: {} }, { openid: 'o-bundle' });
    expect(who.result).toMatchObject({ ok: true, data: { openid: 'o-bundle' } });
    const check = await runtime.invoke(
      'echo',
      { action: 'check', data: { content: '出售毒品' } },
      { openid: 'o-bundle' },
    );
    expect(check.result).toMatchObject({ ok: true, data: { result: { result: { suggest: 'risky' } } } });
    const write = await runtime.invoke(
      'echo',
      { action: 'write', data: { id: 'b1', value: 1 } },
      { openid: 'o-bundle' },
    );
    expect(write.failed).toBe(false);
    const read = await runtime.invoke('echo', { action: 'read', data: { id: 'b1' } });
    expect(read.result).toMatchObject({ ok: true, data: { doc: { owner: 'o-bundle' } } });
    expect(bundled.runtime.functions.get('echo')?.config.triggers).toHaveLength(1);
  });
});
