// Benchmark cases for 积分 and 评星定级: 我的积分 (the ledger), the stored dashboard / stars / overview views, their
// on-demand recomputation and 首页 today, on 2,000 members in 10 branches with a year of activity: 44 activities per
// branch (三会一课 and 主题党日), 85% attendance, and practice and competition entries, about 200,000 ledger entries.
import type { CloudDatabase } from '../../emulator/db';
import { toWire } from '../../emulator/db/ejson';
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const BRANCHES = 10;
const PER_BRANCH = 200;
const PRACTICE_DAYS = 60;
const ATTENDANCE = 0.85;
const BATCH = 1000;
/** Last full year, so the cadence covers twelve months. */
const YEAR = new Date().getUTCFullYear() - 1;

const SECRETARY = 'bench-points-secretary';
const MEMBER = 'bench-points-member';

interface Fixture {
  partyId: string;
  branchIds: string[];
}

let fixture: Fixture | null = null;

/** Shanghai wall time of `YEAR` as a Date. */
const at = (month: number, day: number, hour: number) =>
  new Date(
    `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`,
  );

async function insertAll(
  db: CloudDatabase,
  collectionName: string,
  docs: Array<Record<string, unknown>>,
): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await db.request('database.insertDocument', {
      collectionName,
      data: docs.slice(i, i + BATCH).map((d) => toWire(d)),
    });
  }
}

async function membersOf(db: CloudDatabase, orgId: string): Promise<Array<{ _id: string; name: string }>> {
  const res = (await db.request('database.getDocument', {
    collectionName: 'members',
    queryType: 'WHERE',
    query: toWire({ orgId }),
    limit: 1000,
  })) as { data: { list: string[] } };
  return res.data.list.map((s) => JSON.parse(s) as { _id: string; name: string });
}

/**
 * The org tree and roster through the functions (as an admin would), then a year of activities, check-ins and
 * ledger entries written straight into the database in batches (going through the gateway would take hours).
 */
async function ensureFixture(ctx: BenchContext, db: CloudDatabase): Promise<Fixture> {
  if (fixture) return fixture;
  const { orgId: partyId } = await must(
    ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '积分基准机关党委' }, BENCH_ADMIN),
  );
  const branchIds: string[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const { orgId } = await must(
      ctx.call<{ orgId: string }>(
        'org',
        'saveOrg',
        { name: `积分基准第${b + 1}党支部`, parentId: partyId },
        BENCH_ADMIN,
      ),
    );
    branchIds.push(orgId);
    const rows = Array.from({ length: PER_BRANCH }, (_, i) => ({
      name: `积分党员${b}-${i}`,
      phone: `166${String(b * PER_BRANCH + i).padStart(8, '0')}`,
      orgId,
    }));
    await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  }
  await must(ctx.call('org', 'grantRole', { openid: SECRETARY, role: 'secretary', scopeId: partyId }, BENCH_ADMIN));
  await must(ctx.call('user', 'bind', { name: '积分党员0-0', phone: '16600000000' }, MEMBER));

  const activities: Array<Record<string, unknown>> = [];
  const checkins: Array<Record<string, unknown>> = [];
  const points: Array<Record<string, unknown>> = [];
  const entry = (
    memberId: string,
    orgId: string,
    source: string,
    sourceId: string,
    n: number,
    when: Date,
    reason: string,
  ) => {
    const day = new Date(when.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    points.push({
      _id: `points:${source}:${sourceId}:${memberId}`,
      memberId,
      orgId,
      source,
      sourceId,
      points: n,
      requested: n,
      capped: false,
      reason,
      day,
      year: YEAR,
      at: when,
      reverses: null,
      by: null,
      createdAt: when,
    });
  };
  let seq = 0;
  for (const [b, orgId] of branchIds.entries()) {
    const members = await membersOf(db, orgId);
    const plan: Array<[string, number, number]> = [];
    for (let m = 1; m <= 12; m++) {
      plan.push(['主题党日', m, 1], ['支委会', m, 5], ['党小组会', m, 15]);
      if (m % 3 === 1) plan.push(['支部党员大会', m, 20], ['党课', m, 25]);
    }
    for (const [kind, month, day] of plan) {
      const activityId = `abench${seq++}`;
      const startAt = at(month, day, 9);
      activities.push({
        _id: activityId,
        title: `${month}月${kind}`,
        kind,
        orgIds: [orgId],
        expectedOrgIds: [orgId],
        orgChains: [[orgId, partyId]],
        startAt,
        endAt: at(month, day, 11),
        opensAt: at(month, day, 8),
        place: null,
        location: null,
        secret: 'bench',
        createdBy: BENCH_ADMIN,
      });
      members.forEach((mem, i) => {
        if ((i * 7 + seq) % 100 >= ATTENDANCE * 100) return;
        checkins.push({
          _id: `${activityId}:${mem._id}`,
          activityId,
          memberId: mem._id,
          name: mem.name,
          orgId,
          status: 'present',
          source: 'camera',
          flags: [],
          flagged: false,
          isManual: false,
          checkedInAt: startAt,
        });
        entry(mem._id, orgId, 'checkin', activityId, 2, startAt, `参加${kind}`);
      });
    }
    members.forEach((mem, i) => {
      for (let d = 0; d < PRACTICE_DAYS; d++) {
        const when = new Date(at(1, 1, 12).getTime() + ((d * 5 + i) % 360) * 86_400_000);
        entry(mem._id, orgId, 'practice', `${d}.${b}.${i}`, 1 + (i % 3), when, '每日一练答对');
      }
      if (i % 4 !== 0)
        entry(mem._id, orgId, 'quiz', `bench-quiz-${b}`, 5 + (i % 6), at(7, 1, 10), '参加“七一”知识竞赛');
    });
  }
  await insertAll(db, 'activities', activities);
  await insertAll(db, 'checkins', checkins);
  await insertAll(db, 'points', points);
  fixture = { partyId, branchIds };
  return fixture;
}

