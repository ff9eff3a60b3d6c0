// 首页: the greeting follows the caller, the summary comes from org.list, admin entries follow the roles.
import { render, screen } from '@testing-library/react';
import HomePage from '@/pages/index/index';
import { ORGS, ok, resetAll, serve } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

describe('首页', () => {
  it('greets a bound member by name with the org, and counts orgs and departments', async () => {
    serve({
      'user.login': ok({ openid: 'o1', roles: [], member: { memberId: 'm1', name: '张三', orgId: 'org-a1' } }),
      'org.list': ok(ORGS),
    });
    render(<HomePage />);
    expect(await screen.findByText('张三同志，您好')).toBeTruthy();
    expect(screen.getByText('发改委第一党支部')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.getByText('2')).toBeTruthy();
    expect(screen.getByText('下设 2 个组织')).toBeTruthy();
    expect(screen.queryByText('管理')).toBeNull();
  });

  it('shows the admin entries to an admin', async () => {
    serve({ 'user.login': ok({ openid: 'o1', roles: [{ role: 'admin' }], member: null }), 'org.list': ok(ORGS) });
    render(<HomePage />);
    expect(await screen.findByText('您好，欢迎使用')).toBeTruthy();
    expect(screen.getByText('管理员')).toBeTruthy();
    for (const title of ['组织管理', '部门管理', '党员名册', '角色授权']) expect(screen.getByText(title)).toBeTruthy();
  });
});
