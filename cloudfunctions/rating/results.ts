// rating.results, rating.enterScores and rating.publish: the result table read from the ranking's document in O(1).
import type { z } from 'zod';
import type { RatingApi, RatingResults, ratingSchemas } from '@/domain/api/rating';
import { ratingCampaignStatus, ratingFormula, ratingResults } from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { callerIsAdmin } from '../../server/caller';
import { str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import type { Campaign } from './store';
import { CAMPAIGNS, externalScores, parseResults, readCampaign, recomputeResults, RESULTS } from './store';
import { shanghaiIso } from '../../server/time';

async function requireCampaign(ctx: ActionContext, campaignId: string): Promise<Campaign> {
  const c = await readCampaign(ctx.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND', '测评活动不存在');
  return c;
}

/**
 * The result table of a campaign: the campaign and its result document (two reads, whatever the number of ratings;
 * a third for a signed-in caller's role). The public sees it once published; admins always, with the flags.
 */
export async function buildResults(ctx: ActionContext, campaignId: string, admin: boolean): Promise<RatingResults> {
  const [campaign, resultDoc] = await Promise.all([
    readCampaign(ctx.db, campaignId),
    ctx.db.collection(RESULTS).doc(campaignId).get(),
  ]);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  if (!admin && !campaign.published) throw new AppError('FAILED_PRECONDITION', '测评结果尚未公布');
  const stored = parseResults(resultDoc.data);
  const rows = ratingResults({
    departments: campaign.departments,
    indicators: campaign.indicators,
    minVotes: campaign.minVotes,
    sourceWeights: campaign.sourceWeights,
    external: externalScores(campaign),
    tallies: stored?.tallies ?? {},
  });
  const out: RatingResults = {
    campaignId,
    title: campaign.title,
    status: ratingCampaignStatus(campaign.startMs, campaign.endMs, Date.now()),
    published: campaign.published,
    computedAt: stored?.computedAt ? shanghaiIso(stored.computedAt) : null,
    minVotes: campaign.minVotes,
    sourceWeights: campaign.sourceWeights,
    indicators: campaign.indicators,
    formula: ratingFormula(campaign.indicators, campaign.sourceWeights),
    totalVotes: stored?.totalVotes ?? 0,
    rows,
  };
  if (admin) out.flags = { bursts: stored?.bursts ?? [], nearIdentical: stored?.nearIdentical ?? [] };
  return out;
}

export async function results(
  input: z.output<typeof ratingSchemas.results>,
  ctx: ActionContext,
): Promise<RatingApi['results']['output']> {
  const admin = ctx.openid ? callerIsAdmin(await ctx.caller()) : false;
  return buildResults(ctx, input.campaignId, admin);
}

/**
 * Records 明察暗访 or 第三方 scores per department with who entered them and when; a score sent unchanged keeps its
 * entry (two or three reads, one write, none when nothing changed).
 */
export async function enterScores(
  input: z.output<typeof ratingSchemas.enterScores>,
  ctx: ActionContext,
): Promise<RatingApi['enterScores']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const [campaign, member] = await Promise.all([
    requireCampaign(ctx, input.campaignId),
    caller.memberId ? db.collection(MEMBERS).doc(caller.memberId).get() : Promise.resolve({ data: null }),
  ]);
  const seen = new Set<string>();
  // Nested objects become per-field paths (external.<dept>.<source>), so other departments' entries survive.
  const external: Record<string, Record<string, unknown>> = {};
  for (const s of input.scores) {
    if (!campaign.departments.some((d) => d.departmentId === s.departmentId))
      throw new AppError('NOT_FOUND', `本次测评不包含该部门：${s.departmentId}`);
    if (seen.has(s.departmentId)) throw new AppError('INVALID_ARGUMENT', `部门重复：${s.departmentId}`);
    seen.add(s.departmentId);
    // The page sends every department's score on each save: only a changed one is stamped with who and when.
    const before = campaign.external[s.departmentId]?.[input.source]?.score ?? null;
    const after = s.score === null ? null : Math.round(s.score * 100) / 100;
    if (before === after) continue;
    external[s.departmentId] = {
      [input.source]:
        s.score === null
          ? db.command.remove()
          : db.command.set({
              score: after,
              enteredBy: caller.openid,
              // Never the raw openid: the roster name, else the name given with the role, else the role.
              enteredByName: str(member.data, 'name') ?? str(caller.user, 'displayName') ?? '管理员',
              // The function's clock: a server-date placeholder inside a whole-object set is not filled in.
              enteredAt: new Date(),
            }),
    };
  }
  const changed = Object.keys(external).length;
  if (changed > 0)
    await db
      .collection(CAMPAIGNS)
      .doc(campaign.campaignId)
      .update({ data: { external, updatedAt: db.serverDate() } });
  return { updated: changed };
}

/** Counts the ratings now (as the ranking function does) and shows or hides the results to the public. */
export async function publish(
  input: z.output<typeof ratingSchemas.publish>,
  ctx: ActionContext,
): Promise<RatingApi['publish']['output']> {
  const { db } = ctx;
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (input.published) await recomputeResults(db, campaign);
  await db
    .collection(CAMPAIGNS)
    .doc(campaign.campaignId)
    .update({
      data: {
        published: input.published,
        publishedAt: input.published ? db.serverDate() : null,
        updatedAt: db.serverDate(),
      },
    });
  const { data } = await db.collection(RESULTS).doc(campaign.campaignId).get();
  const computedAt = parseResults(data)?.computedAt;
  return { published: input.published, computedAt: computedAt ? shanghaiIso(computedAt) : shanghaiIso(new Date()) };
}
