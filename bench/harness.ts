// The benchmark harness: runs actions through the emulator's HTTP gateway, counts database operations at the
// wire seam and times each call; cases are small objects so each feature adds its own.
import type { Envelope } from '../src/domain/errors';
import type * as WxServerSdk from 'wx-server-sdk';
import type { DbOperation } from '../emulator/db';
import type { Database } from '../server/db';

export interface BenchContext {
  /** POST /api/fn/<fn> through the gateway, as the mini-program's H5 build does. */
  call<T = unknown>(fn: string, action: string, data: unknown, openid?: string): Promise<Envelope<T>>;
}

/** The data of a successful call; a failed one stops the benchmark with its code and message. */
export async function must<T>(p: Promise<Envelope<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/** The real SDK's database in the bench process (seeding and checks go to the same local cloud as the calls). */
export function sdkDatabase(): Database {
  const sdk = require('wx-server-sdk') as typeof WxServerSdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
  return sdk.database({ throwOnNotFound: false } as never) as unknown as Database;
}

export interface BenchCase {
  /** Shown in the table, e.g. `user.login`. */
  name: string;
  /** What one run does, e.g. "a bound member opens 我的". */
  scenario: string;
  iterations: number;
  /** Runs once before the timed runs (not counted). */
  setup?(ctx: BenchContext): Promise<void>;
  /** One user action; `i` is the iteration number. Must succeed. */
  run(ctx: BenchContext, i: number): Promise<Envelope<unknown>>;
}

export interface BenchRow {
  name: string;
  scenario: string;
  iterations: number;
  reads: number;
  writes: number;
  transactions: number;
  medianMs: number;
  p95Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs one case; operations are counted per run and reported as the maximum over runs (the worst case bills). */
export async function runCase(
  c: BenchCase,
  ctx: BenchContext,
  onOperation: (l: (op: DbOperation) => void) => () => void,
): Promise<BenchRow> {
  await c.setup?.(ctx);
  const times: number[] = [];
  let reads = 0;
  let writes = 0;
  let transactions = 0;
  for (let i = 0; i < c.iterations; i++) {
    const count = { read: 0, write: 0, transaction: 0 };
    const stop = onOperation((op) => {
      count[op.kind]++;
    });
    const t0 = process.hrtime.bigint();
    const res = await c.run(ctx, i);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    stop();
    if (!res.ok) throw new Error(`${c.name} failed on run ${i}: ${res.error.code} ${res.error.message}`);
    times.push(ms);
    reads = Math.max(reads, count.read);
    writes = Math.max(writes, count.write);
    transactions = Math.max(transactions, count.transaction);
  }
  times.sort((a, b) => a - b);
  return {
    name: c.name,
    scenario: c.scenario,
    iterations: c.iterations,
    reads,
    writes,
    transactions,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

export function formatTable(rows: BenchRow[]): string {
  const head =
    '| action | scenario | runs | db reads | db writes | tx control | median ms | p95 ms |\n|---|---|---:|---:|---:|---:|---:|---:|';
  const body = rows
    .map(
      (r) =>
        `| \`${r.name}\` | ${r.scenario} | ${r.iterations} | ${r.reads} | ${r.writes} | ${r.transactions} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} |`,
    )
    .join('\n');
  return `${head}\n${body}`;
}
