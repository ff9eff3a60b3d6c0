// Contract of the `register` function's 培训 actions: training classes with their check-in activity, enrolment of
// members, attendance through the check-in code and each organisation's coverage this quarter.
import { z } from 'zod';
import type { CheckInStatus } from '../checkin';
import type { CoverageRow, PlanLine, Quarter, TrainingKind } from '../register';
import { TRAINING_KINDS } from '../register';
import { id, input, text } from './common';

/** ISO 8601 with an offset, e.g. 2026-12-08T09:00:00+08:00. */
const isoTime = z.iso.datetime({ offset: true });

/** Members enrolled by name in one call; an organisation is enrolled in one call whatever its size (up to the seats). */
export const ENROL_BY_NAME_MAX = 50;
export const TRAINING_ROSTER_PAGE = 100;
export const UNTRAINED_PAGE = 100;
export const TRAINING_CAPACITY_MAX = 1000;

const classFields = {
  title: text(64).describe('班次名称'),
  kind: z.enum(TRAINING_KINDS).describe('培训类别'),
  startAt: isoTime.describe('开班时间'),
  endAt: isoTime.describe('结业时间'),
  place: text(64).describe('培训地点'),
  capacity: z.number().int().min(1).max(TRAINING_CAPACITY_MAX).describe('名额'),
};

export const trainingSchemas = {
  /** The year's classes, newest first, with the plan (2 大培训 classes a quarter, 6–8 书记/组织委员 classes). */
  trainingClasses: input({ year: z.number().int().min(2000).max(2999).optional().describe('年度') }),
  /** Opens a class and its check-in activity (the same id), for the whole 工委. */
  createTrainingClass: input(classFields),
  /**
   * Changes a class before its end (the same fields and checks as opening it; its check-in follows). The seats never
   * go below those enrolled, and the time stays once a member has checked in.
   */
  updateTrainingClass: input({ classId: id.describe('培训班'), ...classFields }),
  /** Calls a class off with a reason: it stays listed as 已取消 and takes no more enrolment or check-in. */
  cancelTrainingClass: input({ classId: id.describe('培训班'), reason: text(100).describe('取消原因') }),
  /** One class with a page of its roster (enrolled members and who came without enrolling) and their attendance. */
  trainingClass: input({
    classId: id.describe('培训班'),
    page: z.number().int().min(0).max(100).optional().describe('页码'),
  }),
  /** Enrols one organisation's members (up to the seats left) or members by name. */
  enrolTraining: input({
    classId: id.describe('培训班'),
    orgId: id.optional().describe('组织'),
    memberIds: z.array(id).min(1).max(ENROL_BY_NAME_MAX).optional().describe('党员'),
  }),
  /** Takes a member off a class before attending; the seat is freed. */
  withdrawTraining: input({ classId: id.describe('培训班'), memberId: id.describe('党员') }),
  /** The calling member's classes this year with attendance. */
  myTrainings: input({}),
  /** Each organisation in the caller's scope this quarter: members, trained, not yet trained. */
  trainingCoverage: input({}),
  /** One organisation's members not yet trained this quarter, a page at a time. */
  untrainedMembers: input({
    orgId: id.describe('组织'),
    page: z.number().int().min(0).max(100).optional().describe('页码'),
  }),
  /** The class roster with attendance as an Excel workbook. */
  exportTrainingClass: input({ classId: id.describe('培训班') }),
  /** This quarter's coverage per organisation as an Excel workbook. */
  exportTrainingCoverage: input({}),
};

export type TrainingPhase = 'upcoming' | 'open' | 'ended' | 'cancelled';

export interface TrainingClassRow {
  classId: string;
  title: string;
  kind: TrainingKind;
  year: number;
  quarter: Quarter;
  startAt: string;
  endAt: string;
  place: string;
  capacity: number;
  enrolled: number;
  phase: TrainingPhase;
  /** Why the class was called off (phase 'cancelled'), else null. */
  cancelReason: string | null;
}

export interface TrainingRosterRow {
  memberId: string;
  name: string;
  orgId: string;
  orgName: string;
  /** Came without being enrolled (scanned the class's code). */
  walkIn: boolean;
  attendance: CheckInStatus | null;
}

export interface MyTrainingRow extends TrainingClassRow {
  attendance: CheckInStatus | null;
}

export interface UploadedFile {
  fileID: string;
  url: string;
  fileName: string;
}

export interface TrainingApi {
  trainingClasses: {
    input: z.input<typeof trainingSchemas.trainingClasses>;
    output: { year: number; classes: TrainingClassRow[]; plan: PlanLine[]; canCreate: boolean };
  };
  createTrainingClass: { input: z.input<typeof trainingSchemas.createTrainingClass>; output: { classId: string } };
  updateTrainingClass: {
    input: z.input<typeof trainingSchemas.updateTrainingClass>;
    output: { class: TrainingClassRow };
  };
  cancelTrainingClass: {
    input: z.input<typeof trainingSchemas.cancelTrainingClass>;
    /** `already`: it was cancelled before (a repeated call changes nothing). */
    output: { already: boolean };
  };
  trainingClass: {
    input: z.input<typeof trainingSchemas.trainingClass>;
    output: {
      class: TrainingClassRow;
      roster: TrainingRosterRow[];
      hasMore: boolean;
      canEnrol: boolean;
    };
  };
  enrolTraining: {
    input: z.input<typeof trainingSchemas.enrolTraining>;
    output: { enrolled: number; already: number; full: boolean; seatsLeft: number };
  };
  withdrawTraining: { input: z.input<typeof trainingSchemas.withdrawTraining>; output: { withdrawn: boolean } };
  myTrainings: {
    input: z.input<typeof trainingSchemas.myTrainings>;
    output: { year: number; classes: MyTrainingRow[]; attended: number };
  };
  trainingCoverage: {
    input: z.input<typeof trainingSchemas.trainingCoverage>;
    output: {
      quarter: string;
      label: string;
      rows: CoverageRow[];
      counts: { orgs: number; untrained: number; members: number };
    };
  };
  untrainedMembers: {
    input: z.input<typeof trainingSchemas.untrainedMembers>;
    output: { orgName: string; members: { memberId: string; name: string }[]; hasMore: boolean };
  };
  exportTrainingClass: { input: z.input<typeof trainingSchemas.exportTrainingClass>; output: UploadedFile };
  exportTrainingCoverage: { input: z.input<typeof trainingSchemas.exportTrainingCoverage>; output: UploadedFile };
}
