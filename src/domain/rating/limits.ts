// The campaign window, the per-person rate limit and the score check of one rating.

/** A person may rate (or re-rate) at most this many times per minute within one campaign … */
export const RATE_MAX_PER_MINUTE = 10;
/** … and change one department's rating at most this many times in all. */
export const RATE_MAX_REVISIONS = 20;
/** Rating times kept on each rating document (enough to apply the per-minute limit). */
export const RATE_TIMES_KEPT = RATE_MAX_PER_MINUTE;

export type CampaignStatus = 'upcoming' | 'open' | 'closed';

/**
 * Where a campaign is in its window (start inclusive, end exclusive).
 *
 * @example ratingCampaignStatus(1000, 2000, 999)  // 'upcoming'
 * @example ratingCampaignStatus(1000, 2000, 1000) // 'open'
 * @example ratingCampaignStatus(1000, 2000, 2000) // 'closed'
 */
export function ratingCampaignStatus(startMs: number, endMs: number, nowMs: number): CampaignStatus {
  if (nowMs < startMs) return 'upcoming';
  return nowMs < endMs ? 'open' : 'closed';
}

export type RateLimitDecision = 'ok' | 'too-fast' | 'too-many-revisions';

/**
 * Whether a person may rate now, from the rating times kept on their ratings in this campaign (all departments)
 * and the number of times they already rated the target department.
 *
 * @example ratingRateLimit([], 0, 60_000)                          // 'ok'
 * @example ratingRateLimit(Array(10).fill(59_000), 1, 60_000)      // 'too-fast' (10 in the last minute)
 * @example ratingRateLimit([1_000], 20, 600_000)                    // 'too-many-revisions'
 */
export function ratingRateLimit(recentMs: readonly number[], revisions: number, nowMs: number): RateLimitDecision {
  if (revisions >= RATE_MAX_REVISIONS) return 'too-many-revisions';
  const lastMinute = recentMs.filter((t) => t > nowMs - 60_000 && t <= nowMs).length;
  return lastMinute >= RATE_MAX_PER_MINUTE ? 'too-fast' : 'ok';
}

/**
 * The rating times to keep after rating at `nowMs`: the newest `RATE_TIMES_KEPT`.
 *
 * @example ratingKeepTimes([1, 2], 3) // [1, 2, 3]
 */
export function ratingKeepTimes(previous: readonly number[], nowMs: number): number[] {
  return [...previous, nowMs].slice(-RATE_TIMES_KEPT);
}

/**
 * Why a rating's scores do not fit the campaign's indicators, or null when they do: every indicator exactly once,
 * each an integer level 1..5, nothing else.
 *
 * @example ratingScoresProblem(['a', 'b'], { a: 5, b: 4 }) // null
 * @example ratingScoresProblem(['a', 'b'], { a: 5 })       // '请为每一项指标打分（缺少 b）'
 */
export function ratingScoresProblem(keys: readonly string[], scores: Readonly<Record<string, number>>): string | null {
  const missing = keys.filter((k) => !(k in scores));
  if (missing.length) return `请为每一项指标打分（缺少 ${missing.join('、')}）`;
  const extra = Object.keys(scores).filter((k) => !keys.includes(k));
  if (extra.length) return `本次测评没有这些指标：${extra.join('、')}`;
  const bad = keys.filter((k) => !Number.isInteger(scores[k]) || scores[k] < 1 || scores[k] > 5);
  if (bad.length) return `评分应为 1 到 5 的整数（${bad.join('、')}）`;
  return null;
}
