// 知识竞赛 member pages: the list's buttons, answering (choices, answer sheet, confirm), answers kept on the phone
// and restored on resume, the server-clock countdown with auto-submit, submit retries, the result with 解析, the
// leaderboard with ties and the pinned own rank, 每日一练 and 错题本.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import QuizListPage from '@/pages/quiz-list/index';
import QuizAnswerPage from '@/pages/quiz-answer/index';
import QuizResultPage from '@/pages/quiz-result/index';
import QuizBoardPage from '@/pages/quiz-board/index';
import PracticePage from '@/pages/practice/index';
import WrongBookPage from '@/pages/wrong-book/index';
import type { AttemptResult, QuestionView, StartResult } from '@/domain/api/quiz';
import { ORGS, fail, ok, requests, resetAll, serve } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const showModal = Taro.showModal as jest.Mock;
const redirectTo = Taro.redirectTo as jest.Mock;
const navigateTo = Taro.navigateTo as jest.Mock;

beforeEach(() => {
  resetAll();
  showModal.mockClear();
});
afterEach(() => {
  jest.useRealTimers();
});

const QUESTIONS: QuestionView[] = [
  {
    questionId: 'q1',
    type: 'single',
    stem: '“六化”建设中，哪一项是首位？',
    options: ['政治建设', '标准化', '信息化', '规范化'],
  },
  {
    questionId: 'q2',
    type: 'multiple',
    stem: '“五个基本”包括哪些？',
    options: ['基本组织', '基本队伍', '基本活动', '基本工资'],
  },
  { questionId: 'q3', type: 'judge', stem: '2020年是模范机关创建重点攻坚年。', options: ['正确', '错误'] },
];

/** The server's clock is 2020-07-01 09:00 Beijing time; the attempt has 10 minutes. */
const SERVER_NOW = '2020-07-01T09:00:00+08:00';
const START: StartResult = {
  attemptId: 'att-1',
  deadline: '2020-07-01T09:10:00+08:00',
  serverNow: SERVER_NOW,
  questions: QUESTIONS,
  resumed: false,
  kept: {},
};

const DRAFT_KEY = 'jgdj.quiz-draft.att-1';
const option = (text: string) => screen.getByText(text).closest('.quiz-option') as HTMLElement;
const submits = () => requests.filter((r) => r.key === 'quiz.submit');
/** NutUI marks a disabled button with a class. */
const disabled = (text: string) =>
  (screen.getByText(text).closest('.nut-button') as HTMLElement).className.includes('nut-button-disabled');

