// The `quiz` function over the local cloud: the bank (import, file, template, list, edit, retire), competitions,
// start/saveAnswers/submit/result on the server's clock, the attempt cap and ownership, leaderboards with ties,
// flags, practice and the 错题本, points, every role and error code, no answer leaking before submit, db ops.
import { Workbook } from 'exceljs';
import type { MemberRankRow, QuestionView, StartResult } from '../../src/domain/api/quiz';
import {
  QUIZ_GRACE_MS,
  QUIZ_PRACTICE_COUNT,
  quizQuestionId,
  QUIZ_SHEET_COLUMNS,
  quizTallyShard,
} from '../../src/domain/quiz';
import type { TestCloud } from '../helpers/cloud';
import { advance, fakeClock } from '../helpers/clock';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  answersFor,
  BANK,
  bankEntry,
  branchSums,
  createQuiz,
  importBank,
  iso,
  rightShown,
  wrongShown,
} from './quiz-support';
import { ADMIN, allDocs, getDoc, MEMBER, PUBLIC, ROSTER, sdk, seedBasic, seedRoles, SECRETARY } from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'quiz'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('quiz', action, data, openid);

/** More bound members: 李娜 (b1), 刘洋 (b2), 赵磊 (b3). MEMBER is 王芳 (b1), SECRETARY is 张伟 (b1). */
const LI = 'm-li';
const LIU = 'm-liu';
const ZHAO = 'm-zhao';

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  for (const [openid, i] of [
    [LI, 2],
    [LIU, 3],
    [ZHAO, 6],
  ] as const)
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[i].name, phone: ROSTER[i].phone }, openid));
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

async function memberIdOf(openid: string): Promise<string> {
  return String((await getDoc('users', openid))?.memberId);
}

