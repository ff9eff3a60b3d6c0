// Daily practice: which questions a member gets on a day (deterministic from day and member) and streaks.
import { quizShuffled } from './random';

/**
 * The practice questions of one member on one day: the same all day (reopening the page shows the same ones),
 * different between members and days. The pool's order does not matter.
 *
 * @example quizPracticeDraw(['q1', 'q2', 'q3'], '2020-07-01', 'm_1', 2) // e.g. ['q3', 'q1'], always the same
 */
export function quizPracticeDraw(pool: readonly string[], day: string, memberId: string, count: number): string[] {
  const sorted = [...new Set(pool)].sort();
  return quizShuffled(sorted, `practice:${day}:${memberId}`).slice(0, count);
}

/**
 * The calendar day before a YYYY-MM-DD day.
 *
 * @example quizDayBefore('2020-03-01') // '2020-02-29'
 */
export function quizDayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

export interface StreakState {
  /** The last day practice was finished, YYYY-MM-DD. */
  lastDay: string | null;
  streak: number;
}

/**
 * The streak after finishing `today`'s practice: yesterday finished -> +1; today already counted -> unchanged;
 * otherwise it starts again at 1.
 *
 * @example quizStreakAfter({ lastDay: '2020-06-30', streak: 4 }, '2020-07-01') // { lastDay: '2020-07-01', streak: 5 }
 * @example quizStreakAfter({ lastDay: '2020-06-28', streak: 4 }, '2020-07-01') // { lastDay: '2020-07-01', streak: 1 }
 */
export function quizStreakAfter(state: StreakState, today: string): StreakState {
  if (state.lastDay === today) return state;
  const streak = state.lastDay === quizDayBefore(today) ? state.streak + 1 : 1;
  return { lastDay: today, streak };
}

/**
 * The streak shown on `today` before or after practising: still alive if the last finished day is today or
 * yesterday, else 0.
 *
 * @example quizCurrentStreak({ lastDay: '2020-06-30', streak: 4 }, '2020-07-01') // 4
 * @example quizCurrentStreak({ lastDay: '2020-06-29', streak: 4 }, '2020-07-01') // 0
 */
export function quizCurrentStreak(state: StreakState, today: string): number {
  return state.lastDay === today || state.lastDay === quizDayBefore(today) ? state.streak : 0;
}
