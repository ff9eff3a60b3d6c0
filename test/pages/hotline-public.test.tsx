// 民声热线's public side: the 热线节目 page (list, a programme before and after it airs), the admin 热线知识库 and
// 节目安排 pages, 知识库 answers on the submit page (直接答复) and programme questions, the board's search and chips,
// and on a ticket the 并单 suggestions, 知识库答复 at triage and a merged ticket's view of its parent.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HotlineKnowledgePage from '@/admin/hotline-knowledge/index';
import HotlineProgrammesPage from '@/admin/hotline-programmes/index';
import HotlineBoardPage, { statsPeriodMonths } from '@/pages/hotline-board/index';
import HotlineProgrammePage from '@/pages/hotline-programme/index';
import HotlineSubmitPage from '@/pages/hotline-submit/index';
import HotlineTicketPage from '@/pages/hotline-ticket/index';
import type { TicketDetail } from '@/domain/api';
import type { KnowledgeAnswer, KnowledgeItem, ProgrammeSummary } from '@/domain/api/hotline-public';
import { fail, ok, ORGS, requests, resetAll, serve } from './helpers';
import type { StatsFigures } from './hotline-fixtures';
import { EMPTY_FIGURES, NO, SUMMARY, submitStep, UNTOUCHED } from './hotline-fixtures';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/hotline-subscribe', () => ({
  replyNoticeAvailable: () => false,
  requestReplyNotice: jest.fn(async () => ({ reply: false, progress: null })),
  remindNoticeAvailable: () => false,
  requestRemindNotice: jest.fn(async () => false),
}));

beforeEach(resetAll);

const ADMIN = ok({ openid: 'a', roles: [{ role: 'admin' as const }], member: null });
const MEMBER = ok({ openid: 'm', roles: [], member: null });

const UPCOMING: ProgrammeSummary = {
  programmeId: 'hp_up',
  topic: '民声热线·住房专场',
  description: '住建局、公积金中心负责人上线',
  airAt: '2099-07-10T10:00:00+08:00',
  departments: [
    { departmentId: 'd1', name: '市发展和改革委员会' },
    { departmentId: 'd2', name: '市财政局' },
  ],
  replayUrl: null,
  phase: 'upcoming',
  phaseName: '征集问题中',
  asked: 3,
};

const AIRED: ProgrammeSummary = {
  ...UPCOMING,
  programmeId: 'hp_old',
  topic: '民声热线·教育专场',
  description: null,
  airAt: '2020-06-20T10:00:00+08:00',
  departments: [{ departmentId: 'd2', name: '市财政局' }],
  replayUrl: 'https://example.gov.cn/replay/0620',
  phase: 'aired',
  phaseName: '已播出',
  asked: 5,
};

const ANSWER: KnowledgeAnswer = {
  knowledgeId: 'kb_1',
  title: '离职后住房公积金怎样提取',
  answer: '离职满半年可凭身份证到公积金中心提取，3 个工作日到账。',
  departmentName: '市财政局',
};

const ITEM: KnowledgeItem = {
  ...ANSWER,
  keywords: ['公积金', '提取'],
  category: '咨询',
  departmentId: 'd2',
  active: true,
  helpful: 12,
  used: 2,
  updatedAt: '2020-06-01T09:00:00+08:00',
};

const TICKET: TicketDetail = {
  ...SUMMARY,
  ...UNTOUCHED,
  ticketId: 'ht_2',
  ticketNo: 'MS20200702-0003',
  title: '幸福路路灯又坏了',
  status: 'submitted',
  statusName: '待受理',
  departmentId: null,
  departmentName: null,
  createdAt: '2020-07-02T09:00:00+08:00',
  dueAt: '2020-07-07T23:59:59+08:00',
  similar: [{ ticketId: 'ht_1', ticketNo: 'MS20200701-0007', title: '幸福路路灯不亮', similarity: 0.82 }],
  content: '幸福路小区门口路灯不亮，晚上很黑。',
  timeline: [submitStep('2020-07-02T09:00:00+08:00')],
};

