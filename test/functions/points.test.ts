// The `points` function and the ledger's write path over the local cloud: awardPoints (idempotency, daily caps in
// Asia/Shanghai, concurrency), replaying check-ins and competitions, every action with every role and error code,
// the precomputed dashboard / stars / overview views (O(1) reads), the ranking timer, exports and 首页 today.
import { Workbook } from 'exceljs';
import { POINTS_CONFIG } from '@/domain/points';
import { awardPoints } from '../../cloudfunctions/points/public';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  HANDLER,
  MEMBER,
  PARTY_SECRETARY,
  PUBLIC,
  ROSTER,
  SECRETARY,
  allDocs,
  getDoc,
  sdk,
  sdkDb,
  seedBasic,
  seedRoles,
} from './support';
import type { ActionName } from '@/domain/api';

/** A bound member of b2 and the secretary of b2. */
const OTHER = 'member-b2';
const SECRETARY_B2 = 'sec-b2';

const Y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const LY = Y - 1;

let cloud: TestCloud;
/** memberId by name. */
const ids: Record<string, string> = {};

/**
 * A fresh local cloud with the roster and roles for each describe block, so that no block sees another's points,
 * activities or tickets, whatever order they run in (npm test randomizes it).
 */
function useFreshCloud(): void {
  beforeAll(async () => {
    cloud = await createTestCloud({ adminOpenids: [ADMIN] });
    await seedBasic(cloud);
    await seedRoles(cloud);
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[3].name, phone: ROSTER[3].phone }, OTHER));
    await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B2, role: 'secretary', scopeId: 'b2' }, ADMIN));
    for (const m of await allDocs('members')) ids[String(m.name)] = m._id;
  }, 60_000);
  afterAll(() => cloud.close());
}

const call = <A extends ActionName<'points'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('points', action, data, openid);
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
/** 张伟 (SECRETARY), 王芳 (MEMBER), 李娜 (not bound) are b1; 刘洋 (OTHER) is b2. */
const ZHANG = () => ids['张伟'];
const WANG = () => ids['王芳'];
const LI = () => ids['李娜'];
const LIU = () => ids['刘洋'];

async function createActivity(kind: string, startAt: string, endAt: string, orgIds = ['b1'], title = `${kind}`) {
  const { activityId } = await expectOk(
    cloud.call('checkin', 'createActivity', { title, kind, orgIds, startAt, endAt }, ADMIN),
  );
  return activityId as string;
}

/** A complete 会议纪实 for a meeting, so that the 三会一课 board counts it as held. */
async function recordMinutes(activityId: string) {
  const minutes = { topic: '学习党章', host: '张伟', recorder: '王芳', minutes: '领学党章。', decisions: '' };
  await expectOk(cloud.call('orglife', 'saveMinutes', { activityId, ...minutes, photos: [], absences: [] }, ADMIN));
}

/** Sum of the stored entries per member. */
async function storedBalances(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of await allDocs('points')) out[String(e.memberId)] = (out[String(e.memberId)] ?? 0) + Number(e.points);
  return out;
}

describe('awardPoints', () => {
  useFreshCloud();
  const base = { orgId: 'b1', reason: '测试', now: new Date('2020-07-01T02:00:00Z') };

  it('writes one entry per source, event and member; a second award is a duplicate worth 0', async () => {
    const award = { ...base, source: 'checkin' as const, sourceId: 'aw-1', memberId: LI(), points: 2 };
    expect(await awardPoints(sdkDb(), award)).toEqual({ awarded: 2, duplicate: false });
    expect(await awardPoints(sdkDb(), award)).toEqual({ awarded: 0, duplicate: true });
    expect(await getDoc('points', `points:checkin:aw-1:${LI()}`)).toMatchObject({
      memberId: LI(),
      orgId: 'b1',
      source: 'checkin',
      points: 2,
      requested: 2,
      capped: false,
      day: '2020-07-01',
      year: 2020,
    });
  });

  it('caps practice per Asia/Shanghai day, writing capped entries so a replay stays a duplicate', async () => {
    const cap = POINTS_CONFIG.dailyCaps.practice as number;
    // 23:59 in Shanghai on 2 July is still 2 July; one minute later it is 3 July and the cap starts again.
    const late = new Date('2020-07-02T15:59:00Z');
    const next = new Date('2020-07-02T16:00:00Z');
    const results = [];
    for (let i = 0; i < cap + 2; i++) {
      results.push(
        await awardPoints(sdkDb(), {
          ...base,
          now: late,
          source: 'practice',
          sourceId: `cap-${i}`,
          memberId: LI(),
          points: 1,
        }),
      );
    }
    expect(results.map((r) => r.awarded)).toEqual([...Array(cap).fill(1), 0, 0]);
    expect(await getDoc('points', `points:practice:cap-${cap}:${LI()}`)).toMatchObject({
      points: 0,
      requested: 1,
      capped: true,
    });
    expect(
      await awardPoints(sdkDb(), {
        ...base,
        now: late,
        source: 'practice',
        sourceId: 'cap-0',
        memberId: LI(),
        points: 1,
      }),
    ).toEqual({ awarded: 0, duplicate: true });
    expect(await getDoc('points_daily', `${LI()}:2020-07-02`)).toMatchObject({ used: { practice: cap } });
    expect(
      await awardPoints(sdkDb(), {
        ...base,
        now: next,
        source: 'practice',
        sourceId: 'cap-next',
        memberId: LI(),
        points: 1,
      }),
    ).toEqual({ awarded: 1, duplicate: false });
  });

  it('holds the cap under 30 concurrent awards and turns 30 concurrent copies of one into one entry', async () => {
    const now = new Date('2020-08-01T02:00:00Z');
    const distinct = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        awardPoints(sdkDb(), { ...base, now, source: 'practice', sourceId: `con-${i}`, memberId: WANG(), points: 1 }),
      ),
    );
    expect(distinct.reduce((s, r) => s + r.awarded, 0)).toBe(POINTS_CONFIG.dailyCaps.practice);
    const same = await Promise.all(
      Array.from({ length: 30 }, () =>
        awardPoints(sdkDb(), { ...base, now, source: 'quiz', sourceId: 'con-quiz', memberId: WANG(), points: 5 }),
      ),
    );
    expect(same.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(same.reduce((s, r) => s + r.awarded, 0)).toBe(5);
    expect((await allDocs('points')).filter((d) => d.sourceId === 'con-quiz')).toHaveLength(1);
  });
});

