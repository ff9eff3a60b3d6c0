// The HTTP gateway's contract (emulator/gateway.ts): health, POST /api/fn/<function> answers and caller identity from X-WX-OPENID.
import type { TestGateway } from '../helpers/cloud';
import { startTestGateway } from '../helpers/cloud';
import { FIXTURE_CLOUD } from '../helpers/fixtures';

const INTERNAL = { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } };
const invalid = (message: RegExp | string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) },
});

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(FIXTURE_CLOUD);
});
afterAll(() => gw.close());

describe('GET /api/health', () => {
  it('answers {"ok":true} once the database is open', async () => {
    const res = await fetch(`${gw.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe('{"ok":true}');
  });

  it('listens on the loopback interface', () => {
    expect(gw.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('POST /api/fn/<function>', () => {
  it("answers 200 with the function's result, as the X-WX-OPENID caller", async () => {
    expect(await gw.post('echo', { action: 'whoami', data: {} }, 'o-alice')).toEqual({
      status: 200,
      body: { ok: true, data: expect.objectContaining({ openid: 'o-alice', after: 'o-alice' }) },
    });
  });

  it('treats a call without X-WX-OPENID as anonymous', async () => {
    expect(await gw.post('echo', { action: 'whoami', data: {} })).toMatchObject({
      status: 200,
      body: { ok: true, data: { openid: null } },
    });
  });

  it('passes expected failures through with HTTP 200', async () => {
    expect(await gw.post('echo', { action: 'nope', data: {} })).toEqual({
      status: 200,
      body: { ok: false, error: { code: 'INVALID_ARGUMENT', message: '未知操作' } },
    });
  });

  it('answers 500 INTERNAL when the function throws', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await gw.post('echo', { action: 'boom', data: {} }, 'o-1')).toEqual({ status: 500, body: INTERNAL });
    } finally {
      spy.mockRestore();
    }
  });

  it('answers 400 for an unknown function', async () => {
    expect(await gw.post('nosuch', { action: 'x', data: {} })).toEqual({
      status: 400,
      body: invalid(/云函数不存在：nosuch/),
    });
  });

  it.each([
    ['unparsable JSON', '{"action": '],
    ['an empty body', ''],
    ['plain text', 'hello'],
  ])('answers 400 for %s', async (_label, body) => {
    expect(await gw.post('echo', body)).toEqual({ status: 400, body: invalid(/JSON/) });
  });

  it.each([
    ['an array', '[1,2]'],
    ['a string', '"x"'],
    ['null', 'null'],
  ])('answers 400 when the event is %s, not an object', async (_label, body) => {
    expect(await gw.post('echo', body)).toEqual({ status: 400, body: invalid(/JSON 对象/) });
  });

  it('answers 413 with the envelope for a body over 1 MB, and runs nothing', async () => {
    const event = { action: 'write', data: { id: 'too-big', value: 'x'.repeat(1024 * 1024) } };
    expect(await gw.post('echo', event, 'o-1')).toEqual({ status: 413, body: invalid(/过大/) });
    expect(await gw.post('echo', { action: 'read', data: { id: 'too-big' } })).toEqual({
      status: 200,
      body: { ok: true, data: { doc: null } },
    });
  });

  it('accepts a body just under 1 MB', async () => {
    const event = { action: 'write', data: { id: 'big', value: 'x'.repeat(1000 * 1000) } };
    expect((await gw.post('echo', event, 'o-1')).status).toBe(200);
  });

  it('answers 400 for a malformed X-WX-OPENID', async () => {
    const res = await fetch(`${gw.url}/api/fn/echo`, { method: 'POST', headers: { 'x-wx-openid': 'a b' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(invalid(/X-WX-OPENID/));
  });

  it('keeps 100 concurrent HTTP callers apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        gw.post('echo', { action: 'whoami', data: { delayMs: (i * 3) % 15 } }, `o-${i}`),
      ),
    );
    results.forEach((r, i) => expect(r.body.data).toMatchObject({ openid: `o-${i}`, after: `o-${i}` }));
  });
});

describe('other routes', () => {
  it('answers 405 for the wrong method and 404 for an unknown API, with the envelope', async () => {
    const get = await fetch(`${gw.url}/api/fn/echo`);
    expect(get.status).toBe(405);
    expect((await get.json()).ok).toBe(false);
    const unknown = await fetch(`${gw.url}/api/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('allows CORS preflights only from local origins', async () => {
    const local = await fetch(`${gw.url}/api/fn/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:10086' },
    });
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
    expect(local.headers.get('access-control-allow-headers')).toMatch(/X-WX-OPENID/i);
    const foreign = await fetch(`${gw.url}/api/fn/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