async function upload(name: string, content: Buffer): Promise<string> {
  return (await sdk().uploadFile({ cloudPath: `imports/${name}`, fileContent: content })).fileID;
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('题库');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('quiz.importQuestions', () => {
  it('stores valid questions under ids hashed from the stem and reports each bad one by index', async () => {
    const r = await expectOk(
      call(
        'importQuestions',
        {
          questions: [
            BANK[0],
            { type: 'single', stem: '缺答案', options: ['甲', '乙'], answer: [] },
            BANK[12],
            { type: 'multiple', stem: '只有一个答案的多选', options: ['甲', '乙', '丙'], answer: [1] },
            { ...BANK[0], stem: ` ${BANK[0].stem.replace('？', '?')} ` },
            BANK[18],
          ],
        },
        ADMIN,
      ),
    );
    expect(r).toEqual({
      imported: 3,
      updated: 0,
      skippedSamples: 0,
      errors: [
        { index: 1, message: '第 2 题：缺少答案' },
        { index: 3, message: expect.stringContaining('第 4 题：多选题至少需要两个正确答案') },
        { index: 4, message: '第 5 题：与第 1 题题干相同，已跳过' },
      ],
    });
    const stored = await getDoc('quiz_questions', quizQuestionId(BANK[0].stem));
    expect(stored).toMatchObject({
      type: 'single',
      stem: BANK[0].stem,
      options: BANK[0].options,
      answer: BANK[0].answer,
      analysis: BANK[0].analysis,
      tags: BANK[0].tags,
      retired: false,
    });
    expect(await getDoc('quiz_questions', quizQuestionId(BANK[18].stem))).toMatchObject({
      options: ['正确', '错误'],
    });
  });

  it('updates a question with the same stem instead of doubling it, also when two imports race', async () => {
    await importBank(cloud);
    const edited = BANK.map((q) => ({ ...q, stem: q.stem.replace('？', ' ?'), analysis: `${q.analysis}（修订）` }));
    const [a, b] = await Promise.all([
      expectOk(call('importQuestions', { questions: edited }, ADMIN)),
      expectOk(call('importQuestions', { questions: edited }, ADMIN)),
    ]);
    expect(a).toEqual({ imported: 0, updated: BANK.length, errors: [], skippedSamples: 0 });
    expect(b).toEqual({ imported: 0, updated: BANK.length, errors: [], skippedSamples: 0 });
    const docs = await allDocs('quiz_questions');
    expect(docs).toHaveLength(BANK.length);
    expect(docs.every((d) => String(d.analysis).endsWith('（修订）'))).toBe(true);

    const fresh = Array.from({ length: 30 }, (_, i) => ({ type: 'judge', stem: `并发新题${i}`, answer: [0] }));
    const results = await Promise.all(
      [1, 2, 3].map(() => expectOk(call('importQuestions', { questions: fresh }, ADMIN))),
    );
    expect(results.reduce((s, r) => s + r.imported, 0)).toBe(30);
    expect(results.reduce((s, r) => s + r.imported + r.updated, 0)).toBe(90);
    expect(await allDocs('quiz_questions')).toHaveLength(BANK.length + 30);
    const pool = (await getDoc('quiz_meta', 'bank'))?.pool as Record<string, unknown>;
    expect(Object.keys(pool)).toHaveLength(BANK.length + 30);
  });

  it('is for admins only, and validates its input', async () => {
    for (const who of [MEMBER, SECRETARY, PUBLIC])
      await expectError(call('importQuestions', { questions: [BANK[0]] }, who), 'PERMISSION_DENIED');
    await expectError(call('importQuestions', { questions: [BANK[0]] }), 'UNAUTHENTICATED');
    await expectError(call('importQuestions', { questions: [] }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('importQuestions', { questions: [BANK[0]], extra: 1 }, ADMIN), 'INVALID_ARGUMENT');
  });
});

describe('quiz.importQuestionsFile and questionTemplate', () => {
  it('imports the template workbook with per-row errors naming the sheet row', async () => {
    const file = await workbook([
      ['七一知识竞赛题库'],
      [...QUIZ_SHEET_COLUMNS],
      [
        '单选',
        '党的最高领导机关是（ ）。',
        '党的全国代表大会和它所产生的中央委员会',
        '中央政治局',
        '',
        '',
        '',
        '',
        'A',
        '见党章',
        '党章',
      ],
      [
        '多选',
        '“三会”包括（ ）。',
        '支部党员大会',
        '支部委员会',
        '党小组会',
        '民主生活会',
        '',
        '',
        'A、B、C',
        '',
        '组织生活，三会一课',
      ],
      [],
      ['判断', '党员应按月交纳党费。', '', '', '', '', '', '', '对'],
      ['单选', '答案写错的题', '甲', '乙', '', '', '', '', 'E'],
      ['填空', '不支持的题型', '', '', '', '', '', '', 'A'],
      ['多选', '少一个答案', '甲', '乙', '丙', '', '', '', 'B'],
    ]);
    const r = await expectOk(call('importQuestionsFile', { fileID: await upload('bank.xlsx', file) }, ADMIN));
    expect(r).toEqual({
      imported: 3,
      updated: 0,
      skippedSamples: 0,
      errors: [
        { index: 7, message: expect.stringContaining('第 7 行：答案超出选项范围') },
        { index: 8, message: expect.stringContaining('第 8 行：题型“填空”无效') },
        { index: 9, message: expect.stringContaining('第 9 行：多选题至少需要两个正确答案') },
      ],
    });
    expect(await getDoc('quiz_questions', quizQuestionId('“三会”包括（ ）。'))).toMatchObject({
      answer: [0, 1, 2],
      tags: ['组织生活', '三会一课'],
    });
  });

  it('refuses a missing file, a file that is not a workbook and a sheet without the header', async () => {
    await expectError(call('importQuestionsFile', { fileID: 'cloud://local/imports/none.xlsx' }, ADMIN), 'NOT_FOUND');
    const csv = await upload('a.xlsx', Buffer.from('题型,题干\n单选,x\n'));
    expect(
      (await expectError(call('importQuestionsFile', { fileID: csv }, ADMIN), 'INVALID_ARGUMENT')).message,
    ).toContain('.xlsx');
    const other = await upload(
      'b.xlsx',
      await workbook([
        ['姓名', '手机号'],
        ['张三', '13700000000'],
      ]),
    );
    expect(
      (await expectError(call('importQuestionsFile', { fileID: other }, ADMIN), 'INVALID_ARGUMENT')).message,
    ).toContain('未找到表头');
    const empty = await upload('c.xlsx', await workbook([[...QUIZ_SHEET_COLUMNS]]));
    expect((await expectError(call('importQuestionsFile', { fileID: empty }, ADMIN), 'INVALID_ARGUMENT')).message).toBe(
      '表格中没有题目',
    );
    await expectError(call('importQuestionsFile', { fileID: csv }, MEMBER), 'PERMISSION_DENIED');
  });

  it('writes a template whose 【示例】 rows are skipped with a word, and import cleanly once filled in', async () => {
    const t = await expectOk(call('questionTemplate', {}, ADMIN));
    expect(t).toEqual({
      fileID: expect.any(String),
      url: expect.stringMatching(/^https?:/),
      fileName: '题库导入模板.xlsx',
    });
    const { fileContent } = await sdk().downloadFile({ fileID: t.fileID });
    const wb = new Workbook();
    await wb.xlsx.load(fileContent as never);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, ...QUIZ_SHEET_COLUMNS]);
    // Uploaded unedited: nothing is added and the result says why.
    const r = await expectOk(call('importQuestionsFile', { fileID: t.fileID }, ADMIN));
    expect(r).toEqual({ imported: 0, updated: 0, errors: [], skippedSamples: 3 });
    // The same rows without the mark are real questions.
    wb.worksheets[0].eachRow((row) => {
      const stem = row.getCell(2);
      if (typeof stem.value === 'string') stem.value = stem.value.replace('【示例】', '');
    });
    const edited = await upload('template-filled.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const filled = await expectOk(call('importQuestionsFile', { fileID: edited }, ADMIN));
    expect(filled).toEqual({ imported: 3, updated: 0, errors: [], skippedSamples: 0 });
    await expectError(call('questionTemplate', {}, SECRETARY), 'PERMISSION_DENIED');
  });
});

describe('quiz.listQuestions, saveQuestion and retireQuestion', () => {
  beforeEach(() => importBank(cloud));

  it('lists the bank by words, tag, type and status, in pages, with every tag', async () => {
    const all = await expectOk(call('listQuestions', {}, ADMIN));
    expect(all.total).toBe(BANK.length);
    expect(all.tags).toEqual(['党纪', '党章'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(all.questions[0]).toEqual({
      questionId: expect.stringMatching(/^q_/),
      type: expect.any(String),
      stem: expect.any(String),
      options: expect.any(Array),
      answer: expect.any(Array),
      analysis: expect.any(String),
      tags: expect.any(Array),
      retired: false,
      updatedAt: expect.stringMatching(/\+08:00$/),
    });
    expect((await expectOk(call('listQuestions', { query: '多选题' }, ADMIN))).total).toBe(6);
    expect((await expectOk(call('listQuestions', { query: '第1题' }, ADMIN))).total).toBe(3);
    expect((await expectOk(call('listQuestions', { query: '(.*' }, ADMIN))).total).toBe(0);
    expect((await expectOk(call('listQuestions', { tag: '党章' }, ADMIN))).total).toBe(12);
    expect((await expectOk(call('listQuestions', { type: 'judge', tag: '党纪' }, ADMIN))).total).toBe(6);
    expect((await expectOk(call('listQuestions', { status: 'retired' }, ADMIN))).total).toBe(0);
    expect((await expectOk(call('listQuestions', { page: 1 }, ADMIN))).questions).toHaveLength(0);
    await expectError(call('listQuestions', {}, MEMBER), 'PERMISSION_DENIED');
  });

  it('adds and edits a question, refusing a stem another question has', async () => {
    const q = { type: 'single', stem: '新加的一道题', options: ['一', '二', '三'], answer: [2], tags: ['新题'] };
    const { questionId } = await expectOk(call('saveQuestion', q, ADMIN));
    expect(questionId).toBe(quizQuestionId(q.stem));
    await expectError(call('saveQuestion', { ...q, stem: '新加的一道题。' }, ADMIN), 'ALREADY_EXISTS');
    await expectOk(call('saveQuestion', { ...q, questionId, stem: '改过题干的一道题', analysis: '新解析' }, ADMIN));
    expect(await getDoc('quiz_questions', questionId)).toMatchObject({ stem: '改过题干的一道题', analysis: '新解析' });
    await expectError(call('saveQuestion', { ...q, questionId, stem: BANK[0].stem }, ADMIN), 'ALREADY_EXISTS');
    // An import of the edited stem updates the edited question (found by its stem, not by the id's hash).
    const r = await expectOk(
      call('importQuestions', { questions: [{ ...q, stem: '改过题干的一道题', answer: [1] }] }, ADMIN),
    );
    expect(r).toEqual({ imported: 0, updated: 1, errors: [], skippedSamples: 0 });
    expect(await getDoc('quiz_questions', questionId)).toMatchObject({ answer: [1] });
    // The original stem is free again: it comes back as a new question beside the edited one (its hashed id is taken).
    const back = await expectOk(call('importQuestions', { questions: [q] }, ADMIN));
    expect(back).toEqual({ imported: 1, updated: 0, errors: [], skippedSamples: 0 });
    expect(await getDoc('quiz_questions', `${questionId}-1`)).toMatchObject({ stem: '新加的一道题', answer: [2] });
    expect((await expectOk(call('listQuestions', { query: '一道题' }, ADMIN))).total).toBe(2);
    await expectError(call('saveQuestion', { ...q, questionId: 'q_missing' }, ADMIN), 'NOT_FOUND');
    expect(
      (await expectError(call('saveQuestion', { ...q, stem: '又一题', type: 'multiple' }, ADMIN), 'INVALID_ARGUMENT'))
        .message,
    ).toContain('多选题至少需要两个正确答案');
    await expectError(call('saveQuestion', { ...q, answer: [] }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('saveQuestion', q, MEMBER), 'PERMISSION_DENIED');
  });

  it('retires a question out of new draws and back', async () => {
    const id = quizQuestionId(BANK[18].stem);
    expect(await expectOk(call('retireQuestion', { questionId: id, retired: true }, ADMIN))).toEqual({ retired: true });
    expect(
      (await expectOk(call('listQuestions', { status: 'retired' }, ADMIN))).questions.map(
        (q: { questionId: string }) => q.questionId,
      ),
    ).toEqual([id]);
    // Five 判断 remain: asking for six fails.
    const six = { questionCount: 6, perType: { judge: 6 } };
    expect(
      (await expectError(call('createQuiz', { ...quizInput(), ...six }, ADMIN), 'FAILED_PRECONDITION')).message,
    ).toBe('题库中符合条件的判断题只有 5 道，不够抽取 6 道');
    await expectOk(call('retireQuestion', { questionId: id, retired: false }, ADMIN));
    await expectOk(call('createQuiz', { ...quizInput(), ...six }, ADMIN));
    await expectError(call('retireQuestion', { questionId: 'q_missing', retired: true }, ADMIN), 'NOT_FOUND');
    await expectError(call('retireQuestion', { questionId: id, retired: true }, MEMBER), 'PERMISSION_DENIED');
  });
});

function quizInput(extra: Record<string, unknown> = {}) {
  return {
    title: '七一知识竞赛',
    startAt: iso(-3600_000),
    endAt: iso(3600_000),
    questionCount: 10,
    timeLimitSec: 600,
    maxAttempts: 2,
    ...extra,
  };
}

describe('quiz.createQuiz and listQuizzes', () => {
  beforeEach(() => importBank(cloud));

  it('validates the window, the counts against the bank and the organisations', async () => {
    const bad = async (extra: Record<string, unknown>, code: string, message: string) =>
      expect((await expectError(call('createQuiz', quizInput(extra), ADMIN), code)).message).toContain(message);
    await bad({ endAt: iso(-3600_000) }, 'INVALID_ARGUMENT', '结束时间必须晚于开始时间');
    await bad({ startAt: iso(0), endAt: iso(60_000), timeLimitSec: 600 }, 'INVALID_ARGUMENT', '答题时限不能长于');
    await bad({ perType: { single: 5, judge: 4 } }, 'INVALID_ARGUMENT', '各题型数量之和（9）应等于题目数量（10）');
    await bad({ questionCount: 25 }, 'FAILED_PRECONDITION', '题库中符合条件的题目只有 24 道');
    await bad({ questionCount: 7, perType: { multiple: 7 } }, 'FAILED_PRECONDITION', '多选题只有 6 道');
    await bad({ questionCount: 13, tags: ['党纪'] }, 'FAILED_PRECONDITION', '只有 12 道');
    await bad({ orgIds: ['nowhere'] }, 'NOT_FOUND', 'nowhere');
    await expectError(call('createQuiz', quizInput({ timeLimitSec: 10 }), ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('createQuiz', quizInput(), MEMBER), 'PERMISSION_DENIED');
  });

  it('lists for members the competitions of their organisation with their state; admins see all', async () => {
    const forP1 = await createQuiz(cloud, { title: '教育局竞赛', orgIds: ['p1'] });
    const forP2 = await createQuiz(cloud, { title: '公安局竞赛', orgIds: ['p2'] });
    const later = await createQuiz(cloud, { title: '下月竞赛', startAt: iso(86400_000), endAt: iso(2 * 86400_000) });
    const mine = await expectOk(call('listQuizzes', {}, MEMBER));
    expect(mine.quizzes.map((q: { quizId: string }) => q.quizId).sort()).toEqual([forP1, later].sort());
    const p1 = mine.quizzes.find((q: { quizId: string }) => q.quizId === forP1);
    expect(p1).toEqual({
      quizId: forP1,
      title: '教育局竞赛',
      description: null,
      startAt: expect.stringMatching(/\+08:00$/),
      endAt: expect.stringMatching(/\+08:00$/),
      phase: 'open',
      questionCount: 10,
      timeLimitSec: 600,
      maxAttempts: 2,
      orgIds: ['p1'],
      tags: null,
      mine: { attemptsUsed: 0, bestScore: null, openAttemptId: null, lastAttemptId: null },
    });
    expect(mine.quizzes.find((q: { quizId: string }) => q.quizId === later)?.phase).toBe('upcoming');
    expect(
      (await expectOk(call('listQuizzes', {}, ZHAO))).quizzes.map((q: { quizId: string }) => q.quizId).sort(),
    ).toEqual([forP2, later].sort());
    const all = await expectOk(call('listQuizzes', {}, ADMIN));
    expect(all.quizzes).toHaveLength(3);
    expect(all.quizzes.every((q: { mine: unknown }) => q.mine === null)).toBe(true);
    expect(await expectOk(call('listQuizzes', {}, PUBLIC))).toEqual({ quizzes: [] });

    const s = await expectOk(call('start', { quizId: forP1 }, MEMBER));
    let state = (await expectOk(call('listQuizzes', {}, MEMBER))).quizzes.find(
      (q: { quizId: string }) => q.quizId === forP1,
    )!.mine;
    expect(state).toEqual({ attemptsUsed: 1, bestScore: null, openAttemptId: s.attemptId, lastAttemptId: null });
    await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 8) }, MEMBER));
    state = (await expectOk(call('listQuizzes', {}, MEMBER))).quizzes.find(
      (q: { quizId: string }) => q.quizId === forP1,
    )!.mine;
    expect(state).toEqual({ attemptsUsed: 1, bestScore: 80, openAttemptId: null, lastAttemptId: s.attemptId });
  });
});

describe('quiz.start', () => {
  let quizId: string;
  beforeEach(async () => {
    await importBank(cloud);
    quizId = await createQuiz(cloud, { perType: { single: 5, multiple: 2, judge: 3 } });
  });

  it('draws per member on the server, shuffles options per member and sends no answers', async () => {
    const a: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    const b: StartResult = await expectOk(call('start', { quizId }, LI));
    const memberId = await memberIdOf(MEMBER);
    expect(a.attemptId).toBe(`${quizId}:${memberId}:1`);
    expect(a.resumed).toBe(false);
    expect(a.questions.map((q) => q.type)).toEqual([
      ...Array(5).fill('single'),
      'multiple',
      'multiple',
      'judge',
      'judge',
      'judge',
    ]);
    for (const q of a.questions) expect(Object.keys(q).sort()).toEqual(['options', 'questionId', 'stem', 'type']);
    expect(new Set(a.questions.map((q) => q.questionId)).size).toBe(10);
    // Judge options stay in order; the others come in each member's own order.
    for (const q of a.questions.filter((x) => x.type === 'judge')) expect(q.options).toEqual(['正确', '错误']);
    const shown = (r: StartResult) => JSON.stringify(r.questions.map((q) => [q.questionId, q.options]));
    expect(shown(a)).not.toEqual(shown(b));
    for (const q of a.questions)
      expect([...q.options].sort()).toEqual([...(bankEntry(q.stem).options ?? ['正确', '错误'])].sort());
    // The deadline is the server's: start + 600 s.
    const deadline = new Date(a.deadline).getTime();
    expect(Math.abs(deadline - new Date(a.serverNow).getTime() - 600_000)).toBeLessThanOrEqual(1000);
    const stored = await getDoc('quiz_attempts', a.attemptId);
    expect(stored).toMatchObject({ status: 'open', memberId, orgId: 'b1', name: ROSTER[1].name, n: 1 });
  });

  it('resumes an open attempt instead of starting another, also when starts race', async () => {
    const results: StartResult[] = await Promise.all(
      Array.from({ length: 10 }, () => expectOk(call('start', { quizId }, MEMBER))),
    );
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(results.filter((r) => !r.resumed).length).toBeGreaterThanOrEqual(1);
    expect(new Set(results.map((r) => JSON.stringify(r.questions))).size).toBe(1);
    const again: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    expect(again).toMatchObject({ attemptId: results[0].attemptId, resumed: true, questions: results[0].questions });
    expect(await allDocs('quiz_attempts')).toHaveLength(1);
  });

  it('enforces the attempt cap: RESOURCE_EXHAUSTED after maxAttempts submitted', async () => {
    for (let i = 1; i <= 2; i++) {
      const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
      expect(s.attemptId.endsWith(`:${i}`)).toBe(true);
      await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 5) }, MEMBER));
    }
    const e = await expectError(call('start', { quizId }, MEMBER), 'RESOURCE_EXHAUSTED');
    expect(e.message).toContain('最多答 2 次');
  });

  it('refuses outside the window, outside the organisations, unbound callers and unknown competitions', async () => {
    const upcoming = await createQuiz(cloud, { startAt: iso(3600_000), endAt: iso(7200_000) });
    expect((await expectError(call('start', { quizId: upcoming }, MEMBER), 'FAILED_PRECONDITION')).message).toContain(
      '尚未开始',
    );
    const closed = await createQuiz(cloud, { startAt: iso(-7200_000), endAt: iso(-3600_000) });
    expect((await expectError(call('start', { quizId: closed }, MEMBER), 'FAILED_PRECONDITION')).message).toBe(
      '竞赛已结束',
    );
    const p2 = await createQuiz(cloud, { orgIds: ['p2'] });
    await expectError(call('start', { quizId: p2 }, MEMBER), 'PERMISSION_DENIED');
    await expectOk(call('start', { quizId: p2 }, ZHAO));
    await expectError(call('start', { quizId }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('start', { quizId }, ADMIN), 'PERMISSION_DENIED');
    await expectError(call('start', { quizId }), 'UNAUTHENTICATED');
    await expectError(call('start', { quizId: 'qz_missing' }, MEMBER), 'NOT_FOUND');
    await expectError(call('start', { quizId: 'bad id!' }, MEMBER), 'INVALID_ARGUMENT');
  });

  it('draws by tag and leaves out questions retired after the competition was made', async () => {
    // Three competitions open at once need a bigger bank, so that practice keeps its share (quizReservePool).
    const extra = Array.from({ length: 16 }, (_, i) => ({ type: 'judge', stem: `其他判断题${i}`, answer: [0] }));
    await expectOk(call('importQuestions', { questions: extra }, ADMIN));
    const tagged = await createQuiz(cloud, { questionCount: 12, tags: ['党纪'] });
    const retired = BANK.filter((q) => q.type === 'single' && q.tags?.includes('党纪')).slice(0, 2);
    // Retiring two leaves 10 of 12 tagged questions: the draw cannot be made any more.
    for (const q of retired)
      await expectOk(call('retireQuestion', { questionId: quizQuestionId(q.stem), retired: true }, ADMIN));
    expect((await expectError(call('start', { quizId: tagged }, MEMBER), 'FAILED_PRECONDITION')).message).toContain(
      '抽题',
    );
    const eight = await createQuiz(cloud, { questionCount: 8, tags: ['党纪'] });
    await expectOk(call('retireQuestion', { questionId: quizQuestionId(BANK[2].stem), retired: true }, ADMIN));
    const s: StartResult = await expectOk(call('start', { quizId: eight }, MEMBER));
    expect(s.questions).toHaveLength(8);
    expect(s.questions.every((q) => bankEntry(q.stem).tags?.includes('党纪'))).toBe(true);
    expect(s.questions.some((q) => q.questionId === quizQuestionId(BANK[2].stem))).toBe(false);
  });
});

