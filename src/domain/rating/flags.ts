// Signs of gaming for admins: bursts (many ratings for one department in a short window) and near-identical ratings.

/** Width of a burst window: ratings are counted per department per 10 minutes. */
export const BURST_WINDOW_MS = 10 * 60 * 1000;

export interface BurstRule {
  /** At least this many ratings in one window … */
  minCount: number;
  /** … making up at least this share of the department's ratings. */
  minShare: number;
}

export const DEFAULT_BURST_RULE: BurstRule = { minCount: 20, minShare: 0.2 };

export interface NearIdenticalRule {
  /** Only departments with at least this many ratings are judged. */
  minVotes: number;
  /** Flag when the most common answer pattern makes up at least this share. */
  minShare: number;
}

export const DEFAULT_NEAR_IDENTICAL_RULE: NearIdenticalRule = { minVotes: 10, minShare: 0.9 };

/**
 * The window a rating time falls in (an integer; window k covers [k·10 min, (k+1)·10 min)).
 *
 * @example ratingBurstWindow(Date.UTC(2020, 6, 1, 1, 7)) // 2657382 (01:00–01:10 UTC on 2020-07-01)
 */
export function ratingBurstWindow(atMs: number): number {
  return Math.floor(atMs / BURST_WINDOW_MS);
}

/**
 * The answer pattern of a rating: its levels in indicator order, e.g. "5545". Identical patterns from many
 * people are what a vote farm leaves behind.
 *
 * @example ratingPattern(['a', 'b', 'c'], { a: 5, b: 5, c: 4 }) // '554'
 */
export function ratingPattern(keys: readonly string[], scores: Readonly<Record<string, number>>): string {
  return keys.map((k) => String(scores[k] ?? 0)).join('');
}

export interface WindowCount {
  departmentId: string;
  window: number;
  count: number;
}

export interface BurstFlag {
  departmentId: string;
  /** Start of the window, epoch ms. */
  startMs: number;
  count: number;
  /** Share of the department's ratings, 0..1 (two decimals). */
  share: number;
}

/**
 * Windows holding a burst: at least `minCount` ratings and at least `minShare` of the department's ratings.
 *
 * @example
 * // 市教育局 has 100 ratings, 40 of them between 10:00 and 10:10: flagged (40 ≥ 20 and 40% ≥ 20%)
 * ratingBursts([{ departmentId: 'jyj', window: 7, count: 40 }], { jyj: 100 })
 * // [{ departmentId: 'jyj', startMs: 4200000, count: 40, share: 0.4 }]
 * @example
 * // 25 in one window out of 1,000 over a week is normal traffic (2.5%): not flagged
 * ratingBursts([{ departmentId: 'gaj', window: 7, count: 25 }], { gaj: 1000 }) // []
 */
export function ratingBursts(
  windows: readonly WindowCount[],
  totals: Readonly<Record<string, number>>,
  rule: BurstRule = DEFAULT_BURST_RULE,
): BurstFlag[] {
  const out: BurstFlag[] = [];
  for (const w of windows) {
    const total = totals[w.departmentId] ?? 0;
    if (total <= 0 || w.count < rule.minCount) continue;
    const share = w.count / total;
    if (share < rule.minShare) continue;
    out.push({
      departmentId: w.departmentId,
      startMs: w.window * BURST_WINDOW_MS,
      count: w.count,
      share: Math.round(share * 100) / 100,
    });
  }
  return out.sort((a, b) => b.count - a.count || a.startMs - b.startMs);
}

/**
 * Whether a department's ratings are nearly all the same answer pattern.
 *
 * @example ratingNearIdentical(50, 47) // true  (94% gave the same answers)
 * @example ratingNearIdentical(50, 30) // false
 * @example ratingNearIdentical(5, 5)   // false (too few to judge)
 */
export function ratingNearIdentical(
  votes: number,
  topPatternCount: number,
  rule: NearIdenticalRule = DEFAULT_NEAR_IDENTICAL_RULE,
): boolean {
  return votes >= rule.minVotes && topPatternCount / votes >= rule.minShare;
}
