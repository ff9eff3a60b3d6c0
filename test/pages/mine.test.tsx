// 我的: binding an unbound caller, the member card afterwards, the messages for failed binds, and the H5 identity switcher.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MinePage from '@/pages/mine/index';
import type { KeyOutput, Reply } from './helpers';
import { ORGS, fail, ok, requests, resetAll, serve } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/dev-identities.h5', () => ({
  fetchDevIdentities: jest.fn(async () => [{ openid: 'o-secretary', label: '李红', role: '支部书记' }]),
}));

const UNBOUND: Reply<KeyOutput<'user.login'>> = ok({ openid: 'o-new', roles: [], member: null });
const BOUND: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-new',
  roles: [],
  member: { memberId: 'm1', name: '张三', orgId: 'org-a2' },
});

function fillAndBind(name: string, phone: string) {
  fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: name } });
  fireEvent.change(screen.getByPlaceholderText('请输入 11 位手机号'), { target: { value: phone } });
  fireEvent.click(screen.getByText('绑定'));
}

beforeEach(resetAll);

describe('我的', () => {
  it('shows the binding form to an unbound caller and the member card after a successful bind', async () => {
    let bound = false;
    serve({
      'user.login': () => (bound ? BOUND : UNBOUND),
      'org.list': ok(ORGS),
      'user.bind': () => {
        bound = true;
        return ok({ memberId: 'm1' });
      },
    });
    render(<MinePage />);

    expect(await screen.findByText('绑定党员身份')).toBeTruthy();
    expect(screen.getByText('未绑定党员身份')).toBeTruthy();

    fillAndBind('张三', '13800138000');

    expect(await screen.findByText('张三')).toBeTruthy();
    expect(screen.getByText('发改委第二党支部')).toBeTruthy();
    expect(screen.queryByText('绑定党员身份')).toBeNull();
    expect(requests.find((r) => r.key === 'user.bind')?.data).toEqual({ name: '张三', phone: '13800138000' });
  });

  it('explains a NOT_FOUND bind in words the member can act on', async () => {
    serve({ 'user.login': UNBOUND, 'org.list': ok(ORGS), 'user.bind': fail('NOT_FOUND', '名册中没有匹配的党员') });
    render(<MinePage />);
    await screen.findByText('绑定党员身份');

    fillAndBind('张三', '13800138000');

    expect(await screen.findByText('未在党员名册中找到，请核对姓名和手机号或联系支部书记')).toBeTruthy();
    expect(screen.getByText('绑定党员身份')).toBeTruthy();
  });

  it.each([
    ['ALREADY_EXISTS', '该党员已绑定其他微信号。如需更换绑定，请联系支部书记'],
    ['RESOURCE_EXHAUSTED', '尝试次数过多，请稍后再试'],
  ] as const)('explains %s', async (code, text) => {
    serve({ 'user.login': UNBOUND, 'org.list': ok(ORGS), 'user.bind': fail(code, 'x') });
    render(<MinePage />);
    await screen.findByText('绑定党员身份');
    fillAndBind('张三', '13800138000');
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it("shows the server's own message for other failures", async () => {
    serve({ 'user.login': UNBOUND, 'org.list': ok(ORGS), 'user.bind': fail('INVALID_ARGUMENT', '姓名过长') });
    render(<MinePage />);
    await screen.findByText('绑定党员身份');
    fillAndBind('张三', '13800138000');
    expect(await screen.findByText('姓名过长')).toBeTruthy();
  });

  it('checks the phone number before calling the server', async () => {
    serve({ 'user.login': UNBOUND, 'org.list': ok(ORGS) });
    render(<MinePage />);
    await screen.findByText('绑定党员身份');
    fillAndBind('张三', '1380013');
    expect(await screen.findByText('请填写 11 位手机号')).toBeTruthy();
    expect(requests.some((r) => r.key === 'user.bind')).toBe(false);
  });

  it('lists the roles with their scope and the admin pages they open', async () => {
    serve({
      'user.login': ok({
        openid: 'o-sec',
        roles: [{ role: 'secretary', scopeId: 'org-a1' }],
        member: { memberId: 'm2', name: '李红', orgId: 'org-a1' },
      }),
      'org.list': ok(ORGS),
    });
    render(<MinePage />);
    expect(await screen.findByText('支部书记（发改委第一党支部）')).toBeTruthy();
    // The card's title says what he is: 支部书记, not 党员.
    expect(document.querySelector('.mine-card__badge')?.textContent).toBe('支部书记');
    expect(screen.getByText('党员名册')).toBeTruthy();
    expect(screen.queryByText('组织管理')).toBeNull();
    expect(screen.queryByText('角色授权')).toBeNull();
  });

  it('treats a caller without a WeChat identity as the public: no error, no binding form', async () => {
    serve({ 'user.login': fail('UNAUTHENTICATED', '未获取到微信身份，请在微信小程序中打开'), 'org.list': ok(ORGS) });
    render(<MinePage />);
    expect(await screen.findByText('未识别微信身份')).toBeTruthy();
    expect(screen.queryByText('绑定党员身份')).toBeNull();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('switches the H5 identity: stores the openid and loads the session again', async () => {
    serve({ 'user.login': UNBOUND, 'org.list': ok(ORGS) });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('李红'));
    expect(window.localStorage.getItem('jgdj.dev-openid')).toBe('o-secretary');
    await waitFor(() => expect(requests.filter((r) => r.key === 'user.login')).toHaveLength(2));
  });
});