describe('quiz.submit, saveAnswers and result', () => {
  let quizId: string;
  beforeEach(async () => {
    await importBank(cloud);
    quizId = await createQuiz(cloud);
  });

  it('scores each type on the server (multiple all or nothing) and refuses a second submit', async () => {
    fakeClock(new Date());
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    const answers: Record<string, number[]> = {};
    let expected = 0;
    for (const q of s.questions) {
      const right = rightShown(q);
      if (q.type === 'multiple')
        answers[q.questionId] = [...right, ...[0, 1, 2, 3, 4].filter((i) => !right.includes(i)).slice(0, 1)];
      else if (q.type === 'single') {
        answers[q.questionId] = right;
        expected++;
      } else answers[q.questionId] = wrongShown(q);
    }
    answers.q_not_on_paper = [0];
    advance(42_400);
    const r = await expectOk(call('submit', { attemptId: s.attemptId, answers }, MEMBER));
    expect(r).toEqual({
      score: Math.round((100 * expected) / 10),
      correct: expected,
      total: 10,
      durationMs: 42_400,
      late: false,
      timeUp: false,
    });
    const stored = await getDoc('quiz_attempts', s.attemptId);
    expect(stored).toMatchObject({ status: 'submitted', score: r.score, flagged: false, late: false });
    expect(Object.keys(stored?.answers as object)).not.toContain('q_not_on_paper');
    expect(
      (await expectError(call('submit', { attemptId: s.attemptId, answers }, MEMBER), 'FAILED_PRECONDITION')).message,
    ).toContain('不能重复提交');
  });

  it('lets only the owner submit, save or read a result', async () => {
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectError(call('submit', { attemptId: s.attemptId, answers: {} }, LI), 'PERMISSION_DENIED');
    await expectError(call('saveAnswers', { attemptId: s.attemptId, answers: {} }, LI), 'PERMISSION_DENIED');
    await expectError(call('result', { attemptId: s.attemptId }, LI), 'PERMISSION_DENIED');
    await expectError(call('submit', { attemptId: s.attemptId, answers: {} }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('submit', { attemptId: 'x:y:1', answers: {} }, MEMBER), 'NOT_FOUND');
    await expectError(call('result', { attemptId: 'x:y:1' }, MEMBER), 'NOT_FOUND');
    await expectError(call('submit', { attemptId: s.attemptId, answers: { q: [9] } }, MEMBER), 'INVALID_ARGUMENT');
    await expectError(call('result', { attemptId: s.attemptId }, MEMBER), 'FAILED_PRECONDITION');
  });

  it('returns the result with answers, choices and 解析 in the member option order once no attempt is left', async () => {
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    const answers = answersFor(s.questions, 6);
    await expectOk(call('submit', { attemptId: s.attemptId, answers }, MEMBER));
    // One of two attempts used: which questions were right, not what the right answers are.
    const { result, reads } = await cloud.countOps(() => call('result', { attemptId: s.attemptId }, MEMBER));
    const early = await expectOk(result);
    // The bank's reservations are read too (no other competition is open: no attempts query).
    expect(reads).toBe(5);
    expect(early).toMatchObject({ revealed: false, revealAt: expect.stringMatching(/\+08:00$/), score: 60 });
    expect(early.questions.map((q: { correct: boolean }) => q.correct)).toEqual(s.questions.map((_q, i) => i < 6));
    for (const q of early.questions) expect([q.answer, q.analysis]).toEqual([[], null]);
    expect(JSON.stringify(early)).not.toContain(bankEntry(s.questions[0].stem).analysis as string);

    const second: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectOk(call('submit', { attemptId: second.attemptId, answers: {} }, MEMBER));
    const r = await expectOk(call('result', { attemptId: s.attemptId }, MEMBER));
    expect(r).toMatchObject({
      attemptId: s.attemptId,
      quizId,
      title: '庆祝建党99周年知识竞赛',
      score: 60,
      correct: 6,
      total: 10,
      revealed: true,
    });
    expect(r.submittedAt).toMatch(/\+08:00$/);
    r.questions.forEach((q, i) => {
      expect(q.options).toEqual(s.questions[i].options);
      expect(q.answer).toEqual(rightShown(s.questions[i]));
      expect(q.chosen).toEqual([...answers[q.questionId]].sort());
      expect(q.correct).toBe(i < 6);
      expect(q.analysis).toBe(bankEntry(q.stem).analysis);
    });
    expect((await expectOk(call('result', { attemptId: second.attemptId }, MEMBER))).revealed).toBe(true);
  });

  it('puts the wrong questions into the 错题本 once the answers are out, once per attempt', async () => {
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 7) }, MEMBER));
    await expectOk(call('result', { attemptId: s.attemptId }, MEMBER));
    // Held back: nothing in the book yet (it would show the answers).
    expect((await expectOk(call('wrongBook', {}, MEMBER))).total).toBe(0);

    const second: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectOk(call('submit', { attemptId: second.attemptId, answers: answersFor(second.questions, 10) }, MEMBER));
    await expectOk(call('result', { attemptId: s.attemptId }, MEMBER));
    await expectOk(call('result', { attemptId: s.attemptId }, MEMBER));
    const book = await expectOk(call('wrongBook', {}, MEMBER));
    expect(book.entries.map((e: { questionId: string }) => e.questionId).sort()).toEqual(
      s.questions
        .slice(7)
        .map((q) => q.questionId)
        .sort(),
    );
    expect(book.entries.every((e: { wrongTimes: number }) => e.wrongTimes === 1)).toBe(true);

    // Practised right from the book, a question leaves it with the bank's answer.
    const q = s.questions[7];
    const r = await expectOk(
      call('practiceAnswer', { questionId: q.questionId, answer: bankEntry(q.stem).answer, from: 'wrong' }, MEMBER),
    );
    expect(r).toMatchObject({ correct: true, wrongCount: 2 });
  });

  it('reveals the answers of a result when the competition closes, attempts left or not', async () => {
    fakeClock(new Date());
    const q = await createQuiz(cloud, { maxAttempts: 3 });
    const s: StartResult = await expectOk(call('start', { quizId: q }, MEMBER));
    await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 3) }, MEMBER));
    expect((await expectOk(call('result', { attemptId: s.attemptId }, MEMBER))).revealed).toBe(false);
    advance(3600_000 + 1000);
    const r = await expectOk(call('result', { attemptId: s.attemptId }, MEMBER));
    expect(r.revealed).toBe(true);
    expect(r.questions[0].answer).toEqual(rightShown(s.questions[0]));
  });

  it('accepts a submit within the grace, timed to the deadline', async () => {
    fakeClock(new Date());
    const q = await createQuiz(cloud, { timeLimitSec: 60 });
    const s: StartResult = await expectOk(call('start', { quizId: q }, MEMBER));
    advance(60_000 + QUIZ_GRACE_MS - 1000);
    const r = await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 10) }, MEMBER));
    expect(r).toMatchObject({ score: 100, durationMs: 60_000, late: false });
  });

  it('after the deadline and grace scores the answers saved in time, not the late ones', async () => {
    fakeClock(new Date());
    const q = await createQuiz(cloud, { timeLimitSec: 60 });
    const s: StartResult = await expectOk(call('start', { quizId: q }, MEMBER));
    const saved = answersFor(s.questions.slice(0, 3), 3);
    advance(20_000);
    expect(await expectOk(call('saveAnswers', { attemptId: s.attemptId, answers: saved }, MEMBER))).toMatchObject({
      answered: 3,
    });
    // A resumed start gives the kept choices back (the member's own, not the right answers).
    expect(await expectOk(call('start', { quizId: q }, MEMBER))).toMatchObject({ resumed: true, kept: saved });
    // Saving again merges; answers to questions not on the paper are dropped.
    expect(
      await expectOk(
        call(
          'saveAnswers',
          { attemptId: s.attemptId, answers: { q_other: [0], ...answersFor([s.questions[3]], 0) } },
          MEMBER,
        ),
      ),
    ).toMatchObject({ answered: 4 });
    advance(40_000 + QUIZ_GRACE_MS + 1);
    await expectError(call('saveAnswers', { attemptId: s.attemptId, answers: saved }, MEMBER), 'FAILED_PRECONDITION');
    const r = await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 10) }, MEMBER));
    expect(r).toEqual({ score: 30, correct: 3, total: 10, durationMs: 60_000, late: true, timeUp: true });
    await expectError(call('saveAnswers', { attemptId: s.attemptId, answers: saved }, MEMBER), 'FAILED_PRECONDITION');
  });

  it('closes an abandoned attempt at the next start, scored as it stood, and counts it against the cap', async () => {
    fakeClock(new Date());
    const q = await createQuiz(cloud, { timeLimitSec: 60, maxAttempts: 2 });
    const first: StartResult = await expectOk(call('start', { quizId: q }, MEMBER));
    await expectOk(
      call('saveAnswers', { attemptId: first.attemptId, answers: answersFor(first.questions.slice(0, 5), 5) }, MEMBER),
    );
    advance(60_000 + QUIZ_GRACE_MS + 1);
    const second: StartResult = await expectOk(call('start', { quizId: q }, MEMBER));
    expect(second.attemptId).toMatch(/:2$/);
    expect(await getDoc('quiz_attempts', first.attemptId)).toMatchObject({
      status: 'submitted',
      score: 50,
      late: true,
    });
    expect((await expectOk(call('leaderboard', { quizId: q, by: 'member' }, MEMBER))).me).toEqual({
      rank: 1,
      score: 50,
    });
  });

  it('flags attempts averaging under a second per question, for admins', async () => {
    fakeClock(new Date());
    const fast: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    advance(9_000);
    await expectOk(call('submit', { attemptId: fast.attemptId, answers: answersFor(fast.questions, 10) }, MEMBER));
    const slow: StartResult = await expectOk(call('start', { quizId }, LI));
    advance(10_000);
    await expectOk(call('submit', { attemptId: slow.attemptId, answers: answersFor(slow.questions, 10) }, LI));
    const { attempts } = await expectOk(call('flagged', { quizId }, ADMIN));
    expect(attempts).toEqual([
      {
        attemptId: fast.attemptId,
        memberId: await memberIdOf(MEMBER),
        name: ROSTER[1].name,
        orgId: 'b1',
        score: 100,
        durationMs: 9_000,
        msPerQuestion: 900,
        submittedAt: expect.stringMatching(/\+08:00$/),
      },
    ]);
    await expectError(call('flagged', { quizId }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('flagged', { quizId: 'qz_missing' }, ADMIN), 'NOT_FOUND');
  });

  it('credits competition points once per member and competition', async () => {
    const memberId = await memberIdOf(MEMBER);
    for (let i = 0; i < 2; i++) {
      const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
      await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 10) }, MEMBER));
    }
    const entries = (await allDocs('points')).filter((p) => p.memberId === memberId && p.source === 'quiz');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ sourceId: quizId, orgId: 'b1', points: 5 });
  });
});