describe('replaying every check-in and competition event twice', () => {
  useFreshCloud();
  it('leaves every balance unchanged', async () => {
    const a1 = await createActivity('支委会', minutes(10), minutes(100));
    const a2 = await createActivity('党小组会', minutes(10), minutes(100));
    const scene = async (activityId: string) =>
      (await expectOk(cloud.call('checkin', 'qrToken', { activityId }, ADMIN))).scene as string;
    const events: Array<() => Promise<unknown>> = [];
    for (const activityId of [a1, a2]) {
      const s = await scene(activityId);
      for (const who of [SECRETARY, MEMBER])
        events.push(() => expectOk(cloud.call('checkin', 'checkIn', { scene: s }, who)));
      events.push(() =>
        expectOk(cloud.call('checkin', 'manualCheckIn', { activityId, memberId: LI(), reason: '扫码失败' }, ADMIN)),
      );
    }
    for (const [memberId, n] of [
      [ZHANG(), 8],
      [WANG(), 10],
      [LI(), 6],
    ] as const) {
      events.push(() =>
        awardPoints(sdkDb(), {
          source: 'quiz',
          sourceId: 'replay-quiz',
          memberId,
          orgId: 'b1',
          points: n,
          reason: '参加“七一”知识竞赛',
          now: new Date(),
        }),
      );
    }
    for (const e of events) await e();
    const before = await storedBalances();
    const mineBefore = await Promise.all([MEMBER, SECRETARY].map((o) => expectOk(call('mine', {}, o))));
    const entriesBefore = (await allDocs('points')).length;

    for (let round = 0; round < 2; round++) for (const e of events) await e();

    expect(await storedBalances()).toEqual(before);
    expect((await allDocs('points')).length).toBe(entriesBefore);
    const mineAfter = await Promise.all([MEMBER, SECRETARY].map((o) => expectOk(call('mine', {}, o))));
    expect(mineAfter.map((m) => [m.balance, m.yearTotal])).toEqual(mineBefore.map((m) => [m.balance, m.yearTotal]));
    expect(mineBefore[0].yearTotal).toBe(
      POINTS_CONFIG.checkin['支委会'] +
        POINTS_CONFIG.checkin['党小组会'] +
        Math.min(10, POINTS_CONFIG.dailyCaps.quiz ?? 10),
    );
  });
});

describe('points.mine', () => {
  useFreshCloud();
  it('shows the balance over all years, this year’s total, stars and a paged history, in five reads', async () => {
    for (let i = 0; i < 25; i++) {
      await awardPoints(sdkDb(), {
        source: 'adjust',
        sourceId: `hist-${String(i).padStart(2, '0')}`,
        memberId: WANG(),
        orgId: 'b1',
        points: 1,
        reason: `历史积分 ${i}`,
        now: new Date(`2019-03-${String(i + 1).padStart(2, '0')}T02:00:00Z`),
      });
    }
    const stored = await storedBalances();
    const { result, reads, writes } = await cloud.countOps(() => call('mine', {}, MEMBER));
    const m = await expectOk(result);
    expect({ reads, writes }).toEqual({ reads: 5, writes: 0 });
    expect(m).toMatchObject({ memberId: WANG(), name: '王芳', orgId: 'b1', year: Y, balance: stored[WANG()], page: 0 });
    expect(m.yearTotal).toBeLessThan(m.balance);
    expect(m.stars).toBe(1 + POINTS_CONFIG.starThresholds.filter((t) => m.yearTotal >= t).length);
    expect(m.rule.rule.length).toBeGreaterThan(3);
    expect(m.entries).toHaveLength(20);
    expect(m.hasMore).toBe(true);
    expect(m.entries[0].at).toMatch(/\+08:00$/);
    const all = [];
    for (let page = 0; ; page++) {
      const p = await expectOk(call('mine', { page }, MEMBER));
      all.push(...p.entries);
      if (!p.hasMore) break;
    }
    expect(all.reduce((s: number, e: { points: number }) => s + e.points, 0)).toBe(m.balance);
    expect(new Set(all.map((e: { entryId: string }) => e.entryId)).size).toBe(all.length);
    const y2019 = await expectOk(call('mine', { year: 2019 }, MEMBER));
    expect(y2019.yearTotal).toBe(25);
  });

  it.each([
    ['the public (not bound)', PUBLIC, {}, 'PERMISSION_DENIED'],
    ['a handler (not bound)', HANDLER, {}, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, {}, 'UNAUTHENTICATED'],
    ['a year out of range', MEMBER, { year: 1999 }, 'INVALID_ARGUMENT'],
    ['an unknown field', MEMBER, { memberId: 'x' }, 'INVALID_ARGUMENT'],
  ])('refuses %s', async (_w, openid, data, code) => {
    await expectError(call('mine', data, openid), code);
  });
});

