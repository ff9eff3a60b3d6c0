// 微信测评 and 测评结果: the campaign list, rating a department on the 5-level scale (and replacing), errors shown in
// place, and the published results with chart, 样本不足 and the formula.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RatingPage from '@/pages/rating/index';
import RatingResultsPage from '@/pages/rating-results/index';
import type { CampaignDetail, RatingResults } from '@/domain/api';
import { fail, ok, requests, resetAll, serve } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

/** The level button `label` (很满意 … 很不满意) of the `indicator`-th indicator. */
function level(indicator: number, label: string): HTMLElement {
  const card = document.querySelectorAll('.rating-indicator')[indicator];
  const found = Array.from(card.querySelectorAll<HTMLElement>('.rating-level')).find((el) => el.textContent === label);
  if (!found) throw new Error(`no level ${label} on indicator ${indicator}`);
  return found;
}

const CAMPAIGN: CampaignDetail = {
  campaignId: 'rc_1',
  title: '2020年政风行风评议',
  startAt: '2020-07-01T00:00:00+08:00',
  endAt: '2020-07-15T23:59:59+08:00',
  status: 'open',
  published: false,
  departmentCount: 2,
  description: null,
  departments: [
    { departmentId: 'd1', name: '市发展改革委' },
    { departmentId: 'd2', name: '市教育局' },
  ],
  indicators: [
    { key: 'attitude', name: '服务态度', weight: 1 },
    { key: 'efficiency', name: '办事效率', weight: 1 },
  ],
  minVotes: 30,
  sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
  servedOnly: false,
  mine: {},
};

describe('微信测评', () => {
  it('lists campaigns with their status', async () => {
    serve({
      'rating.list': ok({
        campaigns: [
          CAMPAIGN,
          { ...CAMPAIGN, campaignId: 'rc_0', title: '2019年评议', status: 'closed', published: true },
        ],
      }),
    });
    render(<RatingPage />);
    expect(await screen.findByText('2020年政风行风评议')).toBeTruthy();
    expect(screen.getByText('进行中')).toBeTruthy();
    expect(screen.getByText('已结束')).toBeTruthy();
    expect(screen.getByText('点击参加评价')).toBeTruthy();
    expect(screen.getByText('结果已公布，点击查看')).toBeTruthy();
  });

  it('rates a department on every indicator with a comment, then marks it 已评价', async () => {
    setRouterParams({ id: 'rc_1' });
    let rated = false;
    serve({
      'rating.get': () => {
        const mine: CampaignDetail['mine'] = rated
          ? { d2: { scores: { attitude: 5, efficiency: 3 }, comment: '很好' } }
          : {};
        return ok({ ...CAMPAIGN, mine });
      },
      'rating.rate': () => {
        rated = true;
        return ok({ replaced: false });
      },
    });
    render(<RatingPage />);
    expect(await screen.findByText('已评价 0 / 2 个部门')).toBeTruthy();
    fireEvent.click(screen.getByText('市教育局'));
    expect(await screen.findByText('请逐项选择您的评价。')).toBeTruthy();

    // Submitting with an indicator unanswered says which one, and sends nothing.
    fireEvent.click(level(0, '很满意'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('请为“办事效率”选择评价')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'rating.rate')).toHaveLength(0);

    fireEvent.click(level(1, '基本满意'));
    fireEvent.change(screen.getByPlaceholderText('可以写下您办事时的经历和建议'), { target: { value: ' 很好 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'rating.rate')?.data).toEqual({
        campaignId: 'rc_1',
        departmentId: 'd2',
        scores: { attitude: 5, efficiency: 3 },
        comment: '很好',
      }),
    );
    expect(await screen.findByText('已提交对市教育局的评价，谢谢！')).toBeTruthy();
    expect(await screen.findByText('已评价 1 / 2 个部门')).toBeTruthy();
    expect(screen.getByText('已评价')).toBeTruthy();
  });

  it('prefills an earlier rating and says a new one replaces it', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({
      'rating.get': ok({ ...CAMPAIGN, mine: { d1: { scores: { attitude: 2, efficiency: 2 }, comment: null } } }),
      'rating.rate': ok({ replaced: true }),
    });
    render(<RatingPage />);
    fireEvent.click(await screen.findByText('市发展改革委'));
    expect(await screen.findByText('您已评价过该部门，再次提交将替换原评价。')).toBeTruthy();
    expect(level(0, '不满意').className).toContain('rating-level--on');
    expect(level(1, '不满意').className).toContain('rating-level--on');
    expect(level(0, '满意').className).not.toContain('rating-level--on');
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('已更新对市发展改革委的评价，谢谢！')).toBeTruthy();
  });

  it('shows the server’s refusal in place (e.g. the rate limit)', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({
      'rating.get': ok(CAMPAIGN),
      'rating.rate': fail('RESOURCE_EXHAUSTED', '提交太频繁，请一分钟后再试'),
    });
    render(<RatingPage />);
    fireEvent.click(await screen.findByText('市发展改革委'));
    fireEvent.click(level(0, '满意'));
    fireEvent.click(level(1, '满意'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('提交太频繁，请一分钟后再试')).toBeTruthy();
  });

  it('in a servedOnly campaign offers only the departments that answered the person’s 民声热线 ticket', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({ 'rating.get': ok({ ...CAMPAIGN, servedOnly: true, servedDepartmentIds: ['d2'] }) });
    render(<RatingPage />);
    expect(await screen.findByText(/本次测评只请在该部门办过事的群众评价/)).toBeTruthy();
    const d1 = screen.getByText('市发展改革委').closest('.rating-dept') as HTMLElement;
    expect(d1.className).toContain('rating-dept--off');
    expect(d1.textContent).toContain('未在该部门办事');
    fireEvent.click(d1);
    expect(screen.queryByText('请逐项选择您的评价。')).toBeNull();
    fireEvent.click(screen.getByText('市教育局'));
    expect(await screen.findByText('请逐项选择您的评价。')).toBeTruthy();
  });

  it('does not offer rating in a closed campaign', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({ 'rating.get': ok({ ...CAMPAIGN, status: 'closed', published: true }) });
    render(<RatingPage />);
    expect(await screen.findByText('测评已结束。')).toBeTruthy();
    fireEvent.click(screen.getByText('市发展改革委'));
    expect(screen.queryByText('提交评价')).toBeNull();
    expect(screen.getByText('查看测评结果')).toBeTruthy();
  });
});

