// Precomputed points views in `points_views`: per org and year the branch dashboard and stars list, per year the
// admin overview. The `ranking` scheduler writes them through ./timer.ts; the points function on demand. Views read one doc.
import type {
  ActivityAttendance,
  BranchDashboard,
  OverviewRow,
  PointsOverview,
  ReviewGrade,
  StarsRow,
  StarsView,
} from '@/domain/api/points';
import { REVIEW_GRADES } from '@/domain/api/points';
import type { OrgNode } from '@/domain/identity';
import { orgSubtree, sortOrgTree } from '@/domain/identity';
import { orglifeIsMeetingKind } from '@/domain/orglife';
import {
  pointsCadenceCompliance,
  POINTS_CONFIG,
  percent,
  pointsDistribution,
  pointsFinalStars,
  pointsStars,
  pointsStarsRule,
} from '@/domain/points';
import type { Database } from '../../server/db';
import { str } from '../../server/db';
import { readDirectory } from '../../server/directory';
import { countCheckIns, readYearActivities } from '../checkin/public';
import { MEMBERS } from '../../server/members';
import type { MinutesState } from '../orglife/public';
import { readReviewResults, readYearMinutes } from '../orglife/public';
import { POINTS } from './store';
import { shanghaiDay, shanghaiIso } from '../../server/time';

export const POINTS_VIEWS = 'points_views';
/** 民主评议 results: `<year>:<memberId>` -> { orgId, year, memberId, grade, note, by, updatedAt }. */
export const POINTS_REVIEWS = 'points_reviews';

/** Largest roster, check-in or points group list read in one aggregate request (well under the 1 MB limit). */
const BULK_LIMIT = 10_000;
/** Activities of a year read in pages of 1,000, at most this many pages. */
const ACTIVITY_PAGES = 10;
/** How long after the year a 补签 for one of its activities is still counted. */
const LATE_ENTRY_MS = 31 * 24 * 3600_000;
/** Activities listed on a dashboard (newest first). */
const DASHBOARD_ACTIVITIES = 100;

export const branchViewId = (orgId: string, year: number) => `branch:${orgId}:${year}`;
export const overviewViewId = (year: number) => `overview:${year}`;
export const reviewId = (year: number, memberId: string) => `${year}:${memberId}`;

/** [1 Jan 00:00, next 1 Jan 00:00) of `year` in Asia/Shanghai. */
function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

/** What the views are computed from; when `orgId` is given, only that org's subtree is read. */
interface Inputs {
  orgs: OrgNode[];
  roster: Array<{ memberId: string; name: string; orgId: string; order: number }>;
  activities: Array<{
    activityId: string;
    title: string;
    kind: string;
    expectedOrgIds: string[];
    startAt: Date;
    endAt: Date;
  }>;
  /** `<activityId>|<orgId>` -> { present, late }. */
  checkins: Map<string, { present: number; late: number }>;
  /** The 会议纪实 of each activity that has one. */
  minutes: Map<string, MinutesState>;
  points: Map<string, number>;
  participants: Set<string>;
  /** Entered by hand (`points.evaluate`), then replaced by the result of an online 民主评议 where there is one. */
  reviews: Map<string, { grade: ReviewGrade; note: string | null; fromBallot: boolean }>;
}

