// Ranking with ties (1, 2, 2, 4) and the sample threshold (样本不足: no rank).

/**
 * Competition ranks for scores sorted or not: equal scores share a rank, the next rank skips (1, 2, 2, 4).
 * Scores are compared at two decimals, as shown. Returns ranks in the input order.
 *
 * @example ratingRankWithTies([90, 85, 85, 70]) // [1, 2, 2, 4]
 * @example ratingRankWithTies([70, 90, 90])     // [3, 1, 1]
 */
export function ratingRankWithTies(scores: readonly number[]): number[] {
  const keys = scores.map((s) => Math.round(s * 100));
  return keys.map((k) => 1 + keys.filter((o) => o > k).length);
}

/**
 * Whether a department has enough 微信测评 ratings to be ranked.
 *
 * @example ratingSufficient(29, 30) // false -> 样本不足
 * @example ratingSufficient(30, 30) // true
 */
export function ratingSufficient(votes: number, minVotes: number): boolean {
  return votes >= minVotes;
}

export interface Rankable {
  score: number | null;
  sufficient: boolean;
}

/**
 * Ranks rows: only sufficient rows with a score are ranked (ties share a rank); the others get `rank: null`.
 * Output order: ranked rows by rank (then by the input order), then the unranked rows in input order.
 *
 * @example
 * ratingRankRows([{ id: 'a', score: 80, sufficient: true }, { id: 'b', score: 95, sufficient: false }, { id: 'c', score: 80, sufficient: true }])
 * // [{ id: 'a', rank: 1 }, { id: 'c', rank: 1 }, { id: 'b', rank: null }]  (b: 样本不足)
 */
export function ratingRankRows<T extends Rankable>(rows: readonly T[]): Array<T & { rank: number | null }> {
  const ranked = rows.filter((r): r is T & { score: number } => r.sufficient && r.score !== null);
  const ranks = ratingRankWithTies(ranked.map((r) => r.score));
  const withRank = ranked
    .map((r, i) => ({ ...r, rank: ranks[i] as number | null, i }))
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.i - b.i)
    .map(({ i: _i, ...r }) => r as T & { rank: number | null });
  const rest = rows.filter((r) => !(r.sufficient && r.score !== null)).map((r) => ({ ...r, rank: null }));
  return [...withRank, ...rest];
}
