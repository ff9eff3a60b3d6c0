// 我的积分, the points summary on 我的 and 今日事项 on 首页, against a mocked `points` function.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '@/pages/index/index';
import MinePage from '@/pages/mine/index';
import PointsPage from '@/pages/points/index';
import { beijingYear } from '@/utils/time';
import { entry, mine } from './fixtures-points';
import type { KeyOutput, Reply } from './helpers';
import { fail, ORGS, ok, requests, resetAll, serve } from './helpers';

const thisYear = (): number => beijingYear(Date.now());

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const MEMBER: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-m1',
  roles: [],
  member: { memberId: 'm1', name: '张三', orgId: 'org-a1' },
});

beforeEach(resetAll);

describe('我的积分', () => {
  it('shows this year, the stars, the balance, 民主评议 and why entries differ from their request', async () => {
    serve({ 'points.mine': ok(mine()) });
    render(<PointsPage />);
    expect(await screen.findByText('46')).toBeTruthy();
    expect(screen.getByText('★★★☆☆')).toBeTruthy();
    expect(screen.getByText('3 星党员')).toBeTruthy();
    expect(screen.getByText('累计积分 128')).toBeTruthy();
    expect(screen.getByText('民主评议 优秀')).toBeTruthy();
    expect(screen.getByText('再得 14 分可升一星')).toBeTruthy();
    expect(screen.getByText('+5')).toBeTruthy();
    expect(screen.getByText('-5')).toBeTruthy();
    expect(screen.getByText('已达当日上限，原应得 4 分')).toBeTruthy();
    expect(screen.getByText('冲正（撤销一笔记录）')).toBeTruthy();
    expect(screen.getByText('每日一练 · 2026-07-02 09:05')).toBeTruthy();
    expect(screen.getByText('年度积分 ≥ 20 分为二星')).toBeTruthy();
    expect(screen.getByText('以上是全部记录')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(requests[0]).toEqual({ key: 'points.mine', data: { year: thisYear() } });
  });

  it('appends the next page of the ledger and stops when there is no more', async () => {
    serve({
      'points.mine': (data) =>
        data.page === 1
          ? ok(mine({ entries: [entry(9, { reason: '第二页的记录' })], page: 1, hasMore: false }))
          : ok(mine({ hasMore: true })),
    });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('第二页的记录')).toBeTruthy();
    // The first page stays.
    expect(screen.getByText('出席主题党日 3')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(requests.map((r) => r.data)).toEqual([{ year: thisYear() }, { year: thisYear(), page: 1 }]);
  });

  it('keeps the shown entries and says why when the next page fails', async () => {
    serve({
      'points.mine': (data) =>
        data.page === 1 ? fail('INTERNAL', '服务出错，请稍后重试') : ok(mine({ hasMore: true })),
    });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('服务出错，请稍后重试')).toBeTruthy();
    expect(screen.getByText('出席主题党日 3')).toBeTruthy();
    expect(screen.getByText('加载更多')).toBeTruthy();
  });

  it('switches to the year before and explains an empty year', async () => {
    const now = thisYear();
    serve({
      'points.mine': (data) =>
        ok(
          data.year === now - 1
            ? mine({ year: now - 1, yearTotal: 0, stars: 1, entries: [], toNextStar: 20, review: null })
            : mine({ year: now }),
        ),
    });
    render(<PointsPage />);
    await screen.findByText('46');
    fireEvent.click(screen.getByLabelText('上一年'));
    expect(await screen.findByText(`${now - 1} 年还没有积分记录。`, { exact: false })).toBeTruthy();
    expect(screen.getByText('民主评议 尚未评议')).toBeTruthy();
    expect(requests.at(-1)?.data).toEqual({ year: now - 1 });
  });

  it('shows the error with 重试 when the ledger cannot be read', async () => {
    serve({ 'points.mine': fail('PERMISSION_DENIED', '请先在“我的”中绑定党员身份') });
    render(<PointsPage />);
    expect(await screen.findByText('请先在“我的”中绑定党员身份')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

describe('我的: points summary', () => {
  it('shows a bound member this year’s points and stars, opening 我的积分', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS), 'points.mine': ok(mine()) });
    render(<MinePage />);
    const card = (await screen.findByText('我的积分')).closest('.mine-points') as HTMLElement;
    expect(await within(card).findByText('46')).toBeTruthy();
    expect(within(card).getByText('★★★☆☆')).toBeTruthy();
    expect(within(card).getByText('3 星党员')).toBeTruthy();
    fireEvent.click(card);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/points/index' });
  });

  it('is not shown to the public, who have no ledger', async () => {
    serve({ 'user.login': ok({ openid: 'o-pub', roles: [], member: null }), 'org.list': ok(ORGS) });
    render(<MinePage />);
    await screen.findByText('未绑定党员身份');
    expect(screen.queryByText('我的积分')).toBeNull();
    expect(requests.some((r) => r.key === 'points.mine')).toBe(false);
  });
});

describe('首页: 今日事项', () => {
  it('lists today’s items, each opening its page (tab pages with switchTab)', async () => {
    serve({
      'user.login': MEMBER,
      'org.list': ok(ORGS),
      'points.today': ok({
        day: '2026-11-24',
        items: [
          {
            kind: 'checkin',
            title: '11月主题党日',
            path: '/pages/checkin/index?id=a1',
            detail: '09:00 开始 · 三楼会议室',
          },
          { kind: 'practice', title: '今天的每日一练还没做', path: '/pages/study/index', detail: '答对一题得 1 分' },
        ],
      }),
    });
    render(<HomePage />);
    const first = await screen.findByText('11月主题党日');
    expect(screen.getByText('09:00 开始 · 三楼会议室')).toBeTruthy();
    expect(screen.getByText('签到')).toBeTruthy();
    fireEvent.click(first);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkin/index?id=a1' });
    fireEvent.click(screen.getByText('今天的每日一练还没做'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/study/index' });
    // Today comes before the entries to each part.
    const order = Array.from(document.querySelectorAll('.home-today, .home-entries')).map((e) => e.className);
    expect(order[0]).toContain('home-today');
  });

  it('shows work waiting for the caller’s role as 待办, opening the admin page', async () => {
    serve({
      'user.login': ok({ openid: 'admin', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'points.today': ok({
        day: '2026-11-24',
        items: [
          {
            kind: 'work',
            title: '民声热线：2 件诉求待分办',
            path: '/admin/hotline-triage/index',
            detail: '请受理并交办承办部门',
          },
        ],
      }),
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('民声热线：2 件诉求待分办'));
    expect(screen.getByText('待办').className).toContain('home-today__badge--work');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/hotline-triage/index' });
  });

  it('says so when nothing is on today', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS), 'points.today': ok({ day: '2026-11-24', items: [] }) });
    render(<HomePage />);
    expect(await screen.findByText('今天没有待办事项')).toBeTruthy();
  });

  it('asks no one about today for a caller without a WeChat identity', async () => {
    serve({ 'user.login': fail('UNAUTHENTICATED', '未获取到微信身份'), 'org.list': ok(ORGS) });
    render(<HomePage />);
    await screen.findByText('您好，欢迎使用');
    await waitFor(() => expect(requests.some((r) => r.key === 'org.list')).toBe(true));
    expect(requests.some((r) => r.key === 'points.today')).toBe(false);
    expect(screen.queryByText('今日事项')).toBeNull();
  });
});