describe('quiz.leaderboard', () => {
  let quizId: string;
  beforeEach(async () => {
    await importBank(cloud);
    quizId = await createQuiz(cloud, { maxAttempts: 3 });
  });

  /** Starts for each of `who`, then submits each after its duration (ms from the common start) with `correct` right. */
  async function take(who: Array<{ openid: string; correct: number; afterMs: number }>): Promise<void> {
    fakeClock(new Date());
    const t0 = Date.now();
    const started = new Map<string, StartResult>();
    for (const w of who) started.set(w.openid, await expectOk(call('start', { quizId }, w.openid)));
    for (const w of [...who].sort((a, b) => a.afterMs - b.afterMs)) {
      jest.setSystemTime(new Date(t0 + w.afterMs));
      const s = started.get(w.openid) as StartResult;
      await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, w.correct) }, w.openid));
    }
  }

  it('ranks members by best score then whole seconds; ties share a rank, listed by earlier submission', async () => {
    await take([
      { openid: MEMBER, correct: 8, afterMs: 61_900 }, // 80, 61 s, submitted second
      { openid: LI, correct: 8, afterMs: 61_200 }, // 80, 61 s, submitted first: tie
      { openid: LIU, correct: 10, afterMs: 300_000 }, // 100
      { openid: ZHAO, correct: 8, afterMs: 75_000 }, // 80, 75 s
      { openid: SECRETARY, correct: 3, afterMs: 20_000 }, // 30
    ]);
    const board = await expectOk(call('leaderboard', { quizId, by: 'member' }, MEMBER));
    expect((board.rows as MemberRankRow[]).map((r) => [r.name, r.rank, r.score])).toEqual([
      [ROSTER[3].name, 1, 100],
      [ROSTER[2].name, 2, 80],
      [ROSTER[1].name, 2, 80],
      [ROSTER[6].name, 4, 80],
      [ROSTER[0].name, 5, 30],
    ]);
    expect(board).toMatchObject({ me: { rank: 2, score: 80 }, total: 5, computedAt: null });
    expect(board.formula.join('')).toContain('整秒');
    expect(board.rows[1]).toEqual({
      rank: 2,
      memberId: await memberIdOf(LI),
      name: ROSTER[2].name,
      orgId: 'b1',
      score: 80,
      durationMs: 61_200,
    });
    expect((await expectOk(call('leaderboard', { quizId, by: 'member' }, SECRETARY))).me).toEqual({
      rank: 5,
      score: 30,
    });
    expect((await expectOk(call('leaderboard', { quizId, by: 'member' }, ADMIN))).me).toBeNull();
    expect((await expectOk(call('leaderboard', { quizId, by: 'member', page: 1 }, MEMBER))).rows).toEqual([]);
  });

  it('keeps each member best attempt and moves the org aggregates with it', async () => {
    await take([{ openid: MEMBER, correct: 6, afterMs: 30_000 }]);
    await take([{ openid: MEMBER, correct: 9, afterMs: 40_000 }]);
    await take([{ openid: MEMBER, correct: 7, afterMs: 10_000 }]);
    const memberId = await memberIdOf(MEMBER);
    expect(await getDoc('quiz_best', `${quizId}:${memberId}`)).toMatchObject({
      score: 90,
      durationMs: 40_000,
      version: 2,
    });
    expect(await branchSums(quizId)).toEqual({ b1: { participants: 1, scoreSum: 90 } });
    const board = await expectOk(call('leaderboard', { quizId, by: 'member' }, MEMBER));
    expect(board.rows).toHaveLength(1);
    expect(board.me).toEqual({ rank: 1, score: 90 });
  });

  it('ranks organisations by participation rate of the roster, then average best score', async () => {
    await take([
      { openid: MEMBER, correct: 8, afterMs: 30_000 },
      { openid: LI, correct: 6, afterMs: 30_000 }, // b1: 2 of 3, average 70
      { openid: LIU, correct: 9, afterMs: 30_000 }, // b2: 1 of 3, 90
      { openid: ZHAO, correct: 7, afterMs: 30_000 }, // b3: 1 of 3, 70
    ]);
    const board = await expectOk(call('leaderboard', { quizId, by: 'org' }, LIU));
    expect(board.rows).toEqual([
      {
        rank: 1,
        orgId: 'b1',
        name: '市教育局机关第一党支部',
        participants: 2,
        expected: 3,
        participationRate: 0.6667,
        averageScore: 70,
      },
      {
        rank: 2,
        orgId: 'b2',
        name: '市教育局机关第二党支部',
        participants: 1,
        expected: 3,
        participationRate: 0.3333,
        averageScore: 90,
      },
      {
        rank: 3,
        orgId: 'b3',
        name: '市公安局机关第一党支部',
        participants: 1,
        expected: 3,
        participationRate: 0.3333,
        averageScore: 70,
      },
    ]);
    expect(board).toMatchObject({
      me: { rank: 2, score: 90 },
      total: 3,
      computedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(board.formula[0]).toContain('参与率');
    // A competition for 市教育局 only lists its branches.
    const p1 = await createQuiz(cloud, { orgIds: ['p1'] });
    const rows = (await expectOk(call('leaderboard', { quizId: p1, by: 'org' }, ADMIN))).rows;
    // Equal rows share a rank and are listed by name (第二 before 第一 in pinyin order).
    expect(rows.map((r: { orgId: string; rank: number }) => [r.orgId, r.rank])).toEqual([
      ['b2', 1],
      ['b1', 1],
    ]);
  });

  it('is for members, secretaries and admins; unknown competitions are NOT_FOUND', async () => {
    await expectError(call('leaderboard', { quizId, by: 'member' }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('leaderboard', { quizId, by: 'member' }), 'UNAUTHENTICATED');
    await expectError(call('leaderboard', { quizId: 'qz_missing', by: 'member' }, MEMBER), 'NOT_FOUND');
    await expectError(call('leaderboard', { quizId: 'qz_missing', by: 'org' }, MEMBER), 'NOT_FOUND');
    await expectError(call('leaderboard', { quizId, by: 'dept' }, MEMBER), 'INVALID_ARGUMENT');
    await expectOk(call('leaderboard', { quizId, by: 'org' }, ADMIN));
  });
});

describe('practice and the 错题本', () => {
  beforeEach(() => importBank(cloud));

  it('gives the same questions all day without answers, feedback per answer, and a streak when finished', async () => {
    fakeClock(new Date('2020-07-01T02:00:00Z'));
    const t = await expectOk(call('practiceToday', {}, MEMBER));
    expect(t).toMatchObject({ day: '2020-07-01', answered: {}, streak: 0, done: false, wrongCount: 0 });
    expect(t.questions).toHaveLength(QUIZ_PRACTICE_COUNT);
    for (const q of t.questions) expect(Object.keys(q).sort()).toEqual(['options', 'questionId', 'stem', 'type']);
    expect((await expectOk(call('practiceToday', {}, MEMBER))).questions).toEqual(t.questions);

    const [first, ...rest] = t.questions as QuestionView[];
    const r1 = await expectOk(
      call('practiceAnswer', { questionId: first.questionId, answer: wrongShown(first), from: 'today' }, MEMBER),
    );
    expect(r1).toEqual({
      correct: false,
      answer: rightShown(first),
      analysis: bankEntry(first.stem).analysis,
      done: false,
      streak: 0,
      wrongCount: 1,
    });
    await expectError(
      call('practiceAnswer', { questionId: first.questionId, answer: rightShown(first), from: 'today' }, MEMBER),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call('practiceAnswer', { questionId: 'q_elsewhere', answer: [0], from: 'today' }, MEMBER),
      'NOT_FOUND',
    );
    let last;
    for (const q of rest)
      last = await expectOk(
        call('practiceAnswer', { questionId: q.questionId, answer: rightShown(q), from: 'today' }, MEMBER),
      );
    expect(last).toMatchObject({ correct: true, done: true, streak: 1, wrongCount: 1 });
    const after = await expectOk(call('practiceToday', {}, MEMBER));
    expect(after).toMatchObject({ done: true, streak: 1, wrongCount: 1 });
    expect(after.answered[first.questionId]).toEqual({
      chosen: wrongShown(first),
      correct: false,
      answer: rightShown(first),
      analysis: bankEntry(first.stem).analysis,
    });
    // Practice points: one per right answer, capped at 3 a day.
    const memberId = await memberIdOf(MEMBER);
    const points = (await allDocs('points')).filter((p) => p.memberId === memberId && p.source === 'practice');
    expect(points.reduce((s, p) => s + Number(p.points), 0)).toBe(3);

    // The next day continues the streak; a missed day resets it.
    const finishDay = async (iso: string) => {
      jest.setSystemTime(new Date(iso));
      const day = await expectOk(call('practiceToday', {}, MEMBER));
      for (const q of day.questions as QuestionView[])
        await expectOk(
          call('practiceAnswer', { questionId: q.questionId, answer: rightShown(q), from: 'today' }, MEMBER),
        );
      return (await expectOk(call('practiceToday', {}, MEMBER))).streak;
    };
    expect(await finishDay('2020-07-02T01:00:00Z')).toBe(2);
    jest.setSystemTime(new Date('2020-07-04T01:00:00Z'));
    expect((await expectOk(call('practiceToday', {}, MEMBER))).streak).toBe(0);
    expect(await finishDay('2020-07-04T02:00:00Z')).toBe(1);
  });

  it('practises the 错题本 until answered right', async () => {
    const t = await expectOk(call('practiceToday', {}, MEMBER));
    const [a, b] = t.questions as QuestionView[];
    for (const q of [a, b])
      await expectOk(
        call('practiceAnswer', { questionId: q.questionId, answer: wrongShown(q), from: 'today' }, MEMBER),
      );
    const book = await expectOk(call('wrongBook', {}, MEMBER));
    expect(book.total).toBe(2);
    for (const e of book.entries)
      expect(Object.keys(e).sort()).toEqual([
        'lastWrongAt',
        'locked',
        'options',
        'questionId',
        'stem',
        'type',
        'wrongTimes',
      ]);
    const again = await expectOk(
      call('practiceAnswer', { questionId: a.questionId, answer: wrongShown(a), from: 'wrong' }, MEMBER),
    );
    expect(again).toMatchObject({ correct: false, wrongCount: 2 });
    const entryA = (await expectOk(call('wrongBook', {}, MEMBER))).entries.find(
      (e: { questionId: string }) => e.questionId === a.questionId,
    );
    expect(entryA!.wrongTimes).toBe(2);
    const right = await expectOk(
      call('practiceAnswer', { questionId: a.questionId, answer: rightShown(a), from: 'wrong' }, MEMBER),
    );
    expect(right).toMatchObject({ correct: true, answer: rightShown(a), wrongCount: 1 });
    expect(
      (await expectOk(call('wrongBook', {}, MEMBER))).entries.map((e: { questionId: string }) => e.questionId),
    ).toEqual([b.questionId]);
    await expectError(
      call('practiceAnswer', { questionId: a.questionId, answer: [0], from: 'wrong' }, MEMBER),
      'NOT_FOUND',
    );
    // Other members have their own book.
    expect(await expectOk(call('wrongBook', {}, LI))).toEqual({ entries: [], total: 0 });
  });

  it('needs a bound member, and today opened before answering it', async () => {
    await expectError(call('practiceToday', {}, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('wrongBook', {}, PUBLIC), 'PERMISSION_DENIED');
    await expectError(
      call('practiceAnswer', { questionId: 'q_x', answer: [0], from: 'today' }, PUBLIC),
      'PERMISSION_DENIED',
    );
    await expectError(call('practiceToday', {}), 'UNAUTHENTICATED');
    await expectError(
      call('practiceAnswer', { questionId: 'q_x', answer: [0], from: 'today' }, LI),
      'FAILED_PRECONDITION',
    );
    await expectError(call('practiceAnswer', { questionId: 'q_x', answer: [], from: 'today' }, LI), 'INVALID_ARGUMENT');
  });
});

describe('the ranking timer', () => {
  it('closes abandoned attempts as they stood, recounts rosters and corrects drifted branch sums while open', async () => {
    await importBank(cloud);
    fakeClock(new Date());
    const quizId = await createQuiz(cloud, { startAt: iso(-60_000), endAt: iso(600_000), timeLimitSec: 300 });
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectOk(
      call('saveAnswers', { attemptId: s.attemptId, answers: answersFor(s.questions.slice(0, 4), 4) }, MEMBER),
    );
    const done: StartResult = await expectOk(call('start', { quizId }, LIU));
    await expectOk(call('submit', { attemptId: done.attemptId, answers: answersFor(done.questions, 9) }, LIU));

    // Within the grace nothing is closed.
    advance(300_000 + QUIZ_GRACE_MS - 1000);
    await cloud.fireTimer('ranking', 'every-10-minutes');
    expect(await getDoc('quiz_attempts', s.attemptId)).toMatchObject({ status: 'open' });

    // A shard changed by hand (e.g. a repair of the data gone wrong) ...
    const shard = quizTallyShard(await memberIdOf(LIU));
    await sdk()
      .database()
      .collection('quiz_stats')
      .doc(`${quizId}:${shard}`)
      .update({ data: { orgs: { b2: { participants: 5, scoreSum: 1 } } } });
    expect(await branchSums(quizId)).toMatchObject({ b2: { participants: 5, scoreSum: 1 } });
    advance(2000);
    await cloud.fireTimer('ranking', 'every-10-minutes');
    expect(await getDoc('quiz_attempts', s.attemptId)).toMatchObject({ status: 'submitted', score: 40, late: true });
    expect(await getDoc('quiz_meta', 'rosters')).toMatchObject({ counts: { b1: 3, b2: 3, b3: 3 } });
    // ... is corrected from the best results by the next run, while the competition is still open.
    expect(await branchSums(quizId)).toEqual({
      b1: { participants: 1, scoreSum: 40 },
      b2: { participants: 1, scoreSum: 90 },
    });
    expect(await getDoc('quiz_stats', `${quizId}:${shard}`)).toMatchObject({ shard, recountedAt: expect.anything() });
  });
});

describe('a submit that stopped after scoring', () => {
  it('is finished by the timer a minute later: best result, board and points, once', async () => {
    await importBank(cloud);
    fakeClock(new Date());
    const quizId = await createQuiz(cloud);
    const s: StartResult = await expectOk(call('start', { quizId }, MEMBER));
    await expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 7) }, MEMBER));
    expect(await getDoc('quiz_attempts', s.attemptId)).toMatchObject({ applied: true });
    const memberId = await memberIdOf(MEMBER);
    const best = await getDoc('quiz_best', `${quizId}:${memberId}`);
    const points = (await allDocs('points')).filter((p) => p.source === 'quiz');
    expect(points).toHaveLength(1);

    // As if the function had stopped right after scoring: no best result, no points, not applied.
    const db = sdk().database();
    await db.collection('quiz_best').doc(`${quizId}:${memberId}`).remove();
    await db.collection('points').doc(points[0]._id).remove();
    await db
      .collection('quiz_attempts')
      .doc(s.attemptId)
      .update({ data: { applied: false } });
    expect((await expectOk(call('leaderboard', { quizId, by: 'member' }, MEMBER))).me).toBeNull();

    // Within the minute the submit may still be running: left alone.
    advance(30_000);
    await cloud.fireTimer('ranking', 'every-10-minutes');
    expect(await getDoc('quiz_best', `${quizId}:${memberId}`)).toBeNull();

    advance(31_000);
    await cloud.fireTimer('ranking', 'every-10-minutes');
    expect(await getDoc('quiz_best', `${quizId}:${memberId}`)).toMatchObject({ score: 70, attemptId: s.attemptId });
    expect(await getDoc('quiz_best', `${quizId}:${memberId}`)).toMatchObject({ rankKey: best?.rankKey });
    expect((await expectOk(call('leaderboard', { quizId, by: 'member' }, MEMBER))).me).toEqual({ rank: 1, score: 70 });
    expect((await allDocs('points')).filter((p) => p.source === 'quiz')).toEqual(
      [points[0]].map((p) => ({ ...p, createdAt: expect.anything() })),
    );
    expect(await getDoc('quiz_attempts', s.attemptId)).toMatchObject({ applied: true });

    // A second run finds nothing left to do.
    advance(600_000);
    await cloud.fireTimer('ranking', 'every-10-minutes');
    expect((await allDocs('points')).filter((p) => p.source === 'quiz')).toHaveLength(1);
  });
});

