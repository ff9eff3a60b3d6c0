// `npm test`: typecheck, lint, function bundles (each within its size limit), the deploy dry run, unit/function/conformance/page tests, weapp build with the
// main-package size check and the weapp check, H5 build and browser tests; ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jestSeed, randomOrderArgs, seedNote } from './jest-order';
import { checkMainPackageSize } from './package-size';

const root = join(__dirname, '..');
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped?: number;
  /** Said after the counts in the summary (the jest stage's seed). */
  note?: string;
}
const results: StepResult[] = [];

// The unit, function and page tests run in a random order that this seed fixes (scripts/jest-order.ts).
let seed: number;
try {
  seed = jestSeed(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

/** A step that is one check (typecheck, lint, a build). */
function step(name: string, fn: () => boolean): boolean {
  console.log(`\n=== ${name} ===`);
  const ok = fn();
  results.push({ name, ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  if (!ok) console.error(`✗ ${name} failed`);
  return ok;
}

/** A jest run; its test counts go into the total. */
function jest(name: string, args: string[], env: NodeJS.ProcessEnv = {}, note?: string): boolean {
  console.log(`\n=== ${name} ===`);
  const out = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const ok = run('npx', ['jest', '--ci', '--json', `--outputFile=${out}`, ...args], env);
  let passed = 0;
  let failed = ok ? 0 : 1;
  let skipped = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numFailedTestSuites: number;
      numPendingTests: number;
    };
    passed = report.numPassedTests;
    skipped = report.numPendingTests;
    failed = report.numFailedTests + (report.numFailedTests === 0 && !ok ? Math.max(1, report.numFailedTestSuites) : 0);
  } catch {
    // No report: jest itself failed to start; counted as one failure above.
  }
  results.push({ name, ok, passed, failed, skipped, note });
  return ok;
}

step('typecheck', () => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
step('lint', () => run('npx', ['eslint', '.', '--max-warnings=0']));
step('format', () => run('npx', ['prettier', '--check', '.', '--log-level', 'warn']));
step('function bundles', () => run('npx', ['tsx', 'scripts/build-functions.ts', '--check']));
// The deployment's offline checks and plan (no network, no key): declared collections, indexes, timeouts, triggers.
step('deploy dry run', () => run('npx', ['tsx', 'scripts/deploy.ts', '--dry-run']));
jest(
  'unit, function, conformance and page tests',
  ['--selectProjects', 'node', 'pages', ...randomOrderArgs(seed)],
  {},
  seedNote(seed),
);
const weapp = step('weapp build', () => run('npx', ['taro', 'build', '--type', 'weapp']));
step('main package size', () => checkMainPackageSize(join(root, 'dist')));
// WeChat's compilers and component framework on the weapp build, every page as each role (test/weapp/README.md).
if (weapp) step('weapp check', () => run('npx', ['tsx', 'test/weapp/run.ts']));
const h5 = step('h5 build', () => run('npx', ['taro', 'build', '--type', 'h5']));
if (h5) jest('browser tests', ['--selectProjects', 'e2e', '--runInBand']);

const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((n, r) => n + (r[key] ?? 0), 0);
console.log('\n=== summary ===');
for (const r of results) {
  const note = r.note ? `; ${r.note}` : '';
  const counts =
    r.skipped !== undefined ? ` (${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${note})` : '';
  console.log(`${r.ok ? '✓' : '✗'} ${r.name}${counts}`);
}
console.log(`\ntests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
