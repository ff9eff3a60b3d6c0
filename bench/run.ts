// `npm run bench`: starts the emulator on a fresh database, runs every case through the HTTP gateway, prints the
// table and writes it to bench/results.md. `npm run bench -- <regex>` runs only the cases whose name or scenario
// match (their table is printed, results.md is left alone).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/main';
import { buildFunctions } from '../scripts/build-functions';
import { formatBundleTable, measureBundleLoads } from './bundles';
import type { Envelope } from '../src/domain/errors';
import { checkinCases } from './cases/checkin';
import { contestCases } from './cases/contest';
import { hotlineCases } from './cases/hotline';
import { hotlinePublicCases } from './cases/hotline-public';
import { runLiveBench } from './cases/live';
import { BENCH_ADMIN, identityCases } from './cases/identity';
import { noticeCases } from './cases/notice';
import { peakCases } from './cases/peak';
import { pointsCases } from './cases/points';
import { quizCases } from './cases/quiz';
import { ratingCases } from './cases/rating';
import { registerCases } from './cases/registers';
import { trainingCases } from './cases/training';
import type { BenchContext, BenchRow } from './harness';
import { formatTable, runCase } from './harness';

async function main() {
  const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;
  const built = await buildFunctions();
  // Measured first, while no emulator competes for the CPU (`npm run bench -- bundles` measures only these).
  const bundleTable = !filter || filter.test('bundles') ? formatBundleTable(measureBundleLoads(built)) : '';
  if (bundleTable) console.log(`${bundleTable}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  process.env.ADMIN_OPENIDS = BENCH_ADMIN;
  const emu = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demoData: false,
    functionsFrom: 'bundle',
    timers: false,
  });
  const ctx: BenchContext = {
    async call<T>(fn: string, action: string, data: unknown, openid?: string) {
      const send = () =>
        fetch(`${emu.url}/api/fn/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
          body: JSON.stringify({ action, data }),
        });
      // A kept-alive connection the gateway closed while the bench was busy seeding resets at once, before the
      // request reached a function: sending it again on a new connection is safe.
      const res = await send().catch((e: { cause?: { code?: string } }) => {
        if (e.cause?.code !== 'ECONNRESET') throw e;
        return send();
      });
      return (await res.json()) as Envelope<T>;
    },
  };
  const rows: BenchRow[] = [];
  try {
    const cases = [
      ...identityCases,
      ...ratingCases,
      ...checkinCases,
      ...hotlineCases,
      ...hotlinePublicCases,
      ...noticeCases,
      ...contestCases,
      ...trainingCases,
      ...registerCases,
      ...pointsCases(emu.db),
      ...quizCases,
      ...peakCases,
    ].filter((c) => !filter || filter.test(`${c.name} ${c.scenario}`));
    for (const c of cases) {
      const row = await runCase(c, ctx, (l) => emu.db.onOperation(l));
      rows.push(row);
      // Each row as it finishes, so a long run that is stopped still leaves its numbers.
      console.log(formatTable([row]).split('\n')[2]);
    }
    // The live case drives 500 realtime watchers through a whole session, so it is a scenario, not a BenchCase.
    if (!filter || filter.test('live 现场赛')) {
      rows.push(...(await runLiveBench(ctx, emu.url, (l) => emu.db.onOperation(l))));
      console.log('live: done');
    }
  } finally {
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const table = formatTable(rows);
  if (filter) {
    console.log(`\n${table}`);
    return;
  }
  const doc = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} cores.`,
    "Each action goes through the emulator's HTTP gateway (as the H5 build calls it) into the bundled cloud function,",
    'whose database traffic is counted at the wire seam: "db reads" and "db writes" are the requests WeChat would bill',
    'for one run (the worst run); "tx control" counts transaction start/commit requests. Times include HTTP and SQLite',
    'fsyncs on this machine; on WeChat each database request adds a network round trip.',
    '',
    table,
    '',
    '## Function bundles',
    '',
    "What a cold instance pays before its first answer: each bundle's size and the time to load it right after",
    '`wx-server-sdk` (which every function loads anyway), median of 7 fresh `node` processes each, and that time as a',
    "ratio to `wx-server-sdk`'s own. Excel (exceljs) is a dependency of the functions that import or export sheets,",
    'required only when such an action runs. `npm test` fails when a bundle is over 300 KB.',
    '',
    bundleTable,
    '',
  ].join('\n');
  writeFileSync(join(__dirname, 'results.md'), doc);
  console.log(`\n${table}\n\nwritten to bench/results.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
