// The demo question bank: every question is valid input for the quiz contract, well formed for its type, and its 解析
// quotes the 2020 plan verbatim (checked against the seed document when it is present next to the repository).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_QUESTIONS } from '../../emulator/demo/questions';
import { demoQuizAnswers } from '../../emulator/demo/quiz';
import type { QuestionView } from '../../src/domain/api/quiz';
import { QUESTION_TYPES, quizSchemas } from '../../src/domain/api/quiz';
import {
  JUDGE_OPTIONS,
  quizIsCorrect,
  quizNormaliseQuestion,
  quizOptionOrder,
  quizShownOptions,
  quizStemKey,
  quizToOriginal,
} from '../../src/domain/quiz';

const SEED_FILE = join(__dirname, '../../../shared/seed/2020-机关党建工作计划.txt');

/** The 「…」 quotations of a 解析. */
const quotes = (analysis: string) => [...analysis.matchAll(/「([^」]+)」/g)].map((m) => m[1]);

const byType = (type: string) => DEMO_QUESTIONS.filter((q) => q.type === type);

describe('demo question bank', () => {
  it('has at least 60 questions of every type', () => {
    expect(DEMO_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    for (const type of QUESTION_TYPES) expect(byType(type).length).toBeGreaterThanOrEqual(15);
  });

  it.each(DEMO_QUESTIONS.map((q, i) => [i, q.stem, q] as const))(
    '#%i passes the saveQuestion schema: %s',
    (_i, _stem, q) => {
      const parsed = quizSchemas.saveQuestion.safeParse(q);
      expect(parsed.error?.issues ?? []).toEqual([]);
      // Nothing was trimmed or coerced away: the bank is stored as written.
      expect(parsed.data).toEqual(q);
      // The bank's own rules (what importQuestions applies) accept it unchanged too.
      expect(quizNormaliseQuestion(q)).toEqual({ ok: true, question: q });
    },
  );

  it('has unique stems (as the import finds duplicates), and unique options within each question', () => {
    const stems = DEMO_QUESTIONS.map((q) => quizStemKey(q.stem));
    expect(stems.filter((s, i) => stems.indexOf(s) !== i)).toEqual([]);
    for (const q of DEMO_QUESTIONS) expect(new Set(q.options).size).toBe(q.options.length);
  });

  it('gives answers as distinct, ascending option indexes in range', () => {
    for (const q of DEMO_QUESTIONS) {
      for (const a of q.answer) expect(a).toBeGreaterThanOrEqual(0);
      for (const a of q.answer) expect(a).toBeLessThan(q.options.length);
      expect([...new Set(q.answer)].sort((x, y) => x - y)).toEqual(q.answer);
    }
  });

  it('shapes 单选 as four options with exactly one answer', () => {
    for (const q of byType('single')) {
      expect(q.options).toHaveLength(4);
      expect(q.answer).toHaveLength(1);
    }
  });

  it('shapes 多选 as 4–5 options with at least two answers and at least one wrong option', () => {
    for (const q of byType('multiple')) {
      expect(q.options.length).toBeGreaterThanOrEqual(4);
      expect(q.options.length).toBeLessThanOrEqual(5);
      expect(q.answer.length).toBeGreaterThanOrEqual(2);
      expect(q.answer.length).toBeLessThan(q.options.length);
    }
  });

  it('shapes 判断 as the options 正确 / 错误 with one answer', () => {
    for (const q of byType('judge')) {
      expect(q.options).toEqual([...JUDGE_OPTIONS]);
      expect(q.answer).toHaveLength(1);
    }
  });

  it('varies where the correct option sits', () => {
    const singles = byType('single');
    for (let i = 0; i < 4; i++) {
      expect(singles.filter((q) => q.answer[0] === i).length).toBeGreaterThanOrEqual(singles.length / 8);
    }
    const judges = byType('judge');
    const trueCount = judges.filter((q) => q.answer[0] === 0).length;
    expect(trueCount).toBeGreaterThanOrEqual(judges.length * 0.3);
    expect(judges.length - trueCount).toBeGreaterThanOrEqual(judges.length * 0.3);
    // A multiple-choice answer is not always "all but the last".
    const patterns = new Set(byType('multiple').map((q) => q.answer.join(',')));
    expect(patterns.size).toBeGreaterThanOrEqual(5);
  });

  it('tags every question and quotes the plan in every 解析', () => {
    for (const q of DEMO_QUESTIONS) {
      expect(q.tags.length).toBeGreaterThanOrEqual(1);
      expect(q.analysis.trim().length).toBeGreaterThan(0);
      expect(quotes(q.analysis).length).toBeGreaterThanOrEqual(1);
    }
    // The tags the brief names for the bank are all in use.
    const tags = new Set(DEMO_QUESTIONS.flatMap((q) => q.tags));
    for (const t of ['模范机关', '党建质量', '三会一课', '党风廉政', '学习教育', '基层组织', '政风行风']) {
      expect(tags).toContain(t);
    }
  });

  (existsSync(SEED_FILE) ? it : it.skip)('quotes only sentences that really are in the seed document', () => {
    const seed = readFileSync(SEED_FILE, 'utf8');
    const missing = DEMO_QUESTIONS.flatMap((q) => quotes(q.analysis).filter((s) => !seed.includes(s)));
    expect(missing).toEqual([]);
  });
});

describe('demoQuizAnswers (how the seeded members answer)', () => {
  // Ten questions of every type, with options shuffled per member as `start` shows them.
  const picked = [...byType('single').slice(0, 4), ...byType('multiple').slice(0, 3), ...byType('judge').slice(0, 3)];
  const paper = (member: string) =>
    picked.map((q, i) => {
      const order = quizOptionOrder(q.type, q.options.length, `${member}:${i}`);
      const view: QuestionView = {
        questionId: `q${i}`,
        type: q.type,
        stem: q.stem,
        options: quizShownOptions(q.options, order),
      };
      return { q, order, view };
    });

  it.each([0, 4, 7, 10])('answers exactly the first %i of 10 right, whatever the option order', (correct) => {
    for (const member of ['m1', 'm2', 'm3']) {
      const shown = paper(member);
      const answers = demoQuizAnswers(
        shown.map((s) => s.view),
        correct,
      );
      const right = shown.map(({ q, order, view }) =>
        quizIsCorrect(q.answer, quizToOriginal(answers[view.questionId], order)),
      );
      expect(right).toEqual(shown.map((_, i) => i < correct));
      // Every answer is a real choice: in range and not empty.
      for (const { view } of shown) {
        expect(answers[view.questionId].length).toBeGreaterThan(0);
        for (const a of answers[view.questionId]) expect(a).toBeLessThan(view.options.length);
      }
    }
  });

  it('refuses a question that is not in the demo bank', () => {
    const view: QuestionView = { questionId: 'x', type: 'judge', stem: '不在题库中的题目', options: ['正确', '错误'] };
    expect(() => demoQuizAnswers([view], 1)).toThrow(/not a demo bank question/);
  });
});
