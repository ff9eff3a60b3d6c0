// 组织生活 pages: the secretary's 会议纪实 (save with absentees' reasons, draft, 无权限, read-only for a member), the
// member's anonymous ballot (every member graded before it is sent, the form empty again after), the secretary's
// tally and proposed results (a result against the suggestion needs a note), and 我的's 民主评议 entry.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MinutesPage from '@/admin/minutes/index';
import ReviewPage from '@/admin/review/index';
import VotePage from '@/orglife/vote/index';
import MinePage from '@/pages/mine/index';
import type { BallotForm, MeetingView, ReviewTally } from '@/domain/api';
import type { KeyOutput, Reply } from './helpers';
import { ORGS, fail, ok, requests, resetAll, serve, typeInto } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const SECRETARY: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-sec',
  roles: [{ role: 'secretary', scopeId: 'org-a1' }],
  member: { memberId: 'm1', name: '王建国', orgId: 'org-a1' },
});
const MEMBER: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-m2',
  roles: [],
  member: { memberId: 'm2', name: '张伟', orgId: 'org-a1' },
});

function meeting(over: Partial<MeetingView> = {}): MeetingView {
  return {
    activityId: 'act-1',
    title: '第三季度支部党员大会',
    kind: '支部党员大会',
    orgIds: ['org-a1'],
    orgNames: ['发改委第一党支部'],
    startAt: '2020-09-20T09:00:00+08:00',
    endAt: '2020-09-20T11:00:00+08:00',
    place: '三楼党员活动室',
    record: null,
    attendance: {
      expected: 3,
      present: 2,
      late: 0,
      manual: 1,
      absent: 1,
      absentWithoutReason: 1,
      rows: [
        { memberId: 'm1', name: '王建国', status: 'present', reason: '' },
        { memberId: 'm2', name: '张伟', status: 'manual', reason: '手机没电，现场确认' },
        { memberId: 'm3', name: '李秀英', status: 'absent', reason: '' },
      ],
    },
    canEdit: true,
    ...over,
  };
}

const field = (name: string) =>
  document.querySelector(`[name="${name}"], .minutes-textarea--${name} textarea`) as Element;

beforeEach(resetAll);

describe('会议纪实', () => {
  it('saves the whole 纪实 with the absentee’s reason and says it is complete', async () => {
    setRouterParams({ activityId: 'act-1' });
    serve({
      'orglife.meeting': ok(meeting()),
      'orglife.saveMinutes': ok({ complete: true, missing: [] }),
    });
    render(<MinutesPage />);
    expect(await screen.findByText('第三季度支部党员大会')).toBeTruthy();
    expect(screen.getByText('补签原因：手机没电，现场确认')).toBeTruthy();
    expect(screen.getByText('未填写纪实')).toBeTruthy();

    typeInto(field('topic'), ' 学习《2020年机关党建工作计划》 ');
    typeInto(field('host'), '王建国');
    typeInto(field('recorder'), '李秀英');
    typeInto(field('minutes'), '传达学习计划，讨论支部分工。');
    typeInto(screen.getByLabelText('李秀英的缺席原因'), '出差');
    fireEvent.click(screen.getByText('保存纪实'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '纪实已保存', icon: 'success' }));
    expect(requests.find((r) => r.key === 'orglife.saveMinutes')?.data).toEqual({
      activityId: 'act-1',
      topic: '学习《2020年机关党建工作计划》',
      host: '王建国',
      recorder: '李秀英',
      minutes: '传达学习计划，讨论支部分工。',
      decisions: '',
      photos: [],
      absences: [{ memberId: 'm3', reason: '出差' }],
    });
  });

  it('tells what a draft still lacks', async () => {
    setRouterParams({ activityId: 'act-1' });
    serve({
      'orglife.meeting': ok(meeting()),
      'orglife.saveMinutes': ok({ complete: false, missing: ['记录人', '会议记录'] }),
    });
    render(<MinutesPage />);
    await screen.findByText('保存纪实');
    typeInto(field('topic'), '学习党章');
    fireEvent.click(screen.getByText('保存纪实'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已存为草稿，还缺记录人、会议记录', icon: 'none' }),
    );
  });

  it('shows a member the saved 纪实 read-only, with the reasons of absentees', async () => {
    setRouterParams({ activityId: 'act-1' });
    const record = {
      topic: '学习党章',
      host: '王建国',
      recorder: '李秀英',
      minutes: '逐章学习。',
      decisions: '',
      photos: [],
      complete: true,
      missing: [],
      updatedAt: '2020-09-20T12:00:00+08:00',
      updatedBy: '王建国',
    };
    const rows = meeting().attendance.rows.map((r) => (r.status === 'absent' ? { ...r, reason: '出差' } : r));
    serve({
      'orglife.meeting': ok(meeting({ canEdit: false, record, attendance: { ...meeting().attendance, rows } })),
    });
    render(<MinutesPage />);
    expect(await screen.findByText('逐章学习。')).toBeTruthy();
    expect(screen.getByText('缺席原因：出差')).toBeTruthy();
    expect(screen.getByText('纪实已完成')).toBeTruthy();
    expect(screen.queryByText('保存纪实')).toBeNull();
    expect(screen.queryByText('导出纪实（Excel）')).toBeNull();
  });

  it('shows 无权限 to a member of another branch', async () => {
    setRouterParams({ activityId: 'act-1' });
    serve({ 'orglife.meeting': fail('PERMISSION_DENIED', '会议纪实仅本支部、上级党委和机关工委可以查看') });
    render(<MinutesPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.getByText(/本支部党员、上级党委和机关工委/)).toBeTruthy();
  });
});

