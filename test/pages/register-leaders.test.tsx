// The 领学带学督学 pages: the register (those without a visit first, counts, the admin's 设定/修改/移除, export), one
// leader's records with the form that records a visit, the 达标创优 overview's line and the 我的 entry of a leader.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LeaderVisitsPage from '@/admin/leader-visits/index';
import OverviewPage from '@/admin/overview/index';
import RegisterLeadersPage from '@/admin/register-leaders/index';
import type { LeaderRow, VisitRow } from '@/domain/api/register';
import MinePage from '@/pages/mine/index';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent, typeInto, field } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const SECRETARY = ok({
  openid: 'o-s',
  roles: [{ role: 'secretary' as const, scopeId: 'org-a1' }],
  member: { memberId: 'm0', name: '王建国', orgId: 'org-a1' },
});
const LEADER = ok({
  openid: 'o-l',
  roles: [],
  member: { memberId: 'm9', name: '陈静', orgId: 'org-a2' },
  leader: true,
});
const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });

const WITHOUT: LeaderRow = {
  memberId: 'm8',
  name: '刘洋',
  title: '市发改委副主任',
  orgName: '发改委第一党支部',
  contacts: [{ orgId: 'org-a2', orgName: '发改委第二党支部' }],
  visits: 0,
  lastVisitOn: null,
};
const VISITED: LeaderRow = {
  memberId: 'm9',
  name: '陈静',
  title: '市发改委主任',
  orgName: '发改委第二党支部',
  contacts: [
    { orgId: 'org-a1', orgName: '发改委第一党支部' },
    { orgId: 'org-a2', orgName: '发改委第二党支部' },
  ],
  visits: 2,
  lastVisitOn: '2026-05-20',
};
const LEADERS = ok({ year: 2026, rows: [WITHOUT, VISITED], counts: { leaders: 2, without: 1 } });
const VISIT: VisitRow = {
  visitId: 'vs_1',
  leaderId: 'm9',
  leaderName: '陈静',
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  visitedOn: '2026-05-20',
  kind: '督学',
  topic: '学习贯彻党的二十届四中全会精神',
  notes: '检查支部学习记录，提出改进意见',
  photos: [{ fileID: 'cloud://x/register/visits/20260520/a.jpg', url: 'http://x/a.jpg' }],
  recordedAt: '2026-05-20T18:00:00+08:00',
};

