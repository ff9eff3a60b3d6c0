// Demo 知识竞赛 data through the quiz function: the bank, the open 七一 competition with a dozen members' results, and
// an earlier closed 专项测试; run as part of the demo seed (seed.ts) on an empty database.
import type { QuestionView, QuizSummary, StartResult } from '../../src/domain/api/quiz';
import { QUIZ_FAST_MS_PER_QUESTION, quizStemKey } from '../../src/domain/quiz';
import type { DemoQuestion } from './questions';
import { DEMO_QUESTIONS } from './questions';

export type DemoCall = <T = unknown>(fn: string, action: string, data: unknown, openid?: string) => Promise<T>;

export const DEMO_QUIZ_TITLES = {
  open: '庆祝建党99周年“七一”党的知识竞赛',
  past: '“学党规、守党纪”党规党纪知识测试',
} as const;

/** The 七一 competition: 10 questions (4 单选, 3 多选, 3 判断), 10 minutes, two attempts, every org. */
const OPEN_QUIZ = {
  questionCount: 10,
  perType: { single: 4, multiple: 3, judge: 3 },
  timeLimitSec: 600,
  maxAttempts: 2,
};

/**
 * Members who have taken the 七一 competition, by roster index (seed.ts's DEMO_ROSTER), with how many of their 10
 * answers are right. demo-member (张伟) is left out so that the browser test takes the competition fresh; the
 * other demo identities are bound where seed.ts binds them, the rest are background openids like the raters.
 */
export const DEMO_QUIZ_PARTICIPANTS: ReadonlyArray<{ openid: string; member: number; correct: number }> = [
  { openid: 'demo-secretary', member: 0, correct: 9 },
  { openid: 'demo-member-2', member: 2, correct: 8 },
  { openid: 'demo-member-3', member: 6, correct: 10 },
  { openid: 'demo-quizzer-1', member: 3, correct: 7 },
  { openid: 'demo-quizzer-2', member: 4, correct: 9 },
  { openid: 'demo-quizzer-3', member: 7, correct: 6 },
  { openid: 'demo-quizzer-4', member: 9, correct: 8 },
  { openid: 'demo-quizzer-5', member: 12, correct: 10 },
  { openid: 'demo-quizzer-6', member: 13, correct: 5 },
  { openid: 'demo-quizzer-7', member: 15, correct: 7 },
  { openid: 'demo-quizzer-8', member: 18, correct: 9 },
  { openid: 'demo-quizzer-9', member: 21, correct: 4 },
];

