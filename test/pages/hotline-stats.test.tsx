// 热线统计 (admins): each department's figures for the period chosen (本月 first, 本季度, 本年, 全部, 自选月份 with a
// reversed or too long span refused in place), the table sorted by a tapped column, 导出 Excel of the same period,
// and 超期通报, paged, each row opening the ticket; callers without the admin role see 无权限.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HotlineStatsPage from '@/admin/hotline-stats/index';
import HotlinePage from '@/pages/hotline/index';
import { openExport } from '@/services/checkin-device';
import { session } from '@/services/session';
import { recentMonths, statsPeriodMonths } from '@/utils/hotline-stats';
import type { KeyInput, KeyOutput, Reply } from './helpers';
import { fail, ok, ORGS, requests, resetAll, serve } from './helpers';
import { EMPTY_FIGURES, REPORTED } from './hotline-fixtures';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/checkin-device', () => ({ openExport: jest.fn(async () => undefined) }));

const ADMIN: Reply<KeyOutput<'user.login'>> = ok({ openid: 'admin', roles: [{ role: 'admin' }], member: null });
const HANDLER: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'h1',
  roles: [{ role: 'handler', scopeId: 'd1' }],
  member: null,
});

beforeEach(() => {
  resetAll();
  setRouterParams({});
  (openExport as jest.Mock).mockClear();
});

const FGW = {
  ...EMPTY_FIGURES,
  departmentId: 'd1',
  name: '市发展和改革委员会',
  received: 12,
  replied: 8,
  onTimeRate: 0.75,
  solveRate: 0.5,
  visitRate: 0.25,
  duplicateRate: 0.125,
  directRate: 0.2,
  returned: 2,
  extended: 1,
  reported: 0,
};
const CZJ = {
  ...EMPTY_FIGURES,
  departmentId: 'd2',
  name: '市财政局',
  received: 3,
  replied: 2,
  onTimeRate: 1,
  solveRate: null,
  visitRate: 0,
  duplicateRate: 0,
  directRate: 0,
  returned: 0,
  extended: 3,
  reported: 1,
};

/** The stats action answering for whatever period it is asked. */
function stats(data: KeyInput<'hotline.stats'>): Reply<KeyOutput<'hotline.stats'>> {
  return ok({
    departments: [CZJ, FGW],
    total: { ...EMPTY_FIGURES, received: 15, onTimeRate: 0.8, returned: 2, extended: 4, reported: 1 },
    period: data.from && data.to ? { from: data.from, to: data.to } : null,
  });
}

const statsAsked = () => requests.filter((r) => r.key === 'hotline.stats').map((r) => r.data);
/** The department names in the table's order (the body rows, without the head and 合计). */
const order = () =>
  screen
    .getAllByRole('rowheader')
    .map((c) => c.textContent)
    .filter((n) => n !== '合计');