describe('领学带学督学台账', () => {
  it('lists those without a visit first with the counts, opens a leader and exports', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.leaders': LEADERS,
      'register.exportLeaders': ok({ fileID: 'cloud://x/a.xlsx', url: 'http://x/a.xlsx', fileName: '领学.xlsx' }),
    });
    render(<RegisterLeadersPage />);
    expect(await screen.findByText('2026年未开展')).toBeTruthy();
    expect(screen.getByText('未开展', { selector: '.terms__state' })).toBeTruthy();
    expect(screen.getByText('2 次')).toBeTruthy();
    expect(screen.getByText('联系点：发改委第一党支部、发改委第二党支部')).toBeTruthy();
    expect(screen.getByText('还没有领学记录')).toBeTruthy();
    expect(screen.getByText('最近一次 2026-05-20')).toBeTruthy();
    fireEvent.click(screen.getByText('刘洋'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/leader-visits/index?leaderId=m8' });
    fireEvent.click(screen.getByText('导出台账（Excel）'));
    await waitFor(() => expect(sent('register.exportLeaders')).toEqual([{}]));
  });

  it('lets the admin find a member, give the title and contact points, and save', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.leaders': LEADERS,
      'org.members': ok({
        members: [{ memberId: 'm5', name: '李娜', phone: '138****0005', orgId: 'org-a1', bound: false }],
        total: 1,
        page: 0,
        pageSize: 20,
      }),
      'register.saveLeader': ok({ memberId: 'm5' }),
    });
    render(<RegisterLeadersPage />);
    fireEvent.click(await screen.findByText('设定领导干部'));
    // Nothing picked yet: the form says so and sends nothing.
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请先查找并选择一名党员')).toBeTruthy();
    typeInto(field('query'), '李娜');
    fireEvent.click(screen.getByText('查找'));
    fireEvent.click(await screen.findByText('李娜（发改委第一党支部）'));
    typeInto(field('title'), '市财政局副局长');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请至少选择一个联系点')).toBeTruthy();
    fireEvent.click(screen.getAllByText('发改委第二党支部').at(-1) as Element);
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() =>
      expect(sent('register.saveLeader')).toEqual([
        { memberId: 'm5', title: '市财政局副局长', contactOrgIds: ['org-a2'] },
      ]),
    );
    expect(sent('org.members')).toEqual([{ query: '李娜' }]);
    // Saved: the form closes and the register reloads.
    await waitFor(() => expect(sent('register.leaders')).toHaveLength(2));
  });

  it('lets the admin change a leader’s contact points or remove him after a confirmation', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.leaders': LEADERS,
      'register.saveLeader': fail('NOT_FOUND', '联系点组织不存在：org-x'),
      'register.removeLeader': ok({ removed: true }),
    });
    render(<RegisterLeadersPage />);
    fireEvent.click((await screen.findAllByText('修改'))[1]);
    expect(screen.getByText('修改：陈静')).toBeTruthy();
    expect((field('title') as HTMLInputElement).value).toBe('市发改委主任');
    fireEvent.click(screen.getAllByText('发改委第一党支部').at(-1) as Element);
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('联系点组织不存在：org-x')).toBeTruthy();
    expect(sent('register.saveLeader')).toEqual([{ memberId: 'm9', title: '市发改委主任', contactOrgIds: ['org-a2'] }]);
    fireEvent.click(screen.getByText('移除该领导干部'));
    await waitFor(() => expect(sent('register.removeLeader')).toEqual([{ memberId: 'm9' }]));
    expect(Taro.showModal).toHaveBeenCalled();
  });

  it('shows a secretary the register without the admin’s buttons', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.leaders': ok({ year: 2026, rows: [], counts: { leaders: 0, without: 0 } }),
    });
    render(<RegisterLeadersPage />);
    expect(await screen.findByText('您管理的组织还不是任何领导干部的联系点。')).toBeTruthy();
    expect(screen.queryByText('设定领导干部')).toBeNull();
  });

  it('is closed to a plain member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<RegisterLeadersPage />);
    expect(await screen.findByText(/管理员和支部书记/)).toBeTruthy();
    expect(sent('register.leaders')).toHaveLength(0);
  });
});

