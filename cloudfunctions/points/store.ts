// The points ledger's one write path: idempotent entries (`points:<source>:<sourceId>:<memberId>`) with daily caps.
import type { PointsSource } from '@/domain/api/points';
import { pointsCapAward, pointsDayId, pointsEntryId } from '@/domain/points';
import { POINTS_CONFIG } from '@/domain/points';
import type { Database } from '../../server/db';
import { isDuplicateKeyError, runTransactionWithRetry } from '../../server/db';
import { shanghaiDay } from '../../server/time';

/** The ledger: one document per award, never edited or deleted (corrections are reversing entries). */
export const POINTS = 'points';
/** Per member and Asia/Shanghai day: points credited so far by capped category (`<memberId>:<day>`). */
export const POINTS_DAILY = 'points_daily';

export interface PointsAward {
  source: PointsSource;
  /** The event within the source: an activity, a competition, `<day>.<questionId>` for practice ... */
  sourceId: string;
  memberId: string;
  orgId: string;
  /** Requested points (the config in src/domain/points says how many per source); the daily cap may cut them. */
  points: number;
  /** For people, e.g. "参加支部党员大会：七月主题党日". */
  reason: string;
  /** When it was earned: decides the day the cap counts against and the year the points belong to. */
  now: Date;
  /** For a reversing entry: the entry it cancels. */
  reverses?: string;
  /** For an admin adjustment: the admin's openid. */
  by?: string;
}

/** A ledger entry's stored fields (the `_id` is `pointsEntryId`). */
function entryData(db: Database, award: PointsAward, day: string, credited: number): Record<string, unknown> {
  return {
    memberId: award.memberId,
    orgId: award.orgId,
    source: award.source,
    sourceId: award.sourceId,
    points: credited,
    requested: award.points,
    capped: credited !== award.points,
    reason: award.reason,
    day,
    year: Number(day.slice(0, 4)),
    at: award.now,
    reverses: award.reverses ?? null,
    by: award.by ?? null,
    createdAt: db.serverDate(),
  };
}

/**
 * Credits points once per (source, sourceId, member). `awarded` is what THIS call credited: the requested points cut
 * to the category's daily cap (an entry is written even when the cap leaves 0, so a replay stays a duplicate), and
 * 0 for a duplicate.
 *
 * Cost: an uncapped source (check-ins, adjustments) is one insert, a duplicate detected by its key. A capped source
 * (quiz, practice) is a transaction of two reads and two writes: the entry and the member's day counter, so two
 * concurrent awards cannot both pass the cap (the loser conflicts on the counter and reruns, seeing the winner).
 */
export async function awardPoints(db: Database, award: PointsAward): Promise<{ awarded: number; duplicate: boolean }> {
  const entryId = pointsEntryId(award.source, award.sourceId, award.memberId);
  const day = shanghaiDay(award.now);
  const cap = POINTS_CONFIG.dailyCaps[award.source];
  if (cap === null) {
    try {
      await db.collection(POINTS).add({ data: { _id: entryId, ...entryData(db, award, day, award.points) } });
      return { awarded: award.points, duplicate: false };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      return { awarded: 0, duplicate: true };
    }
  }
  const dayId = pointsDayId(award.memberId, day);
  return runTransactionWithRetry(
    db,
    async (tx) => {
      const { data: existing } = await tx.collection(POINTS).doc(entryId).get();
      if (existing) return { awarded: 0, duplicate: true };
      const { data: counter } = await tx.collection(POINTS_DAILY).doc(dayId).get();
      const used = (counter?.used ?? {}) as Partial<Record<PointsSource, number>>;
      const usedToday = Number(used[award.source]) || 0;
      const credited = pointsCapAward({ usedToday, requested: award.points, cap });
      await tx
        .collection(POINTS)
        .doc(entryId)
        .set({ data: entryData(db, award, day, credited) });
      await tx
        .collection(POINTS_DAILY)
        .doc(dayId)
        .set({
          data: { memberId: award.memberId, day, used: { ...used, [award.source]: usedToday + credited } },
        });
      return { awarded: credited, duplicate: false };
    },
    20,
  );
}
