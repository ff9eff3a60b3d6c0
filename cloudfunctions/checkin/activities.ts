// checkin.createActivity, checkin.list and checkin.get: activities for branches, with their window and place.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CheckinApi, checkinSchemas } from '@/domain/api/checkin';
import type { CheckInStatus } from '@/domain/checkin';
import { activityTimesError, checkInId, DEFAULT_OPENS_BEFORE_MINUTES } from '@/domain/checkin';
import { orgAncestry, orgSubtree } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc, Query } from '../../server/db';
import { findIn, isDuplicateKeyError, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import type { Activity } from './store';
import { ACTIVITIES, canManage, CHECKINS, loadActivity, summarize, toActivity } from './store';

/** How many activities a list shows (newest start first). */
export const LIST_LIMIT = 100;

/** `a` + 8 url-safe random characters (48 bits): short, so that the code's scene stays within 32 characters. */
function newActivityId(): string {
  return `a${randomBytes(6).toString('base64url')}`;
}

/** A secret per activity for signing its codes; stored on the activity and never returned. */
function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export async function createActivity(
  input: z.output<typeof checkinSchemas.createActivity>,
  ctx: ActionContext,
): Promise<CheckinApi['createActivity']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const startAt = new Date(input.startAt);
  const endAt = new Date(input.endAt);
  const timesError = activityTimesError(startAt, endAt);
  if (timesError) throw new AppError('INVALID_ARGUMENT', timesError);

  const dir = await readDirectory(db);
  const orgIds = [...new Set(input.orgIds)];
  const byId = new Map(dir.orgs.map((o) => [o.orgId, o]));
  const missing = orgIds.filter((o) => !byId.has(o));
  if (missing.length) throw new AppError('NOT_FOUND', `组织不存在：${missing.slice(0, 3).join('、')}`);
  if (!callerIsAdmin(caller)) {
    const own = orgSubtree(dir.orgs, secretaryScopes(caller));
    if (!orgIds.every((o) => own.has(o))) throw new AppError('PERMISSION_DENIED', '支部书记只能为本组织创建活动');
  }
  const orgChains = orgIds.map((o) => orgAncestry(byId, o));
  const expected = orgSubtree(dir.orgs, orgIds);
  // Listed parents first so that the sign-in sheet follows the tree.
  const expectedOrgIds = [
    ...orgIds,
    ...dir.orgs.map((o) => o.orgId).filter((o) => expected.has(o) && !orgIds.includes(o)),
  ];
  const opensAt = new Date(startAt.getTime() - (input.opensBeforeMinutes ?? DEFAULT_OPENS_BEFORE_MINUTES) * 60_000);

  const doc = {
    title: input.title,
    kind: input.kind,
    orgIds,
    expectedOrgIds,
    orgChains,
    scopeOrgIds: [...new Set(orgChains.flat())],
    startAt,
    endAt,
    opensAt,
    place: input.place ?? null,
    location: input.location ?? null,
    secret: newSecret(),
    createdBy: caller.openid,
    createdAt: db.serverDate(),
  };
  for (let attempt = 0; ; attempt++) {
    const activityId = newActivityId();
    try {
      await db.collection(ACTIVITIES).add({ data: { _id: activityId, ...doc } });
      return { activityId };
    } catch (e) {
      // 48 random bits do not collide in practice; if they ever do, draw again.
      if (!isDuplicateKeyError(e) || attempt >= 2) throw e;
    }
  }
}

/** The bound member of an openid with its org, straight from the roster (one read). */
export async function memberOf(db: Database, openid: string): Promise<Doc | null> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ openid })
    .field({ _id: true, name: true, orgId: true, order: true })
    .limit(1)
    .get();
  return data[0] ?? null;
}

async function myStatuses(db: Database, memberId: string, activities: Activity[]): Promise<Map<string, CheckInStatus>> {
  const docs = await findIn(
    db,
    CHECKINS,
    '_id',
    activities.map((a) => checkInId(a.activityId, memberId)),
    { _id: true, activityId: true, status: true },
  );
  return new Map(docs.map((d) => [str(d, 'activityId') ?? '', d.status === 'late' ? 'late' : 'present']));
}

export async function list(
  input: z.output<typeof checkinSchemas.list>,
  ctx: ActionContext,
): Promise<CheckinApi['list']['output']> {
  const { db } = ctx;
  const now = new Date();
  const byStart = (q: Query) => q.orderBy('startAt', 'desc').limit(LIST_LIMIT).get();

  if (input.scope === 'mine') {
    const member = await memberOf(db, ctx.requireOpenid());
    if (!member) throw new AppError('PERMISSION_DENIED', '请先在“我的”页面绑定党员身份');
    const orgId = str(member, 'orgId') ?? '';
    const { data } = await byStart(db.collection(ACTIVITIES).where({ expectedOrgIds: orgId }));
    const activities = data.map(toActivity);
    const mine = await myStatuses(db, member._id, activities);
    return { activities: activities.map((a) => summarize(a, now, mine.get(a.activityId) ?? null)) };
  }

  const caller = await ctx.caller();
  const admin = callerIsAdmin(caller);
  const scopes = secretaryScopes(caller);
  if (!admin && scopes.length === 0) throw new AppError('PERMISSION_DENIED', '需要机关工委管理员或支部书记权限');
  const coll = db.collection(ACTIVITIES);
  const { data } = await byStart(admin ? coll : coll.where({ scopeOrgIds: db.command.in(scopes) }));
  const activities = data.map(toActivity).filter((a) => canManage(caller, a));
  return { activities: activities.map((a) => summarize(a, now, null)) };
}

export async function get(
  input: z.output<typeof checkinSchemas.get>,
  ctx: ActionContext,
): Promise<CheckinApi['get']['output']> {
  const [caller, activity] = await Promise.all([ctx.caller(), loadActivity(ctx.db, input.activityId)]);
  if (!activity) throw new AppError('NOT_FOUND', '活动不存在');
  const manages = canManage(caller, activity);
  // The place's exact coordinates only for who manages it or may attend it (a bound member of an expected org);
  // anyone else who opens a forwarded code sees what it is, e.g. to bind first, but not where.
  let attends = false;
  if (!manages && caller.memberId && activity.location) {
    const member = await memberOf(ctx.db, ctx.requireOpenid());
    attends = member !== null && activity.expectedOrgIds.includes(str(member, 'orgId') ?? '');
  }
  return {
    ...summarize(activity, new Date(), null),
    location: manages || attends ? activity.location : null,
    canManage: manages,
  };
}

/** The activity for a manager's action: NOT_FOUND, or PERMISSION_DENIED for a caller who does not manage it. */
export async function managedActivity(ctx: ActionContext, activityId: string): Promise<Activity> {
  const [caller, activity] = await Promise.all([ctx.caller(), loadActivity(ctx.db, activityId)]);
  if (!activity) throw new AppError('NOT_FOUND', '活动不存在');
  if (!canManage(caller, activity)) throw new AppError('PERMISSION_DENIED', '只有本支部的书记或管理员可以管理该活动');
  return activity;
}
