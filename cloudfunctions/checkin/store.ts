// The check-in collections, the stored activity read back into a typed shape (with a per-instance cache), who
// manages an activity, and the bulk reads of a roster and of an activity's check-ins.
import type { ActivitySummary } from '@/domain/api/checkin';
import type { ActivityKind, CheckInFlag, CheckInStatus } from '@/domain/checkin';
import { ACTIVITY_KINDS, activityPhase, checkinRunsActivity } from '@/domain/checkin';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { str } from '../../server/db';
import { MEMBERS } from '../../server/members';
import { shanghaiIso } from '../../server/time';

export const ACTIVITIES = 'activities';
export const CHECKINS = 'checkins';

/** Biggest roster or check-in list read in one aggregate request (well under the 1 MB result limit). */
export const BULK_LIMIT = 10_000;

export interface Activity {
  activityId: string;
  title: string;
  kind: ActivityKind;
  orgIds: string[];
  /** The orgs whose members are expected: `orgIds` and everything below them, at creation. */
  expectedOrgIds: string[];
  /** For each of `orgIds`, the org and its ancestors (who may manage the activity without reading the directory). */
  orgChains: string[][];
  startAt: Date;
  endAt: Date;
  opensAt: Date;
  place: string | null;
  location: { latitude: number; longitude: number; radiusM: number } | null;
  /** Signs the rotating code; never leaves the server. */
  secret: string;
  createdBy: string;
  /** Called off (a cancelled training class): no code, no check-in. */
  cancelled: boolean;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function toActivity(doc: Doc): Activity {
  const loc = doc.location as Activity['location'];
  const kind = ACTIVITY_KINDS.find((k) => k === doc.kind) ?? '其他';
  return {
    activityId: doc._id,
    title: str(doc, 'title') ?? '',
    kind,
    orgIds: strings(doc.orgIds),
    expectedOrgIds: strings(doc.expectedOrgIds),
    orgChains: Array.isArray(doc.orgChains) ? doc.orgChains.map(strings) : [],
    startAt: date(doc.startAt),
    endAt: date(doc.endAt),
    opensAt: date(doc.opensAt),
    place: str(doc, 'place'),
    location:
      loc && typeof loc.latitude === 'number' && typeof loc.longitude === 'number' && typeof loc.radiusM === 'number'
        ? { latitude: loc.latitude, longitude: loc.longitude, radiusM: loc.radiusM }
        : null,
    secret: str(doc, 'secret') ?? '',
    createdBy: str(doc, 'createdBy') ?? '',
    cancelled: doc.cancelled === true,
  };
}

// An activity never changes after it is created, so a warm function instance keeps it: a room of members
// scanning in costs one read for the activity per instance instead of one per scan. A training class's (kind 培训)
// is the exception: the register function moves it with the class or cancels it, so it is read on every scan.
const CACHE_MS = 10 * 60_000;
const CACHE_MAX = 200;
const cache = new Map<string, { activity: Activity; at: number }>();

/** The activity (one read, none when this instance read it in the last ten minutes), or null. */
export async function loadActivity(db: Database, activityId: string): Promise<Activity | null> {
  const hit = cache.get(activityId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.activity;
  const { data } = await db.collection(ACTIVITIES).doc(activityId).get();
  if (!data) return null;
  const activity = toActivity(data);
  if (activity.kind === '培训') return activity;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(activityId, { activity, at: Date.now() });
  return activity;
}

/**
 * Admins manage every activity; a secretary one whose every organisation is the own org or below it (the stored
 * ancestor chains answer that without reading the directory).
 */
export function canManage(caller: Caller, activity: Activity): boolean {
  return callerIsAdmin(caller) || checkinRunsActivity(secretaryScopes(caller), activity.orgChains);
}

export function summarize(a: Activity, now: Date, myStatus: CheckInStatus | null): ActivitySummary {
  return {
    activityId: a.activityId,
    title: a.title,
    kind: a.kind,
    orgIds: a.orgIds,
    startAt: shanghaiIso(a.startAt),
    endAt: shanghaiIso(a.endAt),
    opensAt: shanghaiIso(a.opensAt),
    place: a.place,
    hasLocation: a.location !== null,
    phase: a.cancelled ? 'cancelled' : activityPhase(a, now),
    myStatus,
  };
}

export interface RosterEntry {
  memberId: string;
  name: string;
  orgId: string;
  order: number;
}

/** Members of the expected orgs in roster order (org as listed, then import order), in one request. */
export async function readRoster(db: Database, activity: Activity): Promise<RosterEntry[]> {
  const { list } = await db
    .collection(MEMBERS)
    .aggregate()
    .match({ orgId: db.command.in(activity.expectedOrgIds) })
    .project({ _id: 1, name: 1, orgId: 1, order: 1 })
    .limit(BULK_LIMIT)
    .end();
  const orgRank = new Map(activity.expectedOrgIds.map((o, i) => [o, i]));
  return list
    .map((d) => ({
      memberId: d._id,
      name: str(d, 'name') ?? '',
      orgId: str(d, 'orgId') ?? '',
      order: Number(d.order) || 0,
    }))
    .sort(
      (a, b) =>
        (orgRank.get(a.orgId) ?? 0) - (orgRank.get(b.orgId) ?? 0) ||
        a.order - b.order ||
        a.memberId.localeCompare(b.memberId),
    );
}

export interface CheckInRecord {
  memberId: string;
  name: string;
  status: CheckInStatus;
  flags: CheckInFlag[];
  distanceM: number | null;
  source: string;
  checkedInAt: Date;
  manual: { reason: string; byName: string } | null;
}

function toRecord(d: Doc): CheckInRecord {
  const manual = d.manual as { reason?: unknown; byName?: unknown } | null | undefined;
  return {
    memberId: str(d, 'memberId') ?? '',
    name: str(d, 'name') ?? '',
    status: d.status === 'late' ? 'late' : 'present',
    flags: strings(d.flags) as CheckInFlag[],
    distanceM: typeof d.distanceM === 'number' ? d.distanceM : null,
    source: str(d, 'source') ?? '',
    checkedInAt: date(d.checkedInAt),
    manual: manual ? { reason: String(manual.reason ?? ''), byName: String(manual.byName ?? '') } : null,
  };
}

/** Every check-in of an activity, in one request. */
export async function readCheckIns(db: Database, activityId: string): Promise<CheckInRecord[]> {
  const { list } = await db
    .collection(CHECKINS)
    .aggregate()
    .match({ activityId })
    .project({ memberId: 1, name: 1, status: 1, flags: 1, distanceM: 1, source: 1, checkedInAt: 1, manual: 1 })
    .limit(BULK_LIMIT)
    .end();
  return list.map(toRecord);
}

export interface CheckInCounts {
  present: number;
  late: number;
  flagged: number;
  manual: number;
}

/** The counts of an activity's check-ins, grouped in the database (one request, a handful of rows back). */
export async function countCheckIns(db: Database, activityId: string): Promise<CheckInCounts> {
  const { list } = await db
    .collection(CHECKINS)
    .aggregate()
    .match({ activityId })
    .group({ _id: { status: '$status', flagged: '$flagged', manual: '$isManual' }, n: { $sum: 1 } })
    .limit(20)
    .end();
  const counts: CheckInCounts = { present: 0, late: 0, flagged: 0, manual: 0 };
  for (const row of list) {
    const key = row._id as unknown as { status?: unknown; flagged?: unknown; manual?: unknown };
    const n = Number(row.n) || 0;
    counts.present += n;
    if (key.status === 'late') counts.late += n;
    if (key.flagged === true) counts.flagged += n;
    if (key.manual === true) counts.manual += n;
  }
  return counts;
}

/** How many members the expected orgs have now (one count request). */
export async function countExpected(db: Database, activity: Activity): Promise<number> {
  const { total } = await db
    .collection(MEMBERS)
    .where({ orgId: db.command.in(activity.expectedOrgIds) })
    .count();
  return total;
}