describe('知识竞赛 list', () => {
  const base = {
    description: null,
    startAt: '2020-07-01T00:00:00+08:00',
    endAt: '2020-07-07T23:59:00+08:00',
    questionCount: 10,
    timeLimitSec: 600,
    maxAttempts: 2,
    orgIds: null,
    tags: null,
  };

  it('offers 开始 / 继续 / 查看成绩 by phase and the caller’s attempts, and confirms a new attempt', async () => {
    serve({
      'quiz.listQuizzes': ok({
        quizzes: [
          {
            ...base,
            quizId: 'qz-new',
            title: '七一知识竞赛',
            phase: 'open',
            mine: { attemptsUsed: 0, bestScore: null, openAttemptId: null, lastAttemptId: null },
          },
          {
            ...base,
            quizId: 'qz-open',
            title: '党规党纪测试',
            phase: 'open',
            mine: { attemptsUsed: 1, bestScore: 80, openAttemptId: 'att-9', lastAttemptId: null },
          },
          {
            ...base,
            quizId: 'qz-done',
            title: '上半年竞赛',
            phase: 'closed',
            mine: { attemptsUsed: 2, bestScore: 95, openAttemptId: null, lastAttemptId: 'att-5' },
          },
          {
            ...base,
            quizId: 'qz-later',
            title: '国庆竞赛',
            phase: 'upcoming',
            mine: { attemptsUsed: 0, bestScore: null, openAttemptId: null, lastAttemptId: null },
          },
        ],
      }),
    });
    render(<QuizListPage />);
    const card = (title: string) => screen.getByText(title).closest('.quiz-card') as HTMLElement;
    await screen.findByText('七一知识竞赛');

    expect(within(card('党规党纪测试')).getByText('继续答题')).toBeTruthy();
    expect(within(card('党规党纪测试')).getByText('80')).toBeTruthy();
    expect(within(card('党规党纪测试')).getByText('1/2')).toBeTruthy();
    expect(within(card('上半年竞赛')).getByText('查看成绩')).toBeTruthy();
    expect(within(card('上半年竞赛')).queryByText(/开始答题|再答一次/)).toBeNull();
    expect(within(card('国庆竞赛')).getByText('竞赛尚未开始，请在开始时间后进入。')).toBeTruthy();
    expect(within(card('国庆竞赛')).queryByText('排行榜')).toBeNull();

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(card('七一知识竞赛')).getByText('开始答题'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0].content).toContain('共 10 题，限时 10 分钟');
    expect(navigateTo).not.toHaveBeenCalled();

    fireEvent.click(within(card('七一知识竞赛')).getByText('开始答题'));
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/quiz-answer/index?quizId=qz-new' }));
    fireEvent.click(within(card('上半年竞赛')).getByText('查看成绩'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/quiz-result/index?attemptId=att-5' });
  });
});

describe('答题', () => {
  it('answers one question at a time, confirms and submits what was chosen, then opens the result', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'quiz.start': ok(START),
      'quiz.submit': ok({ score: 100, correct: 3, total: 3, durationMs: 65_000, late: false, timeUp: false }),
    });
    render(<QuizAnswerPage />);
    expect(await screen.findByText(/“六化”建设中/)).toBeTruthy();
    expect(requests[0]).toEqual({ key: 'quiz.start', data: { quizId: 'qz-1' } });
    expect(screen.getByText('单选题')).toBeTruthy();
    expect(disabled('上一题')).toBe(true);
    expect(disabled('下一题')).toBe(false);

    // A single question takes one option: the second tap replaces the first.
    fireEvent.click(option('标准化'));
    fireEvent.click(option('政治建设'));
    expect(option('政治建设').className).toContain('quiz-option--on');
    expect(option('标准化').className).not.toContain('quiz-option--on');
    // Screen readers hear a radio group whose options say whether they are checked.
    expect(screen.getByRole('radiogroup')).toBeTruthy();
    expect(option('政治建设').getAttribute('role')).toBe('radio');
    expect(option('政治建设').getAttribute('aria-checked')).toBe('true');
    expect(option('标准化').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('已答 1 题')).toBeTruthy();

    fireEvent.click(screen.getByText('下一题'));
    expect(screen.getByText('多选题')).toBeTruthy();
    fireEvent.click(option('基本活动'));
    fireEvent.click(option('基本组织'));
    fireEvent.click(option('基本工资'));
    fireEvent.click(option('基本工资'));
    expect(option('基本组织').className).toContain('quiz-option--on');
    expect(option('基本活动').className).toContain('quiz-option--on');
    expect(option('基本工资').getAttribute('role')).toBe('checkbox');
    expect(option('基本工资').getAttribute('aria-checked')).toBe('false');

    // The answer sheet jumps to any question and shows which are answered.
    const cells = document.querySelectorAll('.quiz-sheet__cell');
    expect(Array.from(cells).map((c) => c.className.includes('--done'))).toEqual([true, true, false]);
    fireEvent.click(cells[2]);
    expect(screen.getByText('判断题')).toBeTruthy();
    fireEvent.click(option('正确'));
    expect(JSON.parse(JSON.stringify(Taro.getStorageSync(DRAFT_KEY)))).toEqual({
      answers: { q1: [0], q2: [0, 2], q3: [0] },
      current: 2,
    });

    fireEvent.click(screen.getByText('交卷（已答 3/3）'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/quiz-result/index?attemptId=att-1' }));
    expect(showModal.mock.calls[0][0].content).toBe('交卷后不能再修改答案，确定交卷吗？');
    expect(submits()).toEqual([
      { key: 'quiz.submit', data: { attemptId: 'att-1', answers: { q1: [0], q2: [0, 2], q3: [0] } } },
    ]);
    // Scored: the draft is gone.
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('asks before submitting with unanswered questions and goes to the first one when the member goes back', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'quiz.start': ok(START),
      'quiz.submit': ok({ score: 33, correct: 1, total: 3, durationMs: 5000, late: false, timeUp: false }),
    });
    render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    fireEvent.click(option('政治建设'));
    fireEvent.click(document.querySelectorAll('.quiz-sheet__cell')[2]);

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('交卷'));
    await waitFor(() => expect(screen.getByText('多选题')).toBeTruthy());
    expect(showModal.mock.calls[0][0].content).toBe('还有 2 题未作答，交卷后不能再修改。确定交卷吗？');
    expect(submits()).toHaveLength(0);

    fireEvent.click(screen.getByText('交卷（已答 1/3）'));
    await waitFor(() => expect(submits()).toHaveLength(1));
    expect(submits()[0].data).toEqual({ attemptId: 'att-1', answers: { q1: [0] } });
  });

  it('keeps the answers on the phone: a reload resumes the open attempt where the member was', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({ 'quiz.start': ok(START) });
    const first = render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    fireEvent.click(option('信息化'));
    fireEvent.click(screen.getByText('下一题'));
    fireEvent.click(option('基本队伍'));
    first.unmount();

    serve({ 'quiz.start': ok({ ...START, resumed: true }) });
    render(<QuizAnswerPage />);
    expect(await screen.findByText(/已恢复上次未交卷的答题/)).toBeTruthy();
    expect(screen.getByText('已答 2 题')).toBeTruthy();
    expect(screen.getByText(/“五个基本”包括哪些/)).toBeTruthy();
    expect(option('基本队伍').className).toContain('quiz-option--on');
    fireEvent.click(screen.getByText('上一题'));
    expect(option('信息化').className).toContain('quiz-option--on');
  });

  it('keeps the answers on the server when moving on, once per change, and resumes from the server copy', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'quiz.start': ok(START),
      'quiz.saveAnswers': ok({ answered: 1, deadline: START.deadline, serverNow: SERVER_NOW }),
    });
    const first = render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    fireEvent.click(option('信息化'));
    fireEvent.click(screen.getByText('下一题'));
    await waitFor(() => expect(requests.filter((r) => r.key === 'quiz.saveAnswers')).toHaveLength(1));
    fireEvent.click(screen.getByText('上一题'));
    fireEvent.click(screen.getByText('下一题'));
    expect(requests.filter((r) => r.key === 'quiz.saveAnswers').map((r) => r.data)).toEqual([
      { attemptId: 'att-1', answers: { q1: [2] } },
    ]);
    first.unmount();

    // Another phone (nothing stored on it) resumes the attempt with what the server kept.
    window.localStorage.clear();
    Taro.removeStorageSync(DRAFT_KEY);
    serve({ 'quiz.start': ok({ ...START, resumed: true, kept: { q1: [2], q2: [1] } }) });
    render(<QuizAnswerPage />);
    expect(await screen.findByText(/已恢复上次未交卷的答题/)).toBeTruthy();
    expect(screen.getByText('已答 2 题')).toBeTruthy();
    expect(option('信息化').className).toContain('quiz-option--on');
  });

  it('counts down on the server’s clock, not the phone’s, and submits by itself at zero', async () => {
    jest.useFakeTimers();
    // The phone's clock is an hour fast: trusting it would end the attempt at once.
    jest.setSystemTime(new Date(Date.parse(SERVER_NOW) + 3600_000));
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'quiz.start': ok({ ...START, deadline: '2020-07-01T09:01:00+08:00' }),
      'quiz.submit': ok({ score: 33, correct: 1, total: 3, durationMs: 60_000, late: false, timeUp: false }),
    });
    render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    expect(screen.getByText('01:00')).toBeTruthy();
    fireEvent.click(option('政治建设'));

    act(() => {
      jest.advanceTimersByTime(50_000);
    });
    expect(screen.getByText('00:10')).toBeTruthy();
    expect(document.querySelector('.quiz-clock--hurry')).not.toBeNull();
    expect(submits()).toHaveLength(0);

    act(() => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/quiz-result/index?attemptId=att-1' }));
    // No question asked when time is up.
    expect(showModal).not.toHaveBeenCalled();
    expect(submits()).toEqual([{ key: 'quiz.submit', data: { attemptId: 'att-1', answers: { q1: [0] } } }]);
  });

  it('sends the submit again when the network fails, and keeps the answers until it arrives', async () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(SERVER_NOW));
    setRouterParams({ quizId: 'qz-1' });
    let calls = 0;
    serve({
      'quiz.start': ok(START),
      'quiz.submit': () => {
        calls += 1;
        if (calls <= 2) throw new Error('network down');
        return ok({ score: 33, correct: 1, total: 3, durationMs: 9000, late: false, timeUp: false });
      },
    });
    render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    fireEvent.click(option('政治建设'));
    fireEvent.click(screen.getByText('交卷（已答 1/3）'));
    await waitFor(() => expect(calls).toBe(1));
    expect(await screen.findByText('正在交卷…')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
    expect(calls).toBe(2);
    expect(screen.getByText('网络不稳定，正在第 2 次交卷…')).toBeTruthy();
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ answers: { q1: [0] } });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3000);
    });
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/quiz-result/index?attemptId=att-1' }));
    expect(submits().map((s) => s.data)).toEqual(Array(3).fill({ attemptId: 'att-1', answers: { q1: [0] } }));
  });

  it('offers 重新提交 after the automatic retries, and treats an already closed attempt as submitted', async () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(SERVER_NOW));
    setRouterParams({ quizId: 'qz-1' });
    let down = true;
    serve({
      'quiz.start': ok(START),
      'quiz.submit': () => {
        if (down) throw new Error('network down');
        // The first of the sends did reach the server after all: a second submit is refused.
        return fail('FAILED_PRECONDITION', '该答卷已提交');
      },
    });
    render(<QuizAnswerPage />);
    await screen.findByText(/“六化”建设中/);
    fireEvent.click(option('标准化'));
    fireEvent.click(screen.getByText('交卷（已答 1/3）'));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000 + 3000 + 6000);
    });
    expect(await screen.findByText(/交卷没有成功/)).toBeTruthy();
    expect(screen.getByText('您的答案已保存在本机，请检查网络后重新提交。')).toBeTruthy();
    expect(submits()).toHaveLength(4);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ answers: { q1: [1] } });

    down = false;
    fireEvent.click(screen.getByText('重新提交'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/quiz-result/index?attemptId=att-1' }));
    expect(submits()).toHaveLength(5);
  });

  it('says why an attempt cannot start (attempts used up)', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({ 'quiz.start': fail('RESOURCE_EXHAUSTED', '作答次数已用完（共 2 次）') });
    render(<QuizAnswerPage />);
    expect(await screen.findByText('作答次数已用完')).toBeTruthy();
    expect(screen.getByText('作答次数已用完（共 2 次）')).toBeTruthy();
    expect(screen.getByText('返回竞赛列表')).toBeTruthy();
  });
});

