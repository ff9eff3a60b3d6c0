// The gateway's contract (emulator/gateway.ts) with the real user and org functions behind it.
import type { TestGateway } from '../helpers/cloud';
import { startTestGateway } from '../helpers/cloud';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ adminOpenids: ['gw-admin'] });
});
afterAll(() => gw.close());

async function raw(fn: string, body: string, openid?: string) {
  const res = await fetch(`${gw.url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('gateway with the real functions', () => {
  it('answers login for the X-WX-OPENID caller and UNAUTHENTICATED without one', async () => {
    const me = await gw.call('user', 'login', {}, 'gw-admin');
    expect(me).toMatchObject({ ok: true, data: { openid: 'gw-admin', roles: [{ role: 'admin' }], member: null } });
    const anon = await gw.call('user', 'login', {});
    expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers HTTP 400 with INVALID_ARGUMENT for a body that is not JSON', async () => {
    const r = await raw('user', '{"action": "login",', 'gw-admin');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('answers HTTP 400 for an unknown function', async () => {
    const r = await raw('nosuch', '{"action":"login","data":{}}', 'gw-admin');
    expect(r.status).toBe(400);
    expect(r.body.ok).toBe(false);
  });

  it.each([['"login"'], ['[1,2]'], ['null'], ['42']])(
    'answers HTTP 400 INVALID_ARGUMENT for the JSON event %s',
    async (body) => {
      const r = await raw('org', body, 'gw-admin');
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    },
  );

  it('answers INVALID_ARGUMENT for an unknown action and unknown fields, and writes nothing', async () => {
    const before = await gw.call('org', 'list', {});
    expect((await gw.callRaw('org', 'dropEverything', {}, 'gw-admin')).ok).toBe(false);
    const extra = await gw.call('org', 'saveOrg', { name: '新支部', evil: true }, 'gw-admin');
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const huge = await gw.call('org', 'saveOrg', { name: '长'.repeat(100_000) }, 'gw-admin');
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await gw.call('org', 'list', {})).toEqual(before);
  });

  it('answers PERMISSION_DENIED to a caller without the role', async () => {
    const r = await gw.call('org', 'saveOrg', { name: '新支部' }, 'someone');
    expect(r).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});
