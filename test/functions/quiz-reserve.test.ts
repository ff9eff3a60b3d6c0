// The `quiz` function keeps an open competition's answers secret: practice, the 错题本 and other competitions'
// results never show the answer of a question an open competition may draw, and practice still has questions.
import type { AttemptResult, QuestionView } from '../../src/domain/api/quiz';
import { QUIZ_PRACTICE_COUNT } from '../../src/domain/quiz';
import type { TestCloud } from '../helpers/cloud';
import { advance, fakeClock } from '../helpers/clock';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { answersFor, BANK, createQuiz, importBank, iso, wrongShown } from './quiz-support';
import { ADMIN, getDoc, MEMBER, ROSTER, seedBasic, seedRoles } from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'quiz'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('quiz', action, data, openid);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Other bound members (roster entries 2..6) to sample practice draws across people. */
const OTHERS = ['m-a', 'm-b', 'm-c', 'm-d', 'm-e'];

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  for (const [i, openid] of OTHERS.entries())
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[i + 2].name, phone: ROSTER[i + 2].phone }, openid));
  await importBank(cloud);
  fakeClock(new Date('2020-07-01T01:00:00Z'));
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

async function poolOf(quizId: string): Promise<Set<string>> {
  const quiz = await getDoc('quizzes', quizId);
  return new Set((quiz?.pool as Array<{ questionId: string }>).map((q) => q.questionId));
}

