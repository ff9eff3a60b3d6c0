// The ranking timer's 知识竞赛 part: roster sizes for the org boards, abandoned attempts closed and scored, scored
// attempts whose best result or points a stopped function left out applied, and the org aggregates of recently
// closed competitions recomputed from the best results (healing any drift).
import type { Database } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import { QUIZZES, recomputeQuizStats, recountRosters } from '../../server/quiz';
import { applyPendingResults, closeExpiredAttempts } from '../quiz/attempt';

/** Closed competitions are recomputed for a day after their end (the last abandoned attempts settle). */
const SETTLE_MS = 24 * 3600 * 1000;

interface RangeCommand {
  and(other: unknown): unknown;
}

/**
 * Runs on the ranking function's 10-minute timer (three reads, a write per competition settling, and the closing
 * of abandoned attempts). While a competition is open its aggregates are kept by the submits themselves (a
 * recount racing a submit could drop it), so only those closed in the last day are recomputed.
 */
export async function runQuizScheduled(
  db: Database,
  now: Date,
): Promise<{ closed: number; applied: number; recomputed: number }> {
  await recountRosters(db, now);
  const closed = await closeExpiredAttempts(db, now);
  const applied = await applyPendingResults(db, now);
  const _ = db.command as unknown as { lte(v: unknown): RangeCommand; gt(v: unknown): unknown };
  const { data } = await db
    .collection(QUIZZES)
    .where({ endAt: _.lte(now).and(_.gt(new Date(now.getTime() - SETTLE_MS))) })
    .field({ _id: true })
    .limit(PAGE_SIZE)
    .get();
  for (const d of data) await recomputeQuizStats(db, d._id, now);
  return { closed, applied, recomputed: data.length };
}
