// 知识竞赛 admin pages: the bank import with the template and per-row errors, the bank list (filters, retire,
// edit), the competition form (checks and the createQuiz input), and the view with leaderboard and flagged attempts.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import QuizBankPage from '@/admin/quiz-bank/index';
import QuizFormPage from '@/admin/quiz-form/index';
import QuizImportPage from '@/admin/quiz-import/index';
import { QUIZ_SHEET_COLUMNS, QUIZ_SHEET_NOTES } from '@/domain/quiz';
import QuizViewPage from '@/admin/quiz-view/index';
import QuizAdminPage from '@/admin/quiz/index';
import { openExport } from '@/services/checkin-device';
import type { QuestionAdminRow, QuizSummary } from '@/domain/api/quiz';
import type { KeyOutput, Reply } from './helpers';
import { ORGS, fail, ok, requests, resetAll, serve } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/checkin-device', () => ({ openExport: jest.fn(async () => undefined) }));
jest.mock('@/services/storage.h5', () => ({ uploadBlob: jest.fn(async () => 'cloud://env/bank.xlsx') }));

const ADMIN: Reply<KeyOutput<'user.login'>> = ok({ openid: 'o-admin', roles: [{ role: 'admin' }], member: null });
const MEMBER: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-m',
  roles: [],
  member: { memberId: 'm', name: '张三', orgId: 'org-a1' },
});

beforeEach(() => {
  resetAll();
  (openExport as jest.Mock).mockClear();
});

const input = (name: string) => document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
const typeInto = (label: string, value: string) => {
  const field = screen.getByText(label).closest('.field') as HTMLElement;
  fireEvent.change(field.querySelector('input, textarea') as HTMLElement, { target: { value } });
};

describe('导入题库', () => {
  it('downloads the template and lists every row that was not imported with its reason', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'quiz.questionTemplate': ok({ fileID: 'cloud://t.xlsx', url: 'http://x/t.xlsx', fileName: '题库导入模板.xlsx' }),
      'quiz.importQuestionsFile': ok({
        imported: 58,
        updated: 2,
        skippedSamples: 3,
        errors: [
          { index: 7, message: '第 7 行：答案“E”超出选项范围' },
          { index: 3, message: '第 3 行：缺少题干' },
        ],
      }),
    });
    render(<QuizImportPage />);
    fireEvent.click(await screen.findByText('下载模板'));
    await waitFor(() => expect(openExport).toHaveBeenCalledWith('http://x/t.xlsx', '题库导入模板.xlsx'));

    const file = new File(['xlsx'], '七一题库.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(document.querySelector('.excel-upload__input') as HTMLInputElement, { target: { files: [file] } });
    const title = await screen.findByText('导入结果');
    const card = title.parentElement as HTMLElement;
    expect(requests.find((r) => r.key === 'quiz.importQuestionsFile')?.data).toEqual({
      fileID: 'cloud://env/bank.xlsx',
    });
    expect(within(card).getByText('58')).toBeTruthy();
    expect(within(card).getByText('更新（题干相同）')).toBeTruthy();
    expect(within(card).getByText(/^已跳过 3 道示例题/)).toBeTruthy();
    // Rows in sheet order, with the sheet's row numbers.
    const rows = Array.from(card.querySelectorAll('.row-errors__row')).map((r) => r.textContent);
    expect(rows).toEqual(['3第 3 行：缺少题干', '7第 7 行：答案“E”超出选项范围']);
  });

  it('describes the template the server writes and reads', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS) });
    render(<QuizImportPage />);
    expect(await screen.findByText(`模板列：${QUIZ_SHEET_COLUMNS.join('、')}`)).toBeTruthy();
    for (const note of QUIZ_SHEET_NOTES) expect(screen.getByText(note)).toBeTruthy();
  });

  it('shows a refused import in place', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'quiz.importQuestionsFile': fail('INVALID_ARGUMENT', '表头不符合模板：缺少“题干”列'),
    });
    render(<QuizImportPage />);
    await screen.findByText('下载模板');
    const file = new File(['x'], 'bank.xlsx');
    fireEvent.change(document.querySelector('.excel-upload__input') as HTMLInputElement, { target: { files: [file] } });
    expect(await screen.findByText('表头不符合模板：缺少“题干”列')).toBeTruthy();
    expect(screen.queryByText('导入结果')).toBeNull();
  });

  it('shows 无权限 to a member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<QuizImportPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.queryByText('下载模板')).toBeNull();
  });
});

