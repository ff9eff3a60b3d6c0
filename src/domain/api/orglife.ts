// Contract of the `orglife` cloud function (组织生活): 三会一课 会议纪实 and the 民主评议党员 ballot.
import { z } from 'zod';
import type { GradeCounts, ReviewPhase, MeetingAttendance } from '../orglife';
import { MINUTES_MAX_PHOTOS } from '../orglife';
import { id, input, text } from './common';
import type { ReviewGrade } from './points';
import { REVIEW_GRADES } from './points';

const isoTime = z.iso.datetime({ offset: true });
const year = z.number().int().min(2000).max(2100);
/** An optional long text: trimmed, may be empty (a draft), bounded. */
const longText = (max: number) => z.string().trim().max(max);

/** Most members on one ballot (a branch is at most a few hundred members; a ballot is one document). */
export const BALLOT_MAX_MEMBERS = 300;
/** Longest 会议记录 (about ten printed pages). */
export const MINUTES_MAX_CHARS = 20_000;

export const orglifeSchemas = {
  /**
   * Secretary of an org of the activity (or above it) / admin: saves the meeting's 纪实 (a draft may leave parts
   * empty; it counts as held when complete) and the reasons of absentees.
   */
  saveMinutes: input({
    activityId: id,
    topic: longText(100).describe('会议主题'),
    host: longText(30).describe('主持人'),
    recorder: longText(30).describe('记录人'),
    minutes: longText(MINUTES_MAX_CHARS).describe('会议记录'),
    decisions: longText(5000).describe('会议决定'),
    photos: z.array(z.string().max(512)).max(MINUTES_MAX_PHOTOS),
    absences: z.array(input({ memberId: id, reason: text(100).describe('缺席原因') })).max(BALLOT_MAX_MEMBERS),
  }),
  /** The branch's members, its 党委's and the 工委's secretaries and admins: one meeting with its 纪实 and attendance. */
  meeting: input({ activityId: id }),
  /** The same readers: a branch's meetings of a year with the state of each 纪实. */
  meetings: input({ orgId: id, year }),
  /** Managers: one meeting (`activityId`) or a branch's year (`orgId` + `year`) as an Excel workbook. */
  exportMinutes: input({ activityId: id.optional(), orgId: id.optional(), year: year.optional() }),

  /** Secretary of the branch (or above) / admin: opens the year's 民主评议 with its window and the assessed members. */
  openReview: input({
    orgId: id,
    year,
    startAt: isoTime,
    endAt: isoTime,
    /** The members assessed (default: the whole branch); every member of the branch votes. */
    memberIds: z.array(id).min(1).max(BALLOT_MAX_MEMBERS).optional(),
  }),
  /** Without `orgId`: the caller's own branch's reviews (member); with it: that org's (manager). */
  reviews: input({ orgId: id.optional() }),
  /** A member of the review: the ballot form (never what anyone voted, the caller included). */
  ballot: input({ reviewId: id }),
  /** A member of the review while it is open: one ballot, replacing the caller's earlier one. */
  vote: input({
    reviewId: id,
    grades: z
      .array(input({ memberId: id, grade: z.enum(REVIEW_GRADES) }))
      .min(1)
      .max(BALLOT_MAX_MEMBERS),
  }),
  /** Manager: closes the window now (no ballot is accepted or changed after). */
  closeReview: input({ reviewId: id }),
  /** Manager: participation always; counts per grade once the window has closed. */
  tally: input({ reviewId: id }),
  /** Manager, after the close with the threshold reached: each member's result, which 评星定级 uses. */
  propose: input({
    reviewId: id,
    results: z
      .array(input({ memberId: id, grade: z.enum(REVIEW_GRADES), note: z.string().trim().max(100).optional() }))
      .min(1)
      .max(BALLOT_MAX_MEMBERS),
  }),
};

export interface MeetingPhoto {
  fileID: string;
  /** A temporary URL to show it; null when storage could not give one. */
  url: string | null;
}

export interface MeetingRecord {
  topic: string;
  host: string;
  recorder: string;
  minutes: string;
  decisions: string;
  photos: MeetingPhoto[];
  /** Every required part is filled: the meeting counts as held on the 三会一课 board. */
  complete: boolean;
  /** Required parts still empty, e.g. ["记录人"]. */
  missing: string[];
  /** ISO, +08:00. */
  updatedAt: string;
  updatedBy: string;
}