describe('no answer or 解析 before submitting', () => {
  const SECRET_KEYS = ['answer', 'analysis', 'answers', 'results', 'saved', 'seed', 'order', 'chosen', 'correct'];

  /** Every key anywhere in a response, with the path to it. */
  function keysOf(value: unknown, path = '', out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v, i) => keysOf(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        out.push(`${path}.${k}`);
        keysOf(v, `${path}.${k}`, out);
      }
    return out;
  }
  const leaks = (response: unknown) =>
    keysOf(response).filter((p) => SECRET_KEYS.includes(p.split('.').pop() as string));

  it('scans every response of start, saveAnswers, leaderboard, listQuizzes, practiceToday and wrongBook', async () => {
    await importBank(cloud);
    const quizId = await createQuiz(cloud);
    const responses: Array<[string, unknown]> = [];
    const record = async (name: string, p: Promise<unknown>) => responses.push([name, await expectOk(p as never)]);

    const s: StartResult = (await expectOk(call('start', { quizId }, MEMBER))) as StartResult;
    responses.push(['start', s]);
    await record('start (resumed)', call('start', { quizId }, MEMBER));
    await record(
      'saveAnswers',
      call('saveAnswers', { attemptId: s.attemptId, answers: answersFor(s.questions, 3) }, MEMBER),
    );
    const other: StartResult = (await expectOk(call('start', { quizId }, LI))) as StartResult;
    await expectOk(call('submit', { attemptId: other.attemptId, answers: answersFor(other.questions, 5) }, LI));
    for (const who of [MEMBER, LI, ADMIN, SECRETARY]) {
      await record(`listQuizzes ${who}`, call('listQuizzes', {}, who));
      await record(`leaderboard member ${who}`, call('leaderboard', { quizId, by: 'member' }, who));
      await record(`leaderboard org ${who}`, call('leaderboard', { quizId, by: 'org' }, who));
    }
    const today = await expectOk(call('practiceToday', {}, MEMBER));
    responses.push(['practiceToday', today]);
    const q = today.questions[0] as QuestionView;
    await expectOk(call('practiceAnswer', { questionId: q.questionId, answer: wrongShown(q), from: 'today' }, MEMBER));
    const todayAfter = await expectOk(call('practiceToday', {}, MEMBER));
    // Only the answered question's answer is there, inside `answered`.
    expect(Object.keys(todayAfter.answered)).toEqual([q.questionId]);
    responses.push(['practiceToday (answered removed)', { ...todayAfter, answered: {} }]);
    await record('wrongBook', call('wrongBook', {}, MEMBER));

    for (const [name, response] of responses) expect([name, leaks(response)]).toEqual([name, []]);
    // And no right option is marked in any other way: the open attempt's stored answers never appear as text.
    const stored = await getDoc('quiz_attempts', s.attemptId);
    const analyses = (stored?.questions as Array<{ analysis: string }>).map((x) => x.analysis);
    const all = JSON.stringify(responses);
    for (const a of analyses) expect(all).not.toContain(a);
  });
});

