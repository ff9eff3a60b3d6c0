// The 现场赛 benchmark: 500 players, each phone a realtime watcher of the session document (SSE through the
// gateway, not polling), through 10 questions. Measures database operations per answer, per host command and per
// scoreboard view, and the latency from the host's `next` until every watcher holds the new question.
import type { LiveState } from '../../src/domain/api/live';
import type { DbOperation } from '../../emulator/db';
import { openSse } from '../../emulator/realtime/sse-client';
import type { Doc } from '../../server/db';
import type { BenchContext, BenchRow } from '../harness';
import { must, sdkDatabase } from '../harness';
import { BENCH_ADMIN, rosterRow } from './identity';

const PLAYERS = 500;
const QUESTIONS = 10;
const BRANCHES = 5;
const SCOREBOARD_VIEWS = 50;

const player = (i: number) => `bench-live-${i}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Counts operations while `fn` runs. */
async function counted<T>(
  onOperation: (l: (op: DbOperation) => void) => () => void,
  fn: () => Promise<T>,
): Promise<{ result: T; reads: number; writes: number; tx: number; ms: number }> {
  let reads = 0;
  let writes = 0;
  let tx = 0;
  const stop = onOperation((op) => {
    if (op.kind === 'read') reads++;
    else if (op.kind === 'write') writes++;
    else tx++;
  });
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, reads, writes, tx, ms: performance.now() - t0 };
  } finally {
    stop();
  }
}

interface Series {
  reads: number[];
  writes: number[];
  tx: number[];
  ms: number[];
}
const series = (): Series => ({ reads: [], writes: [], tx: [], ms: [] });
function add(s: Series, c: { reads: number; writes: number; tx: number; ms: number }) {
  s.reads.push(c.reads);
  s.writes.push(c.writes);
  s.tx.push(c.tx);
  s.ms.push(c.ms);
}
function row(name: string, scenario: string, s: Series, perRun = 1): BenchRow {
  const ms = [...s.ms].sort((a, b) => a - b);
  const worst = (xs: number[]) => Math.max(...xs) / perRun;
  return {
    name,
    scenario,
    iterations: s.ms.length,
    reads: Number(worst(s.reads).toFixed(2)),
    writes: Number(worst(s.writes).toFixed(2)),
    transactions: Number(worst(s.tx).toFixed(2)),
    medianMs: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}

/** Seeds the bank, five branches of 100, binds 500 players straight in the database (as user.bind would). */
async function seed(ctx: BenchContext): Promise<void> {
  const questions = Array.from({ length: 20 }, (_, i) => ({
    type: 'single',
    stem: `现场赛基准题${i}：下列哪一项正确？`,
    options: ['中国共产党章程', '廉洁自律准则', '纪律处分条例', '问责条例'],
    answer: [i % 4],
    tags: ['现场赛基准'],
  }));
  await must(ctx.call('quiz', 'importQuestions', { questions }, BENCH_ADMIN));
  const party = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '基准测试现场赛党委' }, BENCH_ADMIN));
  const branchIds: string[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const org = await must(
      ctx.call<{ orgId: string }>(
        'org',
        'saveOrg',
        { name: `现场赛第${b + 1}支部`, parentId: party.orgId },
        BENCH_ADMIN,
      ),
    );
    branchIds.push(org.orgId);
  }
  const rows = Array.from({ length: PLAYERS }, (_, i) => rosterRow(i, branchIds[i % BRANCHES], 8));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  const db = sdkDatabase();
  const byPhone = new Map<string, Doc>();
  for (let page = 0; ; page++) {
    const { data } = await db
      .collection('members')
      .where({ orgId: db.command.in(branchIds) })
      .orderBy('_id', 'asc')
      .skip(page * 1000)
      .limit(1000)
      .get();
    for (const m of data) byPhone.set(String(m.phone), m);
    if (data.length < 1000) break;
  }
  await db.collection('users').add({
    data: rows.map((r, i) => ({ _id: player(i), roles: [], hasGrants: false, memberId: byPhone.get(r.phone)?._id })),
  });
}

/** Runs `fn` over 0..n-1 with at most `limit` at a time. */
async function pool(n: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

export async function runLiveBench(
  ctx: BenchContext,
  url: string,
  onOperation: (l: (op: DbOperation) => void) => () => void,
): Promise<BenchRow[]> {
  await seed(ctx);
  const { sessionId } = await must(
    ctx.call<{ sessionId: string }>(
      'live',
      'createSession',
      {
        title: '基准测试现场赛',
        teams: true,
        scoring: 'speed',
        readSeconds: 0,
        rounds: [{ kind: '必答', questionCount: QUESTIONS, secondsPerQuestion: 20, tags: ['现场赛基准'] }],
      },
      BENCH_ADMIN,
    ),
  );
  const host = (command: string) => ctx.call<{ state: LiveState }>('live', 'host', { sessionId, command }, BENCH_ADMIN);
  await must(host('open'));
  await pool(PLAYERS, 50, async (i) => void (await must(ctx.call('live', 'join', { sessionId }, player(i)))));

  // Every phone watches the session document; `seen[i]` is when watcher i first held question q.
  const seen: number[][] = Array.from({ length: QUESTIONS }, () => new Array<number>(PLAYERS).fill(0));
  const held = new Array<number>(QUESTIONS).fill(0);
  const streams = await Promise.all(
    Array.from({ length: PLAYERS }, (_, i) =>
      openSse(`${url}/api/watch?collection=live_sessions&docId=${sessionId}&openid=${player(i)}`, (doc) => {
        const s = doc as LiveState | null;
        if (!s || s.phase !== 'question' || s.index < 0 || seen[s.index][i]) return;
        seen[s.index][i] = performance.now();
        held[s.index]++;
      }),
    ),
  );
  const refused = streams.filter((s) => s.status !== 200).length;
  if (refused) throw new Error(`${refused} watchers refused`);

  const next = series();
  const reveal = series();
  const answer = series();
  const board = series();
  const watch: number[] = [];
  const allHold: number[] = [];
  try {
    for (let q = 0; q < QUESTIONS; q++) {
      const t0 = performance.now();
      const c = await counted(onOperation, () => must(host('next')));
      add(next, c);
      const deadline = Date.now() + 30_000;
      while (held[q] < PLAYERS) {
        if (Date.now() > deadline) throw new Error(`question ${q}: only ${held[q]} of ${PLAYERS} watchers got it`);
        await new Promise((r) => setTimeout(r, 2));
      }
      const lat = seen[q].map((t) => t - t0);
      watch.push(...lat);
      allHold.push(Math.max(...lat));
      // The bench bank's question k has option k % 4 right; every fourth player answers wrong.
      const k = Number(/基准题(\d+)/.exec(c.result.state.question?.stem ?? '')?.[1] ?? 0);
      const right = [k % 4];
      // All 500 answer at once; the operations of the burst divided by 500 are the cost of one answer.
      const burst = await counted(onOperation, () =>
        Promise.all(
          Array.from({ length: PLAYERS }, (_, i) =>
            must(
              ctx.call(
                'live',
                'answer',
                { sessionId, index: q, choice: i % 4 === 0 ? [(k + 1) % 4] : right },
                player(i),
              ),
            ),
          ),
        ),
      );
      add(answer, { ...burst, reads: burst.reads, writes: burst.writes, ms: burst.ms / PLAYERS });
      add(reveal, await counted(onOperation, () => must(host('reveal'))));
      for (let v = 0; v < SCOREBOARD_VIEWS / QUESTIONS; v++)
        add(
          board,
          await counted(onOperation, () => must(ctx.call('live', 'scoreboard', { sessionId }, player(v * 97)))),
        );
    }
  } finally {
    for (const s of streams) s.close();
  }
  const end = await counted(onOperation, () => must(host('end')));
  const w = [...watch].sort((a, b) => a - b);
  const endSeries = series();
  add(endSeries, end);
  return [
    row(
      'live.answer',
      `${PLAYERS} players answer one question at once (per answer; ms = burst ÷ ${PLAYERS})`,
      answer,
      PLAYERS,
    ),
    row('live.host next', `show the next question to ${PLAYERS} joined players (public state written once)`, next),
    row('live.host reveal', `close and score a question answered by ${PLAYERS} (board written once)`, reveal),
    row('live.scoreboard', 'a player opens the scoreboard (top 10, every 支部, own place)', board),
    row('live.host end', `end and credit the points ledger of ${PLAYERS} players (once per session)`, endSeries),
    {
      name: 'live.watch',
      scenario: `host next → each of ${PLAYERS} SSE watchers holds the new question (${QUESTIONS} questions; p95 of the slowest per question: ${percentile(
        [...allHold].sort((a, b) => a - b),
        95,
      ).toFixed(0)} ms)`,
      iterations: w.length,
      reads: 0,
      writes: 0,
      transactions: 0,
      medianMs: percentile(w, 50),
      p95Ms: percentile(w, 95),
    },
  ];
}