describe('热线节目', () => {
  it('lists the programmes with their time, phase, questions and departments on air, and opens one', async () => {
    serve({ 'hotline.programmeList': ok({ programmes: [UPCOMING, AIRED], hasMore: false }) });
    render(<HotlineProgrammePage />);
    expect(await screen.findByText('民声热线·住房专场')).toBeTruthy();
    expect(screen.getByText('2099-07-10 10:00 播出 · 征集问题中 · 已收到问题 3 个')).toBeTruthy();
    expect(screen.getByText('2020-06-20 10:00 播出 · 已播出 · 已收到问题 5 个')).toBeTruthy();
    expect(screen.getAllByText('市财政局')).toHaveLength(2);
    fireEvent.click(screen.getByText('民声热线·教育专场'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-programme/index?id=hp_old' });
  });

  it('says so when no programme is scheduled', async () => {
    serve({ 'hotline.programmeList': ok({ programmes: [], hasMore: false }) });
    render(<HotlineProgrammePage />);
    expect(await screen.findByText('还没有安排热线节目。')).toBeTruthy();
  });

  it('before it airs offers 我要提问 for the programme and lists no answers', async () => {
    setRouterParams({ id: 'hp_up' });
    serve({ 'hotline.programmeGet': ok({ programme: UPCOMING, questions: [], page: 1, hasMore: false }) });
    render(<HotlineProgrammePage />);
    expect(await screen.findByText('播出时间：2099-07-10 10:00')).toBeTruthy();
    expect(screen.getByText('住建局、公积金中心负责人上线')).toBeTruthy();
    expect(screen.queryByText('本期答复')).toBeNull();
    expect(screen.queryByText('复制回放链接')).toBeNull();
    fireEvent.click(screen.getByText('我要提问'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-submit/index?programme=hp_up' });
    expect(requests.find((r) => r.key === 'hotline.programmeGet')?.data).toEqual({ programmeId: 'hp_up', page: 1 });
  });

  it('after it airs lists the masked answers, pages them and copies the replay link', async () => {
    setRouterParams({ id: 'hp_old' });
    serve({
      'hotline.programmeGet': (d) =>
        ok({
          programme: AIRED,
          questions: [
            {
              ticketNo: `MS20200615-000${d.page ?? 1}`,
              category: '咨询',
              title: d.page === 2 ? '第二页的问题' : '学区划分怎么查',
              content: '我叫李**，电话138****1234，孩子明年上小学。',
              departmentName: '市财政局',
              reply: '可在教育局网站查询学区。',
              repliedAt: '2020-06-20T10:30:00+08:00',
            },
          ],
          page: d.page ?? 1,
          hasMore: (d.page ?? 1) === 1,
        }),
    });
    render(<HotlineProgrammePage />);
    expect(await screen.findByText('学区划分怎么查')).toBeTruthy();
    expect(screen.getByText('我叫李**，电话138****1234，孩子明年上小学。')).toBeTruthy();
    expect(screen.getByText('市财政局 答复（2020-06-20）')).toBeTruthy();
    expect(screen.getByText('节目回放：https://example.gov.cn/replay/0620')).toBeTruthy();
    expect(screen.queryByText('我要提问')).toBeNull();
    fireEvent.click(screen.getByText('复制回放链接'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://example.gov.cn/replay/0620' });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '回放链接已复制', icon: 'success' }));
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('第二页的问题')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'hotline.programmeGet').map((r) => r.data.page)).toEqual([1, 2]);
  });

  it('shows the server’s refusal for an unknown programme', async () => {
    setRouterParams({ id: 'hp_gone' });
    serve({ 'hotline.programmeGet': fail('NOT_FOUND', '热线节目不存在') });
    render(<HotlineProgrammePage />);
    expect(await screen.findByText(/热线节目不存在/)).toBeTruthy();
  });
});

describe('我要反映 with 知识库 answers', () => {
  it('shows the answers that fit after typing; 已解决 counts a 直接答复 and sends no appeal', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.knowledgeSearch': ok({ answers: [ANSWER] }),
      'hotline.knowledgeHelpful': ok({ knowledgeId: 'kb_1', counted: true }),
    });
    render(<HotlineSubmitPage />);
    fireEvent.click(await screen.findByText('咨询'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '公积金怎么提取' } });
    expect(await screen.findByText('这些答复也许能解决您的问题', {}, { timeout: 3000 })).toBeTruthy();
    expect(requests.filter((r) => r.key === 'hotline.knowledgeSearch').map((r) => r.data)).toEqual([
      { title: '公积金怎么提取', category: '咨询' },
    ]);
    expect(screen.queryByText(ANSWER.answer)).toBeNull();
    fireEvent.click(screen.getByText(`▸ ${ANSWER.title}`));
    expect(screen.getByText(ANSWER.answer)).toBeTruthy();
    fireEvent.click(screen.getByText('已解决，不用提交了'));
    expect(await screen.findByText('问题已直接答复')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.knowledgeHelpful')?.data).toEqual({ knowledgeId: 'kb_1' });
    expect(requests.some((r) => r.key === 'hotline.submit')).toBe(false);
    // Still not solved: back to the form, as typed.
    fireEvent.click(screen.getByText('仍要提交诉求'));
    expect((screen.getByPlaceholderText('一句话说明问题') as HTMLInputElement).value).toBe('公积金怎么提取');
  });

  it('asks nothing for a title shorter than 2 characters, and shows no card when nothing fits', async () => {
    serve({ 'org.list': ok(ORGS), 'hotline.knowledgeSearch': ok({ answers: [] }) });
    render(<HotlineSubmitPage />);
    await screen.findByText('诉求类别');
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '路' } });
    await new Promise((r) => setTimeout(r, 800));
    expect(requests.some((r) => r.key === 'hotline.knowledgeSearch')).toBe(false);
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '路灯不亮' } });
    await waitFor(() => expect(requests.some((r) => r.key === 'hotline.knowledgeSearch')).toBe(true), {
      timeout: 3000,
    });
    expect(screen.queryByText('这些答复也许能解决您的问题')).toBeNull();
  });

  it('keeps the form usable when 已解决 fails, with the reason shown', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.knowledgeSearch': ok({ answers: [ANSWER] }),
      'hotline.knowledgeHelpful': fail('NOT_FOUND', '这条答复已停用'),
    });
    render(<HotlineSubmitPage />);
    await screen.findByText('诉求类别');
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '公积金提取' } });
    fireEvent.click(await screen.findByText(`▸ ${ANSWER.title}`, {}, { timeout: 3000 }));
    fireEvent.click(screen.getByText('已解决，不用提交了'));
    expect(await screen.findByText('这条答复已停用')).toBeTruthy();
    expect(screen.queryByText('问题已直接答复')).toBeNull();
    expect(screen.getByText('提交诉求')).toBeTruthy();
  });

  it('with ?programme= asks a question of a department on air, tagged with the programme', async () => {
    setRouterParams({ programme: 'hp_up' });
    serve({
      'org.list': ok({ ...ORGS, departments: [...ORGS.departments, { departmentId: 'd3', name: '市交通运输局' }] }),
      'hotline.programmeGet': ok({ programme: UPCOMING, questions: [], page: 1, hasMore: false }),
      'hotline.submit': ok({
        ticketId: 'ht_5',
        ticketNo: 'MS20200703-0001',
        dueAt: '2020-07-08T23:59:59+08:00',
        flagged: false,
      }),
    });
    render(<HotlineSubmitPage />);
    expect(await screen.findByText('热线节目提问：民声热线·住房专场')).toBeTruthy();
    expect(screen.getByText('向哪个上线单位提问')).toBeTruthy();
    // Only the departments on air are offered.
    expect(screen.queryByText('市交通运输局')).toBeNull();
    fireEvent.click(screen.getByText('咨询'));
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '公积金贷款额度' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), { target: { value: '最高能贷多少' } });
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('诉求编号：MS20200703-0001')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.submit')?.data).toEqual({
      category: '咨询',
      title: '公积金贷款额度',
      content: '最高能贷多少',
      isPublic: true,
      departmentId: 'd2',
      programmeId: 'hp_up',
    });
    // A programme question is not a place for 直接答复 hints.
    expect(requests.some((r) => r.key === 'hotline.knowledgeSearch')).toBe(false);
  });

  it('with the ?programme= of an aired programme sends the person to a plain appeal', async () => {
    setRouterParams({ programme: 'hp_old' });
    serve({
      'org.list': ok(ORGS),
      'hotline.programmeGet': ok({ programme: AIRED, questions: [], page: 1, hasMore: false }),
    });
    render(<HotlineSubmitPage />);
    expect(await screen.findByText('“民声热线·教育专场”已播出，不再征集问题。您可以直接提交诉求。')).toBeTruthy();
    expect(screen.queryByPlaceholderText('一句话说明问题')).toBeNull();
    fireEvent.click(screen.getByText('提交诉求'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/hotline-submit/index' });
  });
});

