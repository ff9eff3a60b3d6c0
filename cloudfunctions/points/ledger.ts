// points.mine (我的积分: balance, this year's total, stars, history) and points.adjust (admin corrections, never
// deletions: a signed adjustment or an entry that reverses an earlier one).
import type { z } from 'zod';
import type { LedgerEntry, PointsApi, pointsSchemas, PointsSource, ReviewGrade } from '@/domain/api/points';
import { LEDGER_PAGE_SIZE, POINTS_SOURCES, REVIEW_GRADES } from '@/domain/api/points';
import { POINTS_CONFIG } from '@/domain/points';
import { pointsFinalStars, pointsStars, pointsStarsRule, pointsToNextStar } from '@/domain/points';
import { AppError } from '../../server/app-error';
import { requireMember } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { newId } from '../../server/ids';
import { MEMBERS } from '../../server/members';
import { awardPoints, POINTS } from './store';
import { computePointsViews, POINTS_REVIEWS, reviewId } from './views-store';
import { pointsEntryId } from '@/domain/points';
import { shanghaiIso, shanghaiYear } from '../../server/time';

function toEntry(d: Doc): LedgerEntry {
  const source = (POINTS_SOURCES as readonly unknown[]).includes(d.source) ? (d.source as PointsSource) : 'adjust';
  const at = d.at instanceof Date ? d.at : d.createdAt instanceof Date ? d.createdAt : new Date(0);
  const points = Number(d.points) || 0;
  return {
    entryId: d._id,
    source,
    sourceId: str(d, 'sourceId') ?? '',
    points,
    requested: typeof d.requested === 'number' ? d.requested : points,
    capped: d.capped === true,
    reason: str(d, 'reason') ?? '',
    at: shanghaiIso(at),
    reverses: str(d, 'reverses'),
    by: str(d, 'by'),
  };
}

/** A member's totals per year, summed in the database (one request, a row per year). */
async function totalsByYear(db: Database, memberId: string): Promise<Map<number, number>> {
  const { list } = await db
    .collection(POINTS)
    .aggregate()
    .match({ memberId })
    .group({ _id: '$year', total: { $sum: '$points' } })
    .limit(200)
    .end();
  return new Map(list.map((r) => [Number(r._id), Number(r.total) || 0]));
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0);

/** Cost: the caller, the member, the totals, one history page and the review: five reads. */
export async function mine(
  input: z.output<typeof pointsSchemas.mine>,
  ctx: ActionContext,
): Promise<PointsApi['mine']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  const now = new Date();
  const year = input.year ?? shanghaiYear(now);
  const page = input.page ?? 0;
  const [{ data: member }, totals, history, { data: review }] = await Promise.all([
    db.collection(MEMBERS).doc(memberId).get(),
    totalsByYear(db, memberId),
    readPage(db.collection(POINTS).where({ memberId }).orderBy('createdAt', 'desc'), page, LEDGER_PAGE_SIZE),
    db.collection(POINTS_REVIEWS).doc(reviewId(year, memberId)).get(),
  ]);
  if (!member) throw new AppError('PERMISSION_DENIED', '您绑定的党员已不在名册中，请联系支部书记');
  const thresholds = POINTS_CONFIG.starThresholds;
  const yearTotal = totals.get(year) ?? 0;
  const grade = (REVIEW_GRADES as readonly unknown[]).includes(review?.grade) ? (review?.grade as ReviewGrade) : null;
  return {
    memberId,
    name: str(member, 'name') ?? '',
    orgId: str(member, 'orgId') ?? '',
    year,
    balance: sum(totals),
    yearTotal,
    stars: pointsFinalStars(pointsStars(yearTotal, thresholds), grade),
    review: grade,
    toNextStar: pointsToNextStar(yearTotal, thresholds),
    rule: pointsStarsRule(thresholds),
    entries: history.rows.map(toEntry),
    page,
    hasMore: history.hasMore,
  };
}

/**
 * An adjustment is an entry of source `adjust`; a reversal's id is fixed by the entry it reverses, so an entry can be
 * reversed once (a second try is ALREADY_EXISTS) and a reversal cannot itself be reversed (adjust it instead).
 */
export async function adjust(
  input: z.output<typeof pointsSchemas.adjust>,
  ctx: ActionContext,
): Promise<PointsApi['adjust']['output']> {
  const { db } = ctx;
  if ((input.points === undefined) === (input.reverseEntryId === undefined))
    throw new AppError('INVALID_ARGUMENT', '请填写调整分值，或选择要撤销的积分记录（二者选一）');
  if (input.points === 0) throw new AppError('INVALID_ARGUMENT', '调整分值不能为 0');
  const caller = await ctx.caller();
  const { data: member } = await db.collection(MEMBERS).doc(input.memberId).get();
  if (!member) throw new AppError('NOT_FOUND', '名册中没有该党员');
  const orgId = str(member, 'orgId') ?? '';
  const now = new Date();

  let points: number;
  let sourceId: string;
  let reverses: string | undefined;
  let reason = input.reason;
  if (input.reverseEntryId !== undefined) {
    const { data: entry } = await db.collection(POINTS).doc(input.reverseEntryId).get();
    if (!entry || str(entry, 'memberId') !== input.memberId) throw new AppError('NOT_FOUND', '该党员没有这条积分记录');
    if (str(entry, 'reverses'))
      throw new AppError('FAILED_PRECONDITION', '这是一条撤销记录，不能再撤销；如需更正请直接调整分值');
    const original = Number(entry.points) || 0;
    if (original === 0) throw new AppError('FAILED_PRECONDITION', '这条记录为 0 分，无需撤销');
    points = -original;
    sourceId = `reverse.${entry._id}`;
    reverses = entry._id;
    reason = `撤销“${str(entry, 'reason') ?? ''}”：${input.reason}`;
  } else {
    points = input.points as number;
    sourceId = input.requestId ? `req.${input.requestId}` : newId('adj');
  }
  const { duplicate } = await awardPoints(db, {
    source: 'adjust',
    sourceId,
    memberId: input.memberId,
    orgId,
    points,
    reason: reason.slice(0, 200),
    now,
    reverses,
    by: caller.openid,
  });
  // A repeated request is answered with the entry the first one made; a second reversal of one entry is refused.
  if (duplicate && reverses) throw new AppError('ALREADY_EXISTS', '这条积分记录已经撤销过了');
  const entryId = pointsEntryId('adjust', sourceId, input.memberId);
  if (duplicate) points = Number((await db.collection(POINTS).doc(entryId).get()).data?.points) || 0;
  // The branch's stars and dashboard show the adjustment at once instead of after the next timer run.
  const [totals] = await Promise.all([
    totalsByYear(db, input.memberId),
    computePointsViews(db, { year: shanghaiYear(now), now, orgId }),
  ]);
  return { entryId, points, balance: sum(totals) };
}
