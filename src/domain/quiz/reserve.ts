// Competition pools and practice: an open competition reserves the questions it can draw until it closes, so that
// no answer of them is shown anywhere (每日一练, 错题本, other results) while someone may still take it.
import type { DrawCandidate, DrawSpec } from './draw';
import { quizDrawProblem, quizEligible } from './draw';
import { QUIZ_PRACTICE_COUNT } from './limits';
import { quizShuffled } from './random';

/** The questions a competition may draw, reserved from its creation until it closes (`untilMs`, its end). */
export interface QuizReservation {
  quizId: string;
  untilMs: number;
  /** A member who has submitted this many attempts can no longer take it, so it holds nothing back from them. */
  maxAttempts: number;
  questionIds: readonly string[];
}

/**
 * Practice keeps at least this share of the bank (1 in 4) while competitions are open, up to
 * QUIZ_PRACTICE_KEEP_MAX questions: enough for varied daily practice without starving a competition's draw.
 */
export const QUIZ_PRACTICE_SHARE = 4;
export const QUIZ_PRACTICE_KEEP_MAX = 30;

/**
 * How many of a bank's active questions practice keeps out of competitions' pools.
 *
 * @example quizPracticeKeep(24) // 6
 * @example quizPracticeKeep(400) // 30
 */
export function quizPracticeKeep(bankSize: number): number {
  return Math.min(QUIZ_PRACTICE_KEEP_MAX, Math.ceil(bankSize / QUIZ_PRACTICE_SHARE));
}

/** The competitions whose reservations are in force at `nowMs` (not closed yet). */
export function quizOpenReservations(reservations: readonly QuizReservation[], nowMs: number): QuizReservation[] {
  return reservations.filter((r) => r.untilMs > nowMs);
}

/**
 * The questions held back from a member at `nowMs`: those of competitions that have not closed, except the ones in
 * `free` (competitions the member can no longer take, or whose own result follows its own reveal rule).
 *
 * @example quizReservedIds([{ quizId: 'qz_1', untilMs: 2000, maxAttempts: 1, questionIds: ['q1'] }], 1000) // Set { 'q1' }
 * @example quizReservedIds([{ quizId: 'qz_1', untilMs: 2000, maxAttempts: 1, questionIds: ['q1'] }], 2000) // Set {}: closed
 * @example quizReservedIds([{ quizId: 'qz_1', untilMs: 2000, maxAttempts: 1, questionIds: ['q1'] }], 1000, ['qz_1']) // Set {}
 */
export function quizReservedIds(
  reservations: readonly QuizReservation[],
  nowMs: number,
  free: Iterable<string> = [],
): Set<string> {
  const skip = new Set(free);
  const ids = new Set<string>();
  for (const r of quizOpenReservations(reservations, nowMs)) {
    if (skip.has(r.quizId)) continue;
    for (const id of r.questionIds) ids.add(id);
  }
  return ids;
}

/**
 * The competitions a member can no longer take, from the number of attempts they submitted to each.
 *
 * @example quizUsedUp([{ quizId: 'qz_1', untilMs: 9, maxAttempts: 2, questionIds: [] }], { qz_1: 2 }) // ['qz_1']
 */
export function quizUsedUp(reservations: readonly QuizReservation[], submitted: Record<string, number>): string[] {
  return reservations.filter((r) => (submitted[r.quizId] ?? 0) >= r.maxAttempts).map((r) => r.quizId);
}

export type ReservePoolResult =
  { ok: true; pool: DrawCandidate[]; practiceLeft: number } | { ok: false; message: string };

/**
 * The pool a new competition reserves from the active `bank`: the questions its spec may draw, minus as many as it
 * takes (chosen by `seed`, never below what its draw needs per type) to leave practice quizPracticeKeep(bank)
 * questions that no open competition holds. Fails when practice would be left with fewer than one day's questions.
 *
 * @example
 * quizReservePool(bank24, new Set(), { count: 10 }, 'qz_1')
 * // { ok: true, pool: 18 questions, practiceLeft: 6 }
 */
export function quizReservePool(
  bank: readonly DrawCandidate[],
  reservedElsewhere: ReadonlySet<string>,
  spec: DrawSpec,
  seed: string,
): ReservePoolResult {
  const problem = quizDrawProblem(bank, spec);
  if (problem) return { ok: false, message: problem };
  const eligible = quizEligible(bank, spec.tags);
  const inPool = new Set(eligible.map((q) => q.questionId));
  let practiceLeft = bank.filter((q) => !inPool.has(q.questionId) && !reservedElsewhere.has(q.questionId)).length;
  const keep = quizPracticeKeep(bank.length);
  // Only questions no other competition holds free anything for practice; sorted so the stored order is irrelevant.
  const releasable = quizShuffled(
    eligible
      .filter((q) => !reservedElsewhere.has(q.questionId))
      .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)),
    `reserve:${seed}`,
  );
  let pool = eligible;
  for (const q of releasable) {
    if (practiceLeft >= keep) break;
    const without = pool.filter((p) => p.questionId !== q.questionId);
    if (quizDrawProblem(without, { ...spec, tags: null }) !== null) continue;
    pool = without;
    practiceLeft += 1;
  }
  if (practiceLeft < QUIZ_PRACTICE_COUNT)
    return {
      ok: false,
      message:
        `开放中的竞赛会占用题库的大部分题目，每日一练只剩 ${practiceLeft} 道（至少要 ${QUIZ_PRACTICE_COUNT} 道）：` +
        '请先导入更多题目，或减少题目数量、用标签缩小出题范围',
    };
  return { ok: true, pool, practiceLeft };
}