describe('公开答复 search and chips', () => {
  const EMPTY = ok({ tickets: [], page: 1, hasMore: false });

  it('sends the keyword on 搜索 and the category and department chips, from page 1', async () => {
    serve({ 'org.list': ok(ORGS), 'hotline.publicList': EMPTY });
    render(<HotlineBoardPage />);
    expect(await screen.findByText('还没有公开的答复。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('搜索关键词'), { target: { value: ' 路灯 ' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('没有符合条件的公开答复。')).toBeTruthy();
    fireEvent.click(screen.getByText('投诉'));
    fireEvent.click(await screen.findByText('承办部门：全部 ▾'));
    fireEvent.click(screen.getByText('市财政局'));
    expect(await screen.findByText('承办部门：市财政局 ▾')).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.key === 'hotline.publicList')).toHaveLength(4));
    expect(requests.filter((r) => r.key === 'hotline.publicList').map((r) => r.data)).toEqual([
      { page: 1 },
      { page: 1, keyword: '路灯' },
      { page: 1, keyword: '路灯', category: '投诉' },
      { page: 1, keyword: '路灯', category: '投诉', departmentId: 'd2' },
    ]);
    // 全部类别 and 全部部门 clear the filters again.
    fireEvent.click(screen.getByText('全部类别'));
    fireEvent.click(screen.getByText('承办部门：市财政局 ▾'));
    fireEvent.click(screen.getByText('全部部门'));
    await waitFor(() =>
      expect(requests.filter((r) => r.key === 'hotline.publicList').at(-1)?.data).toEqual({
        page: 1,
        keyword: '路灯',
      }),
    );
  });
});

