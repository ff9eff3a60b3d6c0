// 知识竞赛 in the H5 build, in a real browser against the local cloud with the demo data: a member opens the 七一
// competition from 学习, answers (a reload keeps the answers), submits, reads the result with 解析 and finds the own
// rank pinned on the leaderboard; does 每日一练; an admin sees the competition's leaderboard and the flagged attempt.
import type { Page } from 'playwright-core';
import { DEMO_QUESTIONS } from '../../emulator/demo/questions';
import { DEMO_QUIZ_TITLES } from '../../emulator/demo/quiz';
import type { LeaderboardResult, PracticeToday, QuizSummary, StartResult } from '../../src/domain/api/quiz';
import { JUDGE_OPTIONS, quizStemKey } from '../../src/domain/quiz';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, confirmModal, scrollTo, settled, shown, textOf, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
/** 张伟: bound by the demo seed and left out of the seeded results, so that the competition is fresh for him. */
const MEMBER = 'demo-member';
/** How many of the 10 questions the member answers right. */
const RIGHT = 8;

const BANK = new Map(DEMO_QUESTIONS.map((q) => [quizStemKey(q.stem), q]));

/** The option indexes (as shown to this member) of the right answer, found by stem and option text. */
type Shown = StartResult['questions'][number];

function rightAnswer(q: Shown): number[] {
  const bank = BANK.get(quizStemKey(q.stem));
  if (!bank) throw new Error(`not in the demo bank: ${q.stem}`);
  const options = bank.type === 'judge' ? [...JUDGE_OPTIONS] : bank.options;
  return bank.answer.map((i) => q.options.indexOf(options[i])).sort((a, b) => a - b);
}

/** A wrong answer: for a multiple question one right option missed, otherwise another option. */
function wrongAnswer(q: Shown): number[] {
  const right = rightAnswer(q);
  if (q.type === 'multiple') return right.slice(1);
  return [q.options.findIndex((_, i) => !right.includes(i))];
}

