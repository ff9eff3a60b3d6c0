// The competition's clock rules: phases, an attempt's deadline and what a submit at a given moment counts for.
import type { QuizPhase } from '../api/quiz';
import { QUIZ_GRACE_MS } from './limits';

/**
 * @example quizPhase(100, 200, 150) // 'open'
 * @example quizPhase(100, 200, 200) // 'closed' (the end is exclusive)
 */
export function quizPhase(startMs: number, endMs: number, nowMs: number): QuizPhase {
  if (nowMs < startMs) return 'upcoming';
  return nowMs < endMs ? 'open' : 'closed';
}

/**
 * When an attempt stops accepting answers: its start plus the time limit, or the competition's end if earlier.
 *
 * @example quizAttemptDeadline(0, 600, 300_000) // 300_000 (the competition ends first)
 */
export function quizAttemptDeadline(startedMs: number, timeLimitSec: number, endMs: number): number {
  return Math.min(startedMs + timeLimitSec * 1000, endMs);
}

export interface SubmitTiming {
  /** The submit's own answers count (it arrived by the deadline plus the grace). */
  inTime: boolean;
  /** Closed after the deadline plus the grace: scored with the answers saved on the server before. */
  late: boolean;
  /** The time was up when it arrived (the phone submits by itself at zero): the result page says so. */
  timeUp: boolean;
  /** Time taken, at most up to the deadline. */
  durationMs: number;
}

/**
 * What a submit arriving at `nowMs` counts for. A submit within the grace is timed up to the deadline at most,
 * so waiting for the grace never helps.
 *
 * @example quizSubmitTiming(10_000, 0, 60_000)  // { inTime: true, late: false, timeUp: false, durationMs: 10_000 }
 * @example quizSubmitTiming(61_000, 0, 60_000)  // { inTime: true, late: false, timeUp: true, durationMs: 60_000 }
 * @example quizSubmitTiming(200_000, 0, 60_000) // { inTime: false, late: true, timeUp: true, durationMs: 60_000 }
 */
export function quizSubmitTiming(nowMs: number, startedMs: number, deadlineMs: number): SubmitTiming {
  const inTime = nowMs <= deadlineMs + QUIZ_GRACE_MS;
  return {
    inTime,
    late: !inTime,
    timeUp: nowMs >= deadlineMs,
    durationMs: Math.max(0, Math.min(nowMs, deadlineMs) - startedMs),
  };
}

/**
 * Whether an open attempt can no longer take answers (past its deadline plus the grace): it is closed and scored
 * as it stood the next time anyone touches it.
 *
 * @example quizAttemptExpired(60_000, 90_001) // true
 */
export function quizAttemptExpired(deadlineMs: number, nowMs: number): boolean {
  return nowMs > deadlineMs + QUIZ_GRACE_MS;
}

/**
 * Whether a submitted attempt's right answers and 解析 may be shown: only once the member can no longer use them in
 * this competition — their last allowed attempt is submitted, or the competition has closed. Before that the result
 * says which questions were right, not what the right answers are (otherwise attempt 1 is a crib for attempt 2).
 *
 * @example quizRevealsAnswers({ nowMs: t, endMs: t + 1, lastAttemptSubmitted: false }) // false: attempts left, open
 * @example quizRevealsAnswers({ nowMs: t, endMs: t + 1, lastAttemptSubmitted: true }) // true: no attempts left
 * @example quizRevealsAnswers({ nowMs: t, endMs: t - 1, lastAttemptSubmitted: false }) // true: closed
 */
export function quizRevealsAnswers(s: { nowMs: number; endMs: number; lastAttemptSubmitted: boolean }): boolean {
  return s.lastAttemptSubmitted || s.nowMs >= s.endMs;
}
