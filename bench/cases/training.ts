// Benchmark cases for 培训: the coverage view (the overview's 培训 line and the 培训台账) over 10 branches of 100
// members with 300 trained this quarter, whose reads do not grow with the roster (the roster sizes and the quarter's
// counter are one document each); and a 补签 at a training class (the check-in, its points, the class roster entry
// and the quarter's count).
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const BRANCHES = 10;
const SIZE = 100;
const TRAINED = 300;
const iso = (ms: number) => new Date(ms).toISOString();

interface TrainingFixture {
  classId: string;
  /** Members not yet checked in, for the 补签 runs. */
  untrained: string[];
}
let fixture: TrainingFixture | null = null;

async function trainingFixture(ctx: BenchContext): Promise<TrainingFixture> {
  if (fixture) return fixture;
  const memberIds: string[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const name = `培训${b}党支部`;
    const { orgId } = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name }, BENCH_ADMIN));
    const rows = Array.from({ length: SIZE }, (_, i) => ({
      name: `培训${b}党员${i}`,
      phone: `156${String(b * SIZE + i).padStart(8, '0')}`,
      orgId,
    }));
    await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
    const res = await must(
      ctx.call<{ members: Array<{ memberId: string }> }>('org', 'members', { orgId, page: 0 }, BENCH_ADMIN),
    );
    memberIds.push(...res.members.map((m) => m.memberId));
  }
  const { classId } = await must(
    ctx.call<{ classId: string }>(
      'register',
      'createTrainingClass',
      {
        title: '基准测试大培训',
        kind: '千名科级党员干部大培训',
        startAt: iso(Date.now() - 3600_000),
        endAt: iso(Date.now() + 86_400_000),
        place: '市委党校',
        capacity: 1000,
      },
      BENCH_ADMIN,
    ),
  );
  for (const memberId of memberIds.slice(0, TRAINED))
    await must(ctx.call('checkin', 'manualCheckIn', { activityId: classId, memberId, reason: '基准' }, BENCH_ADMIN));
  // The roster sizes are counted once an hour: counted here, outside the timed runs.
  await must(ctx.call('register', 'trainingCoverage', {}, BENCH_ADMIN));
  fixture = { classId, untrained: memberIds.slice(TRAINED) };
  return fixture;
}

export const trainingCases: BenchCase[] = [
  {
    name: 'register.trainingCoverage',
    scenario: `the 工委 opens this quarter's coverage (${BRANCHES} branches, ${(BRANCHES * SIZE).toLocaleString('en')} members, ${TRAINED} trained)`,
    iterations: 30,
    setup: async (ctx) => void (await trainingFixture(ctx)),
    run: (ctx) => ctx.call('register', 'trainingCoverage', {}, BENCH_ADMIN),
  },
  {
    name: 'checkin.manualCheckIn',
    scenario: "a 补签 at a training class: check-in, points, the class roster entry, the quarter's count",
    iterations: 30,
    setup: async (ctx) => void (await trainingFixture(ctx)),
    run: async (ctx, i) => {
      const f = await trainingFixture(ctx);
      return ctx.call(
        'checkin',
        'manualCheckIn',
        { activityId: f.classId, memberId: f.untrained[i], reason: '基准' },
        BENCH_ADMIN,
      );
    },
  },
];