describe('领学记录', () => {
  it('shows a leader’s visits and records a new one to a contact point', async () => {
    setRouterParams({ leaderId: 'm9' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.visits': ok({ leader: VISITED, visits: [VISIT], hasMore: false }),
      'register.recordVisit': ok({ visitId: 'vs_2', visits: 3 }),
    });
    render(<LeaderVisitsPage />);
    expect(await screen.findByText('陈静的领学记录')).toBeTruthy();
    expect(screen.getByText('主题：学习贯彻党的二十届四中全会精神')).toBeTruthy();
    expect(screen.getByText('检查支部学习记录，提出改进意见')).toBeTruthy();
    expect(screen.getByLabelText('照片 1')).toBeTruthy();
    expect(sent('register.visits')).toEqual([{ leaderId: 'm9', page: 0 }]);

    fireEvent.click(screen.getByText('登记领学记录', { selector: 'button, .nut-button, .nut-button *' }));
    fireEvent.click(screen.getByText('登记'));
    expect(await screen.findByText('请填写学习主题')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2026-06-01' } });
    fireEvent.click(screen.getByText('带学'));
    typeInto(field('topic'), '《习近平谈治国理政》第五卷');
    typeInto(document.querySelector('.leaders__notes textarea') as Element, '支部书记带领党员逐章学习');
    fireEvent.click(screen.getByText('登记'));
    await waitFor(() =>
      expect(sent('register.recordVisit')).toEqual([
        {
          leaderId: 'm9',
          orgId: 'org-a2',
          visitedOn: '2026-06-01',
          kind: '带学',
          topic: '《习近平谈治国理政》第五卷',
          notes: '支部书记带领党员逐章学习',
          photos: [],
        },
      ]),
    );
    await waitFor(() => expect(sent('register.visits')).toHaveLength(2));
  });

  it('opens the leader’s own records from 我的 (no leaderId) and says the server’s refusal', async () => {
    serve({
      'user.login': LEADER,
      'org.list': ok(ORGS),
      'register.visits': ok({ leader: VISITED, visits: [], hasMore: false }),
    });
    render(<LeaderVisitsPage />);
    expect(await screen.findByText('还没有记录。')).toBeTruthy();
    expect(sent('register.visits')).toEqual([{ leaderId: 'm9', page: 0 }]);
  });

  it('shows the server’s refusal to someone who may not see the leader', async () => {
    setRouterParams({ leaderId: 'm9' });
    serve({
      'user.login': MEMBER,
      'org.list': ok(ORGS),
      'register.visits': fail('PERMISSION_DENIED', '只有领导干部本人、联系点书记和机关工委管理员可以查看领学记录'),
    });
    render(<LeaderVisitsPage />);
    expect(await screen.findByText(/只有领导干部本人/)).toBeTruthy();
    expect(screen.queryByText('登记领学记录')).toBeNull();
  });
});

describe('达标创优 and 我的', () => {
  it('lists the leaders without a visit this year on the overview, each opening the records', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.overview': fail('INTERNAL', '统计暂时不可用'),
      'register.terms': ok({ today: '2026-06-01', rows: [], counts: { overdue: 0, due: 0, none: 0 } }),
      'register.leaders': LEADERS,
    });
    render(<OverviewPage />);
    expect(await screen.findByText('领学带学督学：2 名领导干部，2026年未开展 1 名')).toBeTruthy();
    expect(screen.getByText('市发改委副主任 · 联系点：发改委第二党支部')).toBeTruthy();
    // Only those without a visit are listed.
    expect(screen.queryByText('陈静')).toBeNull();
    fireEvent.click(screen.getByText('刘洋'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/leader-visits/index?leaderId=m8' });
    fireEvent.click(screen.getByText('打开领学带学督学台账'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/register-leaders/index' });
  });

  it('nudges a leader on 我的 with his own row: 今年未开展 at 0 visits, the count and contact points', async () => {
    const mine = (visits: number) =>
      ok({ year: 2026, rows: [WITHOUT, { ...VISITED, visits }], counts: { leaders: 2, without: visits ? 1 : 2 } });
    serve({ 'user.login': LEADER, 'org.list': ok(ORGS), 'register.leaders': mine(0) });
    const { unmount } = render(<MinePage />);
    expect(await screen.findByText('今年未开展')).toBeTruthy();
    expect(
      screen.getByText(/到联系点发改委第一党支部、发改委第二党支部领学、带学、督学，2026年已登记\s*0 次/),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('领学带学督学'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/leader-visits/index' });
    expect(sent('register.leaders')).toHaveLength(1);
    unmount();

    resetAll();
    serve({ 'user.login': LEADER, 'org.list': ok(ORGS), 'register.leaders': mine(1) });
    render(<MinePage />);
    expect(await screen.findByText(/2026年已登记\s*1 次/)).toBeTruthy();
    expect(screen.queryByText('今年未开展')).toBeNull();
  });

  it("still shows the session's leader the entry when the register fails", async () => {
    serve({
      'user.login': LEADER,
      'org.list': ok(ORGS),
      'register.leaders': fail('INTERNAL', '数据库暂不可用'),
    });
    render(<MinePage />);
    await waitFor(() => expect(sent('register.leaders')).toHaveLength(1));
    expect(await screen.findByText('到联系点领学、带学、督学：查看和登记我的领学记录')).toBeTruthy();
    expect(screen.getByText('领学带学督学')).toBeTruthy();
    expect(screen.queryByText('今年未开展')).toBeNull();
  });

  it('shows a member who is not a leader nothing and asks the register nothing', async () => {
    // The register's list is served with him in it, so a page that asked it would show him the entry.
    const everyone = ok({
      year: 2026,
      rows: [{ ...VISITED, memberId: 'm1', visits: 0 }],
      counts: { leaders: 1, without: 1 },
    });
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS), 'register.leaders': everyone });
    render(<MinePage />);
    await screen.findByText('张伟');
    await waitFor(() => expect(sent('orglife.reviews')).toHaveLength(1));
    expect(screen.queryByText('领学带学督学')).toBeNull();
    expect(sent('register.leaders')).toHaveLength(0);
  });
});
