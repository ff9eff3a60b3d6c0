// 创新创优 pages: the list, a competition with the public vote (one a day), a secretary's entry form, published
// results with a tie explained, the judge's scoring page (回避 and scored entries), and the 工委's page (create,
// progress, live results, 公布 after a confirmation).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ContestsAdminPage from '@/admin/contests/index';
import ContestDetailPage from '@/contest/detail/index';
import ContestJudgePage from '@/contest/judge/index';
import ContestListPage from '@/contest/list/index';
import type { ContestDetail, ContestResults, ContestSummary, JudgingEntry } from '@/domain/api/contest';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });

const SUMMARY: ContestSummary = {
  contestId: 'ct1',
  kind: '创新创优竞赛',
  title: '2020年机关工作创新创优竞赛',
  stage: 'judging',
  submitStartAt: '2020-06-01T09:00:00+08:00',
  submitEndAt: '2020-06-20T17:30:00+08:00',
  publicVote: { startAt: '2020-06-20T17:30:00+08:00', endAt: '2020-06-30T17:30:00+08:00' },
  voteOpen: true,
  entryCount: 2,
  publishedAt: null,
  isJudge: false,
  canSubmitFor: [],
};

const ENTRY = (orgId: string, title: string) => ({
  entryId: `ct1:${orgId}`,
  orgId,
  orgName: orgId === 'org-a1' ? '发改委第一党支部' : '发改委第二党支部',
  title,
  summary: `${title}的做法与成效`,
  attachments: [],
  updatedAt: '2020-06-10T09:00:00+08:00',
});

const DETAIL: ContestDetail = {
  ...SUMMARY,
  description: '围绕优化营商环境',
  criteria: [
    { key: 'innovation', name: '创新性', weight: 40 },
    { key: 'effect', name: '实效性', weight: 60 },
  ],
  weights: { panel: 70, public: 30 },
  judges: [{ memberId: 'm9', name: '赵磊', orgId: 'org-a2', orgName: '发改委第二党支部' }],
  entries: [ENTRY('org-a1', '容缺受理'), ENTRY('org-a2', '一窗通办')],
  votedToday: null,
};

const RESULTS: ContestResults = {
  contestId: 'ct1',
  title: DETAIL.title,
  kind: '创新创优竞赛',
  stage: 'published',
  weights: { panel: 70, public: 30 },
  formula: ['综合得分 = 评委评分 × 70% + 群众投票 × 30%。'],
  rows: [
    {
      rank: 1,
      entryId: 'ct1:org-a2',
      orgId: 'org-a2',
      orgName: '发改委第二党支部',
      title: '一窗通办',
      panel: 85,
      judges: 2,
      votes: 10,
      public: 100,
      score: 89.5,
      tieNote: '与「容缺受理」综合得分相同，评委评分较高，排在前',
    },
    {
      rank: 2,
      entryId: 'ct1:org-a1',
      orgId: 'org-a1',
      orgName: '发改委第一党支部',
      title: '容缺受理',
      panel: 80,
      judges: 2,
      votes: 5,
      public: 50,
      score: 89.5,
      tieNote: '',
    },
  ],
  publishedAt: '2020-07-01T09:00:00+08:00',
  flags: null,
};

describe('创新创优 list', () => {
  it('lists competitions with their stage and opens one', async () => {
    serve({ 'contest.list': ok({ contests: [SUMMARY], hasMore: false }) });
    render(<ContestListPage />);
    fireEvent.click(await screen.findByText(SUMMARY.title));
    expect(screen.getByText('投票中')).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/contest/detail/index?id=ct1' });
  });
});

describe('创新创优 competition', () => {
  it('takes one vote a day and then shows it taken', async () => {
    setRouterParams({ id: 'ct1' });
    let voted: string | null = null;
    serve({
      'contest.get': () => ok({ ...DETAIL, votedToday: voted }),
      'contest.vote': (d) => {
        voted = d.entryId;
        return ok({ day: '2020-06-25' });
      },
    });
    render(<ContestDetailPage />);
    const buttons = await screen.findAllByText('投它一票');
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1]);
    await screen.findByText('今天已投此项目');
    expect(sent('contest.vote')).toEqual([{ contestId: 'ct1', entryId: 'ct1:org-a2' }]);
    expect(screen.getByText('今天已投票')).toBeTruthy();
  });

  it('says so when today’s vote is already used elsewhere', async () => {
    setRouterParams({ id: 'ct1' });
    serve({
      'contest.get': ok(DETAIL),
      'contest.vote': fail('RESOURCE_EXHAUSTED', '今天已经投过票了，每人每天一票，明天再来'),
    });
    render(<ContestDetailPage />);
    fireEvent.click((await screen.findAllByText('投它一票'))[0]);
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: expect.stringMatching(/每人每天一票/) }),
      ),
    );
  });

  it('lets a secretary submit the unit’s entry while entries are collected, and checks it first', async () => {
    setRouterParams({ id: 'ct1' });
    serve({
      'contest.get': ok({ ...DETAIL, stage: 'submitting', voteOpen: false, canSubmitFor: ['org-a1'], entries: [] }),
      'contest.submit': ok({ entryId: 'ct1:org-a1', created: true }),
    });
    render(<ContestDetailPage />);
    fireEvent.click(await screen.findByText('提交参赛项目'));
    expect(await screen.findByText('请填写项目名称')).toBeTruthy();
    expect(sent('contest.submit')).toEqual([]);
    expect(screen.getByText('征集截止后公开全部参赛项目。')).toBeTruthy();
  });

  it('shows published results with the tie explained, and a judge’s way to the scoring page', async () => {
    setRouterParams({ id: 'ct1' });
    serve({
      'contest.get': ok({ ...DETAIL, stage: 'published', voteOpen: false, publishedAt: RESULTS.publishedAt }),
      'contest.results': ok(RESULTS),
    });
    render(<ContestDetailPage />);
    expect(await screen.findByText('第 1 名')).toBeTruthy();
    expect(screen.getByText('与「容缺受理」综合得分相同，评委评分较高，排在前')).toBeTruthy();
    expect(screen.queryByText('投它一票')).toBeNull();
    expect(screen.queryByText('去评分')).toBeNull();
  });
});

