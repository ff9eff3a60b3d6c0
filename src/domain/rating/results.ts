// A campaign's result table from the stored tallies: indicator statistics, the three sources, ranks and 样本不足.
import type { RatingSource, SourceWeights } from './combine';
import { RATING_SOURCE_LABELS, RATING_SOURCES, ratingCombine, ratingWechatScore } from './combine';
import type { IndicatorStats, LevelSums } from './interval';
import { ratingIndicatorStats } from './interval';
import { ratingRankRows, ratingSufficient } from './rank';

export interface RatingIndicatorDef {
  key: string;
  name: string;
  weight: number;
}

/** What the ranking function stores per department: counts and sums, never the ratings themselves. */
export interface DepartmentTally {
  votes: number;
  indicators: Record<string, LevelSums>;
}

export interface ResultIndicator extends IndicatorStats {
  key: string;
  name: string;
}

export interface ResultRow {
  rank: number | null;
  departmentId: string;
  name: string;
  /** 微信测评 ratings (one per person). */
  votes: number;
  /** Combined score on 0..100, or null with no data from any source. */
  score: number | null;
  /** votes ≥ minVotes; rows with false have rank null (样本不足). */
  sufficient: boolean;
  sources: Record<RatingSource, number | null>;
  /** Sources with a weight but no score for this department. */
  missing: RatingSource[];
  indicators: ResultIndicator[];
}

export interface ResultInput {
  departments: ReadonlyArray<{ departmentId: string; name: string }>;
  indicators: readonly RatingIndicatorDef[];
  minVotes: number;
  sourceWeights: SourceWeights;
  /** Scores entered by admins per department: 明察暗访 and 第三方. */
  external: Readonly<Record<string, Partial<Record<'inspection' | 'survey', number>>>>;
  tallies: Readonly<Record<string, DepartmentTally | undefined>>;
}

/**
 * The result rows of a campaign, ranked (ties share a rank; 样本不足 rows last with rank null).
 *
 * @example
 * // one indicator; 甲 30 ratings all 满意 (75), 明察暗访 95; 乙 30 ratings all 很满意 (100), 明察暗访 60;
 * // weights 微信测评 50, 明察暗访 50: 甲 (75+95)/2 = 85 ranks 1, 乙 (100+60)/2 = 80 ranks 2
 */
export function ratingResults(input: ResultInput): ResultRow[] {
  const rows = input.departments.map((d) => {
    const tally = input.tallies[d.departmentId];
    const votes = tally?.votes ?? 0;
    const stats: Record<string, IndicatorStats> = {};
    for (const ind of input.indicators) {
      stats[ind.key] = ratingIndicatorStats(tally?.indicators[ind.key] ?? { n: 0, sum: 0, sumSq: 0 });
    }
    const ext = input.external[d.departmentId] ?? {};
    const sources: Record<RatingSource, number | null> = {
      wechat: ratingWechatScore(input.indicators, stats),
      inspection: ext.inspection ?? null,
      survey: ext.survey ?? null,
    };
    const combined = ratingCombine(sources, input.sourceWeights);
    return {
      departmentId: d.departmentId,
      name: d.name,
      votes,
      score: combined.score,
      sufficient: ratingSufficient(votes, input.minVotes),
      sources,
      missing: combined.missing,
      indicators: input.indicators.map((ind) => ({ key: ind.key, name: ind.name, ...stats[ind.key] })),
    };
  });
  return ratingRankRows(rows);
}

/**
 * The formula as the results page prints it.
 *
 * @example
 * ratingFormula([{ key: 'a', name: '服务态度', weight: 3 }, { key: 'b', name: '办事效率', weight: 2 }], { wechat: 50, inspection: 30, survey: 20 })
 * // ['微信测评得分 = (服务态度×3 + 办事效率×2) ÷ 5', '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%']
 */
export function ratingFormula(indicators: readonly RatingIndicatorDef[], weights: SourceWeights): string[] {
  const w = indicators.reduce((s, i) => s + i.weight, 0);
  const wechat = `微信测评得分 = (${indicators.map((i) => `${i.name}×${i.weight}`).join(' + ')}) ÷ ${w}`;
  const total = RATING_SOURCES.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  const parts = RATING_SOURCES.filter((k) => weights[k] > 0).map(
    (k) => `${RATING_SOURCE_LABELS[k]}×${Math.round((weights[k] / total) * 1000) / 10}%`,
  );
  return [wechat, `综合得分 = ${parts.join(' + ')}`];
}
