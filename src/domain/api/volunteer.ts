// Contract of the 志愿服务 actions of the `register` function: volunteer activities (进社区/进农村/共建) with sign-up,
// a waiting list, check-in through a linked check-in activity, hours per attendee and the hours per org this year.
import { z } from 'zod';
import type { SignupStatus, VolunteerMode } from '../register';
import { VOLUNTEER_CAPACITY_MAX, VOLUNTEER_HOURS_MAX, VOLUNTEER_MODES, type VolunteerSignup } from '../register';
import { id, input, text } from './common';

const isoTime = z.iso.datetime({ offset: true });
export const VOLUNTEER_PAGE_SIZE = 20;

export const volunteerSchemas = {
  /** A new volunteer activity of an org in the caller's scope; its check-in activity (kind 志愿服务) is made with it. */
  volCreate: input({
    orgId: id.describe('组织'),
    title: text(40).describe('活动名称'),
    mode: z.enum(VOLUNTEER_MODES).describe('服务类型'),
    partner: text(40).describe('服务社区/共建村（支部）'),
    startAt: isoTime.describe('开始时间'),
    endAt: isoTime.describe('结束时间'),
    place: text(64).describe('地点'),
    capacity: z.number().int().min(1).max(VOLUNTEER_CAPACITY_MAX).describe('名额'),
  }),
  /** The activities of the caller's scope, newest first. */
  volList: input({ page: z.number().int().min(0).max(100).optional().describe('页码') }),
  /** One activity with its sign-ups, waiting list and attendees (check-ins) with hours. */
  volGet: input({ activityId: id.describe('活动') }),
  /** Hours per attendee (a checked-in member), recorded after the activity; points the first time. */
  volRecordHours: input({
    activityId: id.describe('活动'),
    hours: z
      .array(
        input({
          memberId: id.describe('党员'),
          hours: z.number().min(0).max(VOLUNTEER_HOURS_MAX).multipleOf(0.5).describe('服务时长'),
        }),
      )
      .min(1)
      .max(VOLUNTEER_CAPACITY_MAX + 100)
      .describe('服务时长'),
  }),
  /** The volunteer hours per org of a year in the caller's scope (one read of the year's summary). */
  volSummary: input({ year: z.number().int().min(2000).max(2100).optional().describe('年份') }),
  /** A year's activities with attendees and hours, and hours per member, as an Excel workbook. */
  volExport: input({ year: z.number().int().min(2000).max(2100).optional().describe('年份') }),
  /** A member: the activities open to the own org (not yet ended), with the own status, and the own hours this year. */
  volMine: input({}),
  /** A member signs up: a place, or the waiting list when full. */
  volSignUp: input({ activityId: id.describe('活动') }),
  /** A member cancels: the first on the waiting list takes the place. */
  volCancel: input({ activityId: id.describe('活动') }),
};

export interface VolunteerActivityRow {
  activityId: string;
  orgId: string;
  orgName: string;
  title: string;
  mode: VolunteerMode;
  partner: string;
  startAt: string;
  endAt: string;
  place: string;
  capacity: number;
  signedUp: number;
  waiting: number;
  /** The linked check-in activity (its code, attendance and 补签 are on the 活动签到 pages). */
  checkinActivityId: string;
  /** Whether hours have been recorded. */
  recorded: boolean;
  /** Total hours recorded. */
  hours: number;
}

export interface VolunteerAttendee {
  memberId: string;
  name: string;
  orgId: string;
  signedUp: boolean;
  /** Recorded hours, or null before they are recorded. */
  hours: number | null;
  /** The activity's length: what the form proposes. */
  suggested: number;
}

export interface VolunteerOrgHours {
  orgId: string;
  orgName: string;
  hours: number;
  /** Person-times with hours recorded. */
  people: number;
}

export interface VolunteerMineRow extends VolunteerActivityRow {
  status: SignupStatus | null;
  /** 1-based place on the waiting list. */
  waitingPlace: number | null;
}

export interface VolunteerApi {
  volCreate: {
    input: z.input<typeof volunteerSchemas.volCreate>;
    output: { activityId: string; checkinActivityId: string };
  };
  volList: {
    input: z.input<typeof volunteerSchemas.volList>;
    output: { activities: VolunteerActivityRow[]; hasMore: boolean };
  };
  volGet: {
    input: z.input<typeof volunteerSchemas.volGet>;
    output: {
      activity: VolunteerActivityRow;
      signups: VolunteerSignup[];
      waiting: VolunteerSignup[];
      attendees: VolunteerAttendee[];
      ended: boolean;
    };
  };
  volRecordHours: {
    input: z.input<typeof volunteerSchemas.volRecordHours>;
    output: { recorded: number; hours: number; pointsAwarded: number };
  };
  volSummary: {
    input: z.input<typeof volunteerSchemas.volSummary>;
    output: { year: number; rows: VolunteerOrgHours[]; totalHours: number; without: number };
  };
  volExport: {
    input: z.input<typeof volunteerSchemas.volExport>;
    output: { fileID: string; url: string; fileName: string };
  };
  volMine: {
    input: z.input<typeof volunteerSchemas.volMine>;
    output: {
      activities: VolunteerMineRow[];
      year: number;
      yearHours: number;
      served: { activityId: string; title: string; day: string; hours: number }[];
    };
  };
  volSignUp: {
    input: z.input<typeof volunteerSchemas.volSignUp>;
    output: { status: SignupStatus; waitingPlace: number | null; already: boolean };
  };
  volCancel: {
    input: z.input<typeof volunteerSchemas.volCancel>;
    output: { removed: SignupStatus; promotedName: string | null };
  };
}
