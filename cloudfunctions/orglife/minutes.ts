// 会议纪实: the secretary records a meeting (topic, 主持/记录, minutes, decisions, photos, reasons of absentees); the
// branch, its 党委 and the 工委 read it with the attendance taken from the check-in; a branch's year lists each
// meeting with the state of its 纪实.
import type { z } from 'zod';
import type { MeetingPhoto, MeetingRecord, MeetingRow, OrglifeApi, orglifeSchemas } from '@/domain/api/orglife';
import { orgSubtree } from '@/domain/identity';
import {
  orglifeIsMeetingKind,
  orglifeMeetingAttendance,
  orglifeMinutesMissing,
  orglifeMinutesPhotosProblem,
} from '@/domain/orglife';
import type { ActivityInfo } from '../checkin/public';
import { readActivityCheckIns, readActivityInfo, readExpectedRoster, readOrgActivities } from '../checkin/public';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import type { Directory } from '../../server/directory';
import { readDirectory } from '../../server/directory';
import { filesWithUrls } from '../../server/files';
import { readMinutesStates, MINUTES } from './store';
import { MEMBERS } from '../../server/members';
import { shanghaiIso } from '../../server/time';

/** How long a photo's temporary URL stays valid: long enough to read a 纪实, short enough not to leak. */
const PHOTO_URL_MAX_AGE_S = 2 * 3600;

/** Admins edit every 纪实; a secretary those of meetings of the own org or an org below it. */
export function canEditMinutes(caller: Caller, activity: ActivityInfo): boolean {
  if (callerIsAdmin(caller)) return true;
  const scopes = new Set(secretaryScopes(caller));
  return activity.orgChains.some((chain) => chain.some((o) => scopes.has(o)));
}

/** The org of the caller's roster entry (one read), or null for a caller not bound. */
async function callerOrg(db: Database, caller: Caller): Promise<string | null> {
  if (!caller.memberId) return null;
  const { data } = await db.collection(MEMBERS).doc(caller.memberId).get();
  return str(data, 'orgId');
}

/**
 * The meeting for a reader: its secretaries (and above) and admins, or a member of an org it expected.
 * NOT_FOUND, or PERMISSION_DENIED for anyone else: a member of another branch learns nothing of it.
 */
export async function readableMeeting(
  ctx: ActionContext,
  activityId: string,
): Promise<{ activity: ActivityInfo; canEdit: boolean }> {
  const [caller, activity] = await Promise.all([ctx.caller(), readActivityInfo(ctx.db, activityId)]);
  if (!activity) throw new AppError('NOT_FOUND', '会议不存在');
  if (canEditMinutes(caller, activity)) return { activity, canEdit: true };
  const orgId = await callerOrg(ctx.db, caller);
  if (orgId === null || !activity.expectedOrgIds.includes(orgId))
    throw new AppError('PERMISSION_DENIED', '会议纪实仅本支部、上级党委和机关工委可以查看');
  return { activity, canEdit: false };
}

/** The meeting for its secretaries (and above) and admins. */
export async function editableMeeting(ctx: ActionContext, activityId: string): Promise<ActivityInfo> {
  const [caller, activity] = await Promise.all([ctx.caller(), readActivityInfo(ctx.db, activityId)]);
  if (!activity) throw new AppError('NOT_FOUND', '会议不存在');
  if (!canEditMinutes(caller, activity))
    throw new AppError('PERMISSION_DENIED', '只有本支部的书记、上级党委或机关工委可以填写会议纪实');
  return activity;
}

export interface StoredMinutes {
  topic: string;
  host: string;
  recorder: string;
  minutes: string;
  decisions: string;
  photos: string[];
  absences: Record<string, string>;
  complete: boolean;
  updatedAt: Date;
  updatedBy: string;
}