const QUESTION: QuestionAdminRow = {
  questionId: 'q1',
  type: 'single',
  stem: '“六化”建设中，哪一项是首位？',
  options: ['政治建设', '标准化', '信息化', '规范化'],
  answer: [0],
  analysis: '政治建设统领。',
  tags: ['六化', '模范机关'],
  retired: false,
  updatedAt: '2020-06-01T09:00:00+08:00',
};

describe('题库管理', () => {
  it('filters, retires after confirming, and saves an edited question', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'quiz.listQuestions': ok({ questions: [QUESTION], total: 1, tags: ['六化', '模范机关'] }),
      'quiz.retireQuestion': ok({ retired: true }),
      'quiz.saveQuestion': ok({ questionId: 'q1' }),
    });
    render(<QuizBankPage />);
    // When this test runs first in the file (jest --randomize) its first list also pays the file's cold start, which
    // under a loaded full run took more than findBy's default second (the bank list was still loading).
    expect(await screen.findByText('“六化”建设中，哪一项是首位？', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('单选题 · 答案 A')).toBeTruthy();
    const lists = () => requests.filter((r) => r.key === 'quiz.listQuestions').map((r) => r.data);
    expect(lists()[0]).toEqual({ status: 'active', page: 0 });

    fireEvent.click(screen.getByText('多选'));
    await waitFor(() => expect(lists()).toHaveLength(2));
    fireEvent.change(input('query'), { target: { value: ' 六化 ' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(lists().at(-1)).toEqual({ query: '六化', type: 'multiple', status: 'active', page: 0 }));

    fireEvent.click(screen.getByText('停用'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'quiz.retireQuestion')?.data).toEqual({ questionId: 'q1', retired: true }),
    );
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].title).toBe('停用题目');

    fireEvent.click(screen.getByText('编辑'));
    expect(await screen.findByText('编辑题目')).toBeTruthy();
    fireEvent.change(input('option-1'), { target: { value: '标准化建设' } });
    // Remove option D; then choose B and C as a multiple question's answer.
    fireEvent.click(screen.getAllByText('删除')[3]);
    fireEvent.click(
      screen.getAllByText('多选题').find((el) => el.className.includes('segmented__item')) as HTMLElement,
    );
    const chips = () => Array.from(document.querySelectorAll('.quiz-chip')) as HTMLElement[];
    fireEvent.click(chips()[1]);
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('多选题至少有两个正确答案，只有一个请改为单选题')).toBeTruthy();
    fireEvent.click(chips()[2]);
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'quiz.saveQuestion')?.data).toEqual({
        questionId: 'q1',
        type: 'multiple',
        stem: '“六化”建设中，哪一项是首位？',
        options: ['政治建设', '标准化建设', '信息化'],
        answer: [1, 2],
        analysis: '政治建设统领。',
        tags: ['六化', '模范机关'],
      }),
    );
  });
});

