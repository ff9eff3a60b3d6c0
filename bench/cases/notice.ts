// Benchmark cases for 通知公告 and 组织生活. The sender's read list of a notice (page 1 of the receipts and the notice's
// counters) to a branch of 100 and to one of 2,000, a quarter of each having read it: the reads do not grow with the
// audience. A member opening a notice (the read recorded once) and publishing to 2,000 (one insert per 100 receipts).
// 民主评议: the tally of a closed ballot of 100 and of 300 voters (grouped by the database, not read ballot by ballot),
// and reading a meeting's 纪实 with its attendance (300 expected, 280 present).
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const OPENERS = 50;
const GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Branch {
  orgId: string;
  memberIds: string[];
  /** openids bound to the first members, in roster order. */
  openids: string[];
}

/** A branch of `size` members (phones from `phonePrefix`), the first `bound` of them bound to `${tag}-<i>`. */
async function branch(ctx: BenchContext, name: string, size: number, bound: number, tag: string, phonePrefix: string) {
  const { orgId } = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name }, BENCH_ADMIN));
  const rows = Array.from({ length: size }, (_, i) => ({
    name: `${name.slice(0, 2)}党员${i}`,
    phone: `${phonePrefix}${String(i).padStart(11 - phonePrefix.length, '0')}`,
    orgId,
  }));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  const openids: string[] = [];
  for (let i = 0; i < bound; i++) {
    await must(ctx.call('user', 'bind', { name: rows[i].name, phone: rows[i].phone }, `${tag}-${i}`));
    openids.push(`${tag}-${i}`);
  }
  const memberIds: string[] = [];
  for (let page = 0; memberIds.length < size; page++) {
    const res = await must(
      ctx.call<{ members: Array<{ memberId: string }> }>('org', 'members', { orgId, page }, BENCH_ADMIN),
    );
    if (!res.members.length) break;
    memberIds.push(...res.members.map((m) => m.memberId));
  }
  return { orgId, memberIds, openids } satisfies Branch;
}

interface NoticeFixture {
  orgId: string;
  noticeId: string;
  openids: string[];
}

const noticeFixtures = new Map<number, NoticeFixture>();

/** A branch of `audience`, a notice to it with a confirm deadline, a quarter of them have read it. */
async function noticeFixture(ctx: BenchContext, audience: number): Promise<NoticeFixture> {
  const known = noticeFixtures.get(audience);
  if (known) return known;
  const readers = audience / 4;
  const tag = `bench-notice${audience}`;
  const b = await branch(
    ctx,
    `通知${audience}人党支部`,
    audience,
    readers + OPENERS,
    tag,
    audience > 100 ? '151' : '152',
  );
  const { noticeId } = await must(
    ctx.call<{ noticeId: string }>(
      'notice',
      'publish',
      {
        title: '基准测试通知',
        body: '请全体党员阅读并确认收到。',
        orgIds: [b.orgId],
        confirmBy: iso(Date.now() + 7 * DAY_MS),
      },
      BENCH_ADMIN,
    ),
  );
  for (const openid of b.openids.slice(0, readers)) await must(ctx.call('notice', 'open', { noticeId }, openid));
  const f = { orgId: b.orgId, noticeId, openids: b.openids.slice(readers) };
  noticeFixtures.set(audience, f);
  return f;
}

const receiptsCase = (audience: number): BenchCase => ({
  name: 'notice.receipts',
  scenario: `the sender opens the read list: counters and unread page 1 (${audience.toLocaleString('en')} recipients, a quarter read)`,
  iterations: 30,
  setup: async (ctx) => void (await noticeFixture(ctx, audience)),
  run: (ctx) =>
    ctx.call('notice', 'receipts', { noticeId: noticeFixtures.get(audience)!.noticeId, status: 'unread' }, BENCH_ADMIN),
});

interface ReviewFixture {
  reviewId: string;
}
const reviewFixtures = new Map<number, ReviewFixture>();

/** A branch of `voters`, its 民主评议 opened, every member voting on every member, then closed. */
async function reviewFixture(ctx: BenchContext, voters: number): Promise<ReviewFixture> {
  const known = reviewFixtures.get(voters);
  if (known) return known;
  const b = await branch(
    ctx,
    `评议${voters}人党支部`,
    voters,
    voters,
    `bench-voter${voters}`,
    voters > 100 ? '153' : '154',
  );
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const { reviewId } = await must(
    ctx.call<{ reviewId: string }>(
      'orglife',
      'openReview',
      { orgId: b.orgId, year, startAt: iso(Date.now() - 60_000), endAt: iso(Date.now() + DAY_MS) },
      BENCH_ADMIN,
    ),
  );
  for (const [v, openid] of b.openids.entries())
    await must(
      ctx.call(
        'orglife',
        'vote',
        { reviewId, grades: b.memberIds.map((memberId, c) => ({ memberId, grade: GRADES[(v + c) % 4] })) },
        openid,
      ),
    );
  await must(ctx.call('orglife', 'closeReview', { reviewId }, BENCH_ADMIN));
  const f = { reviewId };
  reviewFixtures.set(voters, f);
  return f;
}

