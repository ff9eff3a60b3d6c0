// 角色授权 and 接受邀请: roles go to a member picked by name or by an invitation code; no openid is typed or shown.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RolesPage from '@/admin/roles/index';
import InvitePage from '@/pages/invite/index';
import type { InviteRow } from '@/domain/api';
import type { KeyOutput, Reply } from '../helpers';
import { ORGS, ok, requests, resetAll, serve } from '../helpers';
import { setRouterParams } from '../stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const ADMIN: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-admin-secret',
  roles: [{ role: 'admin' }],
  member: null,
});
const GRANTS: Reply<KeyOutput<'org.listGrants'>> = ok({
  grants: [
    { openid: 'o-admin-secret', role: 'admin', fromConfig: true },
    { openid: 'o-handler-secret', role: 'handler', scopeId: 'd1', name: '李经办' },
    { openid: 'o-nameless-secret', role: 'secretary', scopeId: 'org-a1' },
  ],
});
const INVITE: InviteRow = {
  code: 'ABCDEFGHJK',
  role: 'handler',
  scopeId: 'd2',
  displayName: '周敏',
  expiresAt: '2026-12-13T09:00:00+08:00',
};

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('角色授权', () => {
  it('lists role holders by name and role, never by openid', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'org.listGrants': GRANTS,
      'org.listInvites': ok({ invites: [] }),
    });
    const { container } = render(<RolesPage />);
    // The first test of the file pays its cold start (the page's first render): alone on this loaded machine it took
    // 1.5–3.1 s, beyond findBy's default second; 8 s leaves room for a full randomized run around it.
    await screen.findByText('李经办', {}, { timeout: 8000 });
    expect(screen.getByText('部门经办人（市发展和改革委员会）')).toBeTruthy();
    expect(screen.getByText('未留姓名')).toBeTruthy();
    expect(container.textContent).not.toMatch(/-secret|openid|用户标识/);
  });

  it('finds a member by name and grants to the bound one picked, by memberId', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'org.listGrants': GRANTS,
      'org.listInvites': ok({ invites: [] }),
      'org.members': ok({
        members: [
          { memberId: 'm1', name: '张伟', phone: '139****0101', orgId: 'org-a1', bound: true },
          { memberId: 'm2', name: '张丽', phone: '139****0102', orgId: 'org-a2', bound: false },
        ],
        total: 2,
        page: 0,
        pageSize: 100,
      }),
      'org.grantRole': ok({}),
    });
    render(<RolesPage />);
    await screen.findByText('授予角色');
    fireEvent.input(input('党员姓名'), { target: { value: '张' } });
    fireEvent.click(screen.getByText('查找'));
    await screen.findByText('张伟');
    expect(requests.find((r) => r.key === 'org.members')?.data).toEqual({ query: '张' });
    expect(screen.getByText('未绑定微信')).toBeTruthy();

    // An unbound member cannot be picked; granting without a pick says what to do.
    fireEvent.click(screen.getByText('张丽'));
    fireEvent.click(screen.getByText('授予'));
    expect(await screen.findByText('请先查找并选择一名已绑定微信的党员')).toBeTruthy();

    fireEvent.click(screen.getByText('张伟'));
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('授予张伟'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'org.grantRole')?.data).toEqual({
        memberId: 'm1',
        role: 'secretary',
        scopeId: 'org-a1',
      }),
    );
  });

  it('makes an invitation code for someone not on the roster and lists it until it is used', async () => {
    let invites: InviteRow[] = [];
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'org.listGrants': GRANTS,
      'org.listInvites': () => ok({ invites }),
      'org.createInvite': () => {
        invites = [INVITE];
        return ok({ code: INVITE.code, expiresAt: INVITE.expiresAt });
      },
    });
    render(<RolesPage />);
    await screen.findByText('授予角色');
    fireEvent.click(screen.getByText('发邀请码'));
    fireEvent.click(screen.getByText('部门经办人'));
    fireEvent.input(input('被邀请人姓名'), { target: { value: ' 周敏 ' } });
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('生成邀请码'));

    await waitFor(() =>
      expect(requests.find((r) => r.key === 'org.createInvite')?.data).toEqual({
        role: 'handler',
        scopeId: 'd2',
        displayName: '周敏',
      }),
    );
    expect(await screen.findByText('ABCDE-FGHJK', { selector: '.role-invite__code' })).toBeTruthy();
    expect(await screen.findByText('等待接受的邀请（1）')).toBeTruthy();
    fireEvent.click(screen.getByText('复制邀请'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({
      data: '邀请您在“机关党建”小程序担任部门经办人（市财政局）。打开小程序，在“我的 → 接受邀请”中输入邀请码 ABCDE-FGHJK（2026-12-13 09:00 前有效，仅可使用一次）。',
    });
  });
});

describe('接受邀请', () => {
  it('takes the code from the link, accepts it and says which role the caller now holds', async () => {
    setRouterParams({ code: 'abcde-fghjk' });
    serve({
      'user.login': ok({ openid: 'o-new', roles: [], member: null }),
      'org.list': ok(ORGS),
      'org.acceptInvite': ok({ role: 'handler', scopeId: 'd2', displayName: '周敏' }),
    });
    render(<InvitePage />);
    expect(input('邀请码').value).toBe('ABCDE-FGHJK');
    fireEvent.click(screen.getByText('接受邀请', { selector: 'button, button *' }));
    expect(await screen.findByText('周敏，您已成为部门经办人（市财政局）')).toBeTruthy();
    expect(requests.find((r) => r.key === 'org.acceptInvite')?.data).toEqual({ code: 'ABCDEFGHJK' });
    // The session is read again, so that the new role's pages appear.
    expect(requests.filter((r) => r.key === 'user.login').length).toBeGreaterThan(0);
  });

  it('explains a code that cannot be one before calling', async () => {
    serve({ 'user.login': ok({ openid: 'o-new', roles: [], member: null }), 'org.list': ok(ORGS) });
    render(<InvitePage />);
    fireEvent.input(input('邀请码'), { target: { value: '12345' } });
    fireEvent.click(screen.getByText('接受邀请', { selector: 'button, button *' }));
    expect(await screen.findByText('邀请码是 10 位字母和数字，例如 ABCDE-FGHJK，请核对后重新输入')).toBeTruthy();
    expect(requests.some((r) => r.key === 'org.acceptInvite')).toBe(false);
  });
});
