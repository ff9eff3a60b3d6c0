// 微信测评 storage of the `rating` function: collections, the campaign document, and the tallies counted by
// aggregation into one result document per campaign (on demand, and by the `ranking` scheduler through ./timer.ts).
import type { CampaignIndicator } from '@/domain/api/rating';
import type { BurstFlag, DepartmentTally, SourceWeights } from '@/domain/rating';
import { DEFAULT_BURST_RULE, DEFAULT_SOURCE_WEIGHTS, ratingBursts, ratingNearIdentical } from '@/domain/rating';
import type { Database, Doc } from '../../server/db';
import { timeMs } from '../../server/time';

export const CAMPAIGNS = 'rating_campaigns';
export const RATINGS = 'ratings';
export const RESULTS = 'rating_results';
/** One document per person and campaign: the times of their latest ratings there (the per-minute limit). */
export const RATE_LIMITS = 'rating_limits';

/** The deterministic `_id` of one person's rating of one department in one campaign. */
export function ratingDocId(campaignId: string, departmentId: string, openid: string): string {
  return `${campaignId}:${departmentId}:${openid}`;
}

/** The `_id` of one person's rate-limit document in one campaign. */
export function ratingLimitDocId(campaignId: string, openid: string): string {
  return `${campaignId}:${openid}`;
}

export interface ExternalEntry {
  score: number;
  enteredBy: string;
  enteredByName: string | null;
  enteredAt: unknown;
}

export interface Campaign {
  campaignId: string;
  title: string;
  description: string | null;
  departments: Array<{ departmentId: string; name: string }>;
  indicators: CampaignIndicator[];
  startMs: number;
  endMs: number;
  startAt: unknown;
  endAt: unknown;
  minVotes: number;
  sourceWeights: SourceWeights;
  servedOnly: boolean;
  published: boolean;
  external: Record<string, Partial<Record<'inspection' | 'survey', ExternalEntry>>>;
}

/** Reads a campaign document into its typed form. */
export function parseCampaign(doc: Doc): Campaign {
  const weights = (doc.sourceWeights ?? {}) as Partial<SourceWeights>;
  return {
    campaignId: doc._id,
    title: String(doc.title ?? ''),
    description: typeof doc.description === 'string' ? doc.description : null,
    departments: Array.isArray(doc.departments) ? (doc.departments as Campaign['departments']) : [],
    indicators: Array.isArray(doc.indicators) ? (doc.indicators as CampaignIndicator[]) : [],
    startMs: timeMs(doc.startAt),
    endMs: timeMs(doc.endAt),
    startAt: doc.startAt,
    endAt: doc.endAt,
    servedOnly: doc.servedOnly === true,
    minVotes: Number(doc.minVotes) || 1,
    sourceWeights: {
      wechat: weights.wechat ?? DEFAULT_SOURCE_WEIGHTS.wechat,
      inspection: weights.inspection ?? DEFAULT_SOURCE_WEIGHTS.inspection,
      survey: weights.survey ?? DEFAULT_SOURCE_WEIGHTS.survey,
    },
    published: doc.published === true,
    external: (typeof doc.external === 'object' && doc.external !== null ? doc.external : {}) as Campaign['external'],
  };
}

/** Reads one campaign (one read); null when there is none. */
export async function readCampaign(db: Database, campaignId: string): Promise<Campaign | null> {
  const { data } = await db.collection(CAMPAIGNS).doc(campaignId).get();
  return data ? parseCampaign(data) : null;
}

/** The admin-entered scores as plain numbers, for the result table. */
export function externalScores(c: Campaign): Record<string, Partial<Record<'inspection' | 'survey', number>>> {
  const out: Record<string, Partial<Record<'inspection' | 'survey', number>>> = {};
  for (const [dept, e] of Object.entries(c.external)) {
    out[dept] = {};
    if (typeof e?.inspection?.score === 'number') out[dept].inspection = e.inspection.score;
    if (typeof e?.survey?.score === 'number') out[dept].survey = e.survey.score;
  }
  return out;
}

