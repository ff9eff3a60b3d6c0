// checkin.checkIn and checkin.manualCheckIn: one idempotent record per member and activity (`<activity>:<member>`)
// and one idempotent points entry (`points:checkin:<activity>:<member>`, via awardPoints). A scan costs three
// database operations: the member, the check-in and the points entry; the activity is read once per function
// instance (four on a cold one), a training class's on every scan (it may be moved or cancelled).
import type { z } from 'zod';
import type { CheckinApi, checkinSchemas } from '@/domain/api/checkin';
import type { CheckInFlag, CheckInStatus, ScanSource } from '@/domain/checkin';
import {
  checkInFlags,
  checkInId,
  checkinScanSource,
  checkinWindowState,
  checkinParseScene,
  checkinVerifyScene,
} from '@/domain/checkin';
import { POINTS_CONFIG } from '@/domain/points';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { awardPoints } from '../points/public';
import { recordTrainingAttendance } from '../register/public';
import { managedActivity, memberOf } from './activities';
import type { Activity } from './store';
import { CHECKINS, loadActivity } from './store';
import { shanghaiIso } from '../../server/time';

interface NewCheckIn {
  activity: Activity;
  member: Doc;
  openid: string | null;
  status: CheckInStatus;
  source: ScanSource;
  flags: CheckInFlag[];
  distanceM: number | null;
  location: { latitude: number; longitude: number } | null;
  manual: { reason: string; by: string; byName: string } | null;
  now: Date;
}

/**
 * Writes the check-in and its points entry. An existing check-in is a duplicate: nothing is overwritten, and the
 * stored one is returned. The points entry is written again on a duplicate, so that a crash between the two writes
 * heals on the next scan (its fixed id keeps it single).
 */
