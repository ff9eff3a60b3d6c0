// The H5 transport over a mocked fetch: the identity header, and network failures and HTTP 5xx as CallErrors.
import { call } from '@/services/call';
import { CallError } from '@/services/call-error';
import { transport } from '@/services/transport.h5';

const fetchMock = jest.fn();

beforeEach(() => {
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  window.localStorage.clear();
});

function response(status: number, body: string): Response {
  return { status, json: async () => JSON.parse(body) } as unknown as Response;
}

async function failure(p: Promise<unknown>): Promise<CallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CallError) return err;
    throw err;
  }
  throw new Error('expected a CallError');
}

describe('transport.h5', () => {
  it('posts the event to /api/fn/<name> with the chosen identity', async () => {
    window.localStorage.setItem('jgdj.dev-openid', 'o-admin');
    fetchMock.mockResolvedValue(response(200, JSON.stringify({ ok: true, data: { orgs: [], departments: [] } })));

    await expect(call('org', 'list', {})).resolves.toEqual({ orgs: [], departments: [] });

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/fn/org');
    expect(init.method).toBe('POST');
    expect(init.headers['X-WX-OPENID']).toBe('o-admin');
    expect(JSON.parse(init.body)).toEqual({ action: 'list', data: {} });
  });

  it('sends no identity header for an anonymous visitor', async () => {
    fetchMock.mockResolvedValue(response(200, JSON.stringify({ ok: true, data: {} })));
    await transport.callFunction('user', { action: 'login', data: {} });
    expect(fetchMock.mock.calls[0][1].headers['X-WX-OPENID']).toBeUndefined();
  });

  it('turns a network failure into UNAVAILABLE with a message for people', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const err = await failure(call('org', 'list', {}));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toBe('无法连接到服务器，请检查网络后重试');
  });

  it('turns an HTTP 5xx without an envelope into INTERNAL', async () => {
    fetchMock.mockResolvedValue({ status: 502, json: async () => Promise.reject(new SyntaxError('bad')) });
    const err = await failure(call('org', 'list', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('HTTP 502');
  });

  it("keeps the gateway's envelope on HTTP 500 and 400", async () => {
    fetchMock.mockResolvedValueOnce(
      response(500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '函数出错' } })),
    );
    expect(await failure(call('org', 'list', {}))).toMatchObject({ code: 'INTERNAL', message: '函数出错' });

    fetchMock.mockResolvedValueOnce(
      response(400, JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '未知操作' } })),
    );
    expect(await failure(call('org', 'list', {}))).toMatchObject({ code: 'INVALID_ARGUMENT', message: '未知操作' });
  });

  it('treats an answer that is not JSON (no gateway there) as UNAVAILABLE', async () => {
    fetchMock.mockResolvedValue({ status: 404, json: async () => Promise.reject(new SyntaxError('bad')) });
    expect((await failure(call('org', 'list', {}))).code).toBe('UNAVAILABLE');
  });

  it('rejects a 200 answer that is not an envelope', async () => {
    fetchMock.mockResolvedValue(response(200, JSON.stringify({ hello: 'world' })));
    expect((await failure(call('org', 'list', {}))).code).toBe('INTERNAL');
  });
});