describe('新建竞赛', () => {
  it('checks the form, then creates the competition with per-type counts and opens it', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'quiz.listQuestions': ok({ questions: [], total: 0, tags: ['党章', '六化'] }),
      'quiz.createQuiz': ok({ quizId: 'qz-9' }),
    });
    render(<QuizFormPage />);
    await screen.findByText('竞赛名称');
    fireEvent.click(screen.getByText('创建竞赛'));
    expect(await screen.findByText('请填写竞赛名称')).toBeTruthy();

    typeInto('竞赛名称', '七一知识竞赛');
    typeInto('开始日期', '2020-07-01');
    typeInto('开始时间', '09:00');
    typeInto('结束日期', '2020-07-01');
    typeInto('结束时间', '08:00');
    fireEvent.click(screen.getByText('创建竞赛'));
    expect(await screen.findByText('结束时间应晚于开始时间')).toBeTruthy();

    typeInto('结束日期', '2020-07-07');
    typeInto('结束时间', '21:00');
    fireEvent.change(input('count-single'), { target: { value: '10' } });
    fireEvent.change(input('count-judge'), { target: { value: '0' } });
    typeInto('答题限时（分钟）', '15');
    typeInto('每人可答次数', '3');
    fireEvent.click(screen.getByText('发改委第一党支部'));
    fireEvent.click(await screen.findByText('党章'));
    expect(screen.getByText('共 12 题，每人从题库中随机抽取，选项顺序也随机。')).toBeTruthy();
    fireEvent.click(screen.getByText('创建竞赛'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'quiz.createQuiz')?.data).toEqual({
        title: '七一知识竞赛',
        startAt: '2020-07-01T09:00:00+08:00',
        endAt: '2020-07-07T21:00:00+08:00',
        questionCount: 12,
        perType: { single: 10, multiple: 2 },
        timeLimitSec: 900,
        maxAttempts: 3,
        orgIds: ['org-a1'],
        tags: ['党章'],
      }),
    );
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/admin/quiz-view/index?id=qz-9' }));
  });
});

describe('竞赛管理 and 竞赛详情', () => {
  const SUMMARY: QuizSummary = {
    quizId: 'qz-1',
    title: '七一知识竞赛',
    description: null,
    startAt: '2020-07-01T09:00:00+08:00',
    endAt: '2020-07-07T21:00:00+08:00',
    phase: 'open',
    questionCount: 10,
    timeLimitSec: 600,
    maxAttempts: 2,
    orgIds: ['org-a1'],
    tags: null,
    mine: null,
  };

  it('lists competitions with their phase and opens one', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'quiz.listQuizzes': ok({ quizzes: [SUMMARY] }) });
    render(<QuizAdminPage />);
    expect(await screen.findByText('七一知识竞赛')).toBeTruthy();
    expect(screen.getByText('进行中')).toBeTruthy();
    fireEvent.click(screen.getByText('查看'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/quiz-view/index?id=qz-1' });
    fireEvent.click(screen.getByText('导入题库'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/quiz-import/index' });
  });

  it('shows the rules, the leaderboard without a pinned card, and the flagged attempts', async () => {
    setRouterParams({ id: 'qz-1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'quiz.listQuizzes': ok({ quizzes: [SUMMARY] }),
      'quiz.leaderboard': ok({
        rows: [{ rank: 1, memberId: 'm1', name: '李四', orgId: 'org-a1', score: 100, durationMs: 8000 }],
        me: null,
        total: 1,
        formula: [],
        computedAt: null,
      }),
      'quiz.flagged': ok({
        attempts: [
          {
            attemptId: 'a1',
            memberId: 'm1',
            name: '李四',
            orgId: 'org-a1',
            score: 100,
            durationMs: 8000,
            msPerQuestion: 800,
            submittedAt: '2020-07-01T09:05:00+08:00',
          },
        ],
      }),
    });
    render(<QuizViewPage />);
    expect(await screen.findByText('参赛组织：发改委第一党支部')).toBeTruthy();
    expect(await screen.findByText('疑似过快作答（1）')).toBeTruthy();
    expect(screen.getByText('每题 0.8 秒')).toBeTruthy();
    expect(screen.getByText('发改委第一党支部 · 100 分 · 用时 8秒 · 交卷 07-01 09:05')).toBeTruthy();
    expect(screen.getAllByText('李四')).toHaveLength(2);
    expect(document.querySelector('.quiz-me')).toBeNull();
    expect(requests.find((r) => r.key === 'quiz.flagged')?.data).toEqual({ quizId: 'qz-1' });
  });
});
