// 支部看板, 评星定级 and 达标创优: charts from the dashboard document, 民主评议 edits saved as one batch, sorting and
// exports, and who may open which page.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import BranchDashboardPage from '@/admin/branch-dashboard/index';
import OverviewPage from '@/admin/overview/index';
import StarsPage from '@/admin/stars/index';
import { openExport } from '@/services/checkin-device';
import { beijingYear } from '@/utils/time';
import { DASHBOARD, OVERVIEW, STARS } from '../fixtures-points';
import type { KeyOutput, Reply } from '../helpers';
import { fail, ORGS, ok, requests, resetAll, serve } from '../helpers';
import { setRouterParams } from '../stubs/taro';

const thisYear = (): number => beijingYear(Date.now());

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/checkin-device', () => ({ openExport: jest.fn(async () => undefined) }));

const ADMIN: Reply<KeyOutput<'user.login'>> = ok({ openid: 'admin', roles: [{ role: 'admin' }], member: null });
const SECRETARY: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'sec',
  roles: [{ role: 'secretary', scopeId: 'org-a2' }],
  member: { memberId: 'm9', name: '李红', orgId: 'org-a2' },
});
const MEMBER: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'm',
  roles: [],
  member: { memberId: 'm1', name: '张三', orgId: 'org-a1' },
});

beforeEach(() => {
  resetAll();
  (openExport as jest.Mock).mockClear();
});

const rowOf = (text: string, selector: string) => screen.getByText(text).closest(selector) as HTMLElement;