describe('an open competition reserves its pool', () => {
  it('leaves practice questions no open competition can draw, for every member and day', async () => {
    const quizId = await createQuiz(cloud, { startAt: iso(-HOUR), endAt: iso(7 * DAY) });
    const pool = await poolOf(quizId);
    // The bank of 24 keeps a quarter for practice; the competition still draws 10 of the other 18 per person.
    expect(pool.size).toBe(BANK.length - 6);
    for (let d = 0; d < 5; d++) {
      for (const who of [MEMBER, ...OTHERS]) {
        const today = await expectOk(call('practiceToday', {}, who));
        expect(today.questions).toHaveLength(QUIZ_PRACTICE_COUNT);
        for (const q of today.questions as QuestionView[]) expect(pool.has(q.questionId)).toBe(false);
      }
      advance(DAY);
    }
  });

  it('hides a question of the morning practice that a competition created later holds, and refuses its answer', async () => {
    // Practice draws at random per member and day: take a member whose morning holds both 党纪 and other questions,
    // then a 党纪 competition (5 of 12, so it reserves all 12 and practice keeps the 12 others).
    const isDangji = (q: QuestionView) => BANK.find((b) => b.stem === q.stem)?.tags?.includes('党纪') ?? false;
    let who = MEMBER;
    let before: { questions: QuestionView[] } = await expectOk(call('practiceToday', {}, who));
    for (const other of OTHERS) {
      if (before.questions.some(isDangji) && !before.questions.every(isDangji)) break;
      who = other;
      before = await expectOk(call('practiceToday', {}, who));
    }
    const quizId = await createQuiz(cloud, { questionCount: 5, tags: ['党纪'], startAt: iso(-HOUR), endAt: iso(DAY) });
    const pool = await poolOf(quizId);
    const held = before.questions.filter((q) => pool.has(q.questionId));
    expect(held.length).toBeGreaterThan(0);
    const after = await expectOk(call('practiceToday', {}, who));
    expect(after.questions.length).toBeGreaterThan(0);
    expect(after.questions.map((q: QuestionView) => q.questionId)).toEqual(
      before.questions.filter((q) => !pool.has(q.questionId)).map((q) => q.questionId),
    );
    const refused = await expectError(
      call('practiceAnswer', { questionId: held[0].questionId, answer: [0], from: 'today' }, who),
      'FAILED_PRECONDITION',
    );
    expect(JSON.stringify(refused)).not.toContain('answer');
    // Answering the rest finishes the day.
    let last;
    for (const q of after.questions as QuestionView[])
      last = await expectOk(
        call('practiceAnswer', { questionId: q.questionId, answer: wrongShown(q), from: 'today' }, who),
      );
    expect(last).toMatchObject({ done: true, streak: 1 });
  });

  it('locks a 错题本 question while a competition holds it, and frees it when the competition closes', async () => {
    const today = await expectOk(call('practiceToday', {}, MEMBER));
    for (const q of today.questions as QuestionView[])
      await expectOk(
        call('practiceAnswer', { questionId: q.questionId, answer: wrongShown(q), from: 'today' }, MEMBER),
      );
    const quizId = await createQuiz(cloud, { startAt: iso(-HOUR), endAt: iso(DAY) });
    const pool = await poolOf(quizId);
    const book = await expectOk(call('wrongBook', {}, MEMBER));
    const locked = book.entries.filter((e: { locked: boolean }) => e.locked);
    expect(locked.map((e: { questionId: string }) => e.questionId).sort()).toEqual(
      (today.questions as QuestionView[])
        .map((q) => q.questionId)
        .filter((id) => pool.has(id))
        .sort(),
    );
    expect(locked.length).toBeGreaterThan(0);
    for (const e of book.entries) expect(e).not.toHaveProperty('answer');
    await expectError(
      call('practiceAnswer', { questionId: locked[0].questionId, answer: [0], from: 'wrong' }, MEMBER),
      'FAILED_PRECONDITION',
    );

    advance(DAY + 1000);
    const later = await expectOk(call('wrongBook', {}, MEMBER));
    expect(later.entries.every((e: { locked: boolean }) => !e.locked)).toBe(true);
    const r = await expectOk(
      call('practiceAnswer', { questionId: locked[0].questionId, answer: [0], from: 'wrong' }, MEMBER),
    );
    expect(r.answer.length).toBeGreaterThan(0);
  });

  it("withholds, on a finished competition's result, the answers of questions another open one can draw", async () => {
    const running = await createQuiz(cloud, { startAt: iso(-HOUR), endAt: iso(7 * DAY) });
    const held = await poolOf(running);
    // 5 of the 12 党纪 questions: whichever of them the running competition left to practice, this one can give back.
    const done = await createQuiz(cloud, {
      title: '党规党纪测试',
      questionCount: 5,
      startAt: iso(-HOUR),
      endAt: iso(DAY),
      maxAttempts: 1,
      tags: ['党纪'],
    });
    const attempt = await expectOk(call('start', { quizId: done }, MEMBER));
    await expectOk(call('submit', { attemptId: attempt.attemptId, answers: answersFor(attempt.questions, 5) }, MEMBER));
    const result: AttemptResult = await expectOk(call('result', { attemptId: attempt.attemptId }, MEMBER));
    expect(result.revealed).toBe(true);
    const withheld = result.questions.filter((q) => q.withheld);
    expect(withheld.map((q) => q.questionId).sort()).toEqual(
      result.questions
        .map((q) => q.questionId)
        .filter((id) => held.has(id))
        .sort(),
    );
    expect(withheld.length).toBeGreaterThan(0);
    for (const q of withheld) expect(q).toMatchObject({ answer: [], analysis: null, correct: false });
    for (const q of result.questions.filter((x) => !x.withheld)) expect(q.answer.length).toBeGreaterThan(0);
  });

  it('refuses a competition that would leave practice less than a day of questions, saying why', async () => {
    const error = await expectError(
      cloud.call(
        'quiz',
        'createQuiz',
        {
          title: '全题库竞赛',
          startAt: iso(-HOUR),
          endAt: iso(DAY),
          questionCount: 22,
          perType: { single: 12, multiple: 5, judge: 5 },
          timeLimitSec: 600,
          maxAttempts: 1,
        },
        ADMIN,
      ),
      'FAILED_PRECONDITION',
    );
    expect(error.message).toContain('每日一练只剩 2 道');
  });
});
