// rating.comments and the 群众意见 sheet of the export: the public's written comments for admins, newest first,
// found through the (campaignId, commented, updatedAt) index so a page costs the same reads whatever the number of
// ratings: the caller, the campaign and the page.
import type { z } from 'zod';
import type { RatingApi, RatingComment, ratingSchemas } from '@/domain/api/rating';
import { COMMENTS_PAGE_SIZE } from '@/domain/api/rating';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import type { Campaign } from './store';
import { RATINGS, readCampaign } from './store';
import { shanghaiIso } from '../../server/time';

/** Most comments the export writes (a sheet for people to read, not an archive). */
export const EXPORT_MAX_COMMENTS = 5000;

function toComment(doc: Doc, names: Map<string, string>): RatingComment {
  const departmentId = String(doc.departmentId ?? '');
  return {
    departmentId,
    departmentName: names.get(departmentId) ?? departmentId,
    comment: String(doc.comment ?? ''),
    status: doc.commentStatus === 'pass' ? 'pass' : 'review',
    scores: (doc.scores ?? {}) as Record<string, number>,
    updatedAt: shanghaiIso(doc.updatedAt),
  };
}

/** One page of a campaign's comments (`limit` rows from `skip`), newest first. */
export async function readComments(
  db: Database,
  campaign: Campaign,
  opts: { departmentId?: string; skip: number; limit: number },
): Promise<RatingComment[]> {
  const where: Record<string, unknown> = { campaignId: campaign.campaignId, commented: true };
  if (opts.departmentId) where.departmentId = opts.departmentId;
  const { data } = await db
    .collection(RATINGS)
    .where(where)
    .orderBy('updatedAt', 'desc')
    .skip(opts.skip)
    .limit(opts.limit)
    .get();
  const names = new Map(campaign.departments.map((d) => [d.departmentId, d.name]));
  return data.map((doc) => toComment(doc, names));
}

export async function comments(
  input: z.output<typeof ratingSchemas.comments>,
  ctx: ActionContext,
): Promise<RatingApi['comments']['output']> {
  const campaign = await readCampaign(ctx.db, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  if (input.departmentId && !campaign.departments.some((d) => d.departmentId === input.departmentId))
    throw new AppError('NOT_FOUND', '本次测评不包含该部门');
  // One row more than a page tells whether there is a next page without a count.
  const rows = await readComments(ctx.db, campaign, {
    departmentId: input.departmentId,
    skip: (input.page ?? 0) * COMMENTS_PAGE_SIZE,
    limit: COMMENTS_PAGE_SIZE + 1,
  });
  return { comments: rows.slice(0, COMMENTS_PAGE_SIZE), hasMore: rows.length > COMMENTS_PAGE_SIZE };
}
