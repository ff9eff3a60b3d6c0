// register.vol*: 志愿服务进社区、进农村 and 共建. An activity is one document holding its sign-ups and waiting list
// (changed in a transaction, so places are never exceeded and a cancellation promotes the first waiting member in the
// same write) and, after the activity, the hours of each attendee. Attendance is the linked check-in activity (kind
// 志愿服务, made with the activity); the hours earn points through the ledger's writer and add to the year's summary
// of hours per org, which the overview reads in one read.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { RegisterApi, registerSchemas } from '@/domain/api/register';
import type { VolunteerActivityRow, VolunteerOrgHours } from '@/domain/api/volunteer';
import { VOLUNTEER_PAGE_SIZE } from '@/domain/api/volunteer';
import type { OrgNode } from '@/domain/identity';
import { orgAncestry, orgSubtree } from '@/domain/identity';
import { POINTS_CONFIG } from '@/domain/points';
import type { VolunteerMode, VolunteerRoster, VolunteerSignup } from '@/domain/register';
import {
  volunteerCancelSignup,
  volunteerDefaultHours,
  volunteerHoursDelta,
  volunteerRoundHours,
  volunteerSignUp,
  VOLUNTEER_MODES,
  volunteerPoints,
} from '@/domain/register';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, requireMember, secretaryScopes } from '../../server/caller';
import type { Database, Doc, Transaction } from '../../server/db';
import { isDuplicateKeyError, readPage, runTransactionWithRetry, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import { shanghaiDay, shanghaiIso, shanghaiYear } from '../../server/time';
import { createCheckinActivity, readActivityCheckIns } from '../checkin/public';
import { awardPoints } from '../points/public';

/** One document per volunteer activity (`va_…`), with its roster and recorded hours. */
export const VOLUNTEER_ACTIVITIES = 'register_volunteer';
/** One document per year (`_id` the year): hours and person-times per org, written with the hours. */
export const VOLUNTEER_SUMMARY = 'register_volunteer_summary';
/** One document per member and activity with hours (`<activityId>:<memberId>`): the member's own record. */
export const VOLUNTEER_HOURS = 'register_volunteer_hours';

interface HoursEntry {
  name: string;
  orgId: string;
  hours: number;
}

interface VolunteerActivity extends VolunteerRoster {
  activityId: string;
  orgId: string;
  orgName: string;
  title: string;
  mode: VolunteerMode;
  partner: string;
  startAt: Date;
  endAt: Date;
  place: string;
  checkinActivityId: string;
  hours: Record<string, HoursEntry>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

function signups(v: unknown): VolunteerSignup[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    .map((x) => ({
      memberId: String(x.memberId ?? ''),
      name: String(x.name ?? ''),
      orgId: String(x.orgId ?? ''),
      at: String(x.at ?? ''),
    }));
}

function hoursOf(v: unknown): Record<string, HoursEntry> {
  const out: Record<string, HoursEntry> = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [memberId, e] of Object.entries(v as Record<string, unknown>)) {
    if (typeof e !== 'object' || e === null) continue;
    const r = e as Record<string, unknown>;
    out[memberId] = { name: String(r.name ?? ''), orgId: String(r.orgId ?? ''), hours: Number(r.hours) || 0 };
  }
  return out;
}

/** An activity read inside a transaction, with its reference to write it back, or NOT_FOUND. */
async function activityIn(tx: Transaction, activityId: string) {
  const ref = tx.collection(VOLUNTEER_ACTIVITIES).doc(activityId);
  const { data } = await ref.get();
  if (!data) throw new AppError('NOT_FOUND', '志愿服务活动不存在');
  return { ref, a: toActivity(data) };
}

function toActivity(d: Doc): VolunteerActivity {
  const mode = VOLUNTEER_MODES.find((m) => m === d.mode) ?? '进社区';
  return {
    activityId: d._id,
    orgId: str(d, 'orgId') ?? '',
    orgName: str(d, 'orgName') ?? '',
    title: str(d, 'title') ?? '',
    mode,
    partner: str(d, 'partner') ?? '',
    startAt: date(d.startAt),
    endAt: date(d.endAt),
    place: str(d, 'place') ?? '',
    capacity: Number(d.capacity) || 0,
    checkinActivityId: str(d, 'checkinActivityId') ?? '',
    signups: signups(d.signups),
    waiting: signups(d.waiting),
    hours: hoursOf(d.hours),
  };
}

function row(a: VolunteerActivity): VolunteerActivityRow {
  const hours = Object.values(a.hours);
  return {
    activityId: a.activityId,
    orgId: a.orgId,
    orgName: a.orgName,
    title: a.title,
    mode: a.mode,
    partner: a.partner,
    startAt: shanghaiIso(a.startAt),
    endAt: shanghaiIso(a.endAt),
    place: a.place,
    capacity: a.capacity,
    signedUp: a.signups.length,
    waiting: a.waiting.length,
    checkinActivityId: a.checkinActivityId,
    recorded: hours.length > 0,
    hours: hours.reduce((s, h) => s + h.hours, 0),
  };
}

/** The orgs a keeper runs volunteer activities for: an admin every one, a secretary the own ones and those below. */
function keeperScope(caller: Caller, orgs: readonly OrgNode[]): Set<string> {
  if (callerIsAdmin(caller)) return new Set(orgs.map((o) => o.orgId));
  return orgSubtree(orgs, secretaryScopes(caller));
}

async function loadActivity(db: Database, activityId: string): Promise<VolunteerActivity> {
  const { data } = await db.collection(VOLUNTEER_ACTIVITIES).doc(activityId).get();
  if (!data) throw new AppError('NOT_FOUND', '志愿服务活动不存在');
  return toActivity(data);
}

/** The activity for its organiser (NOT_FOUND / PERMISSION_DENIED), with the directory. */
async function managedActivity(ctx: ActionContext, activityId: string) {
  const [caller, dir, activity] = await Promise.all([
    ctx.caller(),
    readDirectory(ctx.db),
    loadActivity(ctx.db, activityId),
  ]);
  if (!keeperScope(caller, dir.orgs).has(activity.orgId))
    throw new AppError('PERMISSION_DENIED', '只能管理本组织及下级组织的志愿服务活动');
  return { caller, dir, activity };
}

export async function volCreate(
  input: z.output<typeof registerSchemas.volCreate>,
  ctx: ActionContext,
): Promise<RegisterApi['volCreate']['output']> {
  const { db } = ctx;
  const [caller, dir] = await Promise.all([ctx.caller(), readDirectory(db)]);
  const org = dir.orgs.find((o) => o.orgId === input.orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  if (!keeperScope(caller, dir.orgs).has(org.orgId))
    throw new AppError('PERMISSION_DENIED', '只能为本组织及下级组织发布志愿服务活动');
  // The check-in activity checks the times (and the caller's scope once more) before anything is written.
  const { activityId: checkinActivityId } = await createCheckinActivity(
    {
      title: `志愿服务：${input.title}`.slice(0, 64),
      kind: '志愿服务',
      orgIds: [org.orgId],
      startAt: input.startAt,
      endAt: input.endAt,
      place: input.place,
    },
    ctx,
  );
  const startAt = new Date(input.startAt);
  const doc = {
    orgId: org.orgId,
    orgName: org.name,
    scopeOrgIds: orgAncestry(new Map(dir.orgs.map((o) => [o.orgId, o])), org.orgId),
    title: input.title,
    mode: input.mode,
    partner: input.partner,
    startAt,
    endAt: new Date(input.endAt),
    place: input.place,
    capacity: input.capacity,
    checkinActivityId,
    signups: [],
    waiting: [],
    hours: {},
    year: shanghaiYear(startAt),
    createdBy: caller.openid,
    createdAt: db.serverDate(),
  };
  for (let attempt = 0; ; attempt++) {
    const activityId = `va_${randomBytes(9).toString('base64url')}`;
    try {
      await db.collection(VOLUNTEER_ACTIVITIES).add({ data: { _id: activityId, ...doc } });
      return { activityId, checkinActivityId };
    } catch (e) {
      if (!isDuplicateKeyError(e) || attempt >= 2) throw e;
    }
  }
}

export async function volList(
  input: z.output<typeof registerSchemas.volList>,
  ctx: ActionContext,
): Promise<RegisterApi['volList']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const page = input.page ?? 0;
  const coll = db.collection(VOLUNTEER_ACTIVITIES);
  const q = callerIsAdmin(caller) ? coll : coll.where({ scopeOrgIds: db.command.in(secretaryScopes(caller)) });
  const { rows, hasMore } = await readPage(q.orderBy('startAt', 'desc'), page, VOLUNTEER_PAGE_SIZE);
  return { activities: rows.map((d) => row(toActivity(d))), hasMore };
}

/** Attendees: every member checked in to the linked check-in activity, with the hours recorded or proposed. */
async function attendeesOf(db: Database, a: VolunteerActivity) {
  const checkIns = await readActivityCheckIns(db, [a.checkinActivityId]);
  const signed = new Map([...a.signups, ...a.waiting].map((s) => [s.memberId, s]));
  const unknown = checkIns.filter((c) => !signed.has(c.memberId) && !a.hours[c.memberId]).map((c) => c.memberId);
  const names = new Map<string, string>();
  if (unknown.length) {
    const { data } = await db
      .collection(MEMBERS)
      .where({ _id: db.command.in(unknown.slice(0, 100)) })
      .field({ _id: true, name: true })
      .limit(100)
      .get();
    for (const m of data) names.set(m._id, str(m, 'name') ?? '');
  }
  const suggested = volunteerDefaultHours(a.startAt, a.endAt);
  const ids = [...new Set([...checkIns.map((c) => c.memberId), ...Object.keys(a.hours)])];
  const orgOf = new Map(checkIns.map((c) => [c.memberId, c.orgId]));
  return ids.map((memberId) => ({
    memberId,
    name: a.hours[memberId]?.name || signed.get(memberId)?.name || names.get(memberId) || '',
    orgId: a.hours[memberId]?.orgId || orgOf.get(memberId) || '',
    signedUp: a.signups.some((s) => s.memberId === memberId),
    hours: a.hours[memberId]?.hours ?? null,
    suggested,
  }));
}

export async function volGet(
  input: z.output<typeof registerSchemas.volGet>,
  ctx: ActionContext,
): Promise<RegisterApi['volGet']['output']> {
  const { activity } = await managedActivity(ctx, input.activityId);
  return {
    activity: row(activity),
    signups: activity.signups,
    waiting: activity.waiting,
    attendees: await attendeesOf(ctx.db, activity),
    ended: Date.now() >= activity.endAt.getTime(),
  };
}

/**
 * Records the hours of attendees (members checked in to the linked activity), after the activity has ended. The
 * activity's hours and the year's summary change in one transaction (the summary by the difference, so correcting
 * an hour counts once); then each member's own record and the points: one ledger entry per member and activity,
 * requested for the first hours of at least one hour and cut by the 志愿服务 daily cap. A correction later changes the
 * hours, not the points (the ledger is corrected by 积分调整).
 */
export async function volRecordHours(
  input: z.output<typeof registerSchemas.volRecordHours>,
  ctx: ActionContext,
): Promise<RegisterApi['volRecordHours']['output']> {
  const { db } = ctx;
  const { caller, activity } = await managedActivity(ctx, input.activityId);
  if (Date.now() < activity.endAt.getTime()) throw new AppError('FAILED_PRECONDITION', '活动结束后才能登记服务时长');
  const ids = input.hours.map((h) => h.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_ARGUMENT', '同一名党员只能填写一次服务时长');
  const attendees = new Map((await attendeesOf(db, activity)).map((a) => [a.memberId, a]));
  const absent = input.hours.filter((h) => !attendees.has(h.memberId));
  if (absent.length)
    throw new AppError('FAILED_PRECONDITION', '只能为本次活动已签到的党员登记服务时长，请先在活动签到中补签');

  const year = shanghaiYear(activity.startAt);
  const { changed } = await runTransactionWithRetry(db, async (tx) => {
    const ref = tx.collection(VOLUNTEER_ACTIVITIES).doc(activity.activityId);
    const { data } = await ref.get();
    if (!data) throw new AppError('NOT_FOUND', '志愿服务活动不存在');
    const before = hoursOf(data.hours);
    const after: Record<string, HoursEntry> = { ...before };
    for (const h of input.hours) {
      const a = attendees.get(h.memberId) as { name: string; orgId: string };
      after[h.memberId] = { name: a.name, orgId: a.orgId, hours: volunteerRoundHours(h.hours) };
    }
    const delta = volunteerHoursDelta(before, after);
    const sumRef = tx.collection(VOLUNTEER_SUMMARY).doc(String(year));
    const { data: sum } = await sumRef.get();
    const orgs = { ...((sum?.orgs ?? {}) as Record<string, { hours?: number; people?: number }>) };
    for (const [orgId, d] of Object.entries(delta)) {
      const o = orgs[orgId] ?? {};
      orgs[orgId] = {
        hours: Math.max(0, (Number(o.hours) || 0) + d.hours),
        people: Math.max(0, (Number(o.people) || 0) + d.people),
      };
    }
    await ref.update({ data: { hours: after, recordedBy: caller.openid, recordedAt: db.serverDate() } });
    await sumRef.set({ data: { year, orgs } });
    return { changed: input.hours.map((h) => ({ memberId: h.memberId, ...after[h.memberId] })) };
  });

  let pointsAwarded = 0;
  for (const c of changed) {
    await db
      .collection(VOLUNTEER_HOURS)
      .doc(`${activity.activityId}:${c.memberId}`)
      .set({
        data: {
          activityId: activity.activityId,
          memberId: c.memberId,
          orgId: c.orgId,
          title: activity.title,
          day: shanghaiDay(activity.startAt),
          year,
          hours: c.hours,
        },
      });
    // Every save asks again: the ledger keeps the first entry (a duplicate credits nothing), and a save that stopped
    // before its awards is repaired by saving again. Under an hour asks nothing, so a later correction still counts.
    const points = volunteerPoints(c.hours, POINTS_CONFIG.volunteerPerHour);
    if (points <= 0) continue;
    const { awarded } = await awardPoints(db, {
      source: 'volunteer',
      sourceId: activity.activityId,
      memberId: c.memberId,
      orgId: c.orgId,
      points,
      reason: `志愿服务${c.hours}小时：${activity.title}`,
      now: activity.startAt,
    });
    pointsAwarded += awarded;
  }
  return { recorded: changed.length, hours: changed.reduce((s, c) => s + c.hours, 0), pointsAwarded };
}

/** The year's hours per org (one read of the summary): every org in the caller's scope, those without hours first. */
export async function readVolunteerSummary(
  db: Database,
  caller: Caller,
  orgs: readonly OrgNode[],
  year: number,
): Promise<RegisterApi['volSummary']['output']> {
  const { data } = await db.collection(VOLUNTEER_SUMMARY).doc(String(year)).get();
  const stored = (data?.orgs ?? {}) as Record<string, { hours?: number; people?: number }>;
  const scope = keeperScope(caller, orgs);
  const rows: VolunteerOrgHours[] = orgs
    .filter((o) => scope.has(o.orgId) && o.parentId !== null)
    .map((o) => ({
      orgId: o.orgId,
      orgName: o.name,
      hours: Number(stored[o.orgId]?.hours) || 0,
      people: Number(stored[o.orgId]?.people) || 0,
    }))
    .sort((a, b) => a.hours - b.hours);
  return {
    year,
    rows,
    totalHours: rows.reduce((s, r) => s + r.hours, 0),
    without: rows.filter((r) => r.hours === 0).length,
  };
}

export async function volSummary(
  input: z.output<typeof registerSchemas.volSummary>,
  ctx: ActionContext,
): Promise<RegisterApi['volSummary']['output']> {
  const [caller, dir] = await Promise.all([ctx.caller(), readDirectory(ctx.db)]);
  return readVolunteerSummary(ctx.db, caller, dir.orgs, input.year ?? shanghaiYear(new Date()));
}

/** The bound member (name, org), or PERMISSION_DENIED. */
async function boundMember(ctx: ActionContext): Promise<{ memberId: string; name: string; orgId: string }> {
  const memberId = requireMember(await ctx.caller());
  const { data } = await ctx.db.collection(MEMBERS).doc(memberId).get();
  if (!data) throw new AppError('PERMISSION_DENIED', '您绑定的党员已不在名册中，请联系支部书记');
  return { memberId, name: str(data, 'name') ?? '', orgId: str(data, 'orgId') ?? '' };
}

/** The bound member and his organisation with those above it, whose activities he may join (two reads). */
async function memberWithAncestry(ctx: ActionContext) {
  const [me, dir] = await Promise.all([boundMember(ctx), readDirectory(ctx.db)]);
  return { me, ancestry: orgAncestry(new Map(dir.orgs.map((o) => [o.orgId, o])), me.orgId) };
}

export async function volMine(
  _input: z.output<typeof registerSchemas.volMine>,
  ctx: ActionContext,
): Promise<RegisterApi['volMine']['output']> {
  const { db } = ctx;
  const { me, ancestry } = await memberWithAncestry(ctx);
  const now = new Date();
  const year = shanghaiYear(now);
  const [{ data: open }, { data: served }] = await Promise.all([
    db
      .collection(VOLUNTEER_ACTIVITIES)
      .where({ orgId: db.command.in(ancestry), endAt: db.command.gte(now) })
      .orderBy('startAt', 'asc')
      .limit(50)
      .get(),
    db.collection(VOLUNTEER_HOURS).where({ memberId: me.memberId, year }).orderBy('day', 'desc').limit(100).get(),
  ]);
  return {
    activities: open.map((d) => {
      const a = toActivity(d);
      const w = a.waiting.findIndex((s) => s.memberId === me.memberId);
      const confirmed = a.signups.some((s) => s.memberId === me.memberId);
      return {
        ...row(a),
        status: confirmed ? 'confirmed' : w >= 0 ? 'waiting' : null,
        waitingPlace: w >= 0 ? w + 1 : null,
      };
    }),
    year,
    yearHours: served.reduce((s, d) => s + (Number(d.hours) || 0), 0),
    served: served.map((d) => ({
      activityId: str(d, 'activityId') ?? '',
      title: str(d, 'title') ?? '',
      day: str(d, 'day') ?? '',
      hours: Number(d.hours) || 0,
    })),
  };
}

export async function volSignUp(
  input: z.output<typeof registerSchemas.volSignUp>,
  ctx: ActionContext,
): Promise<RegisterApi['volSignUp']['output']> {
  const { db } = ctx;
  const { me, ancestry } = await memberWithAncestry(ctx);
  const at = shanghaiIso(new Date());
  return runTransactionWithRetry(
    db,
    async (tx) => {
      const { ref, a } = await activityIn(tx, input.activityId);
      if (!ancestry.includes(a.orgId)) throw new AppError('PERMISSION_DENIED', '您不在本次志愿服务的报名范围内');
      if (Date.now() >= a.startAt.getTime()) throw new AppError('FAILED_PRECONDITION', '活动已开始，报名已截止');
      const r = volunteerSignUp(a, { memberId: me.memberId, name: me.name, orgId: me.orgId, at });
      if (r.status === 'full') throw new AppError('FAILED_PRECONDITION', '名额已满，候补名单也已满');
      if (!r.already) await ref.update({ data: { signups: r.roster.signups, waiting: r.roster.waiting } });
      const w = r.roster.waiting.findIndex((s) => s.memberId === me.memberId);
      return { status: r.status, waitingPlace: w >= 0 ? w + 1 : null, already: r.already };
    },
    30,
  );
}

export async function volCancel(
  input: z.output<typeof registerSchemas.volCancel>,
  ctx: ActionContext,
): Promise<RegisterApi['volCancel']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  return runTransactionWithRetry(
    db,
    async (tx) => {
      const { ref, a } = await activityIn(tx, input.activityId);
      if (Date.now() >= a.startAt.getTime())
        throw new AppError('FAILED_PRECONDITION', '活动已开始，不能取消报名；如不能参加请联系组织者');
      const r = volunteerCancelSignup(a, memberId);
      if (!r.removed) throw new AppError('NOT_FOUND', '您没有报名这次志愿服务');
      await ref.update({ data: { signups: r.roster.signups, waiting: r.roster.waiting } });
      return { removed: r.removed, promotedName: r.promoted?.name ?? null };
    },
    30,
  );
}

/** The year's activities in the caller's scope (one read per 100, at most 1,000), oldest first. */
export async function readYearActivities(ctx: ActionContext, year: number): Promise<VolunteerActivity[]> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const out: VolunteerActivity[] = [];
  for (let page = 0; page < 10; page++) {
    const coll = db.collection(VOLUNTEER_ACTIVITIES);
    const q = callerIsAdmin(caller)
      ? coll.where({ year })
      : coll.where({ year, scopeOrgIds: db.command.in(secretaryScopes(caller)) });
    const { data } = await q
      .orderBy('startAt', 'asc')
      .skip(page * 100)
      .limit(100)
      .get();
    out.push(...data.map(toActivity));
    if (data.length < 100) break;
  }
  return out;
}

export type { VolunteerActivity };
