// The 志愿服务 pages: the admin register (hours per org, activities, export, 发布活动), the form, one activity (sign-ups,
// waiting list, hours per attendee recorded after the end), the member's page (报名, 候补, 取消, own hours), and the
// 达标创优 overview's 志愿服务 line.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VolunteerActivityPage from '@/admin/volunteer-activity/index';
import VolunteerFormPage from '@/admin/volunteer-form/index';
import VolunteerPage from '@/admin/volunteer/index';
import { VolunteerDue } from '@/admin/shared/volunteer-due';
import type { VolunteerActivityRow, VolunteerMineRow } from '@/domain/api/volunteer';
import VolunteerMinePage from '@/pages/volunteer/index';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent, typeInto, field } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });

const ACTIVITY: VolunteerActivityRow = {
  activityId: 'va_1',
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  title: '社区环境整治',
  mode: '进社区',
  partner: '幸福里社区',
  startAt: '2020-06-06T09:00:00+08:00',
  endAt: '2020-06-06T11:30:00+08:00',
  place: '幸福里社区服务中心',
  capacity: 2,
  signedUp: 2,
  waiting: 1,
  checkinActivityId: 'aCHECK1',
  recorded: false,
  hours: 0,
};
const SUMMARY = {
  year: 2020,
  rows: [
    { orgId: 'org-a2', orgName: '发改委第二党支部', hours: 0, people: 0 },
    { orgId: 'org-a1', orgName: '发改委第一党支部', hours: 12.5, people: 5 },
  ],
  totalHours: 12.5,
  without: 1,
};
const signup = (memberId: string, name: string) => ({
  memberId,
  name,
  orgId: 'org-a1',
  at: '2020-06-01T10:00:00+08:00',
});

describe('志愿服务台账', () => {
  it('shows the hours per org and the activities, opens one, exports and opens the form', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.volSummary': ok(SUMMARY),
      'register.volList': ok({ activities: [ACTIVITY], hasMore: false }),
      'register.volExport': ok({
        fileID: 'cloud://x/v.xlsx',
        url: 'http://x/v.xlsx',
        fileName: '志愿服务台账-2020.xlsx',
      }),
    });
    render(<VolunteerPage />);
    expect(await screen.findByText('社区环境整治')).toBeTruthy();
    expect(await screen.findByText('2020年服务小时')).toBeTruthy();
    expect(screen.getByText('今年尚无志愿服务')).toBeTruthy();
    expect(screen.getByText('12.5 小时')).toBeTruthy();
    expect(screen.getByText(/报名 2\/2 · 候补 1/)).toBeTruthy();
    fireEvent.click(screen.getByText('社区环境整治'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/volunteer-activity/index?activityId=va_1' });
    fireEvent.click(screen.getByText('导出台账（Excel）'));
    await waitFor(() => expect(sent('register.volExport')).toHaveLength(1));
    fireEvent.click(screen.getByText('发布活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/volunteer-form/index' });
  });

  it('is closed to a member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<VolunteerPage />);
    expect(await screen.findByText(/管理员和支部书记/)).toBeTruthy();
    expect(sent('register.volList')).toHaveLength(0);
  });
});

describe('发布志愿服务活动', () => {
  it('checks the form, then creates the activity and opens it', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.volCreate': ok({ activityId: 'va_9', checkinActivityId: 'aC9' }),
    });
    render(<VolunteerFormPage />);
    await screen.findByText('发布志愿服务活动');
    fireEvent.click(screen.getByText('发布活动'));
    expect(await screen.findByText('请填写活动名称')).toBeTruthy();
    typeInto(field('title'), '社区环境整治');
    typeInto(field('partner'), '幸福里社区');
    typeInto(field('place'), '社区服务中心门口');
    typeInto(field('capacity'), '0');
    fireEvent.click(screen.getByText('发布活动'));
    expect(await screen.findByText('名额应为 1–200 的整数')).toBeTruthy();
    typeInto(field('capacity'), '15');
    fireEvent.click(screen.getByText('发布活动'));
    await waitFor(() => expect(sent('register.volCreate')).toHaveLength(1));
    expect(sent('register.volCreate')[0]).toMatchObject({
      title: '社区环境整治',
      mode: '进社区',
      partner: '幸福里社区',
      place: '社区服务中心门口',
      capacity: 15,
    });
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/admin/volunteer-activity/index?activityId=va_9' }),
    );
  });
});

