// rating.createCampaign, rating.list and rating.get: campaigns over departments of the directory.
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { CampaignDetail, CampaignSummary, RatingApi, ratingSchemas } from '@/domain/api/rating';
import { DEFAULT_MIN_VOTES } from '@/domain/api/rating';
import { DEFAULT_SOURCE_WEIGHTS, ratingCampaignStatus } from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { callerIsAdmin } from '../../server/caller';
import { PAGE_SIZE, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { newId } from '../../server/ids';
import type { Campaign } from './store';
import { servedDepartments } from '../hotline/public';
import { CAMPAIGNS, parseCampaign, RATINGS, readCampaign } from './store';
import { shanghaiIso } from '../../server/time';

/** A campaign runs for at most a year. */
const MAX_DAYS = 366;

export async function createCampaign(
  input: z.output<typeof ratingSchemas.createCampaign>,
  ctx: ActionContext,
): Promise<RatingApi['createCampaign']['output']> {
  const { db } = ctx;
  const start = dayjs(input.startAt);
  const end = dayjs(input.endAt);
  if (!end.isAfter(start)) throw new AppError('INVALID_ARGUMENT', '结束时间必须晚于开始时间');
  if (end.diff(start, 'day') > MAX_DAYS) throw new AppError('INVALID_ARGUMENT', `测评时间不能超过 ${MAX_DAYS} 天`);
  if (new Set(input.departmentIds).size !== input.departmentIds.length)
    throw new AppError('INVALID_ARGUMENT', '参评部门有重复');
  const keys = input.indicators.map((i) => i.key);
  if (new Set(keys).size !== keys.length) throw new AppError('INVALID_ARGUMENT', '指标代码有重复');
  const weights = input.sourceWeights ?? DEFAULT_SOURCE_WEIGHTS;
  if (weights.wechat <= 0) throw new AppError('INVALID_ARGUMENT', '微信测评的权重必须大于 0');

  const dir = await readDirectory(db);
  const departments = input.departmentIds.map((departmentId) => {
    const d = dir.departments.find((x) => x.departmentId === departmentId);
    if (!d) throw new AppError('NOT_FOUND', `部门不存在：${departmentId}`);
    return { departmentId, name: d.name };
  });

  const campaignId = newId('rc');
  const caller = await ctx.caller();
  await db
    .collection(CAMPAIGNS)
    .doc(campaignId)
    .set({
      data: {
        title: input.title,
        description: input.description ?? null,
        departments,
        indicators: input.indicators,
        startAt: start.toDate(),
        endAt: end.toDate(),
        minVotes: input.minVotes ?? DEFAULT_MIN_VOTES,
        sourceWeights: weights,
        servedOnly: input.servedOnly ?? false,
        published: false,
        external: {},
        createdBy: caller.openid,
        createdAt: db.serverDate(),
        updatedAt: db.serverDate(),
      },
    });
  return { campaignId };
}

function summary(c: Campaign, nowMs: number): CampaignSummary {
  return {
    campaignId: c.campaignId,
    title: c.title,
    startAt: shanghaiIso(c.startAt),
    endAt: shanghaiIso(c.endAt),
    status: ratingCampaignStatus(c.startMs, c.endMs, nowMs),
    published: c.published,
    departmentCount: c.departments.length,
  };
}

/** The latest 100 campaigns, newest first (one read). */
export async function list(_input: unknown, ctx: ActionContext): Promise<RatingApi['list']['output']> {
  const { data } = await ctx.db
    .collection(CAMPAIGNS)
    .orderBy('startAt', 'desc')
    .limit(PAGE_SIZE)
    .field({ title: true, startAt: true, endAt: true, published: true, departments: true })
    .get();
  const now = Date.now();
  return { campaigns: data.map((d) => summary(parseCampaign(d), now)) };
}

/**
 * A campaign with the caller's own ratings (two reads; one more for an admin, who also sees the entered scores, and
 * one more in a servedOnly campaign, for the departments that served the caller).
 */
export async function get(
  input: z.output<typeof ratingSchemas.get>,
  ctx: ActionContext,
): Promise<RatingApi['get']['output']> {
  const { db, openid } = ctx;
  const [campaign, mine] = await Promise.all([
    readCampaign(db, input.campaignId),
    openid
      ? db.collection(RATINGS).where({ campaignId: input.campaignId, openid }).limit(PAGE_SIZE).get()
      : Promise.resolve({ data: [] }),
  ]);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  const out: CampaignDetail = {
    ...summary(campaign, Date.now()),
    description: campaign.description,
    departments: campaign.departments,
    indicators: campaign.indicators,
    minVotes: campaign.minVotes,
    sourceWeights: campaign.sourceWeights,
    servedOnly: campaign.servedOnly,
    ...(campaign.servedOnly ? { servedDepartmentIds: openid ? [...(await servedDepartments(db, openid))] : [] } : {}),
    mine: Object.fromEntries(
      mine.data.map((r) => [
        String(r.departmentId),
        { scores: (r.scores ?? {}) as Record<string, number>, comment: str(r, 'comment') },
      ]),
    ),
  };
  if (openid && callerIsAdmin(await ctx.caller())) {
    out.external = Object.fromEntries(
      Object.entries(campaign.external).map(([dept, e]) => [
        dept,
        Object.fromEntries(
          Object.entries(e ?? {}).map(([source, v]) => [
            source,
            {
              score: v.score,
              enteredBy: v.enteredBy,
              enteredByName: v.enteredByName,
              enteredAt: shanghaiIso(v.enteredAt),
            },
          ]),
        ),
      ]),
    );
  }
  return out;
}