/** The cells of one row, read left to right. */
const cells = (name: string) =>
  within(screen.getByText(name, { selector: '[role="rowheader"]' }).closest('[role="row"]') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('部门统计', () => {
  it('opens on this month and shows every figure of each department and the total, most received first', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'hotline.stats': stats });
    render(<HotlineStatsPage />);
    const month = statsPeriodMonths('month', Date.now())!;
    expect(await screen.findByText(`统计期间：${month.from}`)).toBeTruthy();
    expect(statsAsked()).toEqual([month]);
    expect(order()).toEqual(['市发展和改革委员会', '市财政局']);
    // 受理量, 按时办结率, 解决率, 回访率, 重复诉求率, 直接答复率, 退单数, 延期数, 通报数.
    expect(cells('市发展和改革委员会')).toEqual(['12', '75%', '50%', '25%', '13%', '20%', '2', '1', '0']);
    expect(cells('市财政局')).toEqual(['3', '100%', '—', '0%', '0%', '0%', '0', '3', '1']);
    expect(cells('合计')).toEqual(['15', '80%', '—', '—', '—', '—', '2', '4', '1']);
    expect(screen.getByText('点按表头排序，再点一次反向；表格较宽，左右滑动可看全部 10 列 →')).toBeTruthy();
  });

  it('sorts by a tapped column head, again to reverse; a missing rate stays last', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'hotline.stats': stats });
    render(<HotlineStatsPage />);
    await screen.findByText(/统计期间/);
    fireEvent.click(screen.getByLabelText('按按时办结率排序'));
    expect(order()).toEqual(['市财政局', '市发展和改革委员会']);
    expect(screen.getByLabelText('按按时办结率排序').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByLabelText('按按时办结率排序'));
    expect(order()).toEqual(['市发展和改革委员会', '市财政局']);
    expect(screen.getByLabelText('按按时办结率排序').getAttribute('aria-sort')).toBe('ascending');
    // 解决率: 市财政局 has none yet and stays last both ways.
    fireEvent.click(screen.getByLabelText('按解决率排序'));
    expect(order()).toEqual(['市发展和改革委员会', '市财政局']);
    fireEvent.click(screen.getByLabelText('按解决率排序'));
    expect(order()).toEqual(['市发展和改革委员会', '市财政局']);
    fireEvent.click(screen.getByLabelText('按延期数排序'));
    expect(order()).toEqual(['市财政局', '市发展和改革委员会']);
  });

  it('asks for 本季度, 本年, 全部 and months picked, and refuses a reversed or too long span without asking', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'hotline.stats': stats });
    render(<HotlineStatsPage />);
    await screen.findByText(/统计期间/);
    fireEvent.click(screen.getByText('本季度'));
    const quarter = statsPeriodMonths('quarter', Date.now())!;
    await screen.findByText(
      `统计期间：${quarter.from === quarter.to ? quarter.from : `${quarter.from} 至 ${quarter.to}`}`,
    );
    fireEvent.click(screen.getByText('本年'));
    const year = statsPeriodMonths('year', Date.now())!;
    await waitFor(() => expect(statsAsked()).toHaveLength(3));
    fireEvent.click(screen.getByText('全部'));
    expect(await screen.findByText('统计期间：全部')).toBeTruthy();

    const months = recentMonths(Date.now(), 24);
    fireEvent.click(screen.getByText('自选月份'));
    // Opens on the last three months.
    expect(await screen.findByText(`统计期间：${months[2]} 至 ${months[0]}`)).toBeTruthy();
    const [fromPicker, toPicker] = screen.getAllByLabelText('picker');
    fireEvent.change(toPicker, { target: { value: String(3) } });
    expect(await screen.findByText('起始月份不能晚于结束月份')).toBeTruthy();
    // From 15 months back to 3 months back: 13 months.
    fireEvent.change(fromPicker, { target: { value: String(15) } });
    expect(await screen.findByText('统计期间最长 12 个月')).toBeTruthy();
    expect(screen.queryByText('导出 Excel')).toBeNull();
    fireEvent.change(toPicker, { target: { value: String(12) } });
    expect(await screen.findByText(`统计期间：${months[15]} 至 ${months[12]}`)).toBeTruthy();
    expect(statsAsked()).toEqual([
      statsPeriodMonths('month', Date.now()),
      quarter,
      year,
      {},
      { from: months[2], to: months[0] },
      { from: months[15], to: months[12] },
    ]);
  });

  it('exports the period shown as an Excel file and says so when the export fails', async () => {
    let exportReply: Reply<KeyOutput<'hotline.statsExport'>> = fail('INTERNAL', '导出失败，请稍后再试');
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.stats': stats,
      'hotline.statsExport': () => exportReply,
    });
    render(<HotlineStatsPage />);
    await screen.findByText(/统计期间/);
    fireEvent.click(screen.getByText('本年'));
    await waitFor(() => expect(statsAsked()).toHaveLength(2));
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '导出失败，请稍后再试' })),
    );
    expect(openExport).not.toHaveBeenCalled();
    exportReply = ok({
      fileID: 'cloud://exports/hotline/x.xlsx',
      url: 'http://127.0.0.1/files/hotline.xlsx',
      fileName: '民声热线部门统计_2020-01_2020-08_20200815.xlsx',
    });
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() =>
      expect(openExport).toHaveBeenCalledWith(
        'http://127.0.0.1/files/hotline.xlsx',
        '民声热线部门统计_2020-01_2020-08_20200815.xlsx',
      ),
    );
    const exports = requests.filter((r) => r.key === 'hotline.statsExport').map((r) => r.data);
    expect(exports).toEqual([statsPeriodMonths('year', Date.now()), statsPeriodMonths('year', Date.now())]);
  });

  it('shows the server’s refusal of the figures in place', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.stats': fail('INVALID_ARGUMENT', '统计期间最长 12 个月'),
    });
    render(<HotlineStatsPage />);
    expect(await screen.findByText('统计期间最长 12 个月')).toBeTruthy();
    expect(screen.queryByText('导出 Excel')).toBeNull();
  });

  it('is the admin’s: a handler sees 无权限 and nothing is asked', async () => {
    serve({ 'user.login': HANDLER, 'org.list': ok(ORGS), 'hotline.stats': stats });
    render(<HotlineStatsPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(statsAsked()).toEqual([]);
  });
});

