// What other functions may read of the check-in feature (the `checkin` function writes it): an activity without its
// code secret, its expected roster and its check-ins, a branch's activities of a year, and the counts and lists the
// points views and the home page need.
import { activityTimesError, checkInId, DEFAULT_OPENS_BEFORE_MINUTES } from '@/domain/checkin';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { findIn, str } from '../../server/db';
import { MEMBERS } from '../../server/members';
import { ACTIVITIES, BULK_LIMIT, CHECKINS } from './store';

/**
 * The one way another function makes a check-in activity (e.g. a 志愿服务 activity's attendance): the same action as
 * checkin.createActivity, with the caller's scope and times checked by it.
 */
export { createActivity as createCheckinActivity } from './activities';

/** An activity as a meeting: what it was, when, for whom (never the secret that signs its code). */
export interface ActivityInfo {
  activityId: string;
  title: string;
  kind: string;
  orgIds: string[];
  /** The orgs whose members are expected: `orgIds` and everything below them. */
  expectedOrgIds: string[];
  /** For each of `orgIds`, the org and its ancestors. */
  orgChains: string[][];
  startAt: Date;
  endAt: Date;
  place: string | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const INFO_FIELDS = {
  title: true,
  kind: true,
  orgIds: true,
  expectedOrgIds: true,
  orgChains: true,
  startAt: true,
  endAt: true,
  place: true,
} as const;

function toInfo(d: Doc): ActivityInfo {
  return {
    activityId: d._id,
    title: str(d, 'title') ?? '',
    kind: str(d, 'kind') ?? '其他',
    orgIds: strings(d.orgIds),
    expectedOrgIds: strings(d.expectedOrgIds),
    orgChains: Array.isArray(d.orgChains) ? d.orgChains.map(strings) : [],
    startAt: date(d.startAt),
    endAt: date(d.endAt),
    place: str(d, 'place'),
  };
}

/** One activity (one read), or null. */
export async function readActivityInfo(db: Database, activityId: string): Promise<ActivityInfo | null> {
  const { data } = await db.collection(ACTIVITIES).where({ _id: activityId }).field(INFO_FIELDS).limit(1).get();
  return data[0] ? toInfo(data[0]) : null;
}

/**
 * The activities expected from `orgId` that start in [start, end), oldest first: one read per 100 (a branch holds
 * about fifty meetings a year), at most `max`.
 */
export async function readOrgActivities(
  db: Database,
  orgId: string,
  range: { start: Date; end: Date },
  max = 500,
): Promise<ActivityInfo[]> {
  const _ = db.command;
  const out: ActivityInfo[] = [];
  for (let page = 0; out.length < max; page++) {
    const { data } = await db
      .collection(ACTIVITIES)
      .where({ expectedOrgIds: orgId, startAt: _.and([_.gte(range.start), _.lt(range.end)]) })
      .orderBy('startAt', 'asc')
      .skip(page * 100)
      .limit(100)
      .field(INFO_FIELDS)
      .get();
    out.push(...data.map(toInfo));
    if (data.length < 100) break;
  }
  return out.slice(0, max);
}

export interface ExpectedMember {
  memberId: string;
  name: string;
  orgId: string;
}

/** Members of the expected orgs, org as listed then roster order, in one request. */
export async function readExpectedRoster(db: Database, expectedOrgIds: readonly string[]): Promise<ExpectedMember[]> {
  const { list } = await db
    .collection(MEMBERS)
    .aggregate()
    .match({ orgId: db.command.in(expectedOrgIds) })
    .project({ _id: 1, name: 1, orgId: 1, order: 1 })
    .limit(BULK_LIMIT)
    .end();
  const orgRank = new Map(expectedOrgIds.map((o, i) => [o, i]));
  return list
    .map((d) => ({ d, orgId: str(d, 'orgId') ?? '', order: Number(d.order) || 0 }))
    .sort(
      (a, b) =>
        (orgRank.get(a.orgId) ?? 0) - (orgRank.get(b.orgId) ?? 0) ||
        a.order - b.order ||
        a.d._id.localeCompare(b.d._id),
    )
    .map(({ d, orgId }) => ({ memberId: d._id, name: str(d, 'name') ?? '', orgId }));
}

export interface ActivityCheckIn {
  activityId: string;
  memberId: string;
  /** The member's org when checked in. */
  orgId: string;
  status: 'present' | 'late';
  /** A 补签's reason; null for a scan. */
  manualReason: string | null;
}

/** Every check-in of the activities (a meeting, or a branch's year of them), in one request. */
export async function readActivityCheckIns(db: Database, activityIds: readonly string[]): Promise<ActivityCheckIn[]> {
  if (activityIds.length === 0) return [];
  const { list } = await db
    .collection(CHECKINS)
    .aggregate()
    .match({ activityId: db.command.in(activityIds) })
    .project({ activityId: 1, memberId: 1, orgId: 1, status: 1, manual: 1 })
    .limit(BULK_LIMIT)
    .end();
  return list.map((d) => {
    const manual = d.manual as { reason?: unknown } | null | undefined;
    return {
      activityId: str(d, 'activityId') ?? '',
      memberId: str(d, 'memberId') ?? '',
      orgId: str(d, 'orgId') ?? '',
      status: d.status === 'late' ? 'late' : 'present',
      manualReason: manual ? String(manual.reason ?? '') : null,
    };
  });
}

/**
 * The activities that start in [start, end), newest first, of every org or (`expectedOrgIds`) those expecting any of
 * the orgs: one read per 1,000, at most `max`.
 */
export async function readYearActivities(
  db: Database,
  range: { start: Date; end: Date },
  expectedOrgIds: readonly string[] | null,
  max: number,
): Promise<ActivityInfo[]> {
  const _ = db.command;
  const out: ActivityInfo[] = [];
  for (let page = 0; out.length < max; page++) {
    const where: Record<string, unknown> = { startAt: _.gte(range.start).and(_.lt(range.end)) };
    if (expectedOrgIds) where.expectedOrgIds = _.in(expectedOrgIds);
    const { data } = await db
      .collection(ACTIVITIES)
      .where(where)
      .orderBy('startAt', 'desc')
      .skip(page * 1000)
      .limit(1000)
      .field(INFO_FIELDS)
      .get();
    out.push(...data.map(toInfo));
    if (data.length < 1000) break;
  }
  return out.slice(0, max);
}

export interface CheckInCount {
  activityId: string;
  /** The members' org when they checked in. */
  orgId: string;
  status: 'present' | 'late';
  count: number;
}

/**
 * Check-ins recorded in [start, end) (of every org, or of members of `orgIds`), counted per activity, org and status:
 * one request.
 */
export async function countCheckIns(
  db: Database,
  range: { start: Date; end: Date },
  orgIds: readonly string[] | null,
): Promise<CheckInCount[]> {
  const _ = db.command;
  const match: Record<string, unknown> = { checkedInAt: _.gte(range.start).and(_.lt(range.end)) };
  if (orgIds) match.orgId = _.in(orgIds);
  const { list } = await db
    .collection(CHECKINS)
    .aggregate()
    .match(match)
    .group({ _id: { a: '$activityId', o: '$orgId', s: '$status' }, n: { $sum: 1 } })
    .limit(BULK_LIMIT)
    .end();
  return list.map((row) => {
    const k = row._id as unknown as { a?: unknown; o?: unknown; s?: unknown };
    return {
      activityId: String(k.a),
      orgId: String(k.o),
      status: k.s === 'late' ? 'late' : 'present',
      count: Number(row.n) || 0,
    };
  });
}

/** An activity on the home page: what, when, where, and who runs it. */
export interface TodayActivity {
  activityId: string;
  title: string;
  kind: string | null;
  startAt: Date;
  opensAt: Date;
  place: string | null;
  orgChains: string[][];
}

/**
 * The activities expecting `orgId` that end after `now` and open before `until`, soonest first (at most `limit`),
 * minus those `memberId` is already checked in to: two reads.
 */
export async function readActivitiesToCheckIn(
  db: Database,
  memberId: string,
  orgId: string,
  now: Date,
  until: Date,
  limit: number,
): Promise<TodayActivity[]> {
  const _ = db.command;
  const { data } = await db
    .collection(ACTIVITIES)
    .where({ expectedOrgIds: orgId, endAt: _.gt(now), opensAt: _.lt(until) })
    .orderBy('startAt', 'asc')
    .limit(limit)
    .field({ title: true, kind: true, startAt: true, endAt: true, opensAt: true, place: true, orgChains: true })
    .get();
  if (!data.length) return [];
  const done = new Set(
    (
      await findIn(
        db,
        CHECKINS,
        '_id',
        data.map((a) => checkInId(a._id, memberId)),
        { activityId: true },
      )
    ).map((c) => str(c, 'activityId')),
  );
  return data
    .filter((a) => !done.has(a._id))
    .map((a) => ({
      activityId: a._id,
      title: str(a, 'title') ?? '',
      kind: str(a, 'kind'),
      startAt: date(a.startAt),
      opensAt: date(a.opensAt),
      place: str(a, 'place'),
      orgChains: Array.isArray(a.orgChains) ? a.orgChains.map(strings) : [],
    }));
}

/**
 * Opens a check-in activity for another function's event, as checkin.createActivity does with the caller's rights
 * (a training class opens its 培训 check-in: the member scans the same code screen).
 */
export { createActivity as openCheckInActivity } from './activities';

/**
 * Moves an activity opened for another function's event (a training class edited) to its new title, place and times,
 * checked as at creation; it opens DEFAULT_OPENS_BEFORE_MINUTES before the start, as openCheckInActivity's do. One
 * write.
 */
export async function moveLinkedActivity(
  db: Database,
  activityId: string,
  a: { title: string; place: string; startAt: Date; endAt: Date },
): Promise<void> {
  const error = activityTimesError(a.startAt, a.endAt);
  if (error) throw new AppError('INVALID_ARGUMENT', error);
  const opensAt = new Date(a.startAt.getTime() - DEFAULT_OPENS_BEFORE_MINUTES * 60_000);
  await db
    .collection(ACTIVITIES)
    .doc(activityId)
    .update({ data: { title: a.title, place: a.place, startAt: a.startAt, endAt: a.endAt, opensAt } });
}

/**
 * Calls off an activity opened for another function's event (a training class cancelled): it takes no check-in and
 * its code stops, and it expects nobody from now on, so it leaves every member's list and home page. One write.
 */
export async function cancelLinkedActivity(db: Database, activityId: string): Promise<void> {
  await db
    .collection(ACTIVITIES)
    .doc(activityId)
    .update({ data: { cancelled: true, expectedOrgIds: [] } });
}

/** Whether anyone has checked in to the activity (one read). */
export async function hasCheckIns(db: Database, activityId: string): Promise<boolean> {
  const { data } = await db.collection(CHECKINS).where({ activityId }).limit(1).field({ _id: true }).get();
  return data.length > 0;
}

/** Check-in statuses by check-in id (`checkInId(activity, member)`): one read per 100 ids. */
export async function readCheckInStatuses(
  db: Database,
  checkInIds: readonly string[],
): Promise<Map<string, 'present' | 'late'>> {
  const docs = await findIn(db, CHECKINS, '_id', checkInIds, { _id: true, status: true });
  return new Map(docs.map((d) => [d._id, d.status === 'late' ? 'late' : 'present']));
}
