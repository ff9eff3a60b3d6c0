// 知识竞赛 constants shared by the quiz function, the ranking timer and the pages.

export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Options A–F. */
export const OPTIONS_MAX = 6;
export const STEM_MAX_CHARS = 300;
export const OPTION_MAX_CHARS = 120;
export const ANALYSIS_MAX_CHARS = 600;
export const TAGS_MAX = 5;
export const TAG_MAX_CHARS = 16;

/**
 * How long after an attempt's deadline a submit still counts in full: the phone's countdown auto-submits at zero
 * and the request needs time to arrive over a weak network. Later submits are closed with the answers saved on
 * the server (`saveAnswers`) and marked late.
 *
 * @example deadlineMs + QUIZ_GRACE_MS // the last moment a submit's own answers are accepted
 */
export const QUIZ_GRACE_MS = 30_000;

/**
 * An attempt is flagged for admins when it averages less than this per question (nobody reads a question and
 * its options in under a second).
 *
 * @example quizTooFast(9_000, 10) // true: 0.9 s per question
 */
export const QUIZ_FAST_MS_PER_QUESTION = 1000;

/**
 * Questions in one day's practice (points for practice and competitions are set in src/domain/points/config.ts).
 *
 * @example quizPracticeDraw(bankIds, '2020-07-01', memberId, QUIZ_PRACTICE_COUNT) // five questions
 */
export const QUIZ_PRACTICE_COUNT = 5;

/**
 * Whether an attempt was suspiciously fast: under QUIZ_FAST_MS_PER_QUESTION per question on average.
 *
 * @example quizTooFast(9_000, 10)  // true
 * @example quizTooFast(10_000, 10) // false
 */
export function quizTooFast(durationMs: number, questions: number): boolean {
  return questions > 0 && durationMs / questions < QUIZ_FAST_MS_PER_QUESTION;
}