const RESULT: AttemptResult = {
  attemptId: 'att-1',
  quizId: 'qz-1',
  title: '七一知识竞赛',
  submittedAt: '2020-07-01T09:03:12+08:00',
  score: 67,
  correct: 2,
  total: 3,
  durationMs: 192_000,
  late: false,
  timeUp: false,
  revealed: true,
  revealAt: '2020-07-07T23:59:59+08:00',
  questions: [
    {
      ...QUESTIONS[0],
      answer: [0],
      analysis: '党的政治建设是党的根本性建设。',
      tags: ['六化'],
      chosen: [0],
      correct: true,
      withheld: false,
    },
    {
      ...QUESTIONS[1],
      answer: [0, 1, 2],
      analysis: '基本组织、基本队伍、基本活动、基本制度、基本保障。',
      tags: [],
      chosen: [0, 2],
      correct: false,
      withheld: false,
    },
    { ...QUESTIONS[2], answer: [0], analysis: null, tags: [], chosen: [0], correct: true, withheld: false },
  ],
};

describe('成绩', () => {
  it('shows score, correct/total, time and every question with both answers and 解析', async () => {
    setRouterParams({ attemptId: 'att-1' });
    serve({ 'quiz.result': ok(RESULT) });
    render(<QuizResultPage />);
    expect(await screen.findByText('67')).toBeTruthy();
    expect(requests[0]).toEqual({ key: 'quiz.result', data: { attemptId: 'att-1' } });
    expect(screen.getByText('2/3')).toBeTruthy();
    expect(screen.getByText('3分12秒')).toBeTruthy();
    expect(screen.getByText('解析：党的政治建设是党的根本性建设。')).toBeTruthy();
    expect(screen.getByText('解析：暂无解析')).toBeTruthy();
    const wrong = document.querySelector('.quiz-review--wrong') as HTMLElement;
    expect(within(wrong).getByText('您的答案：A、C')).toBeTruthy();
    expect(within(wrong).getByText('正确答案：A、B、C')).toBeTruthy();
    expect(within(wrong).getByText('✗ 回答错误')).toBeTruthy();
    // The missed right option is marked right, the chosen wrong ones are not marked wrong (they are right here).
    expect(within(wrong).getByText('基本队伍').closest('.quiz-option')?.className).toContain('quiz-option--right');

    fireEvent.click(screen.getByText('只看错题（1）'));
    expect(document.querySelectorAll('.quiz-review')).toHaveLength(1);
    fireEvent.click(screen.getByText('查看排行榜'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/quiz-board/index?quizId=qz-1' });
  });

  it('while attempts are left shows right or wrong per question, not the right answers or 解析', async () => {
    setRouterParams({ attemptId: 'att-1' });
    const held = RESULT.questions.map((q) => ({ ...q, answer: [], analysis: null }));
    serve({ 'quiz.result': ok({ ...RESULT, revealed: false, questions: held }) });
    render(<QuizResultPage />);
    expect(
      await screen.findByText(
        '正确答案和解析在您用完答题次数或竞赛结束（07-07 23:59）后公布，现在可以看每道题答对与否。',
      ),
    ).toBeTruthy();
    const wrong = document.querySelector('.quiz-review--wrong') as HTMLElement;
    expect(within(wrong).getByText('✗ 回答错误')).toBeTruthy();
    expect(within(wrong).getByText('您的答案：A、C')).toBeTruthy();
    expect(screen.queryByText(/正确答案：/)).toBeNull();
    expect(screen.queryByText(/解析：/)).toBeNull();
    // Right questions show their choice green; a wrong 多选 shows its choices neutral, none marked right or wrong.
    const right = document.querySelector('.quiz-review--right') as HTMLElement;
    expect(right.querySelectorAll('.quiz-option--right')).toHaveLength(1);
    expect(wrong.querySelectorAll('.quiz-option--right, .quiz-option--wrong')).toHaveLength(0);
    expect(wrong.querySelectorAll('.quiz-option--on')).toHaveLength(2);
  });

  it('says when the attempt was closed by the deadline, and drops the draft left on the phone', async () => {
    setRouterParams({ attemptId: 'att-1' });
    Taro.setStorageSync(DRAFT_KEY, { answers: { q1: [1] }, current: 0 });
    serve({ 'quiz.result': ok({ ...RESULT, late: true }) });
    render(<QuizResultPage />);
    expect(await screen.findByText('答题时间已到，按截止时已提交的答案计分。')).toBeTruthy();
    expect(Taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('says the time ran out when the phone submitted by itself at zero', async () => {
    setRouterParams({ attemptId: 'att-1' });
    serve({ 'quiz.result': ok({ ...RESULT, timeUp: true }) });
    render(<QuizResultPage />);
    expect(await screen.findByText('答题时间已到，已自动交卷。')).toBeTruthy();
  });

  it('shows a question another open competition can draw without its answer, right/wrong or 解析', async () => {
    setRouterParams({ attemptId: 'att-1' });
    const [first, second, third] = RESULT.questions;
    const held = { ...second, answer: [], analysis: null, correct: false, withheld: true };
    serve({ 'quiz.result': ok({ ...RESULT, questions: [first, held, third] }) });
    render(<QuizResultPage />);
    expect(
      await screen.findByText('另一场知识竞赛还在进行，也会用到这道题：它的对错、答案和解析在那场竞赛结束后公布。'),
    ).toBeTruthy();
    expect(screen.getAllByText(/正确答案：/)).toHaveLength(2);
    expect(screen.queryByText('✗ 回答错误')).toBeNull();
    expect(screen.getByText('只看错题（0）')).toBeTruthy();
  });
});

describe('排行榜', () => {
  const member = (rank: number, n: number, score: number) => ({
    rank,
    memberId: `m${n}`,
    name: `党员${n}`,
    orgId: 'org-a1',
    score,
    durationMs: 100_000 + n * 1000,
  });

  it('marks shared ranks, pins the caller’s own rank, pages, and shows the formula under 支部', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'org.list': ok(ORGS),
      'quiz.leaderboard': (data) =>
        data.by === 'member'
          ? ok({
              rows:
                data.page === 1
                  ? [member(51, 51, 70)]
                  : [member(1, 1, 100), member(2, 2, 90), member(2, 3, 90), member(4, 4, 80)],
              me: { rank: 57, score: 60 },
              total: 120,
              formula: ['按最好成绩从高到低，同分用时短者在前'],
              computedAt: null,
            })
          : ok({
              rows: [
                {
                  rank: 1,
                  orgId: 'org-a1',
                  name: '发改委第一党支部',
                  participants: 8,
                  expected: 10,
                  participationRate: 0.8,
                  averageScore: 86.25,
                },
                {
                  rank: 2,
                  orgId: 'org-a2',
                  name: '发改委第二党支部',
                  participants: 3,
                  expected: 12,
                  participationRate: 0.25,
                  averageScore: 95,
                },
              ],
              me: { rank: 1, score: 86.25 },
              total: 2,
              formula: ['支部得分 = 参与率 × 50 + 平均成绩 × 0.5', '参与率 = 参赛人数 ÷ 支部党员数'],
              computedAt: '2020-07-01T10:00:00+08:00',
            }),
    });
    render(<QuizBoardPage />);
    expect(await screen.findByText('党员1')).toBeTruthy();
    expect(screen.getAllByText('并列')).toHaveLength(2);
    expect(screen.getAllByText('发改委第一党支部').length).toBeGreaterThan(0);
    const me = document.querySelector('.quiz-me') as HTMLElement;
    expect(within(me).getByText('第 57 名')).toBeTruthy();
    expect(within(me).getByText('最好成绩 60 分')).toBeTruthy();

    expect(screen.getByText('按最好成绩从高到低，同分用时短者在前')).toBeTruthy();
    expect(screen.getByText('第 1 / 3 页')).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('党员51')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'quiz.leaderboard').map((r) => r.data)).toEqual([
      { quizId: 'qz-1', by: 'member', page: 0 },
      { quizId: 'qz-1', by: 'member', page: 1 },
    ]);

    fireEvent.click(screen.getByText('支部排名'));
    // The member rows are not drawn as org rows while the org board loads.
    expect(screen.getByText('正在读取排行榜…')).toBeTruthy();
    expect(screen.queryByText('党员51')).toBeNull();
    expect(await screen.findByText('参与率 = 参赛人数 ÷ 支部党员数')).toBeTruthy();
    expect(screen.getByText('支部得分 = 参与率 × 50 + 平均成绩 × 0.5')).toBeTruthy();
    expect(screen.getByText('参与 3/12 人 · 平均 95 分')).toBeTruthy();
    expect(screen.getByText('25%')).toBeTruthy();
    expect(screen.getByText('统计于 07-01 10:00')).toBeTruthy();
    const orgMe = document.querySelector('.quiz-me') as HTMLElement;
    expect(within(orgMe).getByText('我的支部')).toBeTruthy();
    expect(within(orgMe).getByText('第 1 名')).toBeTruthy();
    expect(requests.at(-1)?.data).toEqual({ quizId: 'qz-1', by: 'org', page: 0 });
  });

  it('tells a member without a result how to get on the board', async () => {
    setRouterParams({ quizId: 'qz-1' });
    serve({
      'org.list': ok(ORGS),
      'quiz.leaderboard': ok({ rows: [], me: null, total: 0, formula: [], computedAt: null }),
    });
    render(<QuizBoardPage />);
    expect(await screen.findByText('还没有人交卷')).toBeTruthy();
    expect(screen.getByText('您还没有成绩，交卷后即可上榜')).toBeTruthy();
  });
});