export type { MeetingAttendance, MeetingAttendanceRow } from '../orglife';

export interface MeetingView {
  activityId: string;
  title: string;
  kind: string;
  orgIds: string[];
  orgNames: string[];
  startAt: string;
  endAt: string;
  place: string | null;
  /** null before anything is recorded. */
  record: MeetingRecord | null;
  /** From the check-in, with the reasons of absentees entered in the 纪实. */
  attendance: MeetingAttendance;
  /** The caller may edit the 纪实 and export it. */
  canEdit: boolean;
}

/** `none`: held without 纪实; `draft`: started but incomplete; `complete`: counts as held. */
export type MinutesState = 'none' | 'draft' | 'complete';

export interface MeetingRow {
  activityId: string;
  title: string;
  kind: string;
  startAt: string;
  /** The meeting has started (a later one is listed but needs no 纪实 yet). */
  started: boolean;
  state: MinutesState;
}

export interface MeetingList {
  orgId: string;
  orgName: string;
  year: number;
  rows: MeetingRow[];
  /** Started 三会一课 meetings without a complete 纪实 (they do not count on the board). */
  withoutMinutes: number;
  canEdit: boolean;
}

export interface ReviewSummary {
  reviewId: string;
  orgId: string;
  orgName: string;
  year: number;
  startAt: string;
  endAt: string;
  phase: ReviewPhase;
  electorate: number;
  assessed: number;
  /** The caller has a ballot in (null for a caller who does not vote in it). */
  voted: boolean | null;
  /** Results proposed by the secretary (they feed 评星定级). */
  proposed: boolean;
  canManage: boolean;
}

export interface BallotCandidate {
  memberId: string;
  name: string;
  /** The voter: their grade is the self-assessment. */
  self: boolean;
}

export interface BallotForm {
  reviewId: string;
  orgName: string;
  year: number;
  startAt: string;
  endAt: string;
  phase: ReviewPhase;
  candidates: BallotCandidate[];
  /** A ballot is in; voting again replaces it until the window closes. What it said is never shown. */
  voted: boolean;
}

export interface TallyRow {
  memberId: string;
  name: string;
  /** Per grade (优秀, 合格, 基本合格, 不合格); null until the window has closed. */
  counts: GradeCounts | null;
  /** The median grade of the ballots; null until closed or without ballots. */
  suggested: ReviewGrade | null;
  /** The proposed result, once saved. */
  result: ReviewGrade | null;
  note: string | null;
}

export interface ReviewTally {
  reviewId: string;
  orgId: string;
  orgName: string;
  year: number;
  phase: ReviewPhase;
  startAt: string;
  endAt: string;
  electorate: number;
  voters: number;
  /** Ballots needed (two thirds of the electorate, rounded up). */
  required: number;
  quorum: boolean;
  rows: TallyRow[];
}

type File = { fileID: string; url: string; fileName: string };

export interface OrglifeApi {
  saveMinutes: {
    input: z.input<typeof orglifeSchemas.saveMinutes>;
    output: { complete: boolean; missing: string[] };
  };
  meeting: { input: z.input<typeof orglifeSchemas.meeting>; output: MeetingView };
  meetings: { input: z.input<typeof orglifeSchemas.meetings>; output: MeetingList };
  exportMinutes: { input: z.input<typeof orglifeSchemas.exportMinutes>; output: File };
  openReview: { input: z.input<typeof orglifeSchemas.openReview>; output: { reviewId: string } };
  reviews: { input: z.input<typeof orglifeSchemas.reviews>; output: { reviews: ReviewSummary[] } };
  ballot: { input: z.input<typeof orglifeSchemas.ballot>; output: BallotForm };
  vote: { input: z.input<typeof orglifeSchemas.vote>; output: { replaced: boolean } };
  closeReview: { input: z.input<typeof orglifeSchemas.closeReview>; output: { endAt: string } };
  tally: { input: z.input<typeof orglifeSchemas.tally>; output: ReviewTally };
  propose: { input: z.input<typeof orglifeSchemas.propose>; output: { saved: number } };
}
