// 签到码 screen: the line under the code names one period and never counts down from more than that period.
import { act, render, screen } from '@testing-library/react';
import ActivityCodePage, { refreshText } from '@/admin/activity-code/index';
import { ok, ORGS, resetAll, serve } from '../helpers';
import { setRouterParams } from '../stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const NOW = Date.parse('2020-07-01T08:40:00+08:00');

beforeEach(resetAll);
afterEach(() => jest.useRealTimers());

describe('签到码', () => {
  it('says 每 20 秒更新 and at most 20 秒后刷新 even when the code arrives between two ticks of the clock', async () => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    setRouterParams({ activityId: 'aB3dE5fG7' });
    serve({
      'user.login': ok({ openid: 'o', roles: [{ role: 'secretary', scopeId: 'b1' }], member: null }),
      'org.list': ok(ORGS),
      'checkin.get': ok({
        activityId: 'aB3dE5fG7',
        title: '七月主题党日',
        kind: '主题党日',
        orgIds: ['b1'],
        startAt: '2020-07-01T09:00:00+08:00',
        endAt: '2020-07-01T11:00:00+08:00',
        opensAt: '2020-07-01T08:30:00+08:00',
        place: null,
        hasLocation: false,
        phase: 'open',
        myStatus: null,
        location: null,
        canManage: true,
      }),
      // The code takes 0.9 s to arrive: the page's clock last ticked before the request went out.
      'checkin.qrImage': () =>
        new Promise((resolve) =>
          setTimeout(
            () =>
              resolve(
                ok({
                  scene: 's',
                  path: 'pages/checkin/index?scene=s',
                  expiresAt: '2020-07-01T08:41:00+08:00',
                  image: 'data:image/png;base64,AA==',
                  refreshMs: 20_000,
                }),
              ),
            900,
          ),
        ),
      'checkin.attendance': ok({
        expected: 4,
        present: 1,
        late: 0,
        flagged: 0,
        manual: 0,
        rate: 0.25,
        absentees: [],
        flaggedList: [],
        manualList: [],
      }),
    });
    render(<ActivityCodePage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByText('正在生成签到码…')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(950);
    });
    expect(screen.getByText('二维码每 20 秒更新，20 秒后刷新')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(7_000);
    });
    expect(screen.getByText(/二维码每 20 秒更新，1[34] 秒后刷新/)).toBeTruthy();
  });

  it.each([
    [20_000, 20_900, '二维码每 20 秒更新，20 秒后刷新'],
    [20_000, 4_200, '二维码每 20 秒更新，5 秒后刷新'],
    [30_000, -300, '二维码每 30 秒更新，0 秒后刷新'],
  ])('refreshText(%i, %i) is %s', (period, left, text) => expect(refreshText(period, left)).toBe(text));
});