const tallyCase = (voters: number): BenchCase => ({
  name: 'orglife.tally',
  scenario: `the secretary opens the closed 民主评议's tally (${voters} voters × ${voters} assessed, counts per grade)`,
  iterations: 20,
  setup: async (ctx) => void (await reviewFixture(ctx, voters)),
  run: (ctx) => ctx.call('orglife', 'tally', { reviewId: reviewFixtures.get(voters)!.reviewId }, BENCH_ADMIN),
});

let meetingFixture: { activityId: string; reader: string } | null = null;

/** A 支部党员大会 of the 300-member branch held yesterday: 280 checked in, the 纪实 with the 20 absentees' reasons. */
async function ensureMeeting(ctx: BenchContext) {
  if (meetingFixture) return meetingFixture;
  const b = await branch(ctx, '纪实300人党支部', 300, 1, 'bench-minutes', '155');
  const start = Date.now() - DAY_MS;
  const { activityId } = await must(
    ctx.call<{ activityId: string }>(
      'checkin',
      'createActivity',
      {
        title: '支部党员大会（基准测试）',
        kind: '支部党员大会',
        orgIds: [b.orgId],
        startAt: iso(start),
        endAt: iso(start + 2 * 3600_000),
      },
      BENCH_ADMIN,
    ),
  );
  for (const memberId of b.memberIds.slice(0, 280))
    await must(ctx.call('checkin', 'manualCheckIn', { activityId, memberId, reason: '据纸质签到表补录' }, BENCH_ADMIN));
  await must(
    ctx.call(
      'orglife',
      'saveMinutes',
      {
        activityId,
        topic: '通报支部工作，部署模范机关创建',
        host: '主持人',
        recorder: '记录人',
        minutes: '一、通报本季度“三会一课”落实情况。\n'.repeat(200),
        decisions: '下季度每月开展一次主题党日。',
        photos: [],
        absences: b.memberIds.slice(280).map((memberId) => ({ memberId, reason: '出差' })),
      },
      BENCH_ADMIN,
    ),
  );
  meetingFixture = { activityId, reader: b.openids[0] };
  return meetingFixture;
}

export const noticeCases: BenchCase[] = [
  receiptsCase(100),
  receiptsCase(2000),
  {
    name: 'notice.receipts',
    scenario: 'the sender pages to unread page 10 (2,000 recipients)',
    iterations: 30,
    setup: async (ctx) => void (await noticeFixture(ctx, 2000)),
    run: (ctx) =>
      ctx.call(
        'notice',
        'receipts',
        { noticeId: noticeFixtures.get(2000)!.noticeId, status: 'unread', page: 9 },
        BENCH_ADMIN,
      ),
  },
  {
    name: 'notice.open',
    scenario: 'a member opens the notice for the first time (read recorded, counter +1; 2,000 recipients)',
    iterations: OPENERS,
    setup: async (ctx) => void (await noticeFixture(ctx, 2000)),
    run: (ctx, i) => {
      const f = noticeFixtures.get(2000)!;
      return ctx.call('notice', 'open', { noticeId: f.noticeId }, f.openids[i]);
    },
  },
  {
    name: 'notice.publish',
    scenario: 'the 工委 publishes to a branch of 2,000 (one receipt each)',
    iterations: 3,
    setup: async (ctx) => void (await noticeFixture(ctx, 2000)),
    run: (ctx, i) =>
      ctx.call(
        'notice',
        'publish',
        { title: `基准测试通知 ${i + 2}`, body: '请阅读。', orgIds: [noticeFixtures.get(2000)!.orgId] },
        BENCH_ADMIN,
      ),
  },
  tallyCase(100),
  tallyCase(300),
  {
    name: 'orglife.meeting',
    scenario: 'a member reads a meeting’s 纪实 with its attendance (300 expected, 280 present, 20 absent with reasons)',
    iterations: 30,
    setup: async (ctx) => void (await ensureMeeting(ctx)),
    run: (ctx) => ctx.call('orglife', 'meeting', { activityId: meetingFixture!.activityId }, meetingFixture!.reader),
  },
];