describe('支部看板', () => {
  it('opens a secretary on the own branch and draws the cadence grid, attendance, participation and points', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'points.dashboard': (data) => ok({ ...DASHBOARD, orgId: data.orgId as string, orgName: '发改委第二党支部' }),
    });
    render(<BranchDashboardPage />);
    expect(await screen.findByText('本季度尚未召开支部党员大会')).toBeTruthy();
    expect(requests.find((r) => r.key === 'points.dashboard')?.data).toEqual({ orgId: 'org-a2', year: thisYear() });
    // Headline figures.
    expect(screen.getByText('86.7%')).toBeTruthy();
    expect(screen.getByText('87.5%')).toBeTruthy();

    // Cadence: quarterly kind has 4 cells (Q2 missed, Q4 due now), monthly has 12 (Nov held twice, Dec to come).
    const grid = screen.getByRole('img', { name: `${DASHBOARD.year}年三会一课落实情况` });
    expect(within(grid).getByLabelText('支部党员大会第二季度未开')).toBeTruthy();
    expect(within(grid).getByLabelText('支部党员大会第四季度本期待开')).toBeTruthy();
    expect(within(grid).getByLabelText('支委会11月已开2次')).toBeTruthy();
    expect(within(grid).getByLabelText('支委会12月未到')).toBeTruthy();
    expect(grid.querySelectorAll('.cadence__slot .cadence__cell--missing')).toHaveLength(1);
    const quarterSlot = within(grid).getByLabelText('支部党员大会第一季度已开1次') as HTMLElement;
    expect(quarterSlot.style.width).toBe('25%');
    expect(within(grid).getByText('每季度 · 2/4')).toBeTruthy();

    // Attendance bars carry their numbers; a rate under 80% is amber.
    const bars = screen.getByRole('img', { name: '各次活动出勤率' });
    expect(within(bars).getByText('11月5日 11月主题党日')).toBeTruthy();
    expect(within(bars).getByText('9/12人 75%')).toBeTruthy();
    expect(within(bars).getByText('5/5人 100%')).toBeTruthy();
    const low = bars.querySelector('.chart-tone--warn') as HTMLElement;
    expect(low.style.width).toBe('75%');

    expect(screen.getByText('9人 75%')).toBeTruthy();
    const dist = screen.getByRole('img', { name: '党员积分分布' });
    expect(within(dist).getByText('6人')).toBeTruthy();
    expect(within(dist).getByText('40 以上')).toBeTruthy();
    // The largest column fills the plot; the others are in proportion.
    const heights = Array.from(dist.querySelectorAll('.column-chart__bar')).map((b) => (b as HTMLElement).style.height);
    expect(heights).toEqual([`${(2 / 6) * 100}%`, '100%', `${(4 / 6) * 100}%`]);

    fireEvent.click(screen.getByText('评星定级'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/admin/stars/index?orgId=org-a2&year=${DASHBOARD.year}` });
  });

  it('recomputes on 重新统计 and follows the picked branch and year', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.dashboard': (data) =>
        ok({ ...DASHBOARD, orgId: data.orgId as string, missing: data.refresh ? [] : DASHBOARD.missing }),
    });
    setRouterParams({ orgId: 'org-a1', year: String(thisYear() - 1) });
    render(<BranchDashboardPage />);
    await screen.findByText('本季度尚未召开支部党员大会');
    expect(requests.find((r) => r.key === 'points.dashboard')?.data).toEqual({ orgId: 'org-a1', year: thisYear() - 1 });

    fireEvent.click(screen.getByText('重新统计'));
    expect(await screen.findByText('本月、本季度的“三会一课”都已召开')).toBeTruthy();
    expect(requests.at(-1)?.data).toEqual({ orgId: 'org-a1', year: thisYear() - 1, refresh: true });

    const [orgPicker] = screen.getAllByLabelText('picker');
    fireEvent.change(orgPicker, { target: { value: '2' } });
    await waitFor(() => expect(requests.at(-1)?.data).toEqual({ orgId: 'org-a2', year: thisYear() - 1 }));
  });

  it('says an empty year once: no activities, without a colour key or a second, different statement', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'points.dashboard': ok({ ...DASHBOARD, activities: [], attendanceRate: null }),
    });
    render(<BranchDashboardPage />);
    await screen.findByText('本季度尚未召开支部党员大会');
    const card = document.querySelector('.dash-attendance') as HTMLElement;
    expect(card.textContent).toBe('各次活动出勤率今年还没有活动。');
  });

  it('says the year’s activities have not ended yet when only open ones exist', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'points.dashboard': ok({ ...DASHBOARD, attendanceRate: null }),
    });
    render(<BranchDashboardPage />);
    expect(await screen.findByText('今年的活动都还没有结束，出勤率随签到更新；低于 80% 的标为橙色。')).toBeTruthy();
    expect(screen.getByRole('img', { name: '各次活动出勤率' })).toBeTruthy();
  });

  it('shows 无权限 to a member without a secretary role', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<BranchDashboardPage />);
    expect(await screen.findByText('管理员和支部书记', { exact: false })).toBeTruthy();
    expect(requests.some((r) => r.key.startsWith('points.'))).toBe(false);
  });
});

describe('评星定级', () => {
  it('saves only the changed 民主评议 grades in one call, then reads the list again', async () => {
    let saved = false;
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.stars': () => ok(saved ? { ...STARS, computedAt: '2026-11-24T11:00:00+08:00' } : STARS),
      'points.evaluate': () => {
        saved = true;
        return ok({ saved: 1, cleared: 1 });
      },
    });
    setRouterParams({ orgId: 'org-a1', year: '2026' });
    render(<StarsPage />);
    expect(await screen.findByText('党员星级（3 人）')).toBeTruthy();
    expect(screen.getByText('66 分 · 积分 4 星')).toBeTruthy();
    expect(screen.getByText('评议说明：请假较多')).toBeTruthy();
    const counts = screen.getByRole('img', { name: '各星级人数' });
    expect(within(counts).getAllByText('1人')).toHaveLength(3);

    // Pickers: [org, year, 张三, 李四, 王五]; options: 未评议, 优秀, 合格, 基本合格, 不合格.
    const pickers = () => screen.getAllByLabelText('picker');
    fireEvent.change(pickers()[3], { target: { value: '2' } }); // 李四 -> 合格
    fireEvent.change(pickers()[4], { target: { value: '0' } }); // 王五 -> cleared
    fireEvent.change(pickers()[2], { target: { value: '3' } }); // 张三 -> 基本合格 ...
    fireEvent.change(pickers()[2], { target: { value: '1' } }); // ... and back to 优秀: unchanged
    fireEvent.click(screen.getByText('保存评议（2 人）'));

    await waitFor(() =>
      expect(requests.find((r) => r.key === 'points.evaluate')?.data).toEqual({
        orgId: 'org-a1',
        year: 2026,
        reviews: [
          { memberId: 'm2', grade: '合格' },
          { memberId: 'm3', grade: null },
        ],
      }),
    );
    await waitFor(() => expect(requests.filter((r) => r.key === 'points.stars')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/保存评议（/)).toBeNull());
  });

  it('keeps the edits and shows the reason when saving fails', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.stars': ok(STARS),
      'points.evaluate': fail('PERMISSION_DENIED', '只能评议本支部的党员'),
    });
    setRouterParams({ orgId: 'org-a1', year: '2026' });
    render(<StarsPage />);
    await screen.findByText('党员星级（3 人）');
    fireEvent.change(screen.getAllByLabelText('picker')[3], { target: { value: '1' } });
    fireEvent.click(screen.getByText('保存评议（1 人）'));
    expect(await screen.findByText('只能评议本支部的党员')).toBeTruthy();
    expect(screen.getByText('保存评议（1 人）')).toBeTruthy();
  });

  it('exports the list as Excel', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.stars': ok(STARS),
      'points.exportStars': ok({
        fileID: 'cloud://x',
        url: 'http://127.0.0.1/files/x.xlsx',
        fileName: '评星定级-发改委第一党支部-2026.xlsx',
      }),
    });
    setRouterParams({ orgId: 'org-a1', year: '2026' });
    render(<StarsPage />);
    await screen.findByText('党员星级（3 人）');
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() =>
      expect(openExport).toHaveBeenCalledWith('http://127.0.0.1/files/x.xlsx', '评星定级-发改委第一党支部-2026.xlsx'),
    );
    expect(requests.find((r) => r.key === 'points.exportStars')?.data).toEqual({ orgId: 'org-a1', year: 2026 });
  });
});

describe('积分调整', () => {
  it('lets an admin take points off one member with a reason, then reads the list again', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.stars': ok(STARS),
      'points.adjust': ok({ entryId: 'points:adjust:adj1:m2', points: -3, balance: 40 }),
    });
    setRouterParams({ orgId: 'org-a1', year: '2026' });
    render(<StarsPage />);
    await screen.findByText('积分调整');
    const card = document.querySelector('.stars-adjust') as HTMLElement;
    fireEvent.click(within(card).getByText('确认调整'));
    expect(await within(card).findByText('请选择党员')).toBeTruthy();

    const picker = within(card).getByLabelText('picker') as HTMLSelectElement;
    expect(Array.from(picker.options).map((o) => o.textContent?.trim())[1]).toMatch(/^李四（\d+ 分）$/);
    fireEvent.change(picker, { target: { value: '1' } });
    fireEvent.click(within(card).getByText('扣分'));
    const inputs = card.querySelectorAll('input');
    fireEvent.change(inputs[0], { target: { value: '3' } });
    fireEvent.click(within(card).getByText('确认调整'));
    expect(await within(card).findByText('请写明调整原因（党员在积分明细中能看到）')).toBeTruthy();
    expect(requests.some((r) => r.key === 'points.adjust')).toBe(false);

    fireEvent.change(inputs[1], { target: { value: '无故缺席支部党员大会' } });
    fireEvent.click(within(card).getByText('确认调整'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'points.adjust')?.data).toEqual({
        memberId: 'm2',
        points: -3,
        reason: '无故缺席支部党员大会',
        requestId: expect.stringMatching(/^[a-z0-9]{8,40}$/),
      }),
    );
    await waitFor(() => expect(requests.filter((r) => r.key === 'points.stars')).toHaveLength(2));
  });

  it('is not offered to a secretary', async () => {
    serve({ 'user.login': SECRETARY, 'org.list': ok(ORGS), 'points.stars': ok(STARS) });
    setRouterParams({ orgId: 'org-a2', year: '2026' });
    render(<StarsPage />);
    await screen.findByText('党员星级（3 人）');
    expect(screen.queryByText('积分调整')).toBeNull();
  });
});

describe('达标创优', () => {
  const names = () =>
    Array.from(document.querySelectorAll('.overview-tr:not(.overview-tr--head) .overview-col--name')).map(
      (e) => e.textContent,
    );

  it('lists the organisations overdue or due for 换届 under the table, each opening its term', async () => {
    const row = {
      orgId: 'org-a2',
      orgName: '发改委第二党支部',
      orgKind: '党支部' as const,
      electedOn: '2017-03-01',
      termYears: 3,
      endsOn: '2020-03-01',
      state: 'overdue' as const,
      secretaryName: '刘洋',
      remindedMonths: null,
      remindedOn: null,
    };
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.overview': ok(OVERVIEW),
      'register.terms': ok({
        today: '2020-06-01',
        rows: [row, { ...row, orgId: 'org-a1', orgName: '发改委第一党支部', endsOn: '2025-01-01', state: 'ok' }],
        counts: { overdue: 1, due: 0, none: 0 },
      }),
    });
    render(<OverviewPage />);
    expect(await screen.findByText('换届：已超期 1 个，半年内到期 0 个，未登记 0 个')).toBeTruthy();
    expect(screen.getByText('2020-03-01 届满')).toBeTruthy();
    // Only those needing attention are listed.
    expect(screen.queryByText('2025-01-01 届满')).toBeNull();
    fireEvent.click(screen.getByText('2020-03-01 届满'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/term-form/index?orgId=org-a2' });
  });

  it('sorts by any column (nulls last), reverses on a second tap and opens a branch', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'points.overview': ok(OVERVIEW) });
    render(<OverviewPage />);
    await screen.findByText('财政局机关党支部');
    // By compliance, best first; the branch with nothing due yet goes last.
    expect(names()).toEqual(['发改委第二党支部', '发改委第一党支部', '财政局机关党支部']);
    // A branch with something missing this month or quarter has that count in red.
    const missing = (name: string) =>
      rowOf(name, '.overview-tr').querySelector('.overview-col--missingNow') as HTMLElement;
    expect(missing('发改委第一党支部').className).toContain('overview-td--bad');
    expect(missing('发改委第二党支部').className).not.toContain('overview-td--bad');

    // A table to screen readers: rows of cells under sortable column heads (the head row a row like the others).
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('[role=row]')).toHaveLength(4);
    expect(Array.from(table.children).every((row) => row.getAttribute('role') === 'row')).toBe(true);
    expect(screen.getAllByRole('columnheader')).toHaveLength(7);
    // A phone shows part of the table: the page says that it scrolls sideways.
    expect(screen.getByText('表格较宽，左右滑动可看全部 7 列 →')).toBeTruthy();
    expect(screen.getAllByRole('rowheader').map((e) => e.textContent)).toEqual(names());
    expect(screen.getByLabelText('按落实率排序').getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByLabelText('按出勤率排序'));
    expect(names()).toEqual(['发改委第二党支部', '发改委第一党支部', '财政局机关党支部']);
    expect(screen.getByLabelText('按出勤率排序').getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByLabelText('按落实率排序').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByLabelText('按出勤率排序'));
    expect(names()).toEqual(['财政局机关党支部', '发改委第一党支部', '发改委第二党支部']);
    fireEvent.click(screen.getByLabelText('按答题参与排序'));
    expect(names()).toEqual(['发改委第一党支部', '财政局机关党支部', '发改委第二党支部']);
    fireEvent.click(screen.getByLabelText('按党员排序'));
    expect(names()).toEqual(['发改委第二党支部', '发改委第一党支部', '财政局机关党支部']);

    fireEvent.click(screen.getByText('财政局机关党支部'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/admin/branch-dashboard/index?orgId=org-b1&year=${thisYear()}`,
    });
  });

  it('exports and recomputes for the chosen year', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.overview': ok(OVERVIEW),
      'points.exportOverview': ok({
        fileID: 'cloud://o',
        url: 'http://127.0.0.1/files/o.xlsx',
        fileName: `达标创优-${thisYear() - 1}.xlsx`,
      }),
    });
    render(<OverviewPage />);
    await screen.findByText('财政局机关党支部');
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '1' } });
    await waitFor(() => expect(requests.at(-1)).toEqual({ key: 'points.overview', data: { year: thisYear() - 1 } }));
    await screen.findByText('财政局机关党支部');
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() =>
      expect(openExport).toHaveBeenCalledWith('http://127.0.0.1/files/o.xlsx', `达标创优-${thisYear() - 1}.xlsx`),
    );
    fireEvent.click(screen.getByText('重新统计'));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({ key: 'points.overview', data: { year: thisYear() - 1, refresh: true } }),
    );
  });

  it('lists the units without an entry of each competition open for entries, each opening the competition', async () => {
    const units = [
      '发改委机关党委',
      '财政局机关党委',
      '教育局机关党委',
      '公安局机关党委',
      '卫健委机关党委',
      '交通局机关党委',
    ];
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.overview': ok(OVERVIEW),
      'contest.due': ok({
        contests: [
          {
            contestId: 'ct_a',
            kind: '创新创优竞赛',
            title: '2020年机关工作创新创优竞赛',
            submitEndAt: '2020-07-31T18:00:00+08:00',
            units: 8,
            missing: units.map((name, i) => ({ orgId: `u${i}`, name })),
          },
          {
            contestId: 'ct_b',
            kind: '效能典型案例评比',
            title: '效能典型案例评比',
            submitEndAt: '2020-08-15T18:00:00+08:00',
            units: 8,
            missing: [],
          },
        ],
      }),
    });
    render(<OverviewPage />);
    expect(await screen.findByText('创新创优：2 项竞赛正在征集参赛项目')).toBeTruthy();
    expect(screen.getByText('6 个未提交')).toBeTruthy();
    expect(screen.getByText('均已提交')).toBeTruthy();
    expect(
      screen.getByText('创新创优竞赛 · 征集至 7月31日 18:00 · 已提交 2 / 8 个单位', { exact: false }),
    ).toBeTruthy();
    // The first five units, then how many more.
    for (const name of units.slice(0, 5)) expect(screen.getByText(name)).toBeTruthy();
    expect(screen.queryByText('交通局机关党委')).toBeNull();
    expect(screen.getByText('另有 1 个单位未提交')).toBeTruthy();
    fireEvent.click(screen.getByText('财政局机关党委'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/contest/detail/index?id=ct_a' });
    fireEvent.click(screen.getByText('效能典型案例评比', { selector: '.admin-list__name' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/contest/detail/index?id=ct_b' });
    expect(requests.filter((r) => r.key === 'contest.due')).toEqual([{ key: 'contest.due', data: {} }]);
  });

  it('says when no competition is open for entries', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'points.overview': ok(OVERVIEW),
      'contest.due': ok({ contests: [] }),
    });
    render(<OverviewPage />);
    expect(await screen.findByText('创新创优：没有正在征集的竞赛')).toBeTruthy();
  });

  it('is for admins only: a secretary sees 无权限', async () => {
    serve({ 'user.login': SECRETARY, 'org.list': ok(ORGS) });
    render(<OverviewPage />);
    expect(await screen.findByText('管理员', { exact: false })).toBeTruthy();
    expect(requests.some((r) => r.key === 'points.overview')).toBe(false);
  });
});