/** The result document of a campaign, as the ranking function writes it. */
export interface StoredResults {
  tallies: Record<string, DepartmentTally>;
  bursts: BurstFlag[];
  nearIdentical: Array<{ departmentId: string; votes: number; share: number; pattern: string }>;
  totalVotes: number;
  computedAt: unknown;
}

export function parseResults(doc: Doc | null): StoredResults | null {
  if (!doc) return null;
  return {
    tallies: (doc.tallies ?? {}) as StoredResults['tallies'],
    bursts: Array.isArray(doc.bursts) ? (doc.bursts as BurstFlag[]) : [],
    nearIdentical: Array.isArray(doc.nearIdentical) ? (doc.nearIdentical as StoredResults['nearIdentical']) : [],
    totalVotes: Number(doc.totalVotes) || 0,
    computedAt: doc.computedAt ?? null,
  };
}

/** At most this many groups come back from one aggregation (departments are capped at 100 per campaign). */
const GROUP_LIMIT = 1000;

/**
 * Counts a campaign's ratings by aggregation (three reads whatever the number of ratings) and writes the result
 * document (one write). The current ratings are the truth: a replaced rating was overwritten in place.
 */
export async function recomputeResults(db: Database, c: Campaign): Promise<{ totalVotes: number }> {
  const match = { campaignId: c.campaignId };
  const sums: Record<string, unknown> = { votes: { $sum: 1 } };
  c.indicators.forEach((ind, i) => {
    const field = `$scores.${ind.key}`;
    sums[`s${i}`] = { $sum: field };
    sums[`q${i}`] = { $sum: { $multiply: [field, field] } };
  });
  const [byDept, patterns, windows] = await Promise.all([
    db
      .collection(RATINGS)
      .aggregate()
      .match(match)
      .group({ _id: '$departmentId', ...sums })
      .limit(GROUP_LIMIT)
      .end(),
    db
      .collection(RATINGS)
      .aggregate()
      .match(match)
      .group({ _id: { d: '$departmentId', p: '$pattern' }, n: { $sum: 1 } })
      .sort({ n: -1 })
      .group({ _id: '$_id.d', n: { $first: '$n' }, p: { $first: '$_id.p' } })
      .limit(GROUP_LIMIT)
      .end(),
    db
      .collection(RATINGS)
      .aggregate()
      .match(match)
      .group({ _id: { d: '$departmentId', w: '$window' }, n: { $sum: 1 } })
      .match({ n: { $gte: DEFAULT_BURST_RULE.minCount } })
      .limit(GROUP_LIMIT)
      .end(),
  ]);

  const tallies: Record<string, DepartmentTally> = {};
  const totals: Record<string, number> = {};
  let totalVotes = 0;
  for (const g of byDept.list) {
    const dept = String(g._id);
    const votes = Number(g.votes) || 0;
    totals[dept] = votes;
    totalVotes += votes;
    const indicators: DepartmentTally['indicators'] = {};
    c.indicators.forEach((ind, i) => {
      indicators[ind.key] = { n: votes, sum: Number(g[`s${i}`]) || 0, sumSq: Number(g[`q${i}`]) || 0 };
    });
    tallies[dept] = { votes, indicators };
  }
  const nearIdentical = patterns.list
    .map((g) => ({ departmentId: String(g._id), top: Number(g.n) || 0, pattern: String(g.p ?? '') }))
    .filter((g) => ratingNearIdentical(totals[g.departmentId] ?? 0, g.top))
    .map((g) => ({
      departmentId: g.departmentId,
      votes: totals[g.departmentId],
      share: Math.round((g.top / totals[g.departmentId]) * 100) / 100,
      pattern: g.pattern,
    }));
  const bursts = ratingBursts(
    windows.list.map((g) => {
      const key = g._id as { d?: unknown; w?: unknown };
      return { departmentId: String(key.d), window: Number(key.w), count: Number(g.n) || 0 };
    }),
    totals,
  );
  await db
    .collection(RESULTS)
    .doc(c.campaignId)
    .set({
      data: { campaignId: c.campaignId, tallies, bursts, nearIdentical, totalVotes, computedAt: db.serverDate() },
    });
  return { totalVotes };
}