describe('database operations per call', () => {
  it('keeps start, submit and the boards to a handful of reads, whatever the number of attempts', async () => {
    await importBank(cloud);
    const quizId = await createQuiz(cloud);
    const start = await cloud.countOps(() => call('start', { quizId }, MEMBER));
    const s = (start.result as { data: StartResult }).data;
    expect(start.reads).toBeLessThanOrEqual(5);
    expect(start.writes).toBe(1);
    const submit = await cloud.countOps(() =>
      call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 5) }, MEMBER),
    );
    expect(submit.result).toMatchObject({ ok: true });
    // Caller, attempt, best and its shard of the branch sums (one transaction), (points: entry + day counter); the
    // attempt, best, shard and points writes, and the attempt marked applied (what lets the timer finish a submit
    // that stopped half-way).
    expect(submit.reads).toBeLessThanOrEqual(6);
    expect(submit.writes).toBeLessThanOrEqual(6);

    const boardReads = async () => {
      const m = await cloud.countOps(() => call('leaderboard', { quizId, by: 'member' }, MEMBER));
      const o = await cloud.countOps(() => call('leaderboard', { quizId, by: 'org' }, MEMBER));
      return [m.reads, o.reads];
    };
    // The first org board counts the roster (one aggregation more); later ones read the stored sizes.
    await boardReads();
    const before = await boardReads();
    for (const who of [LI, LIU, ZHAO, SECRETARY]) {
      const x: StartResult = (await expectOk(call('start', { quizId }, who))) as StartResult;
      await expectOk(call('submit', { attemptId: x.attemptId, answers: answersFor(x.questions, 4) }, who));
    }
    expect(await boardReads()).toEqual(before);
    expect(before[0]).toBeLessThanOrEqual(6);
    expect(before[1]).toBeLessThanOrEqual(6);
  });

  it('keeps the list, practice and 错题本 views to a few reads and no writes once made', async () => {
    await importBank(cloud);
    await createQuiz(cloud);
    const list = await cloud.countOps(() => call('listQuizzes', {}, MEMBER));
    expect(list).toMatchObject({ reads: 4, writes: 0 });
    const first = await cloud.countOps(() => call('practiceToday', {}, MEMBER));
    expect(first.writes).toBe(1);
    const again = await cloud.countOps(() => call('practiceToday', {}, MEMBER));
    // With a competition open, the bank's reservations and the caller's attempts in it are read too.
    expect(again).toMatchObject({ reads: 6, writes: 0 });
    const book = await cloud.countOps(() => call('wrongBook', {}, MEMBER));
    expect(book).toMatchObject({ reads: 5, writes: 0 });
  });
});