describe('部门统计 by period', () => {
  const ROW: StatsFigures = {
    ...EMPTY_FIGURES,
    received: 10,
    replied: 8,
    replyRate: 0.8,
    onTimeRate: 1,
    satisfaction: 0.5,
    averageScore: 4,
    averageReplyWorkdays: 2,
    directAnswers: 3,
    directRate: 0.25,
    merged: 1,
    duplicateRate: 0.1,
  };

  it('computes 本月, 本季度 and 本年 in Beijing time up to this month', () => {
    const aug = Date.parse('2020-08-15T12:00:00+08:00');
    expect(statsPeriodMonths('all', aug)).toBeNull();
    expect(statsPeriodMonths('month', aug)).toEqual({ from: '2020-08', to: '2020-08' });
    expect(statsPeriodMonths('quarter', aug)).toEqual({ from: '2020-07', to: '2020-08' });
    expect(statsPeriodMonths('year', aug)).toEqual({ from: '2020-01', to: '2020-08' });
    // 1 October 00:30 in Beijing is still 30 September in UTC: the new quarter has begun.
    const october = Date.parse('2020-09-30T16:30:00Z');
    expect(statsPeriodMonths('quarter', october)).toEqual({ from: '2020-10', to: '2020-10' });
    expect(statsPeriodMonths('quarter', Date.parse('2020-12-31T12:00:00+08:00'))).toEqual({
      from: '2020-10',
      to: '2020-12',
    });
    expect(statsPeriodMonths('year', Date.parse('2021-01-01T00:10:00+08:00'))).toEqual({
      from: '2021-01',
      to: '2021-01',
    });
  });

  it('asks for the chosen period and shows it with the 直接答复率 and 重复诉求率 of that period', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.publicList': ok({ tickets: [], page: 1, hasMore: false }),
      'hotline.stats': (d) =>
        ok({
          departments: [{ ...ROW, departmentId: 'd1', name: '市发展和改革委员会', directRate: d.from ? 0.5 : 0.25 }],
          total: { ...ROW, directRate: d.from ? 0.5 : 0.25 },
          period: d.from && d.to ? { from: d.from, to: d.to } : null,
        }),
    });
    render(<HotlineBoardPage />);
    fireEvent.click(await screen.findByText('部门统计'));
    expect(await screen.findByText('全部部门')).toBeTruthy();
    expect(screen.getAllByText('25%')).toHaveLength(2);
    fireEvent.click(screen.getByText('本季度'));
    const quarter = statsPeriodMonths('quarter', Date.now())!;
    const shown = quarter.from === quarter.to ? quarter.from : `${quarter.from} 至 ${quarter.to}`;
    expect(await screen.findByText(`全部部门（本季度：${shown}）`)).toBeTruthy();
    // 满意率 50% and the period's 直接答复率 50%, for the total and the department.
    expect(screen.getAllByText('50%')).toHaveLength(4);
    expect(screen.queryByText('25%')).toBeNull();
    fireEvent.click(screen.getByText('本年'));
    await screen.findByText(/全部部门（本年：/);
    fireEvent.click(screen.getByText('全部'));
    await screen.findByText('全部部门');
    expect(requests.filter((r) => r.key === 'hotline.stats').map((r) => r.data)).toEqual([
      {},
      quarter,
      statsPeriodMonths('year', Date.now()),
      {},
    ]);
  });
});

