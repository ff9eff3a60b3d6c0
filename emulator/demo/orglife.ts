// Demo 组织生活 through the orglife function: 会议纪实 of the demo branch's past meetings (one 党课 held without one,
// so the 三会一课 board shows it) and this year's open 民主评议 ballot with two ballots in, so that `npm start` shows
// the secretary's 台账 and tally and demo-member (not yet voted) sees 民主评议 on 我的. Run after the check-in seed.
import type { ActivitySummary } from '../../src/domain/api/checkin';
import type { ReviewSummary } from '../../src/domain/api/orglife';
import type { DemoCall } from './quiz';

export const DEMO_ORGLIFE = {
  orgId: 'fgw-1',
  committee: '支委会：研究近期党建工作和民主评议安排（演示）',
  lecture: '党课：严守政治纪律和政治规矩（演示）',
  /** Members who have voted already (demo-member votes in the browser). */
  voters: ['demo-secretary', 'demo-member-2'],
} as const;

const DAY_MS = 86400_000;
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
const beijingYear = (ms: number) => new Date(ms + 8 * 3600_000).getUTCFullYear();
/** The 支委会 and the 党课 are this many days before the demo's anchor (see demoOrglifeAnchor). */
const COMMITTEE_DAYS_AGO = 30;
const LECTURE_DAYS_AGO = 10;

/**
 * The moment the demo's 支委会 and 党课 count back from, and the year of its 台账 and 民主评议: `now`, unless the
 * 支委会 would then fall in the year before (the first 30 days of a year), when both meetings go to the end of the
 * year before and its 民主评议 is that year's (held in January, as branches do). So the 台账 of the demo year always
 * holds both meetings, and the ballot is of the same year.
 *
 * @example demoOrglifeAnchor(Date.parse('2027-01-05T10:00:00+08:00')) // { year: 2026, at: 2026-12-31 15:00 +08:00 }
 */
export function demoOrglifeAnchor(now: number): { year: number; at: number } {
  const year = beijingYear(now);
  if (beijingYear(now - COMMITTEE_DAYS_AGO * DAY_MS) === year) return { year, at: now };
  return { year: year - 1, at: Date.parse(`${year - 1}-12-31T15:00:00+08:00`) };
}

/** 纪实 from the 2020 plan: what a branch of a 市直机关 would have recorded. */
const RECORDS: Record<string, { topic: string; minutes: string; decisions: string; absentReason: string }> = {
  主题党日: {
    topic: '重温入党誓词，学习《中共中央关于加强党的政治建设的意见》',
    minutes:
      '一、全体党员在党旗下重温入党誓词。\n二、王建国同志领学《中共中央关于加强党的政治建设的意见》，强调落实双重组织生活制度。\n' +
      '三、党员结合岗位谈学习体会：张伟同志谈“以学促干”，李秀英同志谈机关作风建设。',
    decisions: '各党员在本月内撰写一篇学习心得，交支部存档。',
    absentReason: '出差（经支部书记同意）',
  },
  支部党员大会: {
    topic: '支部党员大会：通报支部工作，部署模范机关创建',
    minutes:
      '一、通报本季度“三会一课”落实情况和党费收缴情况。\n二、传达市直机关工委关于模范机关创建重点攻坚年的部署，' +
      '围绕理论武装、政治引领、组织力提升、转作风抓落实四项重点行动讨论支部分工。\n三、征求党员对支部工作的意见建议。',
    decisions: '1. 由王建国同志牵头制定支部模范机关创建任务清单，10 日内完成。\n2. 下季度每月开展一次主题党日。',
    absentReason: '病假',
  },
  支委会: {
    topic: '研究下季度党建工作和年度民主评议党员安排',
    minutes:
      '一、研究下季度“三会一课”计划。\n二、研究年度民主评议党员和评星定级工作安排：在小程序上开展不记名投票，' +
      '参评人数须达到党员总数的三分之二。',
    decisions: '近期召开支部党员大会开展民主评议党员，会后提出评议结果报机关党委。',
    absentReason: '外出学习',
  },
};

/**
 * Adds the 支委会 and 党课 meetings, the 纪实 of every past meeting except the 党课, and the open ballot with two
 * ballots in. Skipped when this year's ballot exists (keeps the seed idempotent).
 */
export async function seedDemoOrglife(call: DemoCall, secretary: string, hostName: string): Promise<void> {
  const { reviews } = await call<{ reviews: ReviewSummary[] }>(
    'orglife',
    'reviews',
    { orgId: DEMO_ORGLIFE.orgId },
    secretary,
  );
  const now = Date.now();
  const anchor = demoOrglifeAnchor(now);
  const year = anchor.year;
  if (reviews.some((r) => r.year === year)) return;

  const { members } = await call<{ members: Array<{ memberId: string; name: string }> }>(
    'org',
    'members',
    { orgId: DEMO_ORGLIFE.orgId },
    secretary,
  );
  const meetings: Array<[title: string, kind: string, daysAgo: number]> = [
    [DEMO_ORGLIFE.committee, '支委会', COMMITTEE_DAYS_AGO],
    [DEMO_ORGLIFE.lecture, '党课', LECTURE_DAYS_AGO],
  ];
  for (const [title, kind, daysAgo] of meetings) {
    const start = anchor.at - daysAgo * DAY_MS;
    const { activityId } = await call<{ activityId: string }>(
      'checkin',
      'createActivity',
      {
        title,
        kind,
        orgIds: [DEMO_ORGLIFE.orgId],
        startAt: iso(start),
        endAt: iso(start + 2 * 3600_000),
        place: '机关三楼党员活动室',
      },
      secretary,
    );
    // Everyone but the last member of the roster came (entered from the paper sheet).
    for (const m of members.slice(0, -1))
      await call(
        'checkin',
        'manualCheckIn',
        { activityId, memberId: m.memberId, reason: '会后据纸质签到表补录' },
        secretary,
      );
  }

  const { activities } = await call<{ activities: ActivitySummary[] }>(
    'checkin',
    'list',
    { scope: 'manage' },
    secretary,
  );
  const absent = members[members.length - 1];
  for (const a of activities) {
    const record = RECORDS[a.kind];
    if (!record || a.title === DEMO_ORGLIFE.lecture || Date.parse(a.startAt) > now) continue;
    await call(
      'orglife',
      'saveMinutes',
      {
        activityId: a.activityId,
        topic: record.topic,
        host: hostName,
        recorder: members[2]?.name ?? hostName,
        minutes: record.minutes,
        decisions: record.decisions,
        photos: [],
        absences: absent ? [{ memberId: absent.memberId, reason: record.absentReason }] : [],
      },
      secretary,
    );
  }

  const { reviewId } = await call<{ reviewId: string }>(
    'orglife',
    'openReview',
    { orgId: DEMO_ORGLIFE.orgId, year, startAt: iso(now - DAY_MS), endAt: iso(now + 7 * DAY_MS) },
    secretary,
  );
  const { candidates } = await call<{ candidates: Array<{ memberId: string }> }>(
    'orglife',
    'ballot',
    { reviewId },
    secretary,
  );
  for (const [i, voter] of DEMO_ORGLIFE.voters.entries())
    await call(
      'orglife',
      'vote',
      {
        reviewId,
        grades: candidates.map((c, j) => ({ memberId: c.memberId, grade: (i + j) % 3 === 0 ? '优秀' : '合格' })),
      },
      voter,
    );
}
