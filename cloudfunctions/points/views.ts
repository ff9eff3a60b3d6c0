// points.stars, points.dashboard and points.overview read one precomputed document (the ranking function keeps
// them fresh); a missing one, or `refresh: true`, is computed now. points.evaluate records 民主评议 results.
import type { z } from 'zod';
import type { PointsApi, PointsOverview, pointsSchemas } from '@/domain/api/points';
import { orgSubtree } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import { findIn, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import type { BranchViews } from './views-store';
import { computePointsViews, POINTS_REVIEWS, readBranchViews, readOverview, reviewId } from './views-store';
import { requireStartedYear, scopedOrg } from './scope';

/** The stored views, or computed now when missing or asked for (scope already checked by the caller). */
export async function viewsOrCompute(
  ctx: ActionContext,
  orgId: string,
  year: number,
  refresh: boolean,
): Promise<BranchViews> {
  const now = new Date();
  requireStartedYear(year, now);
  const stored = refresh ? null : await readBranchViews(ctx.db, orgId, year);
  if (stored) return stored;
  const { branches } = await computePointsViews(ctx.db, { year, now, orgId });
  const views = branches.get(orgId);
  if (!views) throw new AppError('NOT_FOUND', '组织不存在');
  return views;
}

export async function overviewOrCompute(ctx: ActionContext, year: number, refresh: boolean): Promise<PointsOverview> {
  const now = new Date();
  requireStartedYear(year, now);
  const stored = refresh ? null : await readOverview(ctx.db, year);
  if (stored) return stored;
  const { overview } = await computePointsViews(ctx.db, { year, now });
  return overview as PointsOverview;
}

/** Cost: the caller, the directory and the view: three reads. */
export async function stars(
  input: z.output<typeof pointsSchemas.stars>,
  ctx: ActionContext,
): Promise<PointsApi['stars']['output']> {
  await scopedOrg(ctx, input.orgId);
  return (await viewsOrCompute(ctx, input.orgId, input.year, false)).stars;
}

export async function dashboard(
  input: z.output<typeof pointsSchemas.dashboard>,
  ctx: ActionContext,
): Promise<PointsApi['dashboard']['output']> {
  await scopedOrg(ctx, input.orgId);
  return (await viewsOrCompute(ctx, input.orgId, input.year, input.refresh === true)).dashboard;
}

export async function overview(
  input: z.output<typeof pointsSchemas.overview>,
  ctx: ActionContext,
): Promise<PointsApi['overview']['output']> {
  return overviewOrCompute(ctx, input.year, input.refresh === true);
}

/**
 * Saves each member's grade (`grade: null` removes it), then recomputes the org's views so the stars list shows it.
 * Every member must be in the org or below it; one bad member rejects the whole call before anything is written.
 */
export async function evaluate(
  input: z.output<typeof pointsSchemas.evaluate>,
  ctx: ActionContext,
): Promise<PointsApi['evaluate']['output']> {
  const { db } = ctx;
  const { orgs } = await scopedOrg(ctx, input.orgId);
  const now = new Date();
  requireStartedYear(input.year, now);
  const caller = await ctx.caller();
  const ids = input.reviews.map((r) => r.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_ARGUMENT', '同一党员在一次评议中出现了多次');
  const members = new Map((await findIn(db, MEMBERS, '_id', ids, { orgId: true })).map((m) => [m._id, m]));
  const subtree = orgSubtree(orgs, [input.orgId]);
  const unknown = ids.filter((id) => !members.has(id));
  if (unknown.length) throw new AppError('NOT_FOUND', `名册中没有这些党员：${unknown.slice(0, 3).join('、')}`);
  const outside = ids.filter((id) => !subtree.has(str(members.get(id), 'orgId') ?? ''));
  if (outside.length) throw new AppError('PERMISSION_DENIED', '只能评议本组织的党员');

  let saved = 0;
  let cleared = 0;
  for (const r of input.reviews) {
    const ref = db.collection(POINTS_REVIEWS).doc(reviewId(input.year, r.memberId));
    if (r.grade === null) {
      await ref.remove();
      cleared++;
    } else {
      await ref.set({
        data: {
          orgId: str(members.get(r.memberId), 'orgId'),
          year: input.year,
          memberId: r.memberId,
          grade: r.grade,
          note: r.note || null,
          by: caller.openid,
          updatedAt: db.serverDate(),
        },
      });
      saved++;
    }
  }
  await computePointsViews(db, { year: input.year, now, orgId: input.orgId });
  return { saved, cleared };
}
