// Per-indicator statistics from running sums: the mean on 0..100 and a 95% confidence interval.
import { RATING_LEVEL_STEP, ratingLevelScore } from './scale';

/** Running sums of one indicator's levels (1..5): what the ranking function stores per department. */
export interface LevelSums {
  /** Number of ratings. */
  n: number;
  /** Sum of the levels. */
  sum: number;
  /** Sum of the squared levels. */
  sumSq: number;
}

export interface IndicatorStats {
  n: number;
  /** Mean on 0..100, or null with no ratings. */
  mean: number | null;
  /** The 95% interval on 0..100 (clamped), or null with fewer than two ratings. */
  low: number | null;
  high: number | null;
}

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The 95% two-sided critical value for `df` degrees of freedom: Student's t up to 120, then the normal 1.96.
 * Small samples get wider intervals, which is the point: a handful of votes says little.
 *
 * @example ratingT95(3)   // 3.182
 * @example ratingT95(500) // 1.96
 */
export function ratingT95(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T_95[df - 1];
  if (df <= 40) return 2.021;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
}

/** Rounds to two decimals (what is stored and shown). */
export function ratingRound2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Mean and 95% interval of an indicator on 0..100, from the sums of its levels.
 * The interval is mean ± t(n−1) · s / √n with s the sample standard deviation, clamped to 0..100.
 *
 * @example
 * // levels 5, 4, 4, 3 -> scores 100, 75, 75, 50: mean 75, s = 20.41, s/√4 = 10.21, t(3) = 3.182 -> ±32.48
 * ratingIndicatorStats({ n: 4, sum: 16, sumSq: 66 }) // { n: 4, mean: 75, low: 42.52, high: 100 }
 * @example ratingIndicatorStats({ n: 1, sum: 5, sumSq: 25 }) // { n: 1, mean: 100, low: null, high: null }
 */
export function ratingIndicatorStats(s: LevelSums): IndicatorStats {
  if (s.n <= 0) return { n: 0, mean: null, low: null, high: null };
  const meanLevel = s.sum / s.n;
  const mean = ratingLevelScore(meanLevel);
  if (s.n < 2) return { n: s.n, mean: ratingRound2(mean), low: null, high: null };
  // Sample variance of the levels; max(0, …) absorbs floating-point noise when all levels are equal.
  const variance = Math.max(0, (s.sumSq - s.n * meanLevel * meanLevel) / (s.n - 1));
  const half = (ratingT95(s.n - 1) * (Math.sqrt(variance) * RATING_LEVEL_STEP)) / Math.sqrt(s.n);
  return {
    n: s.n,
    mean: ratingRound2(mean),
    low: ratingRound2(Math.max(0, mean - half)),
    high: ratingRound2(Math.min(100, mean + half)),
  };
}

/**
 * Adds one rating's level to the sums (or removes it with `sign` −1).
 *
 * @example ratingAddLevel({ n: 0, sum: 0, sumSq: 0 }, 4) // { n: 1, sum: 4, sumSq: 16 }
 */
export function ratingAddLevel(s: LevelSums, level: number, sign: 1 | -1 = 1): LevelSums {
  return { n: s.n + sign, sum: s.sum + sign * level, sumSq: s.sumSq + sign * level * level };
}