const BALLOT: BallotForm = {
  reviewId: 'org-a1:2020',
  orgName: '发改委第一党支部',
  year: 2020,
  startAt: '2020-12-01T08:00:00+08:00',
  endAt: '2020-12-08T18:00:00+08:00',
  phase: 'open',
  candidates: [
    { memberId: 'm1', name: '王建国', self: false },
    { memberId: 'm2', name: '张伟', self: true },
  ],
  voted: false,
};

describe('民主评议投票', () => {
  it('sends a ballot only when every member is graded, then starts empty again', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    let voted = false;
    serve({
      'orglife.ballot': () => ok({ ...BALLOT, voted }),
      'orglife.vote': () => {
        voted = true;
        return ok({ replaced: false });
      },
    });
    render(<VotePage />);
    expect(await screen.findByText('（自评）')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('王建国：优秀'));
    fireEvent.click(screen.getByText('提交选票'));
    expect(await screen.findByText('还有 1 名党员未评价，请逐一选择等次')).toBeTruthy();
    expect(requests.some((r) => r.key === 'orglife.vote')).toBe(false);

    fireEvent.click(screen.getByLabelText('张伟：合格'));
    fireEvent.click(screen.getByText('提交选票'));
    expect(await screen.findByText('重新投票')).toBeTruthy();
    expect(requests.find((r) => r.key === 'orglife.vote')?.data).toEqual({
      reviewId: 'org-a1:2020',
      grades: [
        { memberId: 'm1', grade: '优秀' },
        { memberId: 'm2', grade: '合格' },
      ],
    });
    // What was voted is not shown back: no grade is selected after the ballot went in.
    expect(screen.getByLabelText('王建国：优秀').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText(/投票成功/)).toBeTruthy();
  });

  it('takes no ballot once the window has closed', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    serve({ 'orglife.ballot': ok({ ...BALLOT, phase: 'closed' }) });
    render(<VotePage />);
    expect(await screen.findByText('投票已结束，评议结果由支部研究后公布。')).toBeTruthy();
    expect(screen.queryByText('提交选票')).toBeNull();
  });

  it('shows 无权限 to a member of another branch', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    serve({ 'orglife.ballot': fail('PERMISSION_DENIED', '只有本支部党员可以参加该评议') });
    render(<VotePage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});

