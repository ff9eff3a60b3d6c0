// Contract of the `points` cloud function (积分台账, 评星定级, 支部“三会一课”看板, 达标创优总览, 首页今日事项).
import { z } from 'zod';
import { id, input, text } from './common';

export const POINTS_SOURCES = ['checkin', 'quiz', 'practice', 'adjust', 'live', 'study', 'volunteer'] as const;
export type PointsSource = (typeof POINTS_SOURCES)[number];

/** 民主评议 results, best first (the standard four grades). */
export const REVIEW_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** The 三会一课 kinds the dashboard checks (activity kinds of the check-in function). */
export const CADENCE_KINDS = ['支部党员大会', '支委会', '党小组会', '党课'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];
export type CadencePeriod = 'month' | 'quarter';

/** Ledger entries per `mine` page. */
export const LEDGER_PAGE_SIZE = 20;
/** Largest single admin adjustment, either sign. */
export const ADJUST_MAX = 1000;
/** Most members in one `evaluate` call (a branch's roster is read in pages of 100; larger branches call again). */
export const EVALUATE_MAX = 200;

const year = z.number().int().min(2000).max(2100);
const page = z.number().int().min(0).max(1000);

export const pointsSchemas = {
  /** The caller's own ledger: `year` defaults to this year (Asia/Shanghai), `page` to 0 (newest first). */
  mine: input({ year: year.optional(), page: page.optional() }),
  /**
   * Admin: a signed adjustment of a member's points, or (with `reverseEntryId`) an entry that cancels an earlier
   * one. Entries are never deleted or edited. Exactly one of `points` and `reverseEntryId`.
   */
  adjust: input({
    memberId: id,
    points: z.number().int().min(-ADJUST_MAX).max(ADJUST_MAX).optional(),
    reverseEntryId: z.string().min(1).max(200).optional(),
    reason: text(100).describe('调整原因'),
    /**
     * Chosen by the page once per adjustment it shows: sending the same request again (a retry after a lost
     * answer) returns the entry already made instead of adding a second one.
     */
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,40}$/)
      .optional(),
  }),
  /** Secretary of the org (or an ancestor) / admin: each member's points for the year and stars. */
  stars: input({ orgId: id, year }),
  /** Secretary: 民主评议 results per member for the year; `grade: null` clears one. */
  evaluate: input({
    orgId: id,
    year,
    reviews: z
      .array(
        input({ memberId: id, grade: z.enum(REVIEW_GRADES).nullable(), note: z.string().trim().max(100).optional() }),
      )
      .min(1)
      .max(EVALUATE_MAX),
  }),
  /** The stars list as an Excel file in cloud storage. */
  exportStars: input({ orgId: id, year }),
  /**
   * Branch dashboard, precomputed every 10 minutes by the `ranking` scheduler (cloudfunctions/points/timer.ts);
   * `refresh: true` recomputes it now.
   */
  dashboard: input({ orgId: id, year, refresh: z.boolean().optional() }),
  /** Admin: every branch with cadence compliance, attendance and participation (precomputed). */
  overview: input({ year, refresh: z.boolean().optional() }),
  /** Admin: the overview as an Excel file. */
  exportOverview: input({ year }),
  /** Any signed-in caller: what is on today for this person. */
  today: input({}),
};

export interface LedgerEntry {
  entryId: string;
  source: PointsSource;
  sourceId: string;
  /** Credited points (after the daily cap; negative for a deduction or reversal). */
  points: number;
  /** What the source asked for before the cap. */
  requested: number;
  /** The daily cap cut this entry (down to `points`). */
  capped: boolean;
  reason: string;
  /** ISO time with +08:00. */
  at: string;
  /** The entry this one reverses, for a reversal. */
  reverses: string | null;
  /** An admin adjustment: who made it. */
  by: string | null;
}

/** How many points each star needs and how 民主评议 moves the result (the page shows `rule`). */
export interface StarsRule {
  /** Points for the year needed for 2, 3, 4 and 5 stars (1 star needs nothing). */
  thresholds: [number, number, number, number];
  /** Lines for people, e.g. "年度积分 ≥ 60 分为三星". */
  rule: string[];
}

export interface PointsMine {
  memberId: string;
  name: string;
  orgId: string;
  year: number;
  /** All entries ever, every year. */
  balance: number;
  yearTotal: number;
  stars: number;
  review: ReviewGrade | null;
  /** Points still needed this year for the next star from points; null at five stars. */
  toNextStar: number | null;
  rule: StarsRule;
  entries: LedgerEntry[];
  page: number;
  hasMore: boolean;
}

export interface StarsRow {
  memberId: string;
  name: string;
  points: number;
  /** Stars from points alone, before 民主评议. */
  pointsStars: number;
  review: ReviewGrade | null;
  reviewNote: string | null;
  /** The review is the result of the branch's online 民主评议 (proposed by the secretary), not entered here. */
  reviewFromBallot?: boolean;
  stars: number;
}

export interface StarsView {
  orgId: string;
  orgName: string;
  year: number;
  /** When the ranking function computed it (ISO, +08:00). */
  computedAt: string;
  rule: StarsRule;
  /** Members by stars desc, points desc, then roster order. */
  rows: StarsRow[];
  /** Members per star count, index 0 = one star. */
  starCounts: [number, number, number, number, number];
}