describe('诉求详情: 并单 and 知识库答复', () => {
  it('shows an admin the similar open tickets and merges into one', async () => {
    setRouterParams({ id: 'ht_2' });
    let detail: TicketDetail = { ...TICKET, can: { ...NO, accept: true, assign: true, merge: true, answer: true } };
    serve({
      'org.list': ok(ORGS),
      'hotline.get': () => ok(detail),
      'hotline.merge': () => {
        detail = {
          ...TICKET,
          status: 'merged',
          statusName: '已并单',
          similar: [],
          parent: {
            ticketId: 'ht_1',
            ticketNo: 'MS20200701-0007',
            status: 'assigned',
            statusName: '办理中',
            departmentName: '市发展和改革委员会',
            replies: [],
          },
        };
        return ok({ ticketId: 'ht_2', status: 'merged', parentId: 'ht_1', parentNo: 'MS20200701-0007' });
      },
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('疑似重复诉求（30 天内同类别、同部门的未办结诉求）')).toBeTruthy();
    expect(screen.getByText('相似度 82%')).toBeTruthy();
    fireEvent.click(screen.getByText('MS20200701-0007 幸福路路灯不亮'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-ticket/index?id=ht_1' });
    fireEvent.click(screen.getByText('并入此件'));
    expect(await screen.findByText('已并入诉求 MS20200701-0007 一并办理')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.merge')?.data).toEqual({ ticketId: 'ht_2', parentId: 'ht_1' });
    expect(screen.getByText('已并入 MS20200701-0007')).toBeTruthy();
    expect(screen.getByText('尚未答复。')).toBeTruthy();
    expect(screen.queryByText('并入此件')).toBeNull();
  });

  it('shows the server’s refusal of a merge in place', async () => {
    setRouterParams({ id: 'ht_2' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, can: { ...NO, merge: true } }),
      'hotline.merge': fail('FAILED_PRECONDITION', '被并入的诉求已办结，不能并单'),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('并入此件'));
    expect(await screen.findByText('被并入的诉求已办结，不能并单')).toBeTruthy();
  });

  it('offers no 并单 or 知识库答复 to a reader without the right, even where similar tickets are stored', async () => {
    setRouterParams({ id: 'ht_2' });
    serve({ 'org.list': ok(ORGS), 'hotline.get': ok({ ...TICKET, can: { ...NO, withdraw: true } }) });
    render(<HotlineTicketPage />);
    await screen.findByText('撤回诉求');
    expect(screen.queryByText('并入此件')).toBeNull();
    expect(screen.queryByText(/疑似重复诉求/)).toBeNull();
    expect(screen.queryByText('查找知识库答复')).toBeNull();
  });

  it('lets an admin answer with a 知识库 answer found for the ticket', async () => {
    setRouterParams({ id: 'ht_2' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, similar: [], can: { ...NO, answer: true } }),
      'hotline.knowledgeSearch': ok({ answers: [ANSWER] }),
      'hotline.answerWithKnowledge': ok({ ticketId: 'ht_2', status: 'replied' }),
    });
    render(<HotlineTicketPage />);
    expect(screen.queryByText(/疑似重复诉求/)).toBeNull();
    fireEvent.click(await screen.findByText('查找知识库答复'));
    expect(await screen.findByText(ANSWER.answer)).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.knowledgeSearch')?.data).toEqual({
      title: TICKET.title,
      content: TICKET.content,
      category: '求助',
    });
    fireEvent.click(screen.getByText('用此答复'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已用知识库答复', icon: 'success' }));
    expect(requests.find((r) => r.key === 'hotline.answerWithKnowledge')?.data).toEqual({
      ticketId: 'ht_2',
      knowledgeId: 'kb_1',
    });
  });

  it('says so when the 知识库 has nothing that fits', async () => {
    setRouterParams({ id: 'ht_2' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, similar: [], can: { ...NO, answer: true } }),
      'hotline.knowledgeSearch': ok({ answers: [] }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('查找知识库答复'));
    expect(await screen.findByText('知识库中没有相符的答复。')).toBeTruthy();
  });

  it('shows the submitter of a merged ticket the parent’s progress and reply, and the parent its merged numbers', async () => {
    setRouterParams({ id: 'ht_2' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        status: 'merged',
        statusName: '已并单',
        similar: [],
        parent: {
          ticketId: 'ht_1',
          ticketNo: 'MS20200701-0007',
          status: 'replied',
          statusName: '已答复',
          departmentName: '市发展和改革委员会',
          replies: [
            { content: '路灯已全部更换。', departmentName: '市发展和改革委员会', at: '2020-07-03T15:00:00+08:00' },
          ],
        },
      }),
    });
    const { unmount } = render(<HotlineTicketPage />);
    expect(await screen.findByText('已并入诉求 MS20200701-0007 一并办理')).toBeTruthy();
    expect(screen.getByText('路灯已全部更换。')).toBeTruthy();
    expect(screen.getByText('2020-07-03 15:00')).toBeTruthy();
    expect(screen.getByText('已答复')).toBeTruthy();
    unmount();
    setRouterParams({ id: 'ht_1' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        ticketId: 'ht_1',
        similar: [],
        mergedNos: ['MS20200702-0003', 'MS20200702-0004'],
      }),
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('并入本件的重复诉求：MS20200702-0003、MS20200702-0004')).toBeTruthy();
    expect(screen.queryByText(/已并入诉求/)).toBeNull();
  });
});

