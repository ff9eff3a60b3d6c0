// rating.comments and the 群众意见 sheet of the export: the public's written comments for admins, newest first,
// found through the (campaignId, commented, updatedAt) index so a page costs the same reads whatever the number of
// ratings: the caller, the campaign and the page.
import type { z } from 'zod';
import type { RatingApi, RatingComment, ratingSchemas } from '@/domain/api/rating';
import { COMMENTS_PAGE_SIZE } from '@/domain/api/rating';
import { AppError } from '../../server/app-error';
import type { Database, Doc, Query } from '../../server/db';
import { readPage } from '../../server/db';
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

/** A campaign's comments (of one department when given), newest first. */
function commentsQuery(db: Database, campaign: Campaign, departmentId?: string): Query {
  const where: Record<string, unknown> = { campaignId: campaign.campaignId, commented: true };
  if (departmentId) where.departmentId = departmentId;
  return db.collection(RATINGS).where(where).orderBy('updatedAt', 'desc');
}

function toComments(campaign: Campaign, docs: Doc[]): RatingComment[] {
  const names = new Map(campaign.departments.map((d) => [d.departmentId, d.name]));
  return docs.map((doc) => toComment(doc, names));
}

/** `limit` of a campaign's comments from `skip`, newest first. */
export async function readComments(
  db: Database,
  campaign: Campaign,
  opts: { departmentId?: string; skip: number; limit: number },
): Promise<RatingComment[]> {
  const { data } = await commentsQuery(db, campaign, opts.departmentId).skip(opts.skip).limit(opts.limit).get();
  return toComments(campaign, data);
}

export async function comments(
  input: z.output<typeof ratingSchemas.comments>,
  ctx: ActionContext,
): Promise<RatingApi['comments']['output']> {
  const campaign = await readCampaign(ctx.db, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  if (input.departmentId && !campaign.departments.some((d) => d.departmentId === input.departmentId))
    throw new AppError('NOT_FOUND', '本次测评不包含该部门');
  const { rows, hasMore } = await readPage(
    commentsQuery(ctx.db, campaign, input.departmentId),
    input.page ?? 0,
    COMMENTS_PAGE_SIZE,
  );
  return { comments: toComments(campaign, rows), hasMore };
}