const TALLY: ReviewTally = {
  reviewId: 'org-a1:2020',
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  year: 2020,
  phase: 'closed',
  startAt: '2020-12-01T08:00:00+08:00',
  endAt: '2020-12-08T18:00:00+08:00',
  electorate: 3,
  voters: 2,
  required: 2,
  quorum: true,
  rows: [
    { memberId: 'm1', name: '王建国', counts: [2, 0, 0, 0], suggested: '优秀', result: null, note: null },
    { memberId: 'm2', name: '张伟', counts: [0, 2, 0, 0], suggested: '合格', result: null, note: null },
  ],
};

describe('民主评议计票', () => {
  it('proposes the suggested grades, and a changed one with its note', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'orglife.tally': ok(TALLY),
      'orglife.propose': ok({ saved: 2 }),
    });
    render(<ReviewPage />);
    expect(await screen.findByText('已投票 2 / 3 人，至少需 2 人（三分之二），已达到')).toBeTruthy();
    expect(screen.getByText('优秀 2')).toBeTruthy();

    // 张伟 from 合格 to 优秀: a note is asked for.
    const pickers = screen.getAllByLabelText('picker');
    fireEvent.change(pickers[1], { target: { value: '0' } });
    typeInto(screen.getByLabelText('张伟的结果说明'), '支部党员大会决定');
    fireEvent.click(screen.getByText('保存评议结果'));

    await waitFor(() => expect(requests.some((r) => r.key === 'orglife.propose')).toBe(true));
    expect(requests.find((r) => r.key === 'orglife.propose')?.data).toEqual({
      reviewId: 'org-a1:2020',
      results: [
        { memberId: 'm1', grade: '优秀' },
        { memberId: 'm2', grade: '优秀', note: '支部党员大会决定' },
      ],
    });
  });

  it('shows only participation while the ballot is open, and closes it on request', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    const open: ReviewTally = {
      ...TALLY,
      phase: 'open',
      rows: TALLY.rows.map((r) => ({ ...r, counts: null, suggested: null })),
    };
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'orglife.tally': ok(open),
      'orglife.closeReview': ok({ endAt: '2020-12-05T10:00:00+08:00' }),
    });
    render(<ReviewPage />);
    await screen.findByText('提前结束投票');
    expect(screen.queryByText('优秀 2')).toBeNull();
    fireEvent.click(screen.getByText('提前结束投票'));
    await waitFor(() => expect(requests.some((r) => r.key === 'orglife.closeReview')).toBe(true));
  });

  it('refuses results when too few voted', async () => {
    setRouterParams({ reviewId: 'org-a1:2020' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'orglife.tally': ok({ ...TALLY, voters: 1, quorum: false }),
    });
    render(<ReviewPage />);
    expect(await screen.findByText('评议无效')).toBeTruthy();
    expect(screen.queryByText('保存评议结果')).toBeNull();
  });
});

describe('我的：民主评议入口', () => {
  it('shows the entry while the branch’s ballot is open and opens the ballot', async () => {
    serve({
      'user.login': MEMBER,
      'org.list': ok(ORGS),
      'orglife.reviews': ok({
        reviews: [
          {
            reviewId: 'org-a1:2020',
            orgId: 'org-a1',
            orgName: '发改委第一党支部',
            year: 2020,
            startAt: BALLOT.startAt,
            endAt: BALLOT.endAt,
            phase: 'open',
            electorate: 3,
            assessed: 3,
            voted: false,
            proposed: false,
            canManage: false,
          },
        ],
      }),
    });
    render(<MinePage />);
    expect(await screen.findByText('待投票')).toBeTruthy();
    fireEvent.click(screen.getByText(/2020 年度民主评议党员/));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/orglife/vote/index?reviewId=org-a1%3A2020' });
  });

  it('shows no entry when no ballot is open', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS), 'orglife.reviews': ok({ reviews: [] }) });
    render(<MinePage />);
    await screen.findByText('张伟');
    await waitFor(() => expect(requests.some((r) => r.key === 'orglife.reviews')).toBe(true));
    expect(screen.queryByText('民主评议')).toBeNull();
  });
});
