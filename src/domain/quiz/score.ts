// Scoring on the server: each question all or nothing, the attempt 0..100.
import { quizToOriginal } from './shuffle';

/**
 * Whether the chosen option indexes are exactly the answer (order and repeats do not matter). For 多选 this is all
 * or nothing: a missing or an extra option is wrong.
 *
 * @example quizIsCorrect([0, 2], [2, 0]) // true
 * @example quizIsCorrect([0, 2], [0])    // false (多选, one missing)
 * @example quizIsCorrect([1], [])        // false (unanswered)
 */
export function quizIsCorrect(answer: readonly number[], chosen: readonly number[]): boolean {
  const a = [...new Set(answer)].sort((x, y) => x - y);
  const c = [...new Set(chosen)].sort((x, y) => x - y);
  return a.length === c.length && a.every((v, i) => v === c[i]);
}

/**
 * The attempt's score: round(100 × correct / total), 0 for an empty paper.
 *
 * @example quizScore(2, 3) // 67
 * @example quizScore(0, 0) // 0
 */
export function quizScore(correct: number, total: number): number {
  return total > 0 ? Math.round((100 * correct) / total) : 0;
}

export interface ScoredQuestion {
  questionId: string;
  /** Original option indexes. */
  answer: readonly number[];
  /** The member's option order (`order[shown] = original`). */
  order: readonly number[];
}

export interface AttemptScore {
  correct: number;
  total: number;
  score: number;
  /** Per question, in the paper's order: what was chosen (original indexes) and whether it was right. */
  results: Array<{ questionId: string; chosen: number[]; correct: boolean }>;
}

/**
 * Scores an attempt from the member's answers, given in SHOWN indexes per questionId. Answers to questions not
 * on the paper are ignored; unanswered questions are wrong.
 *
 * @example
 * quizScoreAttempt([{ questionId: 'q1', answer: [1], order: [1, 0] }, { questionId: 'q2', answer: [0, 2], order: [0, 1, 2] }],
 *                  { q1: [0], q2: [0] })
 * // { correct: 1, total: 2, score: 50, results: [{ questionId: 'q1', chosen: [1], correct: true }, { questionId: 'q2', chosen: [0], correct: false }] }
 */
export function quizScoreAttempt(
  questions: readonly ScoredQuestion[],
  answers: Readonly<Record<string, readonly number[]>>,
): AttemptScore {
  const results = questions.map((q) => {
    const shown = Object.prototype.hasOwnProperty.call(answers, q.questionId) ? answers[q.questionId] : [];
    const chosen = quizToOriginal(shown, q.order);
    return { questionId: q.questionId, chosen: chosen.filter((c) => c >= 0), correct: quizIsCorrect(q.answer, chosen) };
  });
  const correct = results.filter((r) => r.correct).length;
  return { correct, total: questions.length, score: quizScore(correct, questions.length), results };
}