describe('超期通报', () => {
  it('lists the tickets 5 or more working days late, pages on, and opens a ticket', async () => {
    setRouterParams({ tab: 'reports' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.reports': (d) =>
        ok(
          d.page === 2
            ? {
                tickets: [{ ...REPORTED, ticketId: 'ht_10', ticketNo: 'MS20200702-0001', lateWorkdays: 5 }],
                hasMore: false,
              }
            : { tickets: [REPORTED], hasMore: true },
        ),
    });
    render(<HotlineStatsPage />);
    expect(await screen.findByText('MS20200701-0009')).toBeTruthy();
    expect(screen.getByText('超期 7 个工作日')).toBeTruthy();
    expect(screen.getByText('幸福路*号噪音扰民')).toBeTruthy();
    expect(screen.getByText('市财政局 · 投诉 · 期限 2020-07-15')).toBeTruthy();
    fireEvent.click(screen.getByText('幸福路*号噪音扰民'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-ticket/index?id=ht_9' });
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('超期 5 个工作日')).toBeTruthy();
    expect(screen.queryByText('MS20200701-0009')).toBeNull();
    expect(requests.filter((r) => r.key === 'hotline.reports').map((r) => r.data)).toEqual([{ page: 1 }, { page: 2 }]);
    expect(requests.some((r) => r.key === 'hotline.stats')).toBe(false);
  });

  it('says so when no ticket is on the list, reached from the 部门统计 tab', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.stats': stats,
      'hotline.reports': ok({ tickets: [], hasMore: false }),
    });
    render(<HotlineStatsPage />);
    await screen.findByText(/统计期间/);
    fireEvent.click(screen.getByText('超期通报'));
    expect(await screen.findByText('没有列入通报的诉求。')).toBeTruthy();
  });
});

describe('热线 page', () => {
  it('lists 热线统计 for an admin', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS) });
    await session.load();
    render(<HotlinePage />);
    fireEvent.click(await screen.findByText('热线统计'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/hotline-stats/index' });
  });

  it('does not list it for a handler', async () => {
    serve({ 'user.login': HANDLER, 'org.list': ok(ORGS) });
    await session.load();
    render(<HotlinePage />);
    expect(await screen.findByText('本部门诉求')).toBeTruthy();
    expect(screen.queryByText('热线统计')).toBeNull();
  });
});

it('counts the months to pick back across the new year, in Beijing time', () => {
  // 1 February 00:30 in Beijing is still 31 January in UTC.
  expect(recentMonths(Date.parse('2021-01-31T16:30:00Z'), 3)).toEqual(['2021-02', '2021-01', '2020-12']);
  expect(recentMonths(Date.parse('2021-01-10T12:00:00+08:00'), 2)).toEqual(['2021-01', '2020-12']);
});