describe('热线知识库 (admin)', () => {
  it('is for admins only', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<HotlineKnowledgePage />);
    expect(await screen.findByText(/管理员/)).toBeTruthy();
    expect(requests.some((r) => r.key === 'hotline.knowledgeList')).toBe(false);
  });

  it('lists the answers with their counts, including the switched-off ones', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.knowledgeList': ok({
        items: [ITEM, { ...ITEM, knowledgeId: 'kb_2', title: '社保卡补办', active: false, category: null }],
        hasMore: false,
      }),
    });
    render(<HotlineKnowledgePage />);
    expect(await screen.findByText('离职后住房公积金怎样提取')).toBeTruthy();
    expect(screen.getByText('社保卡补办（已停用）')).toBeTruthy();
    expect(screen.getByText('市财政局 · 关键词：公积金、提取 · 咨询')).toBeTruthy();
    expect(screen.getByText('市财政局 · 关键词：公积金、提取')).toBeTruthy();
    expect(screen.getAllByText('直接解决 12 人次 · 分办时引用 2 次')).toHaveLength(2);
    expect(requests.find((r) => r.key === 'hotline.knowledgeList')?.data).toEqual({ page: 1, includeInactive: true });
  });

  it('checks a new answer, saves it and reloads the list', async () => {
    let items: KnowledgeItem[] = [];
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.knowledgeList': () => ok({ items, hasMore: false }),
      'hotline.knowledgeSave': () => {
        items = [ITEM];
        return ok({ knowledgeId: 'kb_1' });
      },
    });
    render(<HotlineKnowledgePage />);
    expect(await screen.findByText('还没有答复。点击“新增答复”录入常见问题的答复口径。')).toBeTruthy();
    fireEvent.click(screen.getByText('新增答复'));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写常见问题')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('常见问题'), { target: { value: ' 离职后住房公积金怎样提取 ' } });
    fireEvent.change(screen.getByPlaceholderText('群众看到的答复，写清办理条件、材料、地点和时限'), {
      target: { value: ANSWER.answer },
    });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请至少填写一个关键词')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('关键词（用空格分开）'), { target: { value: '公积金，提取  离职' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请选择答复部门')).toBeTruthy();
    fireEvent.click(screen.getByText('咨询'));
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('直接解决 12 人次 · 分办时引用 2 次')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.knowledgeSave')?.data).toEqual({
      title: '离职后住房公积金怎样提取',
      answer: ANSWER.answer,
      keywords: ['公积金', '提取', '离职'],
      category: '咨询',
      departmentId: 'd2',
      active: true,
    });
    expect(screen.queryByText('请选择答复部门')).toBeNull();
  });

  it('edits an answer in place, switching it off', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.knowledgeList': ok({ items: [ITEM], hasMore: false }),
      'hotline.knowledgeSave': fail('PERMISSION_DENIED', '只有管理员可以维护知识库'),
    });
    render(<HotlineKnowledgePage />);
    fireEvent.click(await screen.findByText('修改'));
    expect(screen.getByText('修改答复')).toBeTruthy();
    expect((screen.getByLabelText('关键词（用空格分开）') as HTMLInputElement).value).toBe('公积金 提取');
    fireEvent.click(screen.getByText('停用'));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('只有管理员可以维护知识库')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.knowledgeSave')?.data).toEqual({
      knowledgeId: 'kb_1',
      title: ITEM.title,
      answer: ITEM.answer,
      keywords: ['公积金', '提取'],
      category: '咨询',
      departmentId: 'd2',
      active: false,
    });
  });
});