describe('评委评分', () => {
  const entries: JudgingEntry[] = [
    { ...ENTRY('org-a1', '容缺受理'), excluded: false, scores: null, total: null },
    { ...ENTRY('org-a2', '一窗通办'), excluded: true, scores: null, total: null },
  ];

  it('scores an entry on every criterion with the weighted total shown, and marks the own unit 回避', async () => {
    setRouterParams({ id: 'ct1' });
    serve({
      'contest.judging': ok({ contest: { ...SUMMARY, isJudge: true }, criteria: DETAIL.criteria, entries }),
      'contest.score': ok({ total: 84 }),
    });
    render(<ContestJudgePage />);
    expect(await screen.findByText('本单位项目，按规定回避，不评分')).toBeTruthy();
    expect(screen.getByText('还有 1 个项目待评分；每个项目只评一次，本单位项目回避。')).toBeTruthy();
    fireEvent.click(screen.getByText('提交评分'));
    expect(await screen.findByText('请为每一项填写 0 到 100 的整数')).toBeTruthy();
    const inputs = document.querySelectorAll('input');
    fireEvent.change(inputs[0], { target: { value: '90' } });
    fireEvent.change(inputs[1], { target: { value: '80' } });
    expect(await screen.findByText('加权得分：84.00（提交后不能修改）')).toBeTruthy();
    fireEvent.click(screen.getByText('提交评分'));
    await waitFor(() =>
      expect(sent('contest.score')).toEqual([
        { contestId: 'ct1', entryId: 'ct1:org-a1', scores: { innovation: 90, effect: 80 } },
      ]),
    );
  });

  it('tells someone who is not a judge', async () => {
    setRouterParams({ id: 'ct1' });
    serve({ 'contest.judging': fail('PERMISSION_DENIED', '您不是本次评比的评委') });
    render(<ContestJudgePage />);
    expect(await screen.findByText(/本次评比的评委/)).toBeTruthy();
  });
});

describe('创新创优竞赛 (工委)', () => {
  it('shows progress and live results, and publishes only after the confirmation', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'contest.list': ok({ contests: [SUMMARY], hasMore: false }),
      'contest.progress': ok({
        entries: 2,
        judges: [{ memberId: 'm9', name: '赵磊', orgName: '发改委第二党支部', assigned: 1, scored: 0 }],
      }),
      'contest.results': ok({
        ...RESULTS,
        stage: 'judging',
        publishedAt: null,
        flags: [
          {
            entryId: 'ct1:org-a2',
            orgName: '发改委第二党支部',
            startAt: '2020-06-25T10:00:00+08:00',
            count: 40,
            share: 0.8,
          },
        ],
      }),
      'contest.publish': ok(RESULTS),
    });
    render(<ContestsAdminPage />);
    fireEvent.click(await screen.findByText(SUMMARY.title));
    expect(await screen.findByText('0/1')).toBeTruthy();
    expect(await screen.findByText(/集中投票：发改委第二党支部/)).toBeTruthy();
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('公布结果'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(sent('contest.publish')).toEqual([]);
    fireEvent.click(screen.getByText('公布结果'));
    await waitFor(() => expect(sent('contest.publish')).toEqual([{ contestId: 'ct1' }]));
  });

  it('creates a competition with judges from the roster', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'contest.list': ok({ contests: [], hasMore: false }),
      'org.members': ok({
        members: [{ memberId: 'm9', name: '赵磊', phone: '138****0001', orgId: 'org-a2', bound: true }],
        total: 1,
        page: 0,
        pageSize: 100,
      }),
      'contest.create': ok({ contestId: 'ct2' }),
    });
    render(<ContestsAdminPage />);
    fireEvent.click(await screen.findByText('新建评比'));
    fireEvent.click(await screen.findByText('创建'));
    expect(await screen.findByText('请填写竞赛名称')).toBeTruthy();
    fireEvent.change(document.querySelector('input[name="title"]') ?? document.querySelectorAll('input')[0], {
      target: { value: '效能典型案例评比' },
    });
    fireEvent.click(await screen.findByText('赵磊'));
    fireEvent.click(screen.getByText('创建'));
    await waitFor(() => expect(sent('contest.create')).toHaveLength(1));
    expect(sent('contest.create')[0]).toMatchObject({
      title: '效能典型案例评比',
      judgeIds: ['m9'],
      weights: { panel: 70, public: 30 },
      publicVote: { startAt: expect.stringMatching(/T17:30:00\+08:00$/) },
    });
  });

  it('is closed to a member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<ContestsAdminPage />);
    expect(await screen.findByText(/管理员/)).toBeTruthy();
    expect(sent('contest.list')).toEqual([]);
  });
});
