// The 组织生活 collections, written by the `orglife` function and read by others through ./public.ts: 会议纪实, one
// document per activity, which the 三会一课 board needs to count a meeting as held; and 民主评议, one review per branch
// and year, whose proposed results 评星定级 uses.
import type { ReviewGrade } from '@/domain/api/points';
import { REVIEW_GRADES } from '@/domain/api/points';
import type { Database } from '../../server/db';
import { findIn } from '../../server/db';

/** `_id` = activityId. */
export const MINUTES = 'orglife_minutes';
/** `_id` = `<year>:<orgId>`. */
export const REVIEWS = 'orglife_reviews';

/** Largest list read in one aggregate request (well under the 1 MB result limit). */
const BULK_LIMIT = 10_000;

/** `draft`: saved with parts missing; `complete`: every required part filled. */
export type MinutesState = 'draft' | 'complete';

/** The 纪实 state of each activity that has one (one read per 100 activities). */
export async function readMinutesStates(
  db: Database,
  activityIds: readonly string[],
): Promise<Map<string, MinutesState>> {
  const docs = await findIn(db, MINUTES, '_id', activityIds, { _id: true, complete: true });
  return new Map(docs.map((d) => [d._id, d.complete === true ? 'complete' : 'draft']));
}

/**
 * The activities of `year` with a 纪实, and whether each is complete, for every org or (`orgIds`) those orgs'
 * meetings: one request.
 */
export async function readYearMinutes(
  db: Database,
  year: number,
  orgIds: readonly string[] | null,
): Promise<Map<string, MinutesState>> {
  const match: Record<string, unknown> = { year };
  if (orgIds) match.orgIds = db.command.in(orgIds);
  const { list } = await db
    .collection(MINUTES)
    .aggregate()
    .match(match)
    .project({ complete: 1 })
    .limit(BULK_LIMIT)
    .end();
  return new Map(list.map((d) => [d._id, d.complete === true ? 'complete' : 'draft']));
}

/**
 * The 民主评议 results the secretaries proposed for `year` (every org, or those given), by member: one request.
 */
export async function readReviewResults(
  db: Database,
  year: number,
  orgIds: readonly string[] | null,
): Promise<Map<string, { grade: ReviewGrade; note: string | null }>> {
  const match: Record<string, unknown> = { year };
  if (orgIds) match.orgId = db.command.in(orgIds);
  const { list } = await db
    .collection(REVIEWS)
    .aggregate()
    .match(match)
    .project({ results: 1 })
    .limit(BULK_LIMIT)
    .end();
  const out = new Map<string, { grade: ReviewGrade; note: string | null }>();
  for (const d of list)
    for (const [memberId, r] of Object.entries(
      (d.results ?? {}) as Record<string, { grade?: unknown; note?: unknown }>,
    ))
      if ((REVIEW_GRADES as readonly unknown[]).includes(r?.grade))
        out.set(memberId, { grade: r.grade as ReviewGrade, note: typeof r.note === 'string' ? r.note : null });
  return out;
}
