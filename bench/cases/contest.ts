// Benchmark cases for 创新创优竞赛: the 工委's live results of a competition with 100 entries, 10 judges' totals on
// each and 3,000 votes (the entries in one read, the votes grouped by the database in one aggregate each for counts
// and bursts), the published results everyone reads afterwards (the competition document alone), and 达标创优's
// list of the units without an entry (the open competitions' documents and the directory, whatever the entries).
import type { BenchCase, BenchContext } from '../harness';
import { must, sdkDatabase } from '../harness';
import { BENCH_ADMIN } from './identity';

const ENTRIES = 100;
const JUDGES = 10;
const VOTES = 3000;
const HOUR = 3_600_000;

let fixture: { live: string; published: string } | null = null;

/** Two competitions stored directly (entries, judges' totals and votes as the function writes them); one published. */
async function contestFixture(ctx: BenchContext): Promise<{ live: string; published: string }> {
  if (fixture) return fixture;
  const db = sdkDatabase();
  const now = Date.now();
  const ids = ['bench-contest-live', 'bench-contest-published'];
  for (const contestId of ids) {
    await db.collection('contests').add({
      data: {
        _id: contestId,
        kind: '创新创优竞赛',
        title: '基准测试竞赛',
        description: '',
        submitStartAt: new Date(now - 48 * HOUR),
        submitEndAt: new Date(now - 24 * HOUR),
        voteStartAt: new Date(now - 24 * HOUR),
        voteEndAt: new Date(contestId === ids[0] ? now + 24 * HOUR : now - HOUR),
        criteria: [
          { key: 'innovation', name: '创新性', weight: 40 },
          { key: 'effect', name: '实效性', weight: 60 },
        ],
        judges: [],
        judgeIds: [],
        weights: { panel: 70, public: 30 },
        entryCount: ENTRIES,
        publishedAt: null,
        published: null,
        createdAt: new Date(now - 48 * HOUR),
      },
    });
    const entries = Array.from({ length: ENTRIES }, (_, i) => ({
      _id: `${contestId}:org${i}`,
      contestId,
      orgId: `org${i}`,
      orgName: `第${i + 1}党支部`,
      title: `创新项目${i + 1}`,
      summary: '做法与成效',
      attachments: [],
      judged: Array.from({ length: JUDGES }, (_, j) => ({ memberId: `m${j}`, total: 60 + ((i * 7 + j * 3) % 40) })),
      createdAt: new Date(now - 30 * HOUR + i * 1000),
      updatedAt: new Date(now - 30 * HOUR + i * 1000),
    }));
    await db.collection('contest_entries').add({ data: entries });
    for (let k = 0; k < VOTES; k += 100) {
      const votes = Array.from({ length: 100 }, (_, j) => {
        const n = k + j;
        const at = now - 20 * HOUR + n * 10_000;
        return {
          _id: `${contestId}:day:voter${n}`,
          contestId,
          entryId: `${contestId}:org${(n * n) % ENTRIES}`,
          openid: `voter${n}`,
          day: 'day',
          window: Math.floor(at / 600_000),
          at: new Date(at),
        };
      });
      await db.collection('contest_votes').add({ data: votes });
    }
  }
  await must(ctx.call('contest', 'publish', { contestId: ids[1] }, BENCH_ADMIN));
  fixture = { live: ids[0], published: ids[1] };
  return fixture;
}

const OPEN = 3;
let openReady = false;

/** Competitions open for entries, each with ENTRIES entrants listed on its document (as submit writes them). */
async function openFixture(): Promise<void> {
  if (openReady) return;
  const db = sdkDatabase();
  const now = Date.now();
  for (let c = 0; c < OPEN; c++)
    await db.collection('contests').add({
      data: {
        _id: `bench-contest-open${c}`,
        kind: '效能典型案例评比',
        title: `基准测试征集中${c + 1}`,
        description: '',
        submitStartAt: new Date(now - 24 * HOUR),
        submitEndAt: new Date(now + 24 * HOUR),
        voteStartAt: null,
        voteEndAt: null,
        criteria: [{ key: 'effect', name: '实效性', weight: 100 }],
        judges: [],
        judgeIds: [],
        weights: { panel: 100, public: 0 },
        entryCount: ENTRIES,
        enteredOrgIds: Array.from({ length: ENTRIES }, (_, i) => `org${i}`),
        publishedAt: null,
        published: null,
        createdAt: new Date(now - 24 * HOUR),
      },
    });
  openReady = true;
}

export const contestCases: BenchCase[] = [
  {
    name: 'contest.results',
    scenario: `the 工委's live results: ${ENTRIES} entries × ${JUDGES} judges, 3,000 votes, bursts checked`,
    iterations: 20,
    setup: async (ctx) => void (await contestFixture(ctx)),
    run: (ctx) => ctx.call('contest', 'results', { contestId: fixture!.live }, BENCH_ADMIN),
  },
  {
    name: 'contest.results (published)',
    scenario: 'anyone reads the published ranked list (100 entries): the competition document only',
    iterations: 30,
    setup: async (ctx) => void (await contestFixture(ctx)),
    run: (ctx) => ctx.call('contest', 'results', { contestId: fixture!.published }),
  },
  {
    name: 'contest.due',
    scenario: `达标创优's units without an entry: ${OPEN} competitions open for entries, ${ENTRIES} entrants each`,
    iterations: 30,
    setup: openFixture,
    run: (ctx) => ctx.call('contest', 'due', {}, BENCH_ADMIN),
  },
];