export function toStoredMinutes(d: Doc): StoredMinutes {
  const absences: Record<string, string> = {};
  for (const a of Array.isArray(d.absences) ? (d.absences as Array<Record<string, unknown>>) : [])
    if (typeof a.memberId === 'string') absences[a.memberId] = String(a.reason ?? '');
  return {
    topic: str(d, 'topic') ?? '',
    host: str(d, 'host') ?? '',
    recorder: str(d, 'recorder') ?? '',
    minutes: str(d, 'minutes') ?? '',
    decisions: str(d, 'decisions') ?? '',
    photos: Array.isArray(d.photos) ? d.photos.map(String) : [],
    absences,
    complete: d.complete === true,
    updatedAt: d.updatedAt instanceof Date ? d.updatedAt : new Date(String(d.updatedAt)),
    updatedBy: str(d, 'updatedBy') ?? '',
  };
}

/** The 纪实 of a meeting (one read), or null. */
export async function loadMinutes(db: Database, activityId: string): Promise<StoredMinutes | null> {
  const { data } = await db.collection(MINUTES).doc(activityId).get();
  return data ? toStoredMinutes(data) : null;
}

/** The activity's year in Asia/Shanghai (a meeting at 00:30 on 1 January belongs to the new year). */
function shanghaiYearOf(d: Date): number {
  return Number(shanghaiIso(d).slice(0, 4));
}

/**
 * Saves the whole 纪实 (a later save replaces it; the id is the activity's, so a retry writes the same document).
 * Cost: caller, activity, roster (only with absentees' reasons), one write.
 */