describe('points.adjust', () => {
  useFreshCloud();
  it('adds a signed adjustment with a reason and who made it, shown on the branch list at once', async () => {
    const before = (await storedBalances())[LIU()] ?? 0;
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const liuOn = async () =>
      (await expectOk(call('stars', { orgId: 'b2', year }, ADMIN))).rows.find(
        (row: { memberId: string }) => row.memberId === LIU(),
      )?.points;
    const listed = await liuOn();
    const r = await expectOk(call('adjust', { memberId: LIU(), points: -3, reason: '无故缺席支部党员大会' }, ADMIN));
    expect(r).toMatchObject({ points: -3, balance: before - 3 });
    expect(await liuOn()).toBe(listed! - 3);
    expect(await getDoc('points', r.entryId)).toMatchObject({
      source: 'adjust',
      points: -3,
      reason: '无故缺席支部党员大会',
      by: ADMIN,
      orgId: 'b2',
    });
  });

  it('answers a repeated request (same requestId) with the entry the first one made, never a second entry', async () => {
    const before = (await storedBalances())[LIU()] ?? 0;
    const ask = (points: number) =>
      call('adjust', { memberId: LIU(), points, reason: '补记党课出勤', requestId: 'req-20201201-a1' }, ADMIN);
    const first = await expectOk(ask(4));
    const again = await expectOk(ask(9));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ points: 4, balance: before + 4 });
    expect((await allDocs('points')).filter((p) => p.reason === '补记党课出勤')).toHaveLength(1);
  });

  it('reverses an entry with a new entry once; the original stays', async () => {
    const { entryId } = await expectOk(call('adjust', { memberId: LIU(), points: 7, reason: '录入错误的分值' }, ADMIN));
    const before = (await storedBalances())[LIU()];
    const r = await expectOk(call('adjust', { memberId: LIU(), reverseEntryId: entryId, reason: '分值录错' }, ADMIN));
    expect(r).toMatchObject({ points: -7, balance: before - 7 });
    expect(await getDoc('points', entryId)).toMatchObject({ points: 7 });
    expect(await getDoc('points', r.entryId)).toMatchObject({ points: -7, reverses: entryId });
    expect(String((await getDoc('points', r.entryId))?.reason)).toContain('撤销“录入错误的分值”');
    const again = await expectError(
      call('adjust', { memberId: LIU(), reverseEntryId: entryId, reason: '再撤一次' }, ADMIN),
      'ALREADY_EXISTS',
    );
    expect(again.message).toContain('已经撤销');
    await expectError(
      call('adjust', { memberId: LIU(), reverseEntryId: r.entryId, reason: '撤销撤销' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect((await storedBalances())[LIU()]).toBe(before - 7);
  });

  it('refuses to reverse a 0-point (capped) entry, another member’s entry or an unknown one', async () => {
    const cap = POINTS_CONFIG.dailyCaps.practice as number;
    // A day's practice past its cap: the last entry is worth 0.
    for (let i = 0; i <= cap; i++)
      await awardPoints(sdkDb(), {
        source: 'practice',
        sourceId: `cap-${i}`,
        memberId: LI(),
        orgId: 'b1',
        points: 1,
        reason: '每日一练',
        now: new Date('2020-07-02T02:00:00Z'),
      });
    expect(await getDoc('points', `points:practice:cap-${cap}:${LI()}`)).toMatchObject({ points: 0 });
    await awardPoints(sdkDb(), {
      source: 'checkin',
      sourceId: 'aw-1',
      memberId: LI(),
      orgId: 'b1',
      points: 2,
      reason: '签到',
      now: new Date('2020-07-01T02:00:00Z'),
    });
    await expectError(
      call('adjust', { memberId: LI(), reverseEntryId: `points:practice:cap-${cap}:${LI()}`, reason: '测试' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call('adjust', { memberId: LIU(), reverseEntryId: `points:checkin:aw-1:${LI()}`, reason: '测试' }, ADMIN),
      'NOT_FOUND',
    );
    await expectError(
      call('adjust', { memberId: LIU(), reverseEntryId: 'points:nope', reason: '测试' }, ADMIN),
      'NOT_FOUND',
    );
  });

  it.each([
    ['neither points nor an entry', ADMIN, { memberId: 'm_x', reason: '调整' }, 'INVALID_ARGUMENT'],
    [
      'both points and an entry',
      ADMIN,
      { memberId: 'm_x', points: 1, reverseEntryId: 'e', reason: '调整' },
      'INVALID_ARGUMENT',
    ],
    ['zero points', ADMIN, { memberId: 'm_x', points: 0, reason: '调整' }, 'INVALID_ARGUMENT'],
    ['a fraction', ADMIN, { memberId: 'm_x', points: 1.5, reason: '调整' }, 'INVALID_ARGUMENT'],
    ['no reason', ADMIN, { memberId: 'm_x', points: 1, reason: ' ' }, 'INVALID_ARGUMENT'],
    ['an unknown member', ADMIN, { memberId: 'm_nobody', points: 1, reason: '调整' }, 'NOT_FOUND'],
    ['a secretary', SECRETARY, { memberId: 'm_x', points: 1, reason: '调整' }, 'PERMISSION_DENIED'],
    ['a member', MEMBER, { memberId: 'm_x', points: 1, reason: '调整' }, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, { memberId: 'm_x', points: 1, reason: '调整' }, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_w, openid, data, code) => {
    await expectError(call('adjust', data, openid), code);
  });
});

describe('dashboard, stars, evaluate and overview', () => {
  useFreshCloud();
  const at = (month: number, day: number, hour = 9) =>
    `${LY}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  let meeting: string;
  let december = '';

  /** Sets (or clears, null) last year's 民主评议 of 王芳 and 张伟. */
  const reviews = async (wang: string | null, zhang: string | null) =>
    expectOk(
      call(
        'evaluate',
        {
          orgId: 'b1',
          year: LY,
          reviews: [
            { memberId: WANG(), grade: wang },
            { memberId: ZHANG(), grade: zhang },
          ],
        },
        SECRETARY,
      ),
    );

  beforeAll(async () => {
    // Last year in b1: 支委会 every month but March, 党小组会 every month, 党员大会 every quarter, 党课 in Q1–Q3 only,
    // each with its 会议纪实; a March 支委会 took place too, but without a 纪实, so it does not count as held.
    const recorded: string[] = [];
    for (let m = 1; m <= 12; m++) {
      if (m !== 3) recorded.push(await createActivity('支委会', at(m, 5), at(m, 5, 11)));
      december = await createActivity('党小组会', at(m, 15), at(m, 15, 11));
      recorded.push(december);
      if (m % 3 === 1) {
        const id = await createActivity('支部党员大会', at(m, 20), at(m, 20, 11));
        recorded.push(id);
        meeting ??= id;
        if (m <= 7) recorded.push(await createActivity('党课', at(m, 25), at(m, 25, 11)));
      }
    }
    await createActivity('支委会', at(3, 6), at(3, 6, 11));
    for (const activityId of recorded) await recordMinutes(activityId);
    // Check-ins as the scans stored them at the time (the functions stamp the real clock): 2 of b1's 3 members at
    // the first 党员大会; for December's 党小组会 a 补签 entered on 10 January counts, one entered in March does not.
    const checkIn = (activityId: string, memberId: string, when: string) =>
      sdkDb()
        .collection('checkins')
        .add({
          data: {
            _id: `${activityId}:${memberId}`,
            activityId,
            memberId,
            orgId: 'b1',
            status: 'present',
            checkedInAt: new Date(when),
          },
        });
    for (const memberId of [ZHANG(), WANG()]) await checkIn(meeting, memberId, at(1, 20, 8));
    await checkIn(december, WANG(), `${Y}-01-10T10:00:00+08:00`);
    await checkIn(december, ZHANG(), `${Y}-03-01T10:00:00+08:00`);
    const award = (memberId: string, source: 'adjust' | 'quiz', points: number, sourceId: string) =>
      awardPoints(sdkDb(), {
        source,
        sourceId,
        memberId,
        orgId: 'b1',
        points,
        reason: '年度积分',
        now: new Date(`${LY}-06-01T02:00:00Z`),
      });
    await award(WANG(), 'adjust', 80, 'ly-wang');
    await award(ZHANG(), 'adjust', 30, 'ly-zhang');
    await award(LI(), 'quiz', 3, 'ly-quiz');
  }, 60_000);

  it('shows last year’s 三会一课 cadence, attendance, quiz participation and points distribution', async () => {
    const d = await expectOk(call('dashboard', { orgId: 'b1', year: LY }, SECRETARY));
    expect(d).toMatchObject({ orgId: 'b1', orgName: '市教育局机关第一党支部', year: LY, members: 3, missing: [] });
    const row = (kind: string) => d.cadence.find((r: { kind: string }) => r.kind === kind)!;
    expect(row('支委会')).toMatchObject({ period: 'month', due: 12, held: 11, missed: 1, missingNow: false });
    expect(row('支委会')).toMatchObject({ withoutMinutes: 1 });
    expect(row('支委会').periods[2]).toMatchObject({ label: '3月', count: 0, withoutMinutes: 1, state: 'past' });
    expect(d.withoutMinutes).toBe(1);
    expect(d.activities.find((a: { startAt: string }) => a.startAt === at(3, 6))).toMatchObject({ minutes: 'none' });
    expect(d.activities.find((a: { activityId: string }) => a.activityId === meeting)).toMatchObject({
      minutes: 'complete',
    });
    expect(row('支委会').periods[2]).toMatchObject({ label: '3月', count: 0, state: 'past' });
    expect(row('党小组会')).toMatchObject({ due: 12, held: 12, missed: 0 });
    expect(row('支部党员大会')).toMatchObject({ period: 'quarter', due: 4, held: 4 });
    expect(row('党课')).toMatchObject({ due: 4, held: 3, missed: 1 });
    expect(d.compliance).toBe(Math.round((30 / 32) * 1000) / 10);
    // 30 meetings with their 纪实 and the March 支委会 without one.
    expect(d.activities).toHaveLength(31);
    expect(d.activities.find((a: { activityId: string }) => a.activityId === meeting)).toMatchObject({
      expected: 3,
      present: 2,
      rate: 66.7,
      ended: true,
    });
    expect(d.activities.find((a: { activityId: string }) => a.activityId === december)).toMatchObject({ present: 1 });
    expect(d.attendanceRate).toBe(Math.round(((66.7 + 33.3) / 31) * 10) / 10);
    expect(d.quiz).toEqual({ members: 3, participants: 1, rate: 33.3 });
    expect(d.distribution.map((b: { count: number }) => b.count)).toEqual([1, 1, 0, 1, 0]);
    expect(d.averagePoints).toBe(Math.round((113 / 3) * 10) / 10);
  });

  it('reads the stored view in three reads and no writes once computed', async () => {
    await expectOk(call('dashboard', { orgId: 'b1', year: LY }, SECRETARY));
    const { result, reads, writes } = await cloud.countOps(() =>
      call('dashboard', { orgId: 'b1', year: LY }, SECRETARY),
    );
    await expectOk(result);
    expect({ reads, writes }).toEqual({ reads: 3, writes: 0 });
  });

  it('lists each member’s points and stars, and 民主评议 moves them', async () => {
    await reviews(null, null);
    const s = await expectOk(call('stars', { orgId: 'b1', year: LY }, SECRETARY));
    expect(s.rows.map((r: { name: string; points: number; stars: number }) => [r.name, r.points, r.stars])).toEqual([
      ['王芳', 80, 4],
      ['张伟', 30, 2],
      ['李娜', 3, 1],
    ]);
    expect(s.starCounts).toEqual([1, 1, 0, 1, 0]);
    const e = await expectOk(
      call(
        'evaluate',
        {
          orgId: 'b1',
          year: LY,
          reviews: [
            { memberId: WANG(), grade: '优秀', note: '带头学习' },
            { memberId: ZHANG(), grade: '不合格' },
          ],
        },
        SECRETARY,
      ),
    );
    expect(e).toEqual({ saved: 2, cleared: 0 });
    const after = await expectOk(call('stars', { orgId: 'b1', year: LY }, PARTY_SECRETARY));
    expect(
      after.rows.map((r: { name: string; review: string | null; stars: number }) => [r.name, r.review, r.stars]),
    ).toEqual([
      ['王芳', '优秀', 5],
      ['张伟', '不合格', 1],
      ['李娜', null, 1],
    ]);
    expect(after.rows[0]).toMatchObject({ pointsStars: 4, reviewNote: '带头学习' });
    expect(await getDoc('points_reviews', `${LY}:${WANG()}`)).toMatchObject({
      grade: '优秀',
      orgId: 'b1',
      by: SECRETARY,
    });
    await expectOk(
      call('evaluate', { orgId: 'b1', year: LY, reviews: [{ memberId: ZHANG(), grade: null }] }, SECRETARY),
    );
    const cleared = await expectOk(call('stars', { orgId: 'b1', year: LY }, SECRETARY));
    expect(cleared.rows.find((r: { name: string }) => r.name === '张伟')).toMatchObject({ review: null, stars: 2 });
    expect(await getDoc('points_reviews', `${LY}:${ZHANG()}`)).toBeNull();
  });

  it('gives a 机关党委 secretary the party’s own view over every member below it', async () => {
    const d = await expectOk(call('dashboard', { orgId: 'p1', year: LY }, PARTY_SECRETARY));
    expect(d).toMatchObject({ orgId: 'p1', members: 6, compliance: 0 });
    expect(d.activities).toEqual([]);
    const s = await expectOk(call('stars', { orgId: 'p1', year: LY }, PARTY_SECRETARY));
    expect(s.rows.map((r: { name: string }) => r.name).slice(0, 2)).toEqual(['王芳', '张伟']);
    expect(s.rows).toHaveLength(6);
  });

  it('shows this month’s and quarter’s gaps on the current year’s dashboard', async () => {
    await recordMinutes(await createActivity('支委会', minutes(-2), minutes(-1)));
    await recordMinutes(await createActivity('党小组会', minutes(-2), minutes(-1)));
    const d = await expectOk(call('dashboard', { orgId: 'b1', year: Y, refresh: true }, SECRETARY));
    const row = (kind: string) => d.cadence.find((r: { kind: string }) => r.kind === kind)!;
    // No 党员大会 or 党课 yet this quarter.
    expect(row('支委会').missingNow).toBe(false);
    expect(row('党小组会').missingNow).toBe(false);
    expect(row('支部党员大会').missingNow).toBe(true);
    expect(d.missing).toEqual(['本季度尚未召开支部党员大会', '本季度尚未上党课']);
  });

  it('gives admins every branch in the overview, sortable fields included', async () => {
    const o = await expectOk(call('overview', { year: LY, refresh: true }, ADMIN));
    expect(o.rows.map((r: { orgId: string }) => r.orgId)).toEqual(['b1', 'b2', 'b3']);
    expect(o.rows[0]).toMatchObject({
      name: '市教育局机关第一党支部',
      members: 3,
      due: 32,
      held: 30,
      compliance: 93.8,
      quizRate: 33.3,
    });
    expect(o.rows[1]).toMatchObject({ orgId: 'b2', due: 32, held: 0, compliance: 0, averagePoints: 0 });
    const { result, reads } = await cloud.countOps(() => call('overview', { year: LY }, ADMIN));
    await expectOk(result);
    expect(reads).toBe(2);
  });

  it('exports the stars list and the overview as Excel', async () => {
    await reviews('优秀', null);
    const s = await expectOk(call('exportStars', { orgId: 'b1', year: LY }, SECRETARY));
    expect(s.fileID).toMatch(/exports\/points\/stars-b1-.*\.xlsx$/);
    expect(s.url).toMatch(/^http/);
    const wb = new Workbook();
    await wb.xlsx.load((await sdk().downloadFile({ fileID: s.fileID })).fileContent as never);
    const ws = wb.getWorksheet('星级评定')!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`${LY} 年度党员评星定级`);
    expect([5, 6, 7].map((r) => [ws.getRow(r).getCell(2).value, ws.getRow(r).getCell(7).value])).toEqual([
      ['王芳', '★★★★★'],
      ['张伟', '★★'],
      ['李娜', '★'],
    ]);
    const o = await expectOk(call('exportOverview', { year: LY }, ADMIN));
    const wb2 = new Workbook();
    await wb2.xlsx.load((await sdk().downloadFile({ fileID: o.fileID })).fileContent as never);
    const sheet = wb2.getWorksheet('达标创优')!;
    expect(sheet.getRow(4).values).toEqual([undefined, '市教育局机关第一党支部', 3, 93.8, 32, 30, 0, 3.2, 33.3, 37.7]);
  });

  it('recomputes every org’s views and the overview on the ranking timer', async () => {
    await cloud.fireTimer('ranking', 'every-10-minutes', new Date());
    for (const id of ['gw', 'p1', 'b1', 'b2', 'p2', 'b3'])
      expect(await getDoc('points_views', `branch:${id}:${Y}`)).not.toBeNull();
    const o = await getDoc('points_views', `overview:${Y}`);
    expect((o?.overview as { rows: unknown[] }).rows).toHaveLength(3);
  });

  it.each<[ActionName<'points'>, Record<string, unknown>, string | undefined, string]>([
    ['dashboard', { orgId: 'b1', year: LY }, SECRETARY_B2, 'PERMISSION_DENIED'],
    ['dashboard', { orgId: 'b1', year: LY }, MEMBER, 'PERMISSION_DENIED'],
    ['dashboard', { orgId: 'b1', year: LY }, HANDLER, 'PERMISSION_DENIED'],
    ['dashboard', { orgId: 'b1', year: LY }, undefined, 'UNAUTHENTICATED'],
    ['dashboard', { orgId: 'nope', year: LY }, ADMIN, 'NOT_FOUND'],
    ['dashboard', { orgId: 'b1', year: Y + 1 }, ADMIN, 'FAILED_PRECONDITION'],
    ['dashboard', { orgId: 'b1' }, ADMIN, 'INVALID_ARGUMENT'],
    ['stars', { orgId: 'b1', year: LY }, SECRETARY_B2, 'PERMISSION_DENIED'],
    ['stars', { orgId: 'b1', year: LY }, PUBLIC, 'PERMISSION_DENIED'],
    ['stars', { orgId: 'nope', year: LY }, SECRETARY, 'NOT_FOUND'],
    ['stars', { orgId: 'b1', year: Y + 1 }, SECRETARY, 'FAILED_PRECONDITION'],
    ['stars', { orgId: 'b1', year: LY }, undefined, 'UNAUTHENTICATED'],
    ['exportStars', { orgId: 'nope', year: LY }, ADMIN, 'NOT_FOUND'],
    ['exportStars', { orgId: 'b1', year: Y + 1 }, ADMIN, 'FAILED_PRECONDITION'],
    ['exportOverview', { year: Y + 1 }, ADMIN, 'FAILED_PRECONDITION'],
    ['exportStars', { orgId: 'b1', year: LY }, SECRETARY_B2, 'PERMISSION_DENIED'],
    ['exportStars', { orgId: 'b1', year: LY }, MEMBER, 'PERMISSION_DENIED'],
    ['overview', { year: LY }, SECRETARY, 'PERMISSION_DENIED'],
    ['overview', { year: LY }, PARTY_SECRETARY, 'PERMISSION_DENIED'],
    ['overview', { year: Y + 1 }, ADMIN, 'FAILED_PRECONDITION'],
    ['overview', { year: 'x' }, ADMIN, 'INVALID_ARGUMENT'],
    ['exportOverview', { year: LY }, SECRETARY, 'PERMISSION_DENIED'],
    ['exportOverview', { year: LY }, undefined, 'UNAUTHENTICATED'],
  ])('%s %j as %s -> %s', async (action, data, openid, code) => {
    await expectError(call(action, data, openid), code);
  });

  it.each([
    [
      'a member of another branch',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: LIU(), grade: '合格' }] }),
      SECRETARY,
      'PERMISSION_DENIED',
    ],
    [
      'an unknown member',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: 'm_nobody', grade: '合格' }] }),
      SECRETARY,
      'NOT_FOUND',
    ],
    [
      'a member twice',
      () => ({
        orgId: 'b1',
        year: LY,
        reviews: [
          { memberId: LI(), grade: '合格' },
          { memberId: LI(), grade: '优秀' },
        ],
      }),
      SECRETARY,
      'INVALID_ARGUMENT',
    ],
    [
      'an unknown grade',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: LI(), grade: '良好' }] }),
      SECRETARY,
      'INVALID_ARGUMENT',
    ],
    [
      'next year',
      () => ({ orgId: 'b1', year: Y + 1, reviews: [{ memberId: LI(), grade: '合格' }] }),
      SECRETARY,
      'FAILED_PRECONDITION',
    ],
    [
      'another branch’s secretary',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: LI(), grade: '合格' }] }),
      SECRETARY_B2,
      'PERMISSION_DENIED',
    ],
    [
      'a member',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: LI(), grade: '合格' }] }),
      MEMBER,
      'PERMISSION_DENIED',
    ],
    [
      'an anonymous caller',
      () => ({ orgId: 'b1', year: LY, reviews: [{ memberId: LI(), grade: '合格' }] }),
      undefined,
      'UNAUTHENTICATED',
    ],
    ['an empty list', () => ({ orgId: 'b1', year: LY, reviews: [] }), SECRETARY, 'INVALID_ARGUMENT'],
  ])('evaluate refuses %s', async (_w, data, openid, code) => {
    await expectError(call('evaluate', data(), openid), code);
    expect(await getDoc('points_reviews', `${LY}:${LI()}`)).toBeNull();
  });
});

describe('points.today', () => {
  useFreshCloud();
  it('lists an open activity to check in to until the member is in, then drops it', async () => {
    const activityId = await createActivity('党课', minutes(20), minutes(80), ['b1'], '学习党章专题党课');
    const t = await expectOk(call('today', {}, MEMBER));
    expect(t.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.items.filter((i: { kind: string }) => i.kind === 'checkin')).toEqual([
      {
        kind: 'checkin',
        title: '党课：学习党章专题党课',
        path: '/pages/activities/index',
        detail: '正在签到，请扫描现场大屏上的二维码',
      },
    ]);
    const { scene } = await expectOk(cloud.call('checkin', 'qrToken', { activityId }, ADMIN));
    await expectOk(cloud.call('checkin', 'checkIn', { scene }, MEMBER));
    expect((await expectOk(call('today', {}, MEMBER))).items.some((i: { kind: string }) => i.kind === 'checkin')).toBe(
      false,
    );
    // Not b2's activity.
    expect((await expectOk(call('today', {}, OTHER))).items.some((i: { kind: string }) => i.kind === 'checkin')).toBe(
      false,
    );
    // b1's secretary runs it: he is told to open the code, not to scan it.
    expect(
      (await expectOk(call('today', {}, SECRETARY))).items.filter((i: { kind: string }) => i.kind === 'checkin'),
    ).toEqual([
      {
        kind: 'checkin',
        title: '党课：学习党章专题党课',
        path: `/admin/activity-code/index?activityId=${activityId}`,
        detail: '正在签到：请打开签到码，投到大屏上',
      },
    ]);
  });

  it('asks for today’s practice until it is finished, with the progress', async () => {
    const practice = async () =>
      (await expectOk(call('today', {}, SECRETARY))).items.filter((i: { kind: string }) => i.kind === 'practice');
    expect(await practice()).toEqual([
      { kind: 'practice', title: '每日一练', path: '/pages/practice/index', detail: '今天还没有练习，答对可得积分' },
    ]);
    const { day } = await expectOk(call('today', {}, SECRETARY));
    const doc = {
      memberId: ZHANG(),
      day,
      questions: [{ questionId: 'q1' }, { questionId: 'q2' }],
      answered: { q1: {} },
      done: false,
    };
    await sdkDb()
      .collection('quiz_practice')
      .add({ data: { _id: `${ZHANG()}:${day}`, ...doc } });
    expect((await practice())[0].detail).toBe('已答 1/2 题，答对可得积分');
    await sdkDb()
      .collection('quiz_practice')
      .doc(`${ZHANG()}:${day}`)
      .update({ data: { done: true } });
    expect(await practice()).toEqual([]);
  });

  it('lists an open competition of the branch until the member has submitted it', async () => {
    const quiz = (id: string, takingPart: string[] | null) => ({
      _id: id,
      title: `竞赛${id}`,
      startAt: new Date(Date.now() - 3600_000),
      endAt: new Date(Date.now() + 2 * 86_400_000),
      takingPart,
    });
    for (const q of [quiz('qz_all', null), quiz('qz_b1', ['b1']), quiz('qz_b2', ['b2'])])
      await sdkDb().collection('quizzes').add({ data: q });
    const titles = async (openid: string) =>
      (await expectOk(call('today', {}, openid))).items
        .filter((i: { kind: string }) => i.kind === 'quiz')
        .map((i: { title: string; path: string }) => `${i.title} ${i.path}`);
    expect(await titles(MEMBER)).toEqual([
      '知识竞赛：竞赛qz_all /pages/quiz-list/index',
      '知识竞赛：竞赛qz_b1 /pages/quiz-list/index',
    ]);
    expect(await titles(OTHER)).toEqual([
      '知识竞赛：竞赛qz_all /pages/quiz-list/index',
      '知识竞赛：竞赛qz_b2 /pages/quiz-list/index',
    ]);
    await sdkDb()
      .collection('quiz_attempts')
      .add({ data: { _id: 'att-today', quizId: 'qz_b1', memberId: WANG(), status: 'submitted' } });
    expect(await titles(MEMBER)).toEqual(['知识竞赛：竞赛qz_all /pages/quiz-list/index']);
  });

  it('shows a hotline reply to rate and an open 测评 not yet rated, to the public too, in bounded reads', async () => {
    // A visitor of their own: the other tests' tickets and ratings are not theirs.
    const VISITOR = 'public-today';
    await sdkDb()
      .collection('hotline_tickets')
      .add({
        data: { _id: 't_today', openid: VISITOR, status: 'replied', title: '路灯不亮', ticketNo: 'MS20200701-0001' },
      });
    const { campaignId } = await expectOk(
      cloud.call(
        'rating',
        'createCampaign',
        {
          title: '政风行风评议',
          departmentIds: ['d1'],
          indicators: [{ key: 'attitude', name: '服务态度', weight: 1 }],
          startAt: minutes(-60),
          endAt: minutes(60 * 24 * 3),
        },
        ADMIN,
      ),
    );
    const { result, reads, writes } = await cloud.countOps(() => call('today', {}, VISITOR));
    const t = await expectOk(result);
    expect(writes).toBe(0);
    expect(reads).toBeLessThanOrEqual(4);
    expect(t.items).toEqual([
      {
        kind: 'hotline',
        title: '诉求已答复：路灯不亮',
        path: '/pages/hotline-ticket/index?id=t_today',
        detail: 'MS20200701-0001 · 请查看答复并评价',
      },
      expect.objectContaining({
        kind: 'rating',
        title: '微信测评：政风行风评议',
        path: `/pages/rating/index?id=${campaignId}`,
      }),
    ]);
    await expectOk(cloud.call('rating', 'rate', { campaignId, departmentId: 'd1', scores: { attitude: 5 } }, VISITOR));
    expect((await expectOk(call('today', {}, VISITOR))).items.map((i: { kind: string }) => i.kind)).toEqual([
      'hotline',
    ]);
    const member = await cloud.countOps(() => call('today', {}, MEMBER));
    await expectOk(member.result);
    expect(member.reads).toBeLessThanOrEqual(10);
  });

  it('shows each role its waiting work: tickets to triage, tickets to answer, meetings not held yet', async () => {
    const work = async (openid: string) =>
      (await expectOk(call('today', {}, openid))).items.filter((i: { kind: string }) => i.kind === 'work');
    expect(await work(ADMIN)).toEqual([]);
    expect(await work(HANDLER)).toEqual([]);

    const submit = (title: string) =>
      expectOk(
        cloud.call(
          'hotline',
          'submit',
          { category: '求助', title, content: `${title}，请尽快处理。`, departmentId: 'd1', isPublic: false },
          PUBLIC,
        ),
      );
    await submit('路灯不亮');
    const { ticketId } = await submit('井盖松动');
    expect(await work(ADMIN)).toEqual([
      {
        kind: 'work',
        title: '民声热线：2 件诉求待分办',
        path: '/admin/hotline-triage/index',
        detail: '请受理并交办承办部门',
      },
    ]);
    await expectOk(cloud.call('hotline', 'assign', { ticketId, departmentId: 'd1' }, ADMIN));
    expect((await work(ADMIN))[0].title).toBe('民声热线：1 件诉求待分办');
    expect(await work(HANDLER)).toEqual([
      {
        kind: 'work',
        title: expect.stringMatching(/：1 件诉求待答复$/),
        path: '/admin/hotline-queue/index',
        detail: expect.stringMatching(/^最近的办理期限 \d{1,2}月\d{1,2}日$/),
      },
    ]);
    await expectOk(cloud.call('hotline', 'reply', { ticketId, content: '已安排维修' }, HANDLER));
    expect(await work(HANDLER)).toEqual([]);

    // The secretary of b1 sees what the branch's dashboard says is missing (once it has been computed).
    const { missing } = await expectOk(call('dashboard', { orgId: 'b1', year: Y, refresh: true }, SECRETARY));
    // The fixtures hold no 支部党员大会 this quarter.
    expect(missing).toContain('本季度尚未召开支部党员大会');
    expect(await work(SECRETARY)).toEqual([
      {
        kind: 'work',
        title: expect.stringMatching(/：“三会一课”待召开$/),
        path: '/admin/branch-dashboard/index?orgId=b1',
        detail: missing.join('；'),
      },
    ]);
    expect(await work(MEMBER)).toEqual([]);
  });

  it('refuses an anonymous caller and unknown fields', async () => {
    await expectError(call('today', {}), 'UNAUTHENTICATED');
    await expectError(call('today', { day: '2020-07-01' }, MEMBER), 'INVALID_ARGUMENT');
  });
});
