// Answers of the `points` function for the page tests, shaped as the contract (src/domain/api/points.ts) says.
import type { BranchDashboard, LedgerEntry, PointsMine, PointsOverview, StarsView } from '@/domain/api';

export const RULE = {
  thresholds: [20, 40, 60, 80] as [number, number, number, number],
  rule: ['年度积分 ≥ 20 分为二星', '年度积分 ≥ 60 分为四星', '民主评议“不合格”的最多一星'],
};

export function entry(n: number, over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    entryId: `e${n}`,
    source: 'checkin',
    sourceId: `a${n}`,
    points: 5,
    requested: 5,
    capped: false,
    reason: `出席主题党日 ${n}`,
    at: `2026-07-${String(n).padStart(2, '0')}T09:05:00+08:00`,
    reverses: null,
    by: null,
    ...over,
  };
}

export function mine(over: Partial<PointsMine> = {}): PointsMine {
  return {
    memberId: 'm1',
    name: '张三',
    orgId: 'org-a1',
    year: 2026,
    balance: 128,
    yearTotal: 46,
    stars: 3,
    review: '优秀',
    toNextStar: 14,
    rule: RULE,
    entries: [
      entry(3),
      entry(2, { source: 'practice', points: 2, requested: 4, capped: true, reason: '每日一练答对 4 题' }),
      entry(1, { source: 'adjust', points: -5, requested: -5, reason: '冲正：重复记分', reverses: 'e0', by: 'admin' }),
    ],
    page: 0,
    hasMore: false,
    ...over,
  };
}

export const DASHBOARD: BranchDashboard = {
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  year: 2026,
  computedAt: '2026-11-24T10:00:00+08:00',
  asOf: '2026-11-24',
  members: 12,
  cadence: [
    {
      kind: '支部党员大会',
      period: 'quarter',
      periods: [1, 2, 3, 4].map((q) => ({
        index: q,
        label: `第${'一二三四'[q - 1]}季度`,
        count: q === 2 ? 0 : q === 4 ? 0 : 1,
        state: q < 4 ? ('past' as const) : ('current' as const),
      })),
      due: 4,
      held: 2,
      missed: 1,
      missingNow: true,
    },
    {
      kind: '支委会',
      period: 'month',
      periods: Array.from({ length: 12 }, (_, i) => ({
        index: i + 1,
        label: `${i + 1}月`,
        count: i === 10 ? 2 : i < 10 ? 1 : 0,
        state: i < 10 ? ('past' as const) : i === 10 ? ('current' as const) : ('future' as const),
      })),
      due: 11,
      held: 11,
      missed: 0,
      missingNow: false,
    },
  ],
  missing: ['本季度尚未召开支部党员大会'],
  compliance: 86.7,
  activities: [
    {
      activityId: 'a2',
      title: '11月主题党日',
      kind: '主题党日',
      startAt: '2026-11-05T09:00:00+08:00',
      expected: 12,
      present: 9,
      late: 1,
      rate: 75,
    },
    {
      activityId: 'a1',
      title: '10月支委会',
      kind: '支委会',
      startAt: '2026-10-08T15:00:00+08:00',
      expected: 5,
      present: 5,
      late: 0,
      rate: 100,
    },
  ],
  attendanceRate: 87.5,
  quiz: { members: 12, participants: 9, rate: 75 },
  distribution: [
    { label: '0–19', min: 0, max: 19, count: 2 },
    { label: '20–39', min: 20, max: 39, count: 6 },
    { label: '40 以上', min: 40, max: null, count: 4 },
  ],
  averagePoints: 31.5,
};

export const STARS: StarsView = {
  orgId: 'org-a1',
  orgName: '发改委第一党支部',
  year: 2026,
  computedAt: '2026-11-24T10:00:00+08:00',
  rule: RULE,
  rows: [
    { memberId: 'm1', name: '张三', points: 66, pointsStars: 4, review: '优秀', reviewNote: null, stars: 4 },
    { memberId: 'm2', name: '李四', points: 45, pointsStars: 3, review: null, reviewNote: null, stars: 3 },
    { memberId: 'm3', name: '王五', points: 12, pointsStars: 1, review: '合格', reviewNote: '请假较多', stars: 1 },
  ],
  starCounts: [1, 0, 1, 1, 0],
};

export const OVERVIEW: PointsOverview = {
  year: 2026,
  computedAt: '2026-11-24T10:00:00+08:00',
  asOf: '2026-11-24',
  rows: [
    {
      orgId: 'org-a1',
      name: '发改委第一党支部',
      members: 12,
      compliance: 86.7,
      due: 30,
      held: 26,
      missingNow: 1,
      attendanceRate: 87.5,
      quizRate: 75,
      averagePoints: 31.5,
    },
    {
      orgId: 'org-a2',
      name: '发改委第二党支部',
      members: 30,
      compliance: 100,
      due: 30,
      held: 30,
      missingNow: 0,
      attendanceRate: 92,
      quizRate: null,
      averagePoints: 20,
    },
    {
      orgId: 'org-b1',
      name: '财政局机关党支部',
      members: 8,
      compliance: null,
      due: 0,
      held: 0,
      missingNow: 0,
      attendanceRate: 60,
      quizRate: 50,
      averagePoints: null,
    },
  ],
};
