// checkin.attendance and checkin.export: counts grouped in the database, the roster and the check-ins each read in
// one request (never one by one), the absentees in roster order, and the Excel sign-in sheet.
import type { z } from 'zod';
import type { CheckinApi, checkinSchemas } from '@/domain/api/checkin';
import { attendanceRate } from '@/domain/checkin';
import type { ActionContext } from '../../server/dispatch';
import { uploadForDownload } from '../../server/xlsx';
import { managedActivity } from './activities';
import { buildSignInWorkbook } from './sheet';
import type { Activity, CheckInRecord, RosterEntry } from './store';
import { countCheckIns, countExpected, readCheckIns, readRoster } from './store';

type Attendance = CheckinApi['attendance']['output'];

function fullAttendance(roster: RosterEntry[], records: CheckInRecord[]): Attendance {
  const byMember = new Map(records.map((r) => [r.memberId, r]));
  const present = records.length;
  return {
    expected: roster.length,
    present,
    late: records.filter((r) => r.status === 'late').length,
    flagged: records.filter((r) => r.flags.length > 0).length,
    manual: records.filter((r) => r.manual).length,
    rate: attendanceRate(present, roster.length),
    absentees: roster
      .filter((m) => !byMember.has(m.memberId))
      .map(({ memberId, name, orgId }) => ({ memberId, name, orgId })),
    flaggedList: records
      .filter((r) => r.flags.length > 0)
      .map(({ memberId, name, status, flags, distanceM }) => ({ memberId, name, status, flags, distanceM })),
    manualList: records
      .filter((r) => r.manual)
      .map((r) => ({
        memberId: r.memberId,
        name: r.name,
        reason: r.manual?.reason ?? '',
        byName: r.manual?.byName ?? '',
      })),
  };
}

async function readAll(ctx: ActionContext, activity: Activity) {
  const [roster, records] = await Promise.all([
    readRoster(ctx.db, activity),
    readCheckIns(ctx.db, activity.activityId),
  ]);
  return { roster, records };
}

export async function attendance(
  input: z.output<typeof checkinSchemas.attendance>,
  ctx: ActionContext,
): Promise<Attendance> {
  const activity = await managedActivity(ctx, input.activityId);
  if (input.summary) {
    const [counts, expected] = await Promise.all([
      countCheckIns(ctx.db, activity.activityId),
      countExpected(ctx.db, activity),
    ]);
    return {
      expected,
      ...counts,
      rate: attendanceRate(counts.present, expected),
      absentees: [],
      flaggedList: [],
      manualList: [],
    };
  }
  const { roster, records } = await readAll(ctx, activity);
  return fullAttendance(roster, records);
}

export async function exportSheet(
  input: z.output<typeof checkinSchemas.export>,
  ctx: ActionContext,
): Promise<CheckinApi['export']['output']> {
  const activity = await managedActivity(ctx, input.activityId);
  const { roster, records } = await readAll(ctx, activity);
  const file = await buildSignInWorkbook(activity, roster, records);
  return uploadForDownload(
    `checkin-exports/${activity.activityId}/${Date.now()}`,
    `${activity.title}-签到表.xlsx`,
    file,
  );
}