export async function saveMinutes(
  input: z.output<typeof orglifeSchemas.saveMinutes>,
  ctx: ActionContext,
): Promise<OrglifeApi['saveMinutes']['output']> {
  const { db } = ctx;
  const activity = await editableMeeting(ctx, input.activityId);
  if (!orglifeIsMeetingKind(activity.kind))
    throw new AppError('FAILED_PRECONDITION', '只有三会一课和主题党日需要填写会议纪实');
  if (Date.now() < activity.startAt.getTime())
    throw new AppError('FAILED_PRECONDITION', '会议尚未开始，开始后再填写纪实');
  const photoProblem = orglifeMinutesPhotosProblem(input.photos);
  if (photoProblem) throw new AppError('INVALID_ARGUMENT', photoProblem);
  const ids = input.absences.map((a) => a.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_ARGUMENT', '同一党员的缺席原因填写了多次');
  if (ids.length) {
    const roster = new Set((await readExpectedRoster(db, activity.expectedOrgIds)).map((m) => m.memberId));
    if (ids.some((m) => !roster.has(m))) throw new AppError('INVALID_ARGUMENT', '缺席人员必须是本次会议的应到党员');
  }
  const caller = await ctx.caller();
  const missing = orglifeMinutesMissing(input);
  const byName = caller.memberId
    ? (str((await db.collection(MEMBERS).doc(caller.memberId).get()).data, 'name') ?? '')
    : '';
  await db
    .collection(MINUTES)
    .doc(activity.activityId)
    .set({
      data: {
        orgIds: activity.expectedOrgIds,
        kind: activity.kind,
        year: shanghaiYearOf(activity.startAt),
        startAt: activity.startAt,
        topic: input.topic,
        host: input.host,
        recorder: input.recorder,
        minutes: input.minutes,
        decisions: input.decisions,
        photos: input.photos,
        absences: input.absences,
        complete: missing.length === 0,
        updatedAt: db.serverDate(),
        updatedBy: byName || (caller.configAdmin || callerIsAdmin(caller) ? '机关工委' : '支部书记'),
      },
    });
  return { complete: missing.length === 0, missing };
}

export function recordView(m: StoredMinutes, photos: MeetingPhoto[]): MeetingRecord {
  return {
    topic: m.topic,
    host: m.host,
    recorder: m.recorder,
    minutes: m.minutes,
    decisions: m.decisions,
    photos,
    complete: m.complete,
    missing: orglifeMinutesMissing(m),
    updatedAt: shanghaiIso(m.updatedAt),
    updatedBy: m.updatedBy,
  };
}

const orgNamesOf = (dir: Directory, orgIds: string[]) =>
  orgIds.map((o) => dir.orgs.find((x) => x.orgId === o)?.name ?? o);

/** Cost: caller, activity, (a member: own roster entry), directory, roster, check-ins, 纪实: at most seven reads. */
export async function meeting(
  input: z.output<typeof orglifeSchemas.meeting>,
  ctx: ActionContext,
): Promise<OrglifeApi['meeting']['output']> {
  const { db } = ctx;
  const { activity, canEdit } = await readableMeeting(ctx, input.activityId);
  const [dir, roster, checkIns, stored] = await Promise.all([
    readDirectory(db),
    readExpectedRoster(db, activity.expectedOrgIds),
    readActivityCheckIns(db, [activity.activityId]),
    loadMinutes(db, activity.activityId),
  ]);
  const attendance = orglifeMeetingAttendance(roster, checkIns, stored?.absences ?? {});
  return {
    activityId: activity.activityId,
    title: activity.title,
    kind: activity.kind,
    orgIds: activity.orgIds,
    orgNames: orgNamesOf(dir, activity.orgIds),
    startAt: shanghaiIso(activity.startAt),
    endAt: shanghaiIso(activity.endAt),
    place: activity.place,
    record: stored ? recordView(stored, await filesWithUrls(stored.photos, PHOTO_URL_MAX_AGE_S)) : null,
    attendance,
    canEdit,
  };
}

/** [1 Jan 00:00, next 1 Jan 00:00) of `year` in Asia/Shanghai. */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

/**
 * Who may read a branch's meetings: admins, a secretary of it or above it, a member of it. Returns the directory and
 * whether the caller may edit (directory, and for a member the own roster entry: one or two reads).
 */
export async function readableOrg(
  ctx: ActionContext,
  orgId: string,
): Promise<{ dir: Directory; orgName: string; canEdit: boolean }> {
  const caller = await ctx.caller();
  const dir = await readDirectory(ctx.db);
  const org = dir.orgs.find((o) => o.orgId === orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  const canEdit = callerIsAdmin(caller) || orgSubtree(dir.orgs, secretaryScopes(caller)).has(orgId);
  if (!canEdit && (await callerOrg(ctx.db, caller)) !== orgId)
    throw new AppError('PERMISSION_DENIED', '会议纪实仅本支部、上级党委和机关工委可以查看');
  return { dir, orgName: org.name, canEdit };
}

/** The meetings a branch's year lists: every activity of a meeting kind that expected it, oldest first. */
export async function yearMeetings(db: Database, orgId: string, year: number): Promise<ActivityInfo[]> {
  return (await readOrgActivities(db, orgId, yearRange(year))).filter((a) => orglifeIsMeetingKind(a.kind));
}

/** Cost: caller, directory, (a member: own roster entry), activities and 纪实 states: one read per 100 of each. */
export async function meetings(
  input: z.output<typeof orglifeSchemas.meetings>,
  ctx: ActionContext,
): Promise<OrglifeApi['meetings']['output']> {
  const { db } = ctx;
  const { orgName, canEdit } = await readableOrg(ctx, input.orgId);
  const acts = await yearMeetings(db, input.orgId, input.year);
  const states = await readMinutesStates(
    db,
    acts.map((a) => a.activityId),
  );
  const now = Date.now();
  const rows = acts.map((a): MeetingRow => ({
    activityId: a.activityId,
    title: a.title,
    kind: a.kind,
    startAt: shanghaiIso(a.startAt),
    started: a.startAt.getTime() <= now,
    state: states.get(a.activityId) ?? 'none',
  }));
  return {
    orgId: input.orgId,
    orgName,
    year: input.year,
    rows,
    withoutMinutes: rows.filter((r) => r.started && r.state !== 'complete').length,
    canEdit,
  };
}
