// Combining a department's score: indicators by their weights into the 微信测评 score, then the three sources.
import type { IndicatorStats } from './interval';
import { ratingRound2 } from './interval';

/** The three sources of 政风行风评议. */
export type RatingSource = 'wechat' | 'inspection' | 'survey';

export const RATING_SOURCES: readonly RatingSource[] = ['wechat', 'inspection', 'survey'];

export const RATING_SOURCE_LABELS: Record<RatingSource, string> = {
  wechat: '微信测评',
  inspection: '明察暗访',
  survey: '第三方',
};

/** Weights of the sources; any non-negative numbers, normalised over the sources that have a score. */
export type SourceWeights = Record<RatingSource, number>;

export const DEFAULT_SOURCE_WEIGHTS: SourceWeights = { wechat: 50, inspection: 30, survey: 20 };

export interface WeightedIndicator {
  key: string;
  weight: number;
}

/**
 * The 微信测评 score of a department: the weighted mean of its indicators' means (0..100). Indicators nobody
 * rated are left out and the weights renormalised; null when no indicator has a rating.
 *
 * @example
 * // 服务态度 weight 3 mean 80, 办事效率 weight 1 mean 60 -> (3·80 + 1·60) / 4 = 75
 * ratingWechatScore([{ key: 'a', weight: 3 }, { key: 'b', weight: 1 }], { a: { n: 9, mean: 80, low: 70, high: 90 }, b: { n: 9, mean: 60, low: 50, high: 70 } }) // 75
 */
export function ratingWechatScore(
  indicators: readonly WeightedIndicator[],
  stats: Readonly<Record<string, IndicatorStats | undefined>>,
): number | null {
  let total = 0;
  let weights = 0;
  for (const ind of indicators) {
    const mean = stats[ind.key]?.mean;
    if (mean === null || mean === undefined || ind.weight <= 0) continue;
    total += ind.weight * mean;
    weights += ind.weight;
  }
  return weights > 0 ? ratingRound2(total / weights) : null;
}

export interface CombinedScore {
  /** 0..100, or null when no source has a score. */
  score: number | null;
  /** Sources with a positive weight but no score yet (shown to admins). */
  missing: RatingSource[];
}

/**
 * The combined score: Σ wₛ·xₛ / Σ wₛ over the sources that have a score (a missing source's weight is spread over
 * the others, and listed in `missing`).
 *
 * @example
 * // 微信测评 80 (50%), 明察暗访 90 (30%), 第三方 70 (20%) -> 0.5·80 + 0.3·90 + 0.2·70 = 81
 * ratingCombine({ wechat: 80, inspection: 90, survey: 70 }, { wechat: 50, inspection: 30, survey: 20 }) // { score: 81, missing: [] }
 * @example
 * // 第三方 not entered yet: (50·80 + 30·90) / 80 = 83.75
 * ratingCombine({ wechat: 80, inspection: 90, survey: null }, { wechat: 50, inspection: 30, survey: 20 }) // { score: 83.75, missing: ['survey'] }
 */
export function ratingCombine(
  scores: Readonly<Record<RatingSource, number | null | undefined>>,
  weights: SourceWeights,
): CombinedScore {
  let total = 0;
  let used = 0;
  const missing: RatingSource[] = [];
  for (const s of RATING_SOURCES) {
    const w = weights[s];
    if (!(w > 0)) continue;
    const x = scores[s];
    if (x === null || x === undefined) {
      missing.push(s);
      continue;
    }
    total += w * x;
    used += w;
  }
  return { score: used > 0 ? ratingRound2(total / used) : null, missing };
}
