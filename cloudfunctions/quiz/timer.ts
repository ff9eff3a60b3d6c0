// The 知识竞赛 timer work, run every 10 minutes by the `ranking` scheduler: roster sizes for the org boards, abandoned
// attempts closed and scored, scored attempts whose best result or points a stopped function left out applied, and
// the branch sums of running and recently closed competitions checked against the best results.
import type { Database } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import { QUIZZES, recomputeQuizStats, recountRosters } from './store';
import { applyPendingResults, closeExpiredAttempts } from './attempt';

/** Closed competitions are recomputed for a day after their end (the last abandoned attempts settle). */
const SETTLE_MS = 24 * 3600 * 1000;

/**
 * Runs on the `ranking` scheduler's 10-minute timer: the roster count, the closing of abandoned attempts, the finishing
 * of unapplied ones, and two reads per competition running or closed in the last day (its recount writes only a
 * shard found wrong, and only if no submit changed it meanwhile, so it is safe while submits go on).
 */
export async function runQuizScheduled(
  db: Database,
  now: Date,
): Promise<{ closed: number; applied: number; recomputed: number }> {
  await recountRosters(db, now);
  const closed = await closeExpiredAttempts(db, now);
  const applied = await applyPendingResults(db, now);
  const _ = db.command;
  const { data } = await db
    .collection(QUIZZES)
    .where({ startAt: _.lte(now), endAt: _.gt(new Date(now.getTime() - SETTLE_MS)) })
    .field({ _id: true })
    .limit(PAGE_SIZE)
    .get();
  for (const d of data) await recomputeQuizStats(db, d._id, now);
  return { closed, applied, recomputed: data.length };
}
