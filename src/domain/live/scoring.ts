// 现场赛 scoring: points per answer (accuracy or Kahoot-like speed), 风险 stakes, 抢答, the optional streak bonus,
// and the plausibility floor under which an answer is flagged for the host.
import type { RoundKind, Scoring } from '../api/live';
import { STAKES } from '../api/live';

/** Points of one right answer: `accuracy` counts right answers (10 each), `speed` gives 500–1000 by speed. */
export const LIVE_UNIT: Record<Scoring, number> = { accuracy: 10, speed: 1000 };
/** `speed`: answers faster than this earn the full 1000 (Kahoot). */
export const LIVE_FULL_POINTS_MS = 500;
/** Streak bonus (speed scoring, when the host turns it on): +100 per right answer in a row after the first, ≤ +500. */
export const LIVE_STREAK_STEP = 100;
export const LIVE_STREAK_MAX = 500;

/**
 * Kahoot's points for a right answer after `ms` of a `seconds` question: round(1000 × (1 − (t/T)/2)).
 *
 * @example liveSpeedPoints(0, 20) // 1000
 * @example liveSpeedPoints(10_000, 20) // 750
 * @example liveSpeedPoints(20_000, 20) // 500
 */
export function liveSpeedPoints(ms: number, seconds: number): number {
  if (ms < LIVE_FULL_POINTS_MS) return 1000;
  const ratio = Math.min(1, Math.max(0, ms / (seconds * 1000)));
  return Math.round(1000 * (1 - ratio / 2));
}

/**
 * A 风险 stake in points: the stake itself in `accuracy` (10/20/30 = one to three right answers), × 100 in `speed`
 * (1000/2000/3000), so that a stake weighs the same against the other rounds in both scorings.
 *
 * @example liveStakePoints(20, 'accuracy') // 20
 * @example liveStakePoints(20, 'speed') // 2000
 */
export function liveStakePoints(stake: number, scoring: Scoring): number {
  return (stake * LIVE_UNIT[scoring]) / 10;
}

/**
 * Streak bonus for a right answer that makes `streak` right answers in a row (this one included).
 *
 * @example liveStreakBonus(1) // 0
 * @example liveStreakBonus(3) // 200
 * @example liveStreakBonus(9) // 500
 */
export function liveStreakBonus(streak: number): number {
  return Math.min(LIVE_STREAK_MAX, Math.max(0, streak - 1) * LIVE_STREAK_STEP);
}

export interface ScoreInput {
  kind: RoundKind;
  scoring: Scoring;
  correct: boolean;
  /** ms from the options appearing (必答/风险); ignored for 抢答. */
  ms: number;
  seconds: number;
  /** 风险 only. */
  stake: number | null;
  /** Right answers in a row including this one (only used with the streak bonus). */
  streak: number;
  streakBonus: boolean;
}

/**
 * Points one answer earns (negative for a wrong 风险 answer). 必答: accuracy 10 / speed 500–1000 (+ streak bonus if
 * on); 抢答 (judged by the host): a full unit if right, 0 if wrong; 风险: ±stake points.
 *
 * @example livePoints({ kind: '必答', scoring: 'speed', correct: true, ms: 5000, seconds: 20, stake: null, streak: 1, streakBonus: false }) // 875
 * @example livePoints({ kind: '风险', scoring: 'accuracy', correct: false, ms: 0, seconds: 20, stake: 30, streak: 0, streakBonus: false }) // -30
 */
export function livePoints(a: ScoreInput): number {
  if (a.kind === '风险') {
    const stake = liveStakePoints(a.stake ?? 0, a.scoring);
    return a.correct ? stake : -stake;
  }
  if (!a.correct) return 0;
  if (a.kind === '抢答' || a.scoring === 'accuracy') return LIVE_UNIT[a.scoring];
  return liveSpeedPoints(a.ms, a.seconds) + (a.streakBonus ? liveStreakBonus(a.streak) : 0);
}

/**
 * Whether a choice is right: exactly the right options (in any order).
 *
 * @example liveIsCorrect([2, 0], [0, 2]) // true
 * @example liveIsCorrect([0], [0, 2]) // false
 */
export function liveIsCorrect(choice: readonly number[], answer: readonly number[]): boolean {
  const a = new Set(choice);
  return a.size === answer.length && answer.every((x) => a.has(x));
}

/** Stakes still free for a player in a 风险 round. */
export function liveStakesLeft(used: readonly number[]): number[] {
  return STAKES.filter((s) => !used.includes(s));
}

/**
 * The plausibility floor of a question: milliseconds a fast reader needs to read its options (about 25 characters
 * a second) and tap (300 ms), between 600 ms and 3 s. A faster answer is flagged for the host, not trusted blindly.
 *
 * @example liveFloorMs(['对', '错']) // 600
 * @example liveFloorMs(['中国共产党章程', '廉洁自律准则', '纪律处分条例', '问责条例']) // 300 + 23 × 40 = 1220
 */
export function liveFloorMs(options: readonly string[]): number {
  const chars = options.reduce((n, o) => n + [...o].length, 0);
  return Math.min(3000, Math.max(600, 300 + chars * 40));
}