describe('热线节目安排 (admin)', () => {
  it('is for admins only', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<HotlineProgrammesPage />);
    expect(await screen.findByText(/管理员/)).toBeTruthy();
    expect(requests.some((r) => r.key === 'hotline.programmeList')).toBe(false);
  });

  it('lists the programmes and opens one’s public page', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.programmeList': ok({ programmes: [UPCOMING, AIRED], hasMore: false }),
    });
    render(<HotlineProgrammesPage />);
    expect(await screen.findByText('2099-07-10 10:00 · 征集问题中 · 问题 3 个')).toBeTruthy();
    expect(screen.getByText('上线单位：市发展和改革委员会、市财政局')).toBeTruthy();
    fireEvent.click(screen.getByText('民声热线·教育专场'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-programme/index?id=hp_old' });
  });

  it('checks and schedules a programme at the picked Beijing time with the departments on air', async () => {
    let programmes: ProgrammeSummary[] = [];
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.programmeList': () => ok({ programmes, hasMore: false }),
      'hotline.programmeSave': () => {
        programmes = [UPCOMING];
        return ok({ programmeId: 'hp_up' });
      },
    });
    render(<HotlineProgrammesPage />);
    expect(await screen.findByText('还没有安排节目。')).toBeTruthy();
    fireEvent.click(screen.getByText('安排节目'));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写节目主题')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('节目主题'), { target: { value: '民声热线·住房专场' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请至少选择一个上线单位')).toBeTruthy();
    fireEvent.click(screen.getByText('市发展和改革委员会'));
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2099-07-10' } });
    fireEvent.change(screen.getByLabelText('picker-time'), { target: { value: '10:00' } });
    fireEvent.change(screen.getByLabelText('回放链接（播出后填写）'), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('回放链接须以 http:// 或 https:// 开头')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('回放链接（播出后填写）'), { target: { value: '' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('2099-07-10 10:00 · 征集问题中 · 问题 3 个')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.programmeSave')?.data).toEqual({
      topic: '民声热线·住房专场',
      airAt: '2099-07-10T10:00:00+08:00',
      departmentIds: ['d1', 'd2'],
    });
  });

  it('edits a programme with its stored time and sets the replay link', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'hotline.programmeList': ok({ programmes: [{ ...AIRED, replayUrl: null }], hasMore: false }),
      'hotline.programmeSave': ok({ programmeId: 'hp_old' }),
    });
    render(<HotlineProgrammesPage />);
    fireEvent.click(await screen.findByText('修改'));
    expect((screen.getByLabelText('picker-date') as HTMLInputElement).value).toBe('2020-06-20');
    expect((screen.getByLabelText('picker-time') as HTMLInputElement).value).toBe('10:00');
    fireEvent.change(screen.getByLabelText('回放链接（播出后填写）'), {
      target: { value: 'https://example.gov.cn/replay/0620' },
    });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'hotline.programmeSave')?.data).toEqual({
        programmeId: 'hp_old',
        topic: '民声热线·教育专场',
        airAt: '2020-06-20T10:00:00+08:00',
        departmentIds: ['d2'],
        replayUrl: 'https://example.gov.cn/replay/0620',
      }),
    );
  });
});