describe('one activity', () => {
  const detail = (ended: boolean) => ({
    activity: ACTIVITY,
    signups: [signup('m1', '张伟'), signup('m2', '王芳')],
    waiting: [signup('m3', '李娜')],
    attendees: [
      { memberId: 'm1', name: '张伟', orgId: 'org-a1', signedUp: true, hours: null, suggested: 2.5 },
      { memberId: 'm4', name: '刘洋', orgId: 'org-a1', signedUp: false, hours: 1, suggested: 2.5 },
    ],
    ended,
  });

  it('shows sign-ups and the waiting list, proposes the hours and records them after the end', async () => {
    setRouterParams({ activityId: 'va_1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.volGet': ok(detail(true)),
      'register.volRecordHours': ok({ recorded: 2, hours: 4.5, pointsAwarded: 3 }),
    });
    render(<VolunteerActivityPage />);
    expect(await screen.findByText('张伟、王芳')).toBeTruthy();
    expect(screen.getByText(/候补（按先后）：1. 李娜/)).toBeTruthy();
    expect(screen.getByText('刘洋（未报名）')).toBeTruthy();
    expect((field('hours-m1') as HTMLInputElement).value).toBe('2.5');
    expect((field('hours-m4') as HTMLInputElement).value).toBe('1');
    typeInto(field('hours-m1'), '2.3');
    fireEvent.click(screen.getByText('登记服务时长'));
    expect(await screen.findByText(/张伟的服务时长应为 0–24 小时/)).toBeTruthy();
    typeInto(field('hours-m1'), '3.5');
    fireEvent.click(screen.getByText('登记服务时长'));
    await waitFor(() => expect(sent('register.volRecordHours')).toHaveLength(1));
    expect(sent('register.volRecordHours')[0]).toEqual({
      activityId: 'va_1',
      hours: [
        { memberId: 'm1', hours: 3.5 },
        { memberId: 'm4', hours: 1 },
      ],
    });
    fireEvent.click(screen.getByText('签到与补签（出示签到码）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/attendance/index?activityId=aCHECK1' });
  });

  it('offers no save before the end', async () => {
    setRouterParams({ activityId: 'va_1' });
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'register.volGet': ok(detail(false)) });
    render(<VolunteerActivityPage />);
    expect(await screen.findByText('活动结束后登记服务时长。')).toBeTruthy();
    expect(screen.queryByText('登记服务时长')).toBeNull();
  });
});

describe('志愿服务 for members', () => {
  const future = new Date(Date.now() + 3 * 86400_000).toISOString();
  const row = (extra: Partial<VolunteerMineRow>): VolunteerMineRow => ({
    ...ACTIVITY,
    startAt: future,
    endAt: future,
    status: null,
    waitingPlace: null,
    ...extra,
  });

  it('signs up, shows a waiting place, cancels, and shows the own hours', async () => {
    let mine = [
      row({ activityId: 'va_1', signedUp: 2, capacity: 2 }),
      row({ activityId: 'va_2', title: '助农', signedUp: 0 }),
    ];
    serve({
      'user.login': MEMBER,
      'register.volMine': () =>
        ok({
          activities: mine,
          year: 2020,
          yearHours: 6.5,
          served: [{ activityId: 'va_0', title: '敬老院慰问', day: '2020-05-01', hours: 3 }],
        }),
      'register.volSignUp': ok({ status: 'waiting' as const, waitingPlace: 2, already: false }),
      'register.volCancel': ok({ removed: 'confirmed' as const, promotedName: '李娜' }),
    });
    render(<VolunteerMinePage />);
    expect(await screen.findByText('6.5')).toBeTruthy();
    expect(screen.getByText('3 小时')).toBeTruthy();
    mine = [
      row({ activityId: 'va_1', status: 'waiting', waitingPlace: 2 }),
      row({ activityId: 'va_2', title: '助农', status: 'confirmed' }),
    ];
    fireEvent.click(screen.getByText('名额已满，报名候补'));
    await waitFor(() => expect(sent('register.volSignUp')).toEqual([{ activityId: 'va_1' }]));
    expect(await screen.findByText('候补第 2 位：有人取消时按先后自动递补')).toBeTruthy();
    expect(screen.getByText('已报名，请按时到场扫码签到')).toBeTruthy();
    fireEvent.click(screen.getAllByText('取消报名')[1]);
    await waitFor(() => expect(sent('register.volCancel')).toEqual([{ activityId: 'va_2' }]));
  });

  it('shows the server’s refusal', async () => {
    serve({
      'user.login': MEMBER,
      'register.volMine': ok({ activities: [row({ signedUp: 0 })], year: 2020, yearHours: 0, served: [] }),
      'register.volSignUp': fail('PERMISSION_DENIED', '您不在本次志愿服务的报名范围内'),
    });
    render(<VolunteerMinePage />);
    fireEvent.click(await screen.findByText('我要报名'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您不在本次志愿服务的报名范围内' })),
    );
    expect(screen.getByText('今年还没有登记的服务时长。参加活动并签到后，由组织者登记。')).toBeTruthy();
  });
});

describe('the overview’s 志愿服务 line', () => {
  it('names the hours per org and those without service, and opens the register', async () => {
    serve({ 'user.login': ADMIN, 'register.volSummary': ok(SUMMARY) });
    render(<VolunteerDue />);
    expect(await screen.findByText('志愿服务（2020年）：共 12.5 小时，尚无服务的组织 1 个')).toBeTruthy();
    expect(screen.getByText('12.5 小时 · 5 人次')).toBeTruthy();
    expect(screen.getByText('尚无：发改委第二党支部')).toBeTruthy();
    fireEvent.click(screen.getByText('打开志愿服务台账'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/volunteer/index' });
  });
});
