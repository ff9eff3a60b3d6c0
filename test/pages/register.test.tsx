// The 换届选举台账 pages: the register (overdue first, counts, export, each row opening its term) and one
// organisation's term (its reminder days, elections, and the forms that record an election or correct the term).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RegisterTermsPage from '@/admin/register-terms/index';
import TermFormPage from '@/admin/term-form/index';
import type { ElectionRow, TermDetail, TermRow } from '@/domain/api/register';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent, typeInto, field } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const SECRETARY = ok({
  openid: 'o-s',
  roles: [{ role: 'secretary' as const, scopeId: 'org-a1' }],
  member: { memberId: 'm0', name: '王建国', orgId: 'org-a1' },
});
const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });

const OVERDUE: TermRow = {
  orgId: 'org-a2',
  orgName: '发改委第二党支部',
  orgKind: '党支部',
  electedOn: '2017-03-01',
  termYears: 3,
  endsOn: '2020-03-01',
  state: 'overdue',
  secretaryName: '刘洋',
  remindedMonths: 1,
  remindedOn: '2020-02-01',
};
const DUE: TermRow = {
  ...OVERDUE,
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  electedOn: '2017-08-10',
  endsOn: '2020-08-10',
  state: 'due3',
  secretaryName: '王建国',
  remindedMonths: 3,
  remindedOn: '2020-05-10',
};

describe('换届选举台账', () => {
  it('lists the overdue and due first with the counts, opens a row and exports', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.terms': ok({ today: '2020-06-01', rows: [OVERDUE, DUE], counts: { overdue: 1, due: 1, none: 0 } }),
      'register.exportTerms': ok({ fileID: 'cloud://x/a.xlsx', url: 'http://x/a.xlsx', fileName: '换届选举台账.xlsx' }),
    });
    render(<RegisterTermsPage />);
    expect(await screen.findByText('已超期', { selector: '.terms__state' })).toBeTruthy();
    expect(screen.getByText('三个月内到期')).toBeTruthy();
    expect(screen.getByText('半年内到期', { selector: '.terms__label' })).toBeTruthy();
    expect(screen.getByText('各组织任期（2020-06-01）')).toBeTruthy();
    expect(screen.getByText(/2020-03-01 届满 · 已于 2020-02-01 提醒（届满前 1 个月）/)).toBeTruthy();
    const names = screen.getAllByText(/发改委第.党支部/).map((e) => e.textContent);
    expect(names).toEqual(['发改委第二党支部', '发改委第一党支部']);

    fireEvent.click(screen.getByText('发改委第二党支部'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/term-form/index?orgId=org-a2' });
    fireEvent.click(screen.getByText('导出台账（Excel）'));
    await waitFor(() => expect(sent('register.exportTerms')).toHaveLength(1));
  });

  it('says so when the caller keeps no organisation with a term', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.terms': ok({ today: '2020-06-01', rows: [], counts: { overdue: 0, due: 0, none: 0 } }),
    });
    render(<RegisterTermsPage />);
    expect(await screen.findByText('您管理的组织中没有需要换届的党组织。')).toBeTruthy();
  });

  it('is closed to a plain member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<RegisterTermsPage />);
    expect(await screen.findByText(/管理员和支部书记/)).toBeTruthy();
    expect(sent('register.terms')).toHaveLength(0);
  });
});

const TERM: TermDetail = {
  ...DUE,
  committee: ['张伟', '李秀英'],
  reminderDays: { 6: '2020-02-10', 3: '2020-05-10', 1: '2020-07-10' },
};
const ELECTION: ElectionRow = {
  electionId: 'el_1',
  heldOn: '2017-08-10',
  orgKind: '党支部',
  expected: 12,
  present: 9,
  rate: 75,
  quorate: false,
  secretaryName: '王建国',
  committee: ['张伟'],
  result: '选举产生支部委员会',
  approval: '经机关党委批复同意',
  recordedAt: '2017-08-11T09:00:00+08:00',
};

describe('任期与换届', () => {
  it('shows the term, its reminder days and its elections', async () => {
    setRouterParams({ orgId: 'org-a1' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.term': ok({ term: TERM, elections: [ELECTION], hasMore: false }),
    });
    render(<TermFormPage />);
    expect(
      await screen.findByText(/2020-02-10（届满前 6 个月）、2020-05-10（3 个月）、2020-07-10（1 个月）/),
    ).toBeTruthy();
    expect(screen.getByText('委员：张伟、李秀英')).toBeTruthy();
    expect(screen.getByText(/应到 12 人，实到 9 人（75%）/)).toBeTruthy();
    expect(screen.getByText(/未超过五分之四/)).toBeTruthy();
    expect(sent('register.term')).toEqual([{ orgId: 'org-a1' }]);
  });

  it('records an election with the typed numbers and names, and shows the server’s refusal', async () => {
    setRouterParams({ orgId: 'org-a1' });
    let refuse = true;
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.term': ok({ term: TERM, elections: [], hasMore: false }),
      'register.recordElection': () =>
        refuse
          ? fail('INVALID_ARGUMENT', '实到人数不能多于应到人数')
          : ok({ electionId: 'el_2', endsOn: '2023-06-01', state: 'ok' as const, quorate: true, current: true }),
    });
    render(<TermFormPage />);
    await screen.findByText('还没有记录过选举。');
    typeInto(field('expected'), '13');
    typeInto(field('present'), '14');
    typeInto(field('committee'), '张伟、李秀英 周敏');
    typeInto(field('result'), '选举产生新一届支部委员会');
    fireEvent.click(screen.getByText('保存选举记录'));
    expect(await screen.findByText('实到人数不能多于应到人数')).toBeTruthy();
    expect(sent('register.recordElection')[0]).toMatchObject({
      orgId: 'org-a1',
      orgKind: '党支部',
      termYears: 3,
      expected: 13,
      present: 14,
      secretaryName: '王建国',
      committee: ['张伟', '李秀英', '周敏'],
      result: '选举产生新一届支部委员会',
    });
    expect(sent('register.recordElection')[0]).not.toHaveProperty('approval');

    refuse = false;
    typeInto(field('present'), '12');
    fireEvent.click(screen.getByText('保存选举记录'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存，任期至 2023-06-01', icon: 'none' }),
    );
    expect(sent('register.term').length).toBeGreaterThanOrEqual(2);
  });

  it('corrects the registered term, with the kind’s default term length', async () => {
    setRouterParams({ orgId: 'org-a1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.term': ok({ term: TERM, elections: [], hasMore: false }),
      'register.saveTerm': ok({ endsOn: '2020-08-10', state: 'due3' as const }),
    });
    render(<TermFormPage />);
    await screen.findByText('还没有记录过选举。');
    fireEvent.click(screen.getByText('更正本届任期'));
    expect(screen.queryByText('应到人数')).toBeNull();
    fireEvent.click(screen.getByText('保存任期'));
    await waitFor(() => expect(sent('register.saveTerm')).toHaveLength(1));
    expect(sent('register.saveTerm')[0]).toEqual({
      orgId: 'org-a1',
      orgKind: '党支部',
      termYears: 3,
      secretaryName: '王建国',
      committee: ['张伟', '李秀英'],
      electedOn: '2017-08-10',
    });
  });
});