describeBrowser('知识竞赛 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  const withPage = (name: string, openid: string, hash: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, hash, fn, openid);

  it('a member takes the 七一 competition, sees the result with 解析 and the own rank; an admin sees the board', async () => {
    const { data } = emu();
    const { quizzes } = await data<{ quizzes: QuizSummary[] }>('quiz', 'listQuizzes', {}, MEMBER);
    const quiz = quizzes.find((q) => q.title === DEMO_QUIZ_TITLES.open);
    if (!quiz) throw new Error('the demo seed did not create the 七一 competition');
    expect(quiz.mine).toMatchObject({ attemptsUsed: 0, openAttemptId: null });
    let attemptId = '';
    let expectedScore = 0;

    await withPage('quiz-member', MEMBER, '/pages/study/index', async (page) => {
      await waitForText(page, '.study-entry', '每日一练');
      await settled(page);
      await screenshot(page, 'quiz-study-entries');
      await shown(page, '.study-entry').filter({ hasText: '知识竞赛' }).click();
      const card = shown(page, '.quiz-card').filter({ hasText: DEMO_QUIZ_TITLES.open });
      await card.waitFor();
      await settled(page);
      await screenshot(page, 'quiz-list');
      await card.locator('.quiz-card__start').click();
      await confirmModal(page, /共 10 题，限时 10 分钟/);
      await waitForText(page, '.quiz-bar__count', '第 1 / 10 题');

      // The same open attempt as the page shows (start resumes it): the questions in the member's order.
      const started = await data<StartResult>('quiz', 'start', { quizId: quiz.quizId }, MEMBER);
      expect(started.resumed).toBe(true);
      attemptId = started.attemptId;
      const plan = started.questions.map((q, i) => (i < RIGHT ? rightAnswer(q) : wrongAnswer(q)));
      expectedScore = Math.round((100 * RIGHT) / started.questions.length);

      const answer = async (i: number) => {
        await waitForText(page, '.quiz-bar__count', `第 ${i + 1} / 10 题`);
        for (const o of plan[i]) await shown(page, '.quiz-option').nth(o).click();
      };
      for (let i = 0; i < 3; i++) {
        await answer(i);
        if (i === 1) {
          await settled(page);
          await screenshot(page, 'quiz-answer');
        }
        await clickButton(page, '.quiz-nav__next');
      }
      // A reload (a locked phone, a closed page) keeps the answers and the place.
      await page.reload();
      await waitForText(page, '.quiz-answer__resumed', '已恢复上次未交卷的答题');
      await waitForText(page, '.quiz-bar__answered', '已答 3 题');
      await waitForText(page, '.quiz-bar__count', '第 4 / 10 题');
      for (let i = 3; i < 10; i++) {
        await answer(i);
        if (i < 9) await clickButton(page, '.quiz-nav__next');
      }
      await scrollTo(page, '.quiz-submit');
      await settled(page);
      await screenshot(page, 'quiz-answer-sheet');
      await clickButton(page, '.quiz-submit');
      await confirmModal(page, '交卷后不能再修改答案，确定交卷吗？');

      await waitForText(page, '.quiz-score__value', String(expectedScore));
      expect(await textOf(page, '.quiz-score__stat:first-child .quiz-score__figure')).toBe(`${RIGHT}/10`);
      expect(await shown(page, '.quiz-review').count()).toBe(10);
      expect(await shown(page, '.quiz-review--wrong').count()).toBe(10 - RIGHT);
      // One of two attempts used: the right answers stay on the server until the last one or the close.
      expect(await textOf(page, '.quiz-score__held')).toContain('正确答案和解析在您用完答题次数或竞赛结束');
      expect(await shown(page, '.quiz-reveal__right').count()).toBe(0);
      await settled(page);
      await screenshot(page, 'quiz-result');
      await scrollTo(page, '.quiz-review--wrong', 'start');
      await screenshot(page, 'quiz-result-review');

      await scrollTo(page, 'top');
      await clickButton(page, '.quiz-result__board');
      await waitForText(page, '.quiz-me__label', '我的排名');
      const board = await data<LeaderboardResult>('quiz', 'leaderboard', { quizId: quiz.quizId, by: 'member' }, MEMBER);
      expect(board.me?.score).toBe(expectedScore);
      await waitForText(page, '.quiz-me__rank', `第 ${board.me?.rank} 名`);
      await waitForText(page, '.quiz-board__name', '张伟');
      await settled(page);
      await screenshot(page, 'quiz-board');
      await shown(page, '.quiz-tabs__item--org').click();
      await waitForText(page, '.quiz-me__label', '我的支部');
      await waitForText(page, '.quiz-formula__line', '参与率');
      await settled(page);
      await screenshot(page, 'quiz-board-org');
    });

    // Stored as the page showed it: one submitted attempt, scored on the server.
    const result = await data<{ score: number; correct: number; total: number }>(
      'quiz',
      'result',
      { attemptId },
      MEMBER,
    );
    expect(result).toMatchObject({ score: expectedScore, correct: RIGHT, total: 10 });

    await withPage('quiz-admin', ADMIN, '/pages/mine/index', async (page) => {
      // From the admin entries of 我的, as an admin finds it.
      await shown(page, '.mine-menu__item').filter({ hasText: '题库导入与维护' }).click();
      const row = shown(page, '.quiz-admin-row').filter({ hasText: DEMO_QUIZ_TITLES.open });
      await row.waitFor();
      await settled(page);
      await screenshot(page, 'quiz-admin-list');
      await row.click();
      await waitForText(page, '.quiz-board__name', '张伟');
      await waitForText(page, '.quiz-flags .card__title', /疑似过快作答（[1-9]/);
      await settled(page);
      await screenshot(page, 'quiz-admin-view');
      await scrollTo(page, '.quiz-flags', 'start');
      await screenshot(page, 'quiz-admin-flagged');
    });

    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });

  it('a member does 每日一练 with feedback; an admin browses the bank and the import page', async () => {
    const PRACTISER = 'demo-member-2';
    const today = await emu().data<PracticeToday>('quiz', 'practiceToday', {}, PRACTISER);
    expect(today.questions.length).toBeGreaterThan(0);
    await withPage('quiz-practice', PRACTISER, '/pages/practice/index', async (page) => {
      await waitForText(page, '.quiz-hero__title', '每日一练');
      // A wrong answer: the feedback says so and the question goes into the 错题本.
      const first = shown(page, '.practice-q').first();
      for (const o of wrongAnswer(today.questions[0])) await first.locator('.quiz-option').nth(o).click();
      await first.locator('.practice-q__submit').click();
      await waitForText(page, '.quiz-reveal__verdict', '回答错误');
      await first.locator('.quiz-reveal__analysis').waitFor();
      await waitForText(page, '.practice-hero__value', /^1\/\d+$/);
      await settled(page);
      await screenshot(page, 'quiz-practice');
      await shown(page, '.practice-wrong').click();
      await waitForText(page, '.quiz-hero__title', '错题本');
      await waitForText(page, '.wrong-entry .quiz-stem', today.questions[0].stem);
      await settled(page);
      await scrollTo(page, 'top');
      await screenshot(page, 'quiz-wrong-book');
    });
    await withPage('quiz-bank', ADMIN, '/admin/quiz-bank/index', async (page) => {
      await waitForText(page, '.admin-head__sub', /共 \d+ 题/);
      expect(await shown(page, '.quiz-q').count()).toBeGreaterThan(10);
      await settled(page);
      await screenshot(page, 'quiz-admin-bank');
      await shown(page, '.quiz-q__edit').first().click();
      await waitForText(page, '.admin-form .card__title', '编辑题目');
      await settled(page);
      await screenshot(page, 'quiz-admin-editor');
    });
    await withPage('quiz-form', ADMIN, '/admin/quiz-form/index', async (page) => {
      await waitForText(page, '.card__title', '新建竞赛');
      await waitForText(page, '.check-list__row', '模范机关');
      await settled(page);
      await screenshot(page, 'quiz-admin-form');
    });
    await withPage('quiz-import', ADMIN, '/admin/quiz-import/index', async (page) => {
      await waitForText(page, '.quiz-import__columns', '题型、题干、选项A');
      await settled(page);
      await screenshot(page, 'quiz-admin-import');
    });
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
