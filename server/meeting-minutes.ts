// The 会议纪实 collection as other functions read it: one document per activity (`_id` = activityId), written by the
// `orglife` function; the 三会一课 board counts a meeting as held only when its 纪实 is complete.
import type { Database } from './db';
import { findIn } from './db';

export const MINUTES = 'orglife_minutes';

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