async function loadInputs(db: Database, year: number, orgs: OrgNode[], scope: string[] | null): Promise<Inputs> {
  const _ = db.command;
  const { start, end } = yearRange(year);
  const inScope = scope ? { orgId: _.in(scope) } : {};
  const withScope = (m: Record<string, unknown>) => ({ ...m, ...inScope });

  const rosterQ = db.collection(MEMBERS).aggregate();
  const [roster, points, reviews, activities, checkins, minutes, ballotResults] = await Promise.all([
    (scope ? rosterQ.match(inScope) : rosterQ).project({ _id: 1, name: 1, orgId: 1, order: 1 }).limit(BULK_LIMIT).end(),
    // Per member the year's total and whether any entry came from a competition or practice, in one pass.
    db
      .collection(POINTS)
      .aggregate()
      .match(withScope({ year }))
      .group({
        _id: '$memberId',
        total: { $sum: '$points' },
        quiz: { $max: { $cond: [{ $in: ['$source', ['quiz', 'practice']] }, 1, 0] } },
      })
      .limit(BULK_LIMIT)
      .end(),
    db
      .collection(POINTS_REVIEWS)
      .aggregate()
      .match(withScope({ year }))
      .project({ memberId: 1, grade: 1, note: 1 })
      .limit(BULK_LIMIT)
      .end(),
    readYearActivities(db, { start, end }, scope, ACTIVITY_PAGES * 1000),
    // Check-ins recorded from the year's start to a month after its end (a 补签 for late December is entered in
    // January); only the year's activities are kept below.
    countCheckIns(db, { start, end: new Date(end.getTime() + LATE_ENTRY_MS) }, scope),
    readYearMinutes(db, year, scope),
    readReviewResults(db, year, scope),
  ]);
  const yearActivities = new Set(activities.map((a) => a.activityId));
  const counts = new Map<string, { present: number; late: number }>();
  for (const row of checkins) {
    if (!yearActivities.has(row.activityId)) continue;
    const key = `${row.activityId}|${row.orgId}`;
    const c = counts.get(key) ?? { present: 0, late: 0 };
    c.present += row.count;
    if (row.status === 'late') c.late += row.count;
    counts.set(key, c);
  }
  return {
    orgs,
    roster: roster.list.map((d) => ({
      memberId: d._id,
      name: str(d, 'name') ?? '',
      orgId: str(d, 'orgId') ?? '',
      order: Number(d.order) || 0,
    })),
    activities: activities.map((a) => ({
      activityId: a.activityId,
      title: a.title,
      kind: a.kind,
      expectedOrgIds: a.expectedOrgIds,
      startAt: a.startAt,
      endAt: a.endAt,
    })),
    checkins: counts,
    minutes,
    points: new Map(points.list.map((r) => [String(r._id), Number(r.total) || 0])),
    participants: new Set(points.list.filter((r) => Number(r.quiz) > 0).map((r) => String(r._id))),
    reviews: new Map<string, { grade: ReviewGrade; note: string | null; fromBallot: boolean }>([
      ...reviews.list
        .filter((r) => (REVIEW_GRADES as readonly unknown[]).includes(r.grade))
        .map((r): [string, { grade: ReviewGrade; note: string | null; fromBallot: boolean }] => [
          str(r, 'memberId') ?? '',
          { grade: r.grade as ReviewGrade, note: str(r, 'note'), fromBallot: false },
        ]),
      ...[...ballotResults].map(
        ([memberId, r]): [string, { grade: ReviewGrade; note: string | null; fromBallot: boolean }] => [
          memberId,
          { ...r, fromBallot: true },
        ],
      ),
    ]),
  };
}

export interface BranchViews {
  dashboard: BranchDashboard;
  stars: StarsView;
}

/** One org's dashboard and stars list from the loaded inputs (its subtree's members, its own activities). */
function buildBranch(inp: Inputs, org: OrgNode, year: number, now: Date): BranchViews {
  const thresholds = POINTS_CONFIG.starThresholds;
  const computedAt = shanghaiIso(now);
  const asOf = shanghaiDay(now);
  const subtree = orgSubtree(inp.orgs, [org.orgId]);
  const orgRank = new Map(sortOrgTree(inp.orgs).map((o, i) => [o.orgId, i]));
  const members = inp.roster
    .filter((m) => subtree.has(m.orgId))
    .sort((a, b) => (orgRank.get(a.orgId) ?? 0) - (orgRank.get(b.orgId) ?? 0) || a.order - b.order);

  const acts = inp.activities
    .filter((a) => a.expectedOrgIds.includes(org.orgId))
    .sort((a, b) => b.startAt.getTime() - a.startAt.getTime());
  const cadence = pointsCadenceCompliance({
    year,
    asOf,
    activities: acts.map((a) => ({
      kind: a.kind,
      day: shanghaiDay(a.startAt),
      recorded: inp.minutes.get(a.activityId) === 'complete',
    })),
  });
  const attendance = (a: Inputs['activities'][number]): ActivityAttendance => {
    let present = 0;
    let late = 0;
    for (const o of subtree) {
      const c = inp.checkins.get(`${a.activityId}|${o}`);
      if (c) {
        present += c.present;
        late += c.late;
      }
    }
    return {
      activityId: a.activityId,
      title: a.title,
      kind: a.kind,
      startAt: shanghaiIso(a.startAt),
      expected: members.length,
      present,
      late,
      rate: percent(present, members.length),
      ended: a.endAt.getTime() <= now.getTime(),
      minutes: orglifeIsMeetingKind(a.kind) ? (inp.minutes.get(a.activityId) ?? 'none') : null,
    };
  };
  const rows = acts.map(attendance);
  const ended = rows.filter((r) => r.ended && r.rate !== null);
  const attendanceRate = ended.length
    ? Math.round((ended.reduce((s, r) => s + (r.rate ?? 0), 0) / ended.length) * 10) / 10
    : null;

  const starRows: StarsRow[] = members.map((m) => {
    const points = inp.points.get(m.memberId) ?? 0;
    const base = pointsStars(points, thresholds);
    const review = inp.reviews.get(m.memberId) ?? null;
    return {
      memberId: m.memberId,
      name: m.name,
      points,
      pointsStars: base,
      review: review?.grade ?? null,
      reviewNote: review?.note ?? null,
      reviewFromBallot: review?.fromBallot ?? false,
      stars: pointsFinalStars(base, review?.grade ?? null),
    };
  });
  const starCounts: StarsView['starCounts'] = [0, 0, 0, 0, 0];
  for (const r of starRows) starCounts[r.stars - 1]++;
  const byStars = starRows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.stars - a.r.stars || b.r.points - a.r.points || a.i - b.i)
    .map((x) => x.r);
  const totals = starRows.map((r) => r.points);
  const participants = members.filter((m) => inp.participants.has(m.memberId)).length;

  return {
    dashboard: {
      orgId: org.orgId,
      orgName: org.name,
      year,
      computedAt,
      asOf,
      members: members.length,
      cadence: cadence.rows,
      missing: cadence.missing,
      compliance: cadence.compliance,
      withoutMinutes: cadence.withoutMinutes,
      activities: rows.slice(0, DASHBOARD_ACTIVITIES),
      attendanceRate,
      quiz: { members: members.length, participants, rate: percent(participants, members.length) },
      distribution: pointsDistribution(totals, thresholds),
      averagePoints: totals.length ? Math.round((totals.reduce((s, p) => s + p, 0) / totals.length) * 10) / 10 : null,
    },
    stars: {
      orgId: org.orgId,
      orgName: org.name,
      year,
      computedAt,
      rule: pointsStarsRule(thresholds),
      rows: byStars,
      starCounts,
    },
  };
}

