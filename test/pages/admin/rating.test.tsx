// 微信测评管理 and 测评管理: creating a campaign, entering 明察暗访 scores, publishing, flags, and 无权限 for others.
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RatingAdminPage from '@/admin/rating/index';
import RatingCampaignPage from '@/admin/rating-campaign/index';
import type { CampaignDetail, RatingResults } from '@/domain/api';
import type { KeyOutput, Reply } from '../helpers';
import { ORGS, ok, requests, resetAll, serve } from '../helpers';
import { setRouterParams } from '../stubs/taro';
import { openExport } from '@/services/checkin-device';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/checkin-device', () => ({ openExport: jest.fn(async () => undefined) }));

beforeEach(resetAll);

const ADMIN_LOGIN: Reply<KeyOutput<'user.login'>> = ok({ openid: 'admin', roles: [{ role: 'admin' }], member: null });

describe('微信测评管理', () => {
  it('creates a campaign over the chosen departments with the indicator and source weights', async () => {
    serve({
      'user.login': ADMIN_LOGIN,
      'org.list': ok(ORGS),
      'rating.list': ok({ campaigns: [] }),
      'rating.createCampaign': ok({ campaignId: 'rc_new' }),
    });
    render(<RatingAdminPage />);
    expect(await screen.findByText('还没有测评活动。点击“新建测评”开始。')).toBeTruthy();
    fireEvent.click(screen.getByText('新建测评'));
    fireEvent.click(screen.getByText('创建'));
    expect(await screen.findByText('请填写测评名称')).toBeTruthy();

    const inputs = () => Array.from(document.querySelectorAll('input')) as HTMLInputElement[];
    fireEvent.change(screen.getByPlaceholderText('如：2020年政风行风评议'), {
      target: { value: '2020年政风行风评议' },
    });
    fireEvent.change(inputs()[1], { target: { value: '2020-07-01' } });
    fireEvent.change(inputs()[2], { target: { value: '2020-07-15' } });
    // Leave out 市财政局 and 作风纪律 (weight 0); 服务态度 counts double.
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.change(inputs()[3], { target: { value: '2' } });
    fireEvent.change(inputs()[7], { target: { value: '0' } });
    fireEvent.change(inputs()[11], { target: { value: '5' } });
    fireEvent.click(screen.getByText('办过事的群众'));
    expect(screen.getByText(/只有在“民声热线”反映过问题、并由该部门答复的群众才能评价该部门/)).toBeTruthy();
    fireEvent.click(screen.getByText('创建'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'rating.createCampaign')?.data).toEqual({
        title: '2020年政风行风评议',
        departmentIds: ['d1'],
        indicators: [
          { key: 'attitude', name: '服务态度', weight: 2 },
          { key: 'efficiency', name: '办事效率', weight: 1 },
          { key: 'integrity', name: '廉洁自律', weight: 1 },
          { key: 'openness', name: '政务公开', weight: 1 },
        ],
        startAt: '2020-07-01T00:00:00+08:00',
        endAt: '2020-07-15T23:59:59+08:00',
        minVotes: 5,
        sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
        servedOnly: true,
      }),
    );
    await waitFor(() => expect(requests.filter((r) => r.key === 'rating.list')).toHaveLength(2));
  });

  it('shows 无权限 to a member', async () => {
    serve({ 'user.login': ok({ openid: 'm', roles: [], member: null }), 'org.list': ok(ORGS) });
    render(<RatingAdminPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(requests.some((r) => r.key === 'rating.list')).toBe(false);
  });
});