describe('每日一练 and 错题本', () => {
  it('answers today’s question with immediate feedback, then shows the done state and the streak', async () => {
    serve({
      'quiz.practiceToday': ok({
        day: '2020-07-01',
        questions: [QUESTIONS[2], QUESTIONS[0]],
        answered: { q3: { chosen: [0], correct: true, answer: [0], analysis: '市委确定2020年为重点攻坚年。' } },
        streak: 4,
        done: false,
        wrongCount: 2,
      }),
      'quiz.practiceAnswer': ok({
        correct: false,
        answer: [0],
        analysis: '政治建设统领其他各项建设。',
        done: true,
        streak: 5,
        wrongCount: 3,
      }),
    });
    render(<PracticePage />);
    expect(await screen.findByText('1/2')).toBeTruthy();
    expect(screen.getByText('解析：市委确定2020年为重点攻坚年。')).toBeTruthy();
    expect(screen.getByText('还有 2 道错题待巩固')).toBeTruthy();
    expect(disabled('提交答案')).toBe(true);
    fireEvent.click(option('信息化'));
    expect(disabled('提交答案')).toBe(false);
    fireEvent.click(screen.getByText('提交答案'));
    expect(await screen.findByText('解析：政治建设统领其他各项建设。')).toBeTruthy();
    expect(requests.find((r) => r.key === 'quiz.practiceAnswer')?.data).toEqual({
      questionId: 'q1',
      answer: [2],
      from: 'today',
    });
    expect(screen.getAllByText('✗ 回答错误')).toHaveLength(1);
    expect(screen.getByText('✓ 今日练习已完成')).toBeTruthy();
    expect(screen.getByText('答对 1/2 题，已连续练习 5 天。明天再来！')).toBeTruthy();
    expect(screen.getByText('还有 3 道错题待巩固')).toBeTruthy();
    expect(screen.queryByText('提交答案')).toBeNull();
  });

  it('practises a 错题 until right: wrong shows the answer and 再练一次, right takes it out', async () => {
    let tries = 0;
    serve({
      'quiz.wrongBook': ok({
        entries: [{ ...QUESTIONS[1], wrongTimes: 2, lastWrongAt: '2020-06-30T20:00:00+08:00', locked: false }],
        total: 1,
      }),
      'quiz.practiceAnswer': () => {
        tries += 1;
        return ok({
          correct: tries > 1,
          answer: [0, 1, 2],
          analysis: '五个基本。',
          done: false,
          streak: 1,
          wrongCount: tries > 1 ? 0 : 1,
        });
      },
    });
    render(<WrongBookPage />);
    expect(await screen.findByText('答错 2 次 · 06-30 20:00')).toBeTruthy();
    fireEvent.click(option('基本组织'));
    fireEvent.click(screen.getByText('提交答案'));
    expect(await screen.findByText('再练一次')).toBeTruthy();
    expect(screen.getByText('正确答案：A、B、C')).toBeTruthy();

    fireEvent.click(screen.getByText('再练一次'));
    for (const text of ['基本组织', '基本队伍', '基本活动']) fireEvent.click(option(text));
    fireEvent.click(screen.getByText('提交答案'));
    expect(await screen.findByText('答对了，已移出错题本。')).toBeTruthy();
    expect(screen.getByText('错题已全部巩固，继续保持！')).toBeTruthy();
    expect(requests.filter((r) => r.key === 'quiz.practiceAnswer').map((r) => r.data)).toEqual([
      { questionId: 'q2', answer: [0], from: 'wrong' },
      { questionId: 'q2', answer: [0, 1, 2], from: 'wrong' },
    ]);
  });

  it('does not offer a 错题 an open competition can draw for practice', async () => {
    serve({
      'quiz.wrongBook': ok({
        entries: [{ ...QUESTIONS[1], wrongTimes: 1, lastWrongAt: '2020-06-30T20:00:00+08:00', locked: true }],
        total: 1,
      }),
    });
    render(<WrongBookPage />);
    expect(await screen.findByText('这道题正被进行中的知识竞赛使用，竞赛结束后才能在这里练习。')).toBeTruthy();
    expect(screen.queryByText('提交答案')).toBeNull();
    expect(screen.queryByText('基本组织')).toBeNull();
  });
});
