// Shared set-up for the quiz function tests: a generated bank whose answers the tests know, competitions, and
// answering by option text (options come shuffled per member).
import type { QuestionView } from '../../src/domain/api/quiz';
import type { OrgSums } from '../../src/domain/quiz';
import { quizAddSums, quizStemKey } from '../../src/domain/quiz';
import type { TestCloud } from '../helpers/cloud';
import { expectOk } from '../helpers/cloud';
import { ADMIN, allDocs } from './support';

export interface BankEntry {
  type: 'single' | 'multiple' | 'judge';
  stem: string;
  options?: string[];
  answer: number[];
  analysis?: string;
  tags?: string[];
}

/** 12 单选 (tag 党章 or 党纪), 6 多选 (党章), 6 判断 (党纪), each with a 解析. */
export const BANK: BankEntry[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    type: 'single' as const,
    stem: `单选题第${i + 1}题：正确的是哪一项？`,
    options: ['甲', '乙', '丙', '丁'].map((o) => `${o}${i}`),
    answer: [i % 4],
    analysis: `单选${i + 1}的解析`,
    tags: [i % 2 ? '党章' : '党纪'],
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    type: 'multiple' as const,
    stem: `多选题第${i + 1}题：正确的有哪些？`,
    options: ['子', '丑', '寅', '卯', '辰'].map((o) => `${o}${i}`),
    answer: [0, 2 + (i % 3)],
    analysis: `多选${i + 1}的解析`,
    tags: ['党章'],
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    type: 'judge' as const,
    stem: `判断题第${i + 1}题：这句话对吗？`,
    answer: [i % 2],
    analysis: `判断${i + 1}的解析`,
    tags: ['党纪'],
  })),
];

const BY_KEY = new Map(BANK.map((q) => [quizStemKey(q.stem), q]));

export function bankEntry(stem: string): BankEntry {
  const q = BY_KEY.get(quizStemKey(stem));
  if (!q) throw new Error(`not a test bank question: ${stem}`);
  return q;
}

function optionsOf(q: BankEntry): string[] {
  return q.options ?? ['正确', '错误'];
}

/** The shown indexes of the right answer of a drawn question. */
export function rightShown(view: QuestionView): number[] {
  const q = bankEntry(view.stem);
  const right = new Set(q.answer.map((a) => optionsOf(q)[a]));
  return view.options.flatMap((o, i) => (right.has(o) ? [i] : []));
}

/** A wrong choice (shown indexes) of a drawn question: for 多选 one right option missed. */
export function wrongShown(view: QuestionView): number[] {
  const right = rightShown(view);
  if (view.type === 'multiple') return right.slice(1);
  return [view.options.findIndex((_, i) => !right.includes(i))];
}

/** Answers with the first `correct` questions right and the rest wrong. */
export function answersFor(questions: readonly QuestionView[], correct: number): Record<string, number[]> {
  return Object.fromEntries(questions.map((q, i) => [q.questionId, i < correct ? rightShown(q) : wrongShown(q)]));
}

export async function importBank(cloud: TestCloud): Promise<void> {
  const r = await expectOk(cloud.call('quiz', 'importQuestions', { questions: BANK }, ADMIN));
  if (r.errors.length || r.imported !== BANK.length) throw new Error(`bank import failed: ${JSON.stringify(r)}`);
}

const HOUR = 3600_000;
/** An ISO time `offsetMs` from now (the faked clock included), written with +08:00 as the pages send it. */
export function iso(offsetMs: number): string {
  return new Date(Date.now() + offsetMs + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export async function createQuiz(cloud: TestCloud, extra: Record<string, unknown> = {}): Promise<string> {
  const { quizId } = await expectOk(
    cloud.call(
      'quiz',
      'createQuiz',
      {
        title: '庆祝建党99周年知识竞赛',
        startAt: iso(-HOUR),
        endAt: iso(HOUR),
        questionCount: 10,
        timeLimitSec: 600,
        maxAttempts: 2,
        ...extra,
      },
      ADMIN,
    ),
  );
  return quizId;
}

/** A competition's branch sums as stored: its shards of quiz_stats added up. */
export async function branchSums(quizId: string): Promise<OrgSums> {
  const shards = (await allDocs('quiz_stats')).filter((d) => d.quizId === quizId && typeof d.shard === 'number');
  return quizAddSums(shards.map((d) => d.orgs as OrgSums));
}
