// Benchmark cases for 签到: a member scanning in (checkIn) and the secretary's attendance view (full and the live
// count of the code screen), on a branch of 2,000 expected members of whom 1,000 are in.
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const EXPECTED = 2000;
const PRESENT = 1000;
const SCANS = 50;

const iso = (ms: number) => new Date(ms).toISOString();

interface Fixture {
  /** Open for scanning: starts in 30 minutes. */
  activityId: string;
  memberIds: string[];
}

let fixture: Fixture | null = null;

/** A branch of 2,000, SCANS of them bound (the scanners), an open activity with PRESENT members in by 补签. */
async function ensureFixture(ctx: BenchContext): Promise<Fixture> {
  if (fixture) return fixture;
  const { orgId } = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '签到基准党支部' }, BENCH_ADMIN));
  const rows = Array.from({ length: EXPECTED }, (_, i) => ({
    name: `签到党员${i}`,
    phone: `150${String(i).padStart(8, '0')}`,
    orgId,
  }));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  const memberIds: string[] = [];
  for (let page = 0; memberIds.length < EXPECTED; page++) {
    const { members } = await must(
      ctx.call<{ members: Array<{ memberId: string }> }>('org', 'members', { orgId, page }, BENCH_ADMIN),
    );
    if (members.length === 0) break;
    memberIds.push(...members.map((m) => m.memberId));
  }
  for (let i = 0; i < SCANS; i++) {
    await must(ctx.call('user', 'bind', { name: rows[i].name, phone: rows[i].phone }, `bench-scan-${i}`));
  }
  const now = Date.now();
  const { activityId } = await must(
    ctx.call<{ activityId: string }>(
      'checkin',
      'createActivity',
      {
        title: '基准主题党日',
        kind: '主题党日',
        orgIds: [orgId],
        startAt: iso(now + 30 * 60_000),
        endAt: iso(now + 150 * 60_000),
        opensBeforeMinutes: 60,
      },
      BENCH_ADMIN,
    ),
  );
  // The scanners stay out; the rest of the first PRESENT are checked in.
  for (let i = SCANS; i < PRESENT; i += 50) {
    await Promise.all(
      memberIds
        .slice(i, Math.min(i + 50, PRESENT))
        .map((memberId) =>
          must(ctx.call('checkin', 'manualCheckIn', { activityId, memberId, reason: '基准' }, BENCH_ADMIN)),
        ),
    );
  }
  fixture = { activityId, memberIds };
  return fixture;
}

/** A code fetched in the set-up; codes are accepted for 40 s, far longer than the timed runs take. */
let scene = '';

export const checkinCases: BenchCase[] = [
  {
    name: 'checkin.checkIn',
    scenario: `a member scans the code in (${EXPECTED} expected; the instance has read the activity once)`,
    iterations: SCANS,
    async setup(ctx) {
      const { activityId } = await ensureFixture(ctx);
      // Also what puts the activity in the function instance's cache, as the secretary's code screen does.
      scene = (await must(ctx.call<{ scene: string }>('checkin', 'qrToken', { activityId }, BENCH_ADMIN))).scene;
    },
    run: (ctx, i) => ctx.call('checkin', 'checkIn', { scene }, `bench-scan-${i}`),
  },
  {
    name: 'checkin.attendance',
    scenario: `a secretary opens attendance: ${EXPECTED} expected, ${PRESENT} in, absentees listed`,
    iterations: 10,
    setup: async (ctx) => void (await ensureFixture(ctx)),
    run: (ctx) => ctx.call('checkin', 'attendance', { activityId: (fixture as Fixture).activityId }, BENCH_ADMIN),
  },
  {
    name: 'checkin.attendance',
    scenario: `the code screen's live count (summary: true), ${EXPECTED} expected`,
    iterations: 20,
    setup: async (ctx) => void (await ensureFixture(ctx)),
    run: (ctx) =>
      ctx.call('checkin', 'attendance', { activityId: (fixture as Fixture).activityId, summary: true }, BENCH_ADMIN),
  },
];
