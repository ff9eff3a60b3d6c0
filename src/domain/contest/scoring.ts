// Scoring of entries: a judge's weighted total, the panel mean, the public vote normalised to the most-voted entry,
// the two combined by the competition's weights, and the ranked list with its ties explained.

export interface WeightedCriterion {
  key: string;
  name: string;
  weight: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Why a judge's scores do not fit the criteria, or null: every criterion exactly once, each an integer 0–100.
 *
 * @example contestScoresProblem([{ key: 'a', name: '创新性', weight: 1 }], { a: 90 }) // null
 * @example contestScoresProblem([{ key: 'a', name: '创新性', weight: 1 }], {})        // '请为每一项打分（缺少 创新性）'
 */
export function contestScoresProblem(
  criteria: readonly WeightedCriterion[],
  scores: Readonly<Record<string, number>>,
): string | null {
  const missing = criteria.filter((c) => !(c.key in scores));
  if (missing.length) return `请为每一项打分（缺少 ${missing.map((c) => c.name).join('、')}）`;
  const extra = Object.keys(scores).filter((k) => !criteria.some((c) => c.key === k));
  if (extra.length) return `本次评比没有这些评分项：${extra.join('、')}`;
  const bad = criteria.filter((c) => !Number.isInteger(scores[c.key]) || scores[c.key] < 0 || scores[c.key] > 100);
  if (bad.length) return `评分应为 0 到 100 的整数（${bad.map((c) => c.name).join('、')}）`;
  return null;
}

/**
 * A judge's total for one entry: the weighted mean of the criteria, 0–100 (two decimals).
 *
 * @example
 * // 创新性 weight 40 scored 90, 实效性 weight 60 scored 80 -> (40·90 + 60·80) / 100 = 84
 * contestJudgeTotal([{ key: 'a', name: '创新性', weight: 40 }, { key: 'b', name: '实效性', weight: 60 }], { a: 90, b: 80 }) // 84
 */
export function contestJudgeTotal(
  criteria: readonly WeightedCriterion[],
  scores: Readonly<Record<string, number>>,
): number {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    total += c.weight * (scores[c.key] ?? 0);
    weights += c.weight;
  }
  return weights > 0 ? round2(total / weights) : 0;
}

/**
 * The panel's score of an entry: the mean of the totals of the judges who scored it (null: nobody yet). Excluded
 * judges never score, so an entry is judged by the others only.
 *
 * @example contestPanelScore([84, 90, 78]) // 84
 * @example contestPanelScore([])           // null
 */
export function contestPanelScore(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  return round2(totals.reduce((a, b) => a + b, 0) / totals.length);
}

/**
 * Public scores, 0–100: each entry's votes as a share of the most-voted entry's (which gets 100). Null for every
 * entry when nobody has voted (the public part is then missing, not zero).
 *
 * @example contestPublicScores({ a: 200, b: 150, c: 0 }) // { a: 100, b: 75, c: 0 }
 * @example contestPublicScores({ a: 0, b: 0 })           // { a: null, b: null }
 */
export function contestPublicScores(votes: Readonly<Record<string, number>>): Record<string, number | null> {
  const max = Math.max(0, ...Object.values(votes));
  return Object.fromEntries(Object.entries(votes).map(([k, v]) => [k, max > 0 ? round2((100 * v) / max) : null]));
}

/**
 * The combined score: (wₚ·panel + wᵤ·public) / (wₚ + wᵤ) over the parts that exist. Without a panel score the entry
 * is not scored (votes alone do not rank an entry); without a public score the panel counts alone.
 *
 * @example contestCombine(84, 75, { panel: 70, public: 30 })   // 81.3
 * @example contestCombine(84, null, { panel: 70, public: 30 }) // 84
 * @example contestCombine(null, 100, { panel: 70, public: 30 }) // null
 */
export function contestCombine(
  panel: number | null,
  publicScore: number | null,
  weights: { panel: number; public: number },
): number | null {
  if (panel === null) return null;
  if (publicScore === null || weights.public <= 0) return panel;
  if (weights.panel <= 0) return publicScore;
  return round2((weights.panel * panel + weights.public * publicScore) / (weights.panel + weights.public));
}

export interface RankInput {
  entryId: string;
  title: string;
  score: number | null;
  panel: number | null;
  votes: number;
}

export interface RankedRow<T extends RankInput> {
  row: T;
  rank: number | null;
  tieNote: string;
}

/**
 * Ranks entries by combined score (compared at two decimals); equal scores are separated by the panel score, then
 * by votes, and share a rank only when all three are equal (1, 2, 2, 4). Each row that met an equal score says how
 * it was placed. Entries without a score come last, unranked.
 *
 * @example
 * contestRank([{ entryId: 'a', title: 'A', score: 80, panel: 82, votes: 5 }, { entryId: 'b', title: 'B', score: 80, panel: 85, votes: 1 }])
 * // b rank 1 ('综合得分与「A」相同，评委评分较高，排在前'), a rank 2 ('综合得分与「B」相同，评委评分较低，排在后')
 */
export function contestRank<T extends RankInput>(rows: readonly T[]): Array<RankedRow<T>> {
  const key = (x: number | null) => (x === null ? -1 : Math.round(x * 100));
  const scored = rows.filter((r) => r.score !== null);
  const cmp = (a: T, b: T) => key(b.score) - key(a.score) || key(b.panel) - key(a.panel) || b.votes - a.votes;
  const sorted = [...scored].sort((a, b) => cmp(a, b) || rows.indexOf(a) - rows.indexOf(b));
  const out: Array<RankedRow<T>> = sorted.map((row) => {
    const rank = 1 + sorted.filter((o) => cmp(o, row) < 0).length;
    const equals = sorted.filter((o) => o !== row && key(o.score) === key(row.score));
    if (equals.length === 0) return { row, rank, tieNote: '' };
    const names = equals.map((o) => `「${o.title}」`).join('、');
    const shared = equals.filter((o) => cmp(o, row) === 0);
    if (shared.length === equals.length)
      return { row, rank, tieNote: `与${names}综合得分、评委评分和票数均相同，并列第 ${rank} 名` };
    const notes: string[] = [];
    for (const o of equals) {
      if (cmp(o, row) === 0) notes.push(`与「${o.title}」各项均相同，并列`);
      else if (key(o.panel) !== key(row.panel))
        notes.push(
          `与「${o.title}」综合得分相同，评委评分较${key(row.panel) > key(o.panel) ? '高，排在前' : '低，排在后'}`,
        );
      else
        notes.push(
          `与「${o.title}」综合得分和评委评分相同，票数较${row.votes > o.votes ? '多，排在前' : '少，排在后'}`,
        );
    }
    return { row, rank, tieNote: notes.join('；') };
  });
  return [...out, ...rows.filter((r) => r.score === null).map((row) => ({ row, rank: null, tieNote: '' }))];
}
