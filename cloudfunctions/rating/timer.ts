// The 微信测评 timer work, run every 10 minutes by the `ranking` scheduler, and `ranking.run` (the same count for one
// campaign on demand): count campaigns' ratings by aggregation into their result documents.
import type { z } from 'zod';
import type { RankingApi, rankingSchemas } from '@/domain/api/ranking';
import { AppError } from '../../server/app-error';
import type { Database } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { CAMPAIGNS, parseCampaign, readCampaign, recomputeResults, RESULTS } from './store';
import { shanghaiIso } from '../../server/time';

/** Campaigns are counted on the timer while open and for a day after they close (late replacements settle). */
const SETTLE_MS = 24 * 3600 * 1000;

export async function run(
  input: z.output<typeof rankingSchemas.run>,
  ctx: ActionContext,
): Promise<RankingApi['run']['output']> {
  const campaign = await readCampaign(ctx.db, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  const { totalVotes } = await recomputeResults(ctx.db, campaign);
  const { data } = await ctx.db.collection(RESULTS).doc(campaign.campaignId).get();
  return {
    campaignId: campaign.campaignId,
    votes: totalVotes,
    computedAt: shanghaiIso(data?.computedAt ?? new Date()),
  };
}

/** The timer's work: every campaign that has started and closed less than a day ago. Returns how many were counted. */
export async function runRatingScheduled(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(CAMPAIGNS)
    .where({ startAt: _.lte(now), endAt: _.gt(new Date(now.getTime() - SETTLE_MS)) })
    .limit(PAGE_SIZE)
    .get();
  for (const doc of data) await recomputeResults(db, parseCampaign(doc));
  return data.length;
}