/** One more member who answers in a fraction of a second: the attempt admins see under 疑似过快作答. */
export const DEMO_QUIZ_FAST_PARTICIPANT = { openid: 'demo-quizzer-10', member: 22, correct: 7 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** ISO 8601 in Asia/Shanghai, as the functions take times. */
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

const BANK = new Map<string, DemoQuestion>(DEMO_QUESTIONS.map((q) => [quizStemKey(q.stem), q]));

/**
 * The answers one member gives to the questions `start` drew, in the order shown: the first `correct` right, the
 * rest wrong in the ways people get them wrong (a plausible other option; for 多选 one right option missed). The
 * right answer is found by stem in the bank and by option text, because options come shuffled per member.
 */
export function demoQuizAnswers(questions: readonly QuestionView[], correct: number): Record<string, number[]> {
  const answers: Record<string, number[]> = {};
  questions.forEach((view, i) => {
    const source = BANK.get(quizStemKey(view.stem));
    if (!source) throw new Error(`演示题库中没有这道题 / not a demo bank question: ${view.stem}`);
    const right = new Set(source.answer.map((a) => source.options[a]));
    const rightIdx = view.options.flatMap((o, j) => (right.has(o) ? [j] : []));
    const wrongIdx = view.options.flatMap((o, j) => (right.has(o) ? [] : [j]));
    if (rightIdx.length !== right.size || wrongIdx.length === 0)
      throw new Error(`选项与演示题库不一致 / options differ from the bank: ${view.stem}`);
    if (i < correct) answers[view.questionId] = rightIdx;
    else if (view.type === 'multiple') answers[view.questionId] = rightIdx.slice(1);
    else answers[view.questionId] = [wrongIdx[i % wrongIdx.length]];
  });
  return answers;
}

/**
 * Imports the bank as the admin, creates the competitions and lets the participants answer. The participants
 * start together and submit only after a second per question, as people do, so that their attempts are not
 * flagged as too fast (this waits about 11 s, once, on the first start). Skipped when the 七一 competition exists.
 */
export async function seedDemoQuiz(
  call: DemoCall,
  admin: string,
  roster: ReadonlyArray<{ name: string; phone: string }>,
): Promise<void> {
  const { quizzes } = await call<{ quizzes: QuizSummary[] }>('quiz', 'listQuizzes', {}, admin);
  if (quizzes.some((q) => q.title === DEMO_QUIZ_TITLES.open)) return;

  const imported = await call<{ imported: number; updated: number; errors: unknown[] }>(
    'quiz',
    'importQuestions',
    { questions: DEMO_QUESTIONS },
    admin,
  );
  if (imported.errors.length || imported.imported + imported.updated !== DEMO_QUESTIONS.length)
    throw new Error(`演示题库导入有错误 / demo bank rows failed: ${JSON.stringify(imported)}`);

  const now = Date.now();
  const day = 86400_000;
  // An earlier 专项测试 on 党风廉政 that has closed (nobody took it in the demo).
  await call(
    'quiz',
    'createQuiz',
    {
      title: DEMO_QUIZ_TITLES.past,
      description: '结合纪律教育月活动开展的党规党纪知识测试（演示）。',
      startAt: iso(now - 40 * day),
      endAt: iso(now - 33 * day),
      questionCount: 10,
      timeLimitSec: 900,
      maxAttempts: 1,
      tags: ['党风廉政'],
    },
    admin,
  );
  const { quizId } = await call<{ quizId: string }>(
    'quiz',
    'createQuiz',
    {
      title: DEMO_QUIZ_TITLES.open,
      description: '纪念建党99周年，全市机关党员参加。题目出自《2020年机关党建工作计划》，每人可答两次，取最好成绩。',
      startAt: iso(now - 3600_000),
      endAt: iso(now + 7 * day),
      ...OPEN_QUIZ,
    },
    admin,
  );

  for (const p of [...DEMO_QUIZ_PARTICIPANTS, DEMO_QUIZ_FAST_PARTICIPANT]) {
    await call('user', 'bind', { name: roster[p.member].name, phone: roster[p.member].phone }, p.openid);
  }

  const started: Array<{ startedAt: number; attempt: StartResult; correct: number; openid: string }> = [];
  for (const p of DEMO_QUIZ_PARTICIPANTS) {
    const attempt = await call<StartResult>('quiz', 'start', { quizId }, p.openid);
    // Taken after the reply: the server's clock started the attempt no later than this.
    started.push({ startedAt: Date.now(), attempt, correct: p.correct, openid: p.openid });
  }

  const fast = await call<StartResult>('quiz', 'start', { quizId }, DEMO_QUIZ_FAST_PARTICIPANT.openid);
  await call(
    'quiz',
    'submit',
    { attemptId: fast.attemptId, answers: demoQuizAnswers(fast.questions, DEMO_QUIZ_FAST_PARTICIPANT.correct) },
    DEMO_QUIZ_FAST_PARTICIPANT.openid,
  );

  const minMs = OPEN_QUIZ.questionCount * QUIZ_FAST_MS_PER_QUESTION + 100;
  for (const s of started) {
    await sleep(s.startedAt + minMs - Date.now());
    await call(
      'quiz',
      'submit',
      { attemptId: s.attempt.attemptId, answers: demoQuizAnswers(s.attempt.questions, s.correct) },
      s.openid,
    );
  }
}