async function writeCheckIn(db: Database, c: NewCheckIn): Promise<{ duplicate: boolean; stored: Doc | null }> {
  const memberId = c.member._id;
  const orgId = str(c.member, 'orgId') ?? '';
  let duplicate = false;
  let stored: Doc | null = null;
  try {
    await db.collection(CHECKINS).add({
      data: {
        _id: checkInId(c.activity.activityId, memberId),
        activityId: c.activity.activityId,
        memberId,
        name: str(c.member, 'name') ?? '',
        orgId,
        openid: c.openid,
        status: c.status,
        source: c.source,
        flags: c.flags,
        flagged: c.flags.length > 0,
        distanceM: c.distanceM,
        location: c.location,
        isManual: c.manual !== null,
        manual: c.manual,
        checkedInAt: c.now,
        createdAt: db.serverDate(),
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    duplicate = true;
    stored = (await db.collection(CHECKINS).doc(checkInId(c.activity.activityId, memberId)).get()).data;
  }
  await awardPoints(db, {
    source: 'checkin',
    sourceId: c.activity.activityId,
    memberId,
    orgId,
    points: POINTS_CONFIG.checkin[c.activity.kind],
    reason: `参加${c.activity.kind}：${c.activity.title}`,
    // Earned at the activity: a 补签 made in January for a December meeting counts for December's year.
    now: c.activity.startAt,
  });
  // A training class's check-in also puts the member on its roster and counts the quarter's training (培训).
  if (c.activity.kind === '培训')
    await recordTrainingAttendance(db, {
      activityId: c.activity.activityId,
      startAt: c.activity.startAt,
      memberId,
      name: str(c.member, 'name') ?? '',
      orgId,
    });
  return { duplicate, stored };
}

const CANCELLED = '该培训班已取消，无需签到';

const WINDOW_MESSAGES = {
  'not-open': '签到尚未开始，请在活动开始前半小时内再扫码',
  closed: '签到已结束。如确实参加了活动，请联系支部书记补签',
} as const;

export async function checkIn(
  input: z.output<typeof checkinSchemas.checkIn>,
  ctx: ActionContext,
): Promise<CheckinApi['checkIn']['output']> {
  const { db } = ctx;
  const openid = ctx.requireOpenid();
  // WeChat hands the page the scene URL-encoded; a page that forgot to decode it is forgiven here.
  let scene = input.scene;
  if (scene.includes('%')) {
    try {
      scene = decodeURIComponent(scene);
    } catch {
      // Not an encoded scene: checked as it is.
    }
  }
  const parsed = checkinParseScene(scene);
  if (!parsed) throw new AppError('INVALID_ARGUMENT', '这不是有效的签到码，请扫描现场大屏上的二维码');

  const [member, activity] = await Promise.all([memberOf(db, openid), loadActivity(db, parsed.activityId)]);
  if (!activity) throw new AppError('INVALID_ARGUMENT', '这不是有效的签到码，请扫描现场大屏上的二维码');
  const now = new Date();
  const check = checkinVerifyScene(activity.secret, activity.activityId, scene, now);
  if (check === 'malformed' || check === 'bad-signature')
    throw new AppError('INVALID_ARGUMENT', '签到码无效或被改动过，请扫描现场大屏上的二维码');
  if (check === 'expired')
    throw new AppError('FAILED_PRECONDITION', '签到码已过期，请重新扫描大屏上的最新二维码', 'CHECKIN_CODE_EXPIRED');
  if (activity.cancelled) throw new AppError('FAILED_PRECONDITION', CANCELLED);
  if (!member) throw new AppError('PERMISSION_DENIED', '请先绑定党员身份，再扫码签到');
  if (!activity.expectedOrgIds.includes(str(member, 'orgId') ?? ''))
    throw new AppError('PERMISSION_DENIED', '您不在本次活动的参加范围内（非本支部活动）');
  const state = checkinWindowState(activity, now);
  if (state === 'not-open' || state === 'closed') throw new AppError('FAILED_PRECONDITION', WINDOW_MESSAGES[state]);

  const source = checkinScanSource(input.launchScene);
  const { flags, distanceM } = checkInFlags({ source, place: activity.location, location: input.location });
  const { duplicate, stored } = await writeCheckIn(db, {
    activity,
    member,
    openid,
    status: state,
    source,
    flags,
    distanceM,
    location: input.location ?? null,
    manual: null,
    now,
  });
  const at = stored?.checkedInAt instanceof Date ? stored.checkedInAt : now;
  return {
    activityId: activity.activityId,
    status: stored ? (stored.status === 'late' ? 'late' : 'present') : state,
    duplicate,
    title: activity.title,
    checkedInAt: shanghaiIso(at),
    flags: stored ? ((Array.isArray(stored.flags) ? stored.flags : []) as CheckInFlag[]) : flags,
    source: stored ? ((str(stored, 'source') as ScanSource | null) ?? source) : source,
  };
}

export async function manualCheckIn(
  input: z.output<typeof checkinSchemas.manualCheckIn>,
  ctx: ActionContext,
): Promise<CheckinApi['manualCheckIn']['output']> {
  const { db } = ctx;
  const activity = await managedActivity(ctx, input.activityId);
  const caller = await ctx.caller();
  const [{ data: member }, byMember] = await Promise.all([
    db.collection(MEMBERS).doc(input.memberId).get(),
    caller.memberId ? db.collection(MEMBERS).doc(caller.memberId).get() : Promise.resolve({ data: null }),
  ]);
  if (activity.cancelled) throw new AppError('FAILED_PRECONDITION', CANCELLED);
  if (!member) throw new AppError('NOT_FOUND', '名册中没有该党员');
  if (!activity.expectedOrgIds.includes(str(member, 'orgId') ?? ''))
    throw new AppError('FAILED_PRECONDITION', '该党员不在本次活动的参加范围内');
  const now = new Date();
  if (now.getTime() < activity.opensAt.getTime()) throw new AppError('FAILED_PRECONDITION', '活动尚未开始，不能补签');
  const { duplicate } = await writeCheckIn(db, {
    activity,
    member,
    openid: str(member, 'openid'),
    status: 'present',
    source: 'manual',
    flags: [],
    distanceM: null,
    location: null,
    manual: { reason: input.reason, by: caller.openid, byName: str(byMember.data, 'name') ?? caller.openid },
    now,
  });
  return { duplicate };
}