/** The cases; the database handle seeds the year of activity. */
export function pointsCases(db: CloudDatabase): BenchCase[] {
  return [
    {
      name: 'points.mine',
      scenario: `a member opens 我的积分 (a year of ~${PRACTICE_DAYS + 45} entries; ledger of ${BRANCHES * PER_BRANCH} members)`,
      iterations: 30,
      async setup(ctx) {
        await ensureFixture(ctx, db);
      },
      run: (ctx, i) => ctx.call('points', 'mine', { year: YEAR, page: i % 3 }, MEMBER),
    },
    {
      name: 'points.dashboard (stored)',
      scenario: `a secretary opens the 党委 dashboard (${BRANCHES * PER_BRANCH} members, ${BRANCHES * 44} activities)`,
      iterations: 30,
      async setup(ctx) {
        const f = await ensureFixture(ctx, db);
        await must(ctx.call('points', 'dashboard', { orgId: f.partyId, year: YEAR, refresh: true }, SECRETARY));
      },
      run: (ctx) => ctx.call('points', 'dashboard', { orgId: fixture!.partyId, year: YEAR }, SECRETARY),
    },
    {
      name: 'points.stars (stored)',
      scenario: `a secretary opens a branch's stars list (${PER_BRANCH} members)`,
      iterations: 30,
      async setup(ctx) {
        const f = await ensureFixture(ctx, db);
        await must(ctx.call('points', 'stars', { orgId: f.branchIds[0], year: YEAR }, SECRETARY));
      },
      run: (ctx) => ctx.call('points', 'stars', { orgId: fixture!.branchIds[0], year: YEAR }, SECRETARY),
    },
    {
      name: 'points.dashboard (refresh)',
      scenario: `recompute one branch's views on demand (${PER_BRANCH} members, a year of activity)`,
      iterations: 10,
      async setup(ctx) {
        await ensureFixture(ctx, db);
      },
      run: (ctx) =>
        ctx.call('points', 'dashboard', { orgId: fixture!.branchIds[1], year: YEAR, refresh: true }, SECRETARY),
    },
    {
      name: 'points.overview (refresh)',
      scenario: `recompute every org and the overview, as the ranking timer does (${BRANCHES * PER_BRANCH} members)`,
      iterations: 5,
      async setup(ctx) {
        await ensureFixture(ctx, db);
      },
      run: (ctx) => ctx.call('points', 'overview', { year: YEAR, refresh: true }, BENCH_ADMIN),
    },
    {
      name: 'points.overview (stored)',
      scenario: 'an admin opens the 达标创优 overview',
      iterations: 30,
      run: (ctx) => ctx.call('points', 'overview', { year: YEAR }, BENCH_ADMIN),
    },
    {
      name: 'points.today',
      scenario: 'a member opens 首页 (today’s items)',
      iterations: 30,
      async setup(ctx) {
        await ensureFixture(ctx, db);
      },
      run: (ctx) => ctx.call('points', 'today', {}, MEMBER),
    },
  ];
}