describe('测评管理', () => {
  const campaign: CampaignDetail = {
    campaignId: 'rc_1',
    title: '2020年政风行风评议',
    startAt: '2020-07-01T00:00:00+08:00',
    endAt: '2020-07-15T23:59:59+08:00',
    status: 'open',
    published: false,
    departmentCount: 2,
    description: null,
    departments: ORGS.departments,
    indicators: [{ key: 'attitude', name: '服务态度', weight: 1 }],
    minVotes: 1,
    sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
    servedOnly: false,
    mine: {},
    external: {
      d2: {
        inspection: { score: 70, enteredBy: 'admin', enteredByName: '王建国', enteredAt: '2020-07-02T10:00:00+08:00' },
      },
    },
  };
  const results = (published: boolean): RatingResults => ({
    campaignId: 'rc_1',
    title: campaign.title,
    status: 'open',
    published,
    computedAt: null,
    minVotes: 1,
    sourceWeights: campaign.sourceWeights,
    indicators: campaign.indicators,
    formula: ['微信测评得分 = (服务态度×1) ÷ 1', '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%'],
    totalVotes: 3,
    rows: [],
    flags: {
      bursts: [{ departmentId: 'd1', startMs: Date.UTC(2020, 6, 2, 2), count: 40, share: 0.8 }],
      nearIdentical: [],
    },
  });

  it('enters 明察暗访 scores, shows who entered them, flags bursts and publishes', async () => {
    setRouterParams({ id: 'rc_1' });
    let published = false;
    serve({
      'user.login': ADMIN_LOGIN,
      'org.list': ok(ORGS),
      'rating.get': ok(campaign),
      'rating.results': () => ok(results(published)),
      'rating.enterScores': ok({ updated: 1 }),
      'rating.publish': () => {
        published = true;
        return ok({ published: true, computedAt: '2020-07-16T09:00:00+08:00' });
      },
    });
    render(<RatingCampaignPage />);
    expect(await screen.findByText('王建国 录入于 07-02 10:00')).toBeTruthy();
    expect(
      screen.getByText(/短时集中：市发展和改革委员会 在 2020-07-02 10:00 起 10 分钟内收到 40 条评价（占 80%）/),
    ).toBeTruthy();

    const d1 = document.querySelector(
      '.rating-admin__input-d1 input, input.rating-admin__input-d1',
    ) as HTMLInputElement;
    fireEvent.change(d1, { target: { value: '101' } });
    fireEvent.click(screen.getByText('保存明察暗访得分'));
    expect(await screen.findByText('市发展和改革委员会的得分应为 0–100 之间的数')).toBeTruthy();
    fireEvent.change(d1, { target: { value: '88.5' } });
    fireEvent.click(screen.getByText('保存明察暗访得分'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'rating.enterScores')?.data).toEqual({
        campaignId: 'rc_1',
        source: 'inspection',
        scores: [
          { departmentId: 'd1', score: 88.5 },
          { departmentId: 'd2', score: 70 },
        ],
      }),
    );

    // Publishing asks first: cancelled, nothing is sent.
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('统计并公布结果'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '公布' })));
    expect(requests.some((r) => r.key === 'rating.publish')).toBe(false);
    fireEvent.click(screen.getByText('统计并公布结果'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'rating.publish')?.data).toEqual({ campaignId: 'rc_1', published: true }),
    );
    expect(await screen.findByText('撤回公布')).toBeTruthy();
    fireEvent.click(screen.getByText('撤回公布'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '撤回' })));
  });

  it('downloads the results workbook under its name instead of copying a link', async () => {
    setRouterParams({ id: 'rc_1' });
    const url = 'http://127.0.0.1/api/storage/exports/rating/x/%E6%B5%8B.xlsx';
    serve({
      'user.login': ADMIN_LOGIN,
      'org.list': ok(ORGS),
      'rating.get': ok(campaign),
      'rating.results': ok(results(true)),
      'rating.export': ok({ fileID: 'cloud://x', url, fileName: '2020年度测评-测评结果.xlsx' }),
    });
    render(<RatingCampaignPage />);
    fireEvent.click(await screen.findByText('导出 Excel'));
    await waitFor(() => expect(openExport).toHaveBeenCalledWith(url, '2020年度测评-测评结果.xlsx'));
    expect(Taro.setClipboardData).not.toHaveBeenCalled();
  });

  it("shows the public's comments newest first, by department, a page at a time", async () => {
    setRouterParams({ id: 'rc_1' });
    const comment = (departmentId: string, text: string): KeyOutput<'rating.comments'>['comments'][number] => ({
      departmentId,
      departmentName: ORGS.departments.find((d) => d.departmentId === departmentId)?.name ?? departmentId,
      comment: text,
      status: text.includes('废物') ? 'review' : 'pass',
      scores: { attitude: 4 },
      updatedAt: '2020-07-03T09:30:00+08:00',
    });
    serve({
      'user.login': ADMIN_LOGIN,
      'org.list': ok(ORGS),
      'rating.get': ok(campaign),
      'rating.results': ok(results(false)),
      'rating.comments': (data: Record<string, unknown>) =>
        data.departmentId === 'd2'
          ? ok({ comments: [comment('d2', '办事的都是废物')], hasMore: false })
          : data.page === 1
            ? ok({ comments: [comment('d1', '第二页的意见')], hasMore: false })
            : ok({ comments: [comment('d1', '窗口人员很耐心')], hasMore: true }),
    });
    render(<RatingCampaignPage />);
    expect(await screen.findByText('窗口人员很耐心')).toBeTruthy();
    expect(screen.getByText('服务态度 4 星')).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('第二页的意见')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'rating.comments').map((r) => r.data)).toEqual([
      { campaignId: 'rc_1', page: 0 },
      { campaignId: 'rc_1', page: 1 },
    ]);

    const picker = document.querySelector('.rating-comments select') as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: '2' } });
    expect(await screen.findByText('办事的都是废物')).toBeTruthy();
    expect(screen.getByText('服务态度 4 星 · 待人工审核')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'rating.comments').pop()?.data).toEqual({
      campaignId: 'rc_1',
      page: 0,
      departmentId: 'd2',
    });
  });
});