function overviewRow(d: BranchDashboard): OverviewRow {
  return {
    orgId: d.orgId,
    name: d.orgName,
    members: d.members,
    compliance: d.compliance,
    due: d.cadence.reduce((s, r) => s + r.due, 0),
    held: d.cadence.reduce((s, r) => s + r.held, 0),
    missingNow: d.cadence.filter((r) => r.missingNow).length,
    attendanceRate: d.attendanceRate,
    quizRate: d.quiz.rate,
    averagePoints: d.averagePoints,
  };
}

/**
 * Recomputes one org's views (its subtree only) or, without `orgId`, every org's views and the overview (whose rows
 * are the branches: orgs without children). Cost: one directory read, seven bulk reads (roster, activities, check-in
 * counts, points totals with participation, reviews entered, 会议纪实 states, 民主评议 results; activities page in
 * 1,000s), one write per org, plus the overview. Returns the views written.
 */
export async function computePointsViews(
  db: Database,
  opts: { year: number; now: Date; orgId?: string },
): Promise<{ branches: Map<string, BranchViews>; overview: PointsOverview | null }> {
  const dir = await readDirectory(db);
  const targets = opts.orgId ? dir.orgs.filter((o) => o.orgId === opts.orgId) : sortOrgTree(dir.orgs);
  const scope = opts.orgId ? [...orgSubtree(dir.orgs, [opts.orgId])] : null;
  const inputs = await loadInputs(db, opts.year, dir.orgs, scope);
  const branches = new Map<string, BranchViews>();
  for (const org of targets) {
    const views = buildBranch(inputs, org, opts.year, opts.now);
    branches.set(org.orgId, views);
    await db
      .collection(POINTS_VIEWS)
      .doc(branchViewId(org.orgId, opts.year))
      .set({
        data: { kind: 'branch', orgId: org.orgId, year: opts.year, ...views, computedAt: opts.now },
      });
  }
  if (opts.orgId) return { branches, overview: null };
  const parents = new Set(dir.orgs.map((o) => o.parentId).filter((p): p is string => p !== null));
  const overview: PointsOverview = {
    year: opts.year,
    computedAt: shanghaiIso(opts.now),
    asOf: shanghaiDay(opts.now),
    rows: targets.filter((o) => !parents.has(o.orgId)).map((o) => overviewRow(branches.get(o.orgId)!.dashboard)),
  };
  await db
    .collection(POINTS_VIEWS)
    .doc(overviewViewId(opts.year))
    .set({
      data: { kind: 'overview', year: opts.year, overview, computedAt: opts.now },
    });
  return { branches, overview };
}

/** The stored views of one org and year (one read), or null before the first computation. */
export async function readBranchViews(db: Database, orgId: string, year: number): Promise<BranchViews | null> {
  const { data } = await db.collection(POINTS_VIEWS).doc(branchViewId(orgId, year)).get();
  if (!data || typeof data.dashboard !== 'object' || typeof data.stars !== 'object') return null;
  return { dashboard: data.dashboard as BranchDashboard, stars: data.stars as StarsView };
}

/** The stored overview of a year (one read), or null before the first computation. */
export async function readOverview(db: Database, year: number): Promise<PointsOverview | null> {
  const { data } = await db.collection(POINTS_VIEWS).doc(overviewViewId(year)).get();
  return data && typeof data.overview === 'object' ? (data.overview as PointsOverview) : null;
}
