// The criteria of 创新创优竞赛 on the 工委's page: rows to edit in 新建评比 (add, remove, the weights' sum checked
// against 100 before anything is sent) and 修改评分项 while entries are open, with the server's refusal shown once
// judging has begun.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ContestsAdminPage from '@/admin/contests/index';
import { criteriaOf } from '@/admin/contests/criteria-editor';
import type { ContestDetail, ContestResults, ContestSummary } from '@/domain/api/contest';
import type { KeyOutput, Reply } from './helpers';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const input = (name: string) => document.querySelector(`input[name="${name}"]`) as Element;
const type = (name: string, value: string) => fireEvent.change(input(name), { target: { value } });

const SUMMARY: ContestSummary = {
  contestId: 'ct1',
  kind: '创新创优竞赛',
  title: '2026年机关工作创新创优竞赛',
  stage: 'submitting',
  submitStartAt: '2026-06-01T09:00:00+08:00',
  submitEndAt: '2026-06-20T17:30:00+08:00',
  publicVote: null,
  voteOpen: false,
  entryCount: 0,
  publishedAt: null,
  isJudge: false,
  canSubmitFor: [],
};
const DETAIL: ContestDetail = {
  ...SUMMARY,
  description: '',
  criteria: [
    { key: 'innovation', name: '创新性', weight: 40 },
    { key: 'effect', name: '实效性', weight: 60 },
  ],
  weights: { panel: 100, public: 0 },
  judges: [],
  entries: [],
  votedToday: null,
};
const RESULTS: ContestResults = {
  contestId: 'ct1',
  title: SUMMARY.title,
  kind: '创新创优竞赛',
  stage: 'submitting',
  weights: { panel: 100, public: 0 },
  formula: [],
  rows: [],
  publishedAt: null,
  flags: [],
};

describe('criteriaOf', () => {
  it('gives new rows the first free code and checks names, weights and the sum', () => {
    expect(
      criteriaOf([
        { key: 'c1', name: '创新性', weight: '50' },
        { key: '', name: ' 实效性 ', weight: '50' },
      ]),
    ).toEqual({
      criteria: [
        { key: 'c1', name: '创新性', weight: 50 },
        { key: 'c2', name: '实效性', weight: 50 },
      ],
    });
    expect(criteriaOf([])).toEqual({ error: '请至少设一个评分项' });
    expect(criteriaOf([{ key: '', name: '', weight: '100' }])).toEqual({ error: '请填写第 1 个评分项的名称' });
    expect(criteriaOf([{ key: '', name: '创新性', weight: '1.5' }])).toEqual({
      error: '“创新性”的权重应为 1 到 100 的整数',
    });
    expect(criteriaOf([{ key: '', name: '创新性', weight: '90' }])).toEqual({
      error: '评分项权重合计应为 100，现为 90',
    });
  });
});

describe('新建评比: criteria', () => {
  it('edits, adds and removes criteria and sends them only when the weights add up to 100', async () => {
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
    type('title', '效能典型案例评比');
    fireEvent.click(await screen.findByText('赵磊'));
    expect(screen.getByText('合计 100')).toBeTruthy();

    type('criterion-weight-0', '20');
    expect(screen.getByText('合计 90').className).toContain('criteria__sum--bad');
    fireEvent.click(screen.getByText('创建'));
    expect(await screen.findByText('评分项权重合计应为 100，现为 90')).toBeTruthy();
    expect(sent('contest.create')).toEqual([]);

    fireEvent.click(screen.getByText('＋ 添加评分项'));
    type('criterion-name-3', '群众满意度');
    type('criterion-weight-3', '10');
    fireEvent.click(screen.getByLabelText('删除第 3 个评分项'));
    expect(screen.getByText('合计 70')).toBeTruthy();
    type('criterion-weight-2', '40');
    fireEvent.click(screen.getByText('创建'));
    await waitFor(() => expect(sent('contest.create')).toHaveLength(1));
    expect(sent('contest.create')[0]).toMatchObject({
      criteria: [
        { key: 'innovation', name: '创新性', weight: 20 },
        { key: 'effect', name: '实效性', weight: 40 },
        { key: 'c1', name: '群众满意度', weight: 40 },
      ],
    });
  });
});

describe('修改评分项', () => {
  const manage = (setCriteria: Reply<KeyOutput<'contest.setCriteria'>>) =>
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'contest.list': ok({ contests: [SUMMARY], hasMore: false }),
      'contest.progress': ok({ entries: 0, judges: [] }),
      'contest.results': ok(RESULTS),
      'contest.get': ok(DETAIL),
      'contest.setCriteria': setCriteria,
    });

  it('replaces the criteria of a competition still taking entries', async () => {
    manage(
      ok({
        criteria: [
          { key: 'innovation', name: '创新性', weight: 50 },
          { key: 'effect', name: '实效性', weight: 50 },
        ],
      }),
    );
    render(<ContestsAdminPage />);
    fireEvent.click(await screen.findByText(SUMMARY.title));
    fireEvent.click(await screen.findByText('修改评分项'));
    expect(await screen.findByText('合计 100')).toBeTruthy();
    expect((input('criterion-name-1') as HTMLInputElement).value).toBe('实效性');
    type('criterion-weight-0', '50');
    fireEvent.click(screen.getByText('保存评分项'));
    expect(await screen.findByText('评分项权重合计应为 100，现为 110')).toBeTruthy();
    type('criterion-weight-1', '50');
    fireEvent.click(screen.getByText('保存评分项'));
    await waitFor(() =>
      expect(sent('contest.setCriteria')).toEqual([
        {
          contestId: 'ct1',
          criteria: [
            { key: 'innovation', name: '创新性', weight: 50 },
            { key: 'effect', name: '实效性', weight: 50 },
          ],
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByText('保存评分项')).toBeNull());
  });

  it('shows the refusal once judging has begun', async () => {
    manage(fail('FAILED_PRECONDITION', '征集已截止、评审已开始，评分项不能再修改'));
    render(<ContestsAdminPage />);
    fireEvent.click(await screen.findByText(SUMMARY.title));
    fireEvent.click(await screen.findByText('修改评分项'));
    await screen.findByText('合计 100');
    fireEvent.click(screen.getByText('保存评分项'));
    expect(await screen.findByText('征集已截止、评审已开始，评分项不能再修改')).toBeTruthy();
  });

  it('offers no 修改评分项 once judging has begun', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'contest.list': ok({ contests: [{ ...SUMMARY, stage: 'judging' }], hasMore: false }),
      'contest.progress': ok({ entries: 0, judges: [] }),
      'contest.results': ok({ ...RESULTS, stage: 'judging' }),
    });
    render(<ContestsAdminPage />);
    fireEvent.click(await screen.findByText(SUMMARY.title));
    await screen.findByText('截止征集', { exact: false }).catch(() => undefined);
    await screen.findByText('导出 Excel');
    expect(screen.queryByText('修改评分项')).toBeNull();
  });
});
