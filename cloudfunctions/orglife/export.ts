// orglife.exportMinutes: one meeting's 纪实, or a branch's year as a 三会一课台账, as an Excel file in cloud storage.
import type { z } from 'zod';
import type { OrglifeApi, orglifeSchemas } from '@/domain/api/orglife';
import { orgSubtree } from '@/domain/identity';
import { orglifeMeetingAttendance } from '@/domain/orglife';
import type { ActivityInfo } from '../checkin/public';
import { readActivityCheckIns, readExpectedRoster } from '../checkin/public';
import { AppError } from '../../server/app-error';
import { findIn } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MINUTES } from './store';
import { uploadForDownload } from '../../server/xlsx';
import { editableMeeting, loadMinutes, readableOrg, toStoredMinutes, yearMeetings } from './minutes';
import { buildMeetingWorkbook, buildYearWorkbook } from './sheet';
import { shanghaiIso } from '../../server/time';

/** e.g. "2020-07-01 09:00 至 11:00". */
function when(a: ActivityInfo): string {
  const minute = (d: Date) => shanghaiIso(d).slice(0, 16).replace('T', ' ');
  const start = minute(a.startAt);
  const end = minute(a.endAt);
  return `${start} 至 ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

/**
 * Managers only (the secretary of the branch or above, admins). One meeting: caller, activity, directory, roster,
 * check-ins, 纪实. A year: caller, directory, the year's activities, roster, check-ins, 纪实 (per 100 meetings).
 */
export async function exportMinutes(
  input: z.output<typeof orglifeSchemas.exportMinutes>,
  ctx: ActionContext,
): Promise<OrglifeApi['exportMinutes']['output']> {
  const { db } = ctx;
  if (input.activityId !== undefined && input.orgId === undefined && input.year === undefined) {
    const activity = await editableMeeting(ctx, input.activityId);
    const [dir, roster, checkIns, minutes] = await Promise.all([
      readDirectory(db),
      readExpectedRoster(db, activity.expectedOrgIds),
      readActivityCheckIns(db, [activity.activityId]),
      loadMinutes(db, activity.activityId),
    ]);
    const file = await buildMeetingWorkbook({
      activity,
      orgNames: activity.orgIds.map((o) => dir.orgs.find((x) => x.orgId === o)?.name ?? o),
      when: when(activity),
      minutes,
      attendance: orglifeMeetingAttendance(roster, checkIns, minutes?.absences ?? {}),
    });
    return uploadForDownload(
      `orglife-exports/${activity.activityId}/${Date.now()}`,
      `${activity.title}-会议纪实.xlsx`,
      file,
    );
  }
  if (input.activityId !== undefined || input.orgId === undefined || input.year === undefined)
    throw new AppError('INVALID_ARGUMENT', '请选择一次会议，或选择支部和年度');

  const { dir, orgName, canEdit } = await readableOrg(ctx, input.orgId);
  if (!canEdit) throw new AppError('PERMISSION_DENIED', '只有本支部的书记、上级党委或机关工委可以导出会议纪实');
  const acts = await yearMeetings(db, input.orgId, input.year);
  const ids = acts.map((a) => a.activityId);
  // The branch's own members (its subtree): a meeting held with other branches counts only them here.
  const [roster, checkIns, docs] = await Promise.all([
    readExpectedRoster(db, [...orgSubtree(dir.orgs, [input.orgId])]),
    readActivityCheckIns(db, ids),
    findIn(db, MINUTES, '_id', ids),
  ]);
  const minutes = new Map(docs.map((d) => [d._id, toStoredMinutes(d)]));
  const file = await buildYearWorkbook(
    orgName,
    input.year,
    acts.map((activity) => {
      const m = minutes.get(activity.activityId) ?? null;
      return {
        activity,
        orgNames: [orgName],
        when: when(activity),
        minutes: m,
        attendance: orglifeMeetingAttendance(
          roster,
          checkIns.filter((c) => c.activityId === activity.activityId),
          m?.absences ?? {},
        ),
      };
    }),
  );
  return uploadForDownload(
    `orglife-exports/${input.orgId}/${Date.now()}`,
    `${orgName}-${input.year}年三会一课台账.xlsx`,
    file,
  );
}