export interface CadencePeriodCell {
  /** 1..12 for months, 1..4 for quarters. */
  index: number;
  /** e.g. "3月" or "第一季度". */
  label: string;
  /** Activities of this kind held (started) in the period with a complete 会议纪实: only these count. */
  count: number;
  /** Of this kind in the period, held without a complete 纪实 ("已召开未录纪实"); absent in views stored before. */
  withoutMinutes?: number;
  /** `past` periods are over, `current` contains today, `future` not begun. */
  state: 'past' | 'current' | 'future';
}

export interface CadenceRow {
  kind: CadenceKind;
  period: CadencePeriod;
  periods: CadencePeriodCell[];
  /** Periods that are over or current. */
  due: number;
  /** Of those, periods with at least one held. */
  held: number;
  /** Past periods with none held (a current period is not yet missed). */
  missed: number;
  /** Nothing held yet in the current month / quarter. */
  missingNow: boolean;
  /** Meetings of this kind held this year without a complete 纪实; absent in views stored before. */
  withoutMinutes?: number;
}

export interface ActivityAttendance {
  activityId: string;
  title: string;
  kind: string;
  startAt: string;
  expected: number;
  present: number;
  late: number;
  /** present / expected in percent, one decimal; null when nobody was expected. */
  rate: number | null;
  /** Over (its end has passed); only ended activities count towards `attendanceRate`. Always set by the server. */
  ended?: boolean;
  /** The 会议纪实 of a 三会一课 meeting or 主题党日: none, a draft, or complete; null for other kinds. */
  minutes?: 'none' | 'draft' | 'complete' | null;
}

export interface PointsBucket {
  /** e.g. "0–19", "80 以上". */
  label: string;
  min: number;
  /** Inclusive upper bound; null for the last bucket. */
  max: number | null;
  count: number;
}

export interface QuizParticipation {
  members: number;
  /** Members with a ledger entry this year from a competition or practice (submitting one, or a correct answer). */
  participants: number;
  /** Percent, one decimal; null for an empty roster. */
  rate: number | null;
}

export interface BranchDashboard {
  orgId: string;
  orgName: string;
  year: number;
  computedAt: string;
  /** The day (YYYY-MM-DD, Asia/Shanghai) that "this month / quarter" refers to. */
  asOf: string;
  members: number;
  cadence: CadenceRow[];
  /** What is missing in the current month and quarter, for people, e.g. "本月尚未召开支委会". */
  missing: string[];
  /** held / due over all cadence rows, percent, one decimal; null before anything is due. */
  compliance: number | null;
  /** 三会一课 meetings held this year without a complete 纪实 (not counted as held). */
  withoutMinutes?: number;
  /** This year's activities of the branch, newest first (at most 100). */
  activities: ActivityAttendance[];
  /** Mean rate over this year's ended activities; null when none ended. */
  attendanceRate: number | null;
  quiz: QuizParticipation;
  distribution: PointsBucket[];
  averagePoints: number | null;
}

export interface OverviewRow {
  orgId: string;
  name: string;
  members: number;
  compliance: number | null;
  due: number;
  held: number;
  /** Cadence rows with nothing yet in the current month / quarter. */
  missingNow: number;
  attendanceRate: number | null;
  quizRate: number | null;
  averagePoints: number | null;
}

export interface PointsOverview {
  year: number;
  computedAt: string;
  asOf: string;
  rows: OverviewRow[];
}

/** `work`: waiting for the caller's role — tickets to triage (admins) or answer (handlers), meetings a branch has not held yet (secretaries). */
export type TodayKind = 'checkin' | 'quiz' | 'practice' | 'hotline' | 'rating' | 'work';

export interface TodayItem {
  kind: TodayKind;
  title: string;
  /** A mini-program page path with its query, e.g. "/pages/checkin/index?id=a1". */
  path: string;
  /** One line for people, e.g. "09:00 开始 · 三楼党员活动室". */
  detail: string;
}

export interface PointsToday {
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  items: TodayItem[];
}

export interface PointsApi {
  mine: { input: z.input<typeof pointsSchemas.mine>; output: PointsMine };
  adjust: {
    input: z.input<typeof pointsSchemas.adjust>;
    output: { entryId: string; points: number; balance: number };
  };
  stars: { input: z.input<typeof pointsSchemas.stars>; output: StarsView };
  evaluate: { input: z.input<typeof pointsSchemas.evaluate>; output: { saved: number; cleared: number } };
  exportStars: {
    input: z.input<typeof pointsSchemas.exportStars>;
    output: { fileID: string; url: string; fileName: string };
  };
  dashboard: { input: z.input<typeof pointsSchemas.dashboard>; output: BranchDashboard };
  overview: { input: z.input<typeof pointsSchemas.overview>; output: PointsOverview };
  exportOverview: {
    input: z.input<typeof pointsSchemas.exportOverview>;
    output: { fileID: string; url: string; fileName: string };
  };
  today: { input: z.input<typeof pointsSchemas.today>; output: PointsToday };
}
