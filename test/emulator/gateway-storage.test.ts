// The gateway's file storage for the H5 build (upload, download, temp URLs), the demo identities and the H5 static files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestGateway } from '../helpers/cloud';
import { expectOk, startTestGateway } from '../helpers/cloud';
import { FIXTURE_CLOUD } from '../helpers/fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let gw: TestGateway;
let staticDir: string;
beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'h5-'));
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>机关党建</title>');
  writeFileSync(join(staticDir, 'js', 'app.1a2b3c4d.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'js', 'app.css'), 'body{}');
  gw = await startTestGateway({ ...FIXTURE_CLOUD, staticDir });
});
afterAll(async () => {
  await gw.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function upload(cloudPath: string, body: Buffer | string, openid?: string) {
  return fetch(`${gw.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: openid ? { 'x-wx-openid': openid } : {},
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

/** A GET with the path exactly as given (fetch would normalise `..` away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(gw.url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /api/storage/upload', () => {
  it('stores the raw body for the caller and returns a fileID that functions can read', async () => {
    const res = await upload('hotline/o-1/现场 1.png', PNG, 'o-1');
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { fileID: string } };
    expect(data.fileID).toMatch(/^cloud:\/\/local\.[^/]+\/hotline\/o-1\/现场 1\.png$/);
    const download = await gw.callRaw('echo', 'download', { fileID: data.fileID });
    expect(download).toEqual({ ok: true, data: { result: PNG.toString() } });
  });

  it('serves the stored file with its content type', async () => {
    expect((await upload('hotline/o-3/现场 2.png', PNG, 'o-3')).status).toBe(200);
    const res = await fetch(`${gw.url}/api/storage/hotline/o-3/${encodeURIComponent('现场 2.png')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it('gives temp URLs on the running gateway that serve the file', async () => {
    const up = await expectOk(gw.callRaw('echo', 'upload', { cloudPath: 'notice/a.txt', text: '通知' }, 'o-1'));
    const url = await expectOk(gw.callRaw('echo', 'url', { fileID: up.result.fileID }));
    const tempFileURL: string = url.result.fileList[0].tempFileURL;
    expect(tempFileURL.startsWith(`${gw.url}/api/storage/`)).toBe(true);
    const res = await fetch(tempFileURL);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('通知');
  });

  it('saves an export under its Chinese file name, the last segment of its cloud path', async () => {
    await upload('exports/1/七一活动-签到表.xlsx', 'x', 'o-1');
    const res = await fetch(`${gw.url}/api/storage/exports/1/${encodeURIComponent('七一活动-签到表.xlsx')}`);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('七一活动-签到表.xlsx')}`,
    );
  });

  it('never lets an uploaded page run: non-media files are attachments in a sandbox', async () => {
    await upload('x/evil.html', '<script>alert(1)</script>', 'o-1');
    const res = await fetch(`${gw.url}/api/storage/x/evil.html`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('needs a caller', async () => {
    const res = await upload('anon/a.png', PNG);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it("lets a caller overwrite only their own uploads, never others' or the functions' files", async () => {
    expect((await upload('shared/a.png', PNG, 'o-1')).status).toBe(200);
    expect((await upload('shared/a.png', PNG, 'o-1')).status).toBe(200);
    const other = await upload('shared/a.png', PNG, 'o-2');
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('PERMISSION_DENIED');
    await gw.callRaw('echo', 'upload', { cloudPath: 'system/qr.png', text: 'x' }, 'o-1');
    expect((await upload('system/qr.png', PNG, 'o-1')).status).toBe(403);
  });

  it.each(['../escape.png', 'a/../../escape.png', '/abs.png', 'a//b.png', '', 'a\\b.png'])(
    'refuses the cloud path %j',
    async (cloudPath) => {
      const res = await upload(cloudPath, PNG, 'o-1');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('INVALID_ARGUMENT');
    },
  );

  it('refuses uploads over 10 MB with the envelope', async () => {
    const res = await upload('big/a.bin', Buffer.alloc(10 * 1024 * 1024 + 1), 'o-1');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('INVALID_ARGUMENT');
    expect((await fetch(`${gw.url}/api/storage/big/a.bin`)).status).toBe(404);
  });
});

describe('GET /api/storage/<path>', () => {
  it('answers 404 with the envelope for a missing file', async () => {
    const res = await fetch(`${gw.url}/api/storage/none/here.png`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it.each([
    '/api/storage/..%2F..%2Fetc%2Fpasswd',
    '/api/storage/a/..%2F..%2F..%2Fetc/passwd',
    '/api/storage/%2e%2e/%2e%2e/etc/passwd',
    '/api/storage/../../etc/passwd',
  ])('never serves files outside storage: %s', async (path) => {
    const res = await rawGet(path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toMatch(/root:/);
  });
});

describe('GET /api/dev/identities', () => {
  it('lists no identities without demo data, and the recorded ones after seeding', async () => {
    expect(await (await fetch(`${gw.url}/api/dev/identities`)).json()).toEqual({ ok: true, data: { identities: [] } });
    const identities = [{ openid: 'demo-admin', label: '机关工委管理员', role: 'admin' }];
    writeFileSync(join(gw.dataDir, 'demo-identities.json'), JSON.stringify({ identities }));
    expect(await (await fetch(`${gw.url}/api/dev/identities`)).json()).toEqual({ ok: true, data: { identities } });
  });
});

describe('the H5 build', () => {
  it('serves index.html for / and assets with their content types', async () => {
    const index = await fetch(`${gw.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('机关党建');
    const js = await fetch(`${gw.url}/js/app.1a2b3c4d.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${gw.url}/js/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files and never serves files outside the build', async () => {
    expect((await fetch(`${gw.url}/js/missing.js`)).status).toBe(404);
    for (const path of ['/../../etc/passwd', '/..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await rawGet(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toMatch(/root:/);
    }
  });
});

describe('without an H5 build', () => {
  it('explains how to build it', async () => {
    await gw.close();
    const empty = mkdtempSync(join(tmpdir(), 'no-h5-'));
    const bare = await startTestGateway({ ...FIXTURE_CLOUD, staticDir: join(empty, 'dist-h5') });
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build:h5/);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
      gw = await startTestGateway({ ...FIXTURE_CLOUD, staticDir });
    }
  });
});
