// Benchmark cases for 微信测评: rate and results on a campaign holding 100,000 ratings, and the ranking run over them.
// The 100,000 ratings are seeded straight into the database with the SDK's batched add (1,000 documents per request;
// the emulator runs in this process, so the SDK here talks to it), in the shape `rating.rate` writes; going through
// `rate` would take 100,000 calls. The ranking function then counts them as it would count real ones.

import { ratingBurstWindow, ratingPattern } from '../../src/domain/rating';
import type { BenchCase, BenchContext } from '../harness';
import { must, sdkDatabase } from '../harness';
import { BENCH_ADMIN } from './identity';

const STORED = 100_000;
const DEPARTMENTS = 20;
const BATCH = 1000;
const KEYS = ['attitude', 'efficiency', 'integrity', 'openness', 'discipline'];

const deptId = (d: number) => `bench-rd-${d}`;
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

let campaignId = '';
async function ensureCampaign(ctx: BenchContext): Promise<string> {
  if (campaignId) return campaignId;
  for (let d = 0; d < DEPARTMENTS; d++) {
    await must(
      ctx.call('org', 'saveDepartment', { departmentId: deptId(d), name: `基准测试部门${d + 1}` }, BENCH_ADMIN),
    );
  }
  const created = await must(
    ctx.call<{ campaignId: string }>(
      'rating',
      'createCampaign',
      {
        title: '基准测试测评',
        departmentIds: Array.from({ length: DEPARTMENTS }, (_, d) => deptId(d)),
        indicators: KEYS.map((key, i) => ({ key, name: `指标${i + 1}`, weight: 1 + (i % 2) })),
        startAt: iso(Date.now() - 86400_000),
        endAt: iso(Date.now() + 86400_000),
        minVotes: 30,
      },
      BENCH_ADMIN,
    ),
  );
  campaignId = created.campaignId;
  const db = sdkDatabase();
  const now = Date.now();
  for (let start = 0; start < STORED; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, STORED - start) }, (_, k) => {
      const i = start + k;
      const departmentId = deptId(i % DEPARTMENTS);
      const openid = `bench-rater-${Math.floor(i / DEPARTMENTS)}`;
      const scores = Object.fromEntries(KEYS.map((key, j) => [key, 1 + ((i * 7 + j * 3) % 5)]));
      // Spread over the last week so that the seeded data holds no burst.
      const at = now - (i % 1000) * 600_000;
      return {
        _id: `${campaignId}:${departmentId}:${openid}`,
        campaignId,
        departmentId,
        openid,
        scores,
        pattern: ratingPattern(KEYS, scores),
        window: ratingBurstWindow(at),
        comment: null,
        commentStatus: null,
        revisions: 1,
        firstAt: new Date(at),
        updatedAt: new Date(at),
      };
    });
    await db.collection('ratings').add({ data: docs });
    // A cheap call now and then keeps the gateway's keep-alive connection from idling out (5 s) during the seeding,
    // which would make the next request race the server closing it (ECONNRESET).
    if ((start / BATCH) % 10 === 9) await must(ctx.call('rating', 'list', {}));
  }
  await must(ctx.call('ranking', 'run', { campaignId }, BENCH_ADMIN));
  await must(ctx.call('rating', 'publish', { campaignId, published: true }, BENCH_ADMIN));
  return campaignId;
}

const scores = (i: number) => Object.fromEntries(KEYS.map((k, j) => [k, 1 + ((i + j) % 5)]));

export const ratingCases: BenchCase[] = [
  {
    name: 'rating.rate',
    scenario: `a new person rates a department (${STORED.toLocaleString('en')} stored ratings)`,
    iterations: 50,
    setup: async (ctx) => void (await ensureCampaign(ctx)),
    run: (ctx, i) =>
      ctx.call(
        'rating',
        'rate',
        { campaignId, departmentId: deptId(i % DEPARTMENTS), scores: scores(i) },
        `bench-new-${i}`,
      ),
  },
  {
    name: 'rating.rate',
    scenario: 'a person replaces an earlier rating (replaced: true)',
    iterations: 50,
    setup: async (ctx) => void (await ensureCampaign(ctx)),
    // bench-rater-k rated every department; rate one of them again.
    run: (ctx, i) =>
      ctx.call(
        'rating',
        'rate',
        { campaignId, departmentId: deptId(i % DEPARTMENTS), scores: scores(i + 1) },
        `bench-rater-${i}`,
      ),
  },
  {
    name: 'rating.results',
    scenario: `the public opens the results (${DEPARTMENTS} departments, ${STORED.toLocaleString('en')} ratings)`,
    iterations: 50,
    setup: async (ctx) => void (await ensureCampaign(ctx)),
    run: (ctx) => ctx.call('rating', 'results', { campaignId }),
  },
  {
    name: 'rating.results',
    scenario: 'an admin opens the results with flags',
    iterations: 50,
    setup: async (ctx) => void (await ensureCampaign(ctx)),
    run: (ctx) => ctx.call('rating', 'results', { campaignId }, BENCH_ADMIN),
  },
  {
    name: 'ranking.run',
    scenario: `counts ${STORED.toLocaleString('en')} ratings by aggregation (timer / on demand)`,
    iterations: 3,
    setup: async (ctx) => void (await ensureCampaign(ctx)),
    run: (ctx) => ctx.call('ranking', 'run', { campaignId }, BENCH_ADMIN),
  },
];
