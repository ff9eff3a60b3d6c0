// 签到活动: a member's activities (open first) with the own status, the way to bind for the unbound, and the
// management entry for secretaries.
import { render, screen } from '@testing-library/react';
import ActivitiesPage from '@/pages/activities/index';
import ManageActivitiesPage from '@/admin/activities/index';
import { countdown } from '@/admin/activity-code/index';
import type { ActivitySummary } from '@/domain/api';
import { ORGS, ok, requests, resetAll, serve } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const activity = (
  id: string,
  title: string,
  phase: ActivitySummary['phase'],
  myStatus: ActivitySummary['myStatus'],
  startAt: string,
): ActivitySummary => ({
  activityId: id,
  title,
  kind: '主题党日',
  orgIds: ['b1'],
  startAt,
  endAt: startAt.replace('T09', 'T11'),
  opensAt: startAt.replace('T09', 'T08'),
  place: null,
  hasLocation: false,
  phase,
  myStatus,
});

beforeEach(resetAll);

describe('签到活动', () => {
  it('lists the open activity first, with each status in words', async () => {
    serve({
      'user.login': ok({ openid: 'o', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'b1' } }),
      'checkin.list': ok({
        activities: [
          activity('a1', '六月主题党日', 'ended', 'late', '2020-06-01T09:00:00+08:00'),
          activity('a2', '五月主题党日', 'ended', null, '2020-05-01T09:00:00+08:00'),
          activity('a3', '七月主题党日', 'open', null, '2020-07-01T09:00:00+08:00'),
        ],
      }),
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText('七月主题党日')).toBeTruthy();
    const titles = screen.getAllByText(/主题党日$/).filter((e) => e.className.includes('activity-row__title'));
    expect(titles.map((t) => t.textContent)).toEqual(['七月主题党日', '六月主题党日', '五月主题党日']);
    expect(screen.getByText('待签到')).toBeTruthy();
    expect(screen.getByText('请用微信扫描现场大屏上的二维码签到')).toBeTruthy();
    expect(screen.getByText('迟到签到')).toBeTruthy();
    expect(screen.getByText('未签到')).toBeTruthy();
    expect(screen.getByText('7月1日 09:00–11:00')).toBeTruthy();
    expect(requests.find((r) => r.key === 'checkin.list')?.data).toEqual({ scope: 'mine' });
    expect(screen.queryByText('活动签到管理')).toBeNull();
  });

  it('asks an unbound visitor to bind, and shows a secretary the way to management', async () => {
    serve({ 'user.login': ok({ openid: 'o', roles: [{ role: 'secretary', scopeId: 'b1' }], member: null }) });
    render(<ActivitiesPage />);
    expect(await screen.findByText('去“我的”绑定身份')).toBeTruthy();
    expect(screen.getByText('活动签到管理')).toBeTruthy();
    expect(requests.some((r) => r.key === 'checkin.list')).toBe(false);
  });
});

describe('活动签到 (management)', () => {
  it('lists a cancelled training last, marked 已取消, without the code the upcoming one offers', async () => {
    serve({
      'user.login': ok({ openid: 'o-admin', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'checkin.list': ok({
        activities: [
          { ...activity('t1', '书记培训班', 'cancelled', null, '2020-07-02T09:00:00+08:00'), kind: '培训' },
          activity('a1', '七月主题党日', 'upcoming', null, '2020-07-01T09:00:00+08:00'),
        ],
      }),
    });
    render(<ManageActivitiesPage />);
    expect(await screen.findByText('书记培训班')).toBeTruthy();
    const rows = document.querySelectorAll('.manage-row');
    expect([...rows].map((r) => r.querySelector('.manage-row__title')?.textContent)).toEqual([
      '七月主题党日',
      '书记培训班',
    ]);
    expect(rows[1].querySelector('.manage-row__phase')?.textContent).toBe('已取消');
    expect(rows[0].querySelector('.manage-row__code')).not.toBeNull();
    expect(rows[1].querySelector('.manage-row__code')).toBeNull();
    expect(requests.find((r) => r.key === 'checkin.list')?.data).toEqual({ scope: 'manage' });
  });
});

describe('the code screen countdown', () => {
  it.each([
    [0, '0 秒'],
    [-5000, '0 秒'],
    [19_001, '20 秒'],
    [65_000, '1 分 05 秒'],
    [1_097_000, '18 分 17 秒'],
    [3_725_000, '1 小时 02 分'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(countdown(ms)).toBe(text);
  });
});