const RESULTS: RatingResults = {
  campaignId: 'rc_1',
  title: '2020年政风行风评议',
  status: 'closed',
  published: true,
  computedAt: '2020-07-16T09:00:00+08:00',
  minVotes: 30,
  sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
  indicators: CAMPAIGN.indicators,
  formula: ['微信测评得分 = (服务态度×1 + 办事效率×1) ÷ 2', '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%'],
  totalVotes: 75,
  rows: [
    {
      rank: 1,
      departmentId: 'd2',
      name: '市教育局',
      votes: 40,
      score: 88.5,
      sufficient: true,
      sources: { wechat: 90, inspection: 85, survey: 90 },
      missing: [],
      indicators: [{ key: 'attitude', name: '服务态度', n: 40, mean: 91.25, low: 86.1, high: 96.4 }],
    },
    {
      rank: null,
      departmentId: 'd1',
      name: '市发展改革委',
      votes: 35 - 30,
      score: 70,
      sufficient: false,
      sources: { wechat: 70, inspection: null, survey: null },
      missing: ['inspection', 'survey'],
      indicators: [],
    },
  ],
};

describe('测评结果', () => {
  it('shows the ranking, 样本不足 without a rank, the chart and the formula', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({ 'rating.results': ok(RESULTS) });
    render(<RatingResultsPage />);
    expect(await screen.findByText('综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%')).toBeTruthy();
    expect(screen.getByLabelText('综合得分柱状图')).toBeTruthy();
    expect(screen.getAllByText('88.5').map((el) => el.className)).toEqual(['rating-chart__value', 'rating-row__score']);
    expect(screen.getByText('样本不足')).toBeTruthy();
    expect(screen.getByText('5 人评价 · 样本不足，不参与排名')).toBeTruthy();
    // Tapping a department shows its indicators with the 95% interval.
    fireEvent.click(screen.getByText('市教育局', { selector: '.rating-row__name' }));
    expect(await screen.findByText('40 人 · 平均 91.3 · 95%区间 86.1–96.4')).toBeTruthy();
  });

  it('says when the results are not published yet', async () => {
    setRouterParams({ id: 'rc_1' });
    serve({ 'rating.results': fail('FAILED_PRECONDITION', '测评结果尚未公布') });
    render(<RatingResultsPage />);
    expect(await screen.findByText('测评结果尚未公布')).toBeTruthy();
  });
});
