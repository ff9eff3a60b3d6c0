// Cold-start cost of each function bundle: its size and the time Node takes to load it after wx-server-sdk, each in
// fresh processes, as a ratio to wx-server-sdk's own load time (a ratio survives a busy machine better than ms).
// `npx tsx bench/bundles.ts` prints the table alone; `npm run bench` adds it to bench/results.md.
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import type { BuiltFunction } from '../scripts/build-functions';
import { BUNDLE_MAX_BYTES, buildFunctions } from '../scripts/build-functions';

export interface BundleLoadRow {
  name: string;
  bytes: number;
  /** Median ms to require wx-server-sdk in a fresh process (what every function pays anyway). */
  sdkMs: number;
  /** Median ms to require the bundle right after, in the same processes. */
  bundleMs: number;
  runs: number;
}

/**
 * Requires wx-server-sdk, then the bundle, timing each; fails when loading the bundle pulled in a package that only
 * some actions need (a top-level import of it would make every cold start pay for it).
 */
const PROBE = `
const t0 = process.hrtime.bigint();
require('wx-server-sdk');
const t1 = process.hrtime.bigint();
require(process.argv[1]);
const t2 = process.hrtime.bigint();
const lazy = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(f));
if (lazy.length) throw new Error('loading the bundle loaded exceljs: ' + lazy[0]);
process.stdout.write(JSON.stringify({ sdk: Number(t1 - t0) / 1e6, bundle: Number(t2 - t1) / 1e6 }));
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Loads every bundle `runs` times, one fresh `node` each time, taking the functions in turn so load drifts evenly. */
export function measureBundleLoads(built: BuiltFunction[], runs = 7): BundleLoadRow[] {
  const samples = new Map(built.map((b) => [b.name, { sdk: [] as number[], bundle: [] as number[] }]));
  for (let i = 0; i < runs; i++) {
    for (const b of built) {
      // Run from the function's folder, so `require` resolves as it does for the deployed function.
      const out = execFileSync(process.execPath, ['-e', PROBE, b.file], { cwd: dirname(b.file), encoding: 'utf8' });
      const { sdk, bundle } = JSON.parse(out) as { sdk: number; bundle: number };
      samples.get(b.name)!.sdk.push(sdk);
      samples.get(b.name)!.bundle.push(bundle);
    }
  }
  return built.map((b) => {
    const s = samples.get(b.name)!;
    return { name: b.name, bytes: b.bytes, sdkMs: median(s.sdk), bundleMs: median(s.bundle), runs };
  });
}

/** The markdown table: size against the limit, and load time against wx-server-sdk's. */
export function formatBundleTable(rows: BundleLoadRow[]): string {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return [
    `| function | bundle KB (limit ${BUNDLE_MAX_BYTES / 1024}) | load ms | wx-server-sdk ms | load / wx-server-sdk |`,
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${kb(r.bytes)}${r.bytes > BUNDLE_MAX_BYTES ? ' ✗' : ''} | ${r.bundleMs.toFixed(1)} | ` +
        `${r.sdkMs.toFixed(1)} | ${(r.bundleMs / r.sdkMs).toFixed(2)} |`,
    ),
  ].join('\n');
}

if (require.main === module) {
  buildFunctions()
    .then((built) => console.log(formatBundleTable(measureBundleLoads(built))))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
