// Accessibility checks of the shown page in the browser tests: axe-core's WCAG 2 A and AA rules (serious and
// critical violations fail, moderate and minor ones are listed), each check recorded for the run's summary line.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe-core tags its rules. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeFinding {
  id: string;
  impact: Impact;
  help: string;
  /** The CSS selectors of (up to five of) the offending nodes, with axe's summary of what is wrong. */
  nodes: string[];
}

export interface AxeReport {
  /** What was checked, e.g. "首页 as demo-member (大字模式)". */
  where: string;
  blocking: AxeFinding[];
  other: AxeFinding[];
}

const resultsDir = join(__dirname, '..', '..', 'test-results', 'axe');

let axeSource: string | undefined;

/** Runs axe-core on the document as it is shown now (Taro keeps other pages in the DOM, hidden, which axe skips). */
export async function runAxe(page: Page, where: string): Promise<AxeReport> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const findings = await page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: (v.impact ?? 'minor') as Impact,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
      }));
    },
    [...AXE_TAGS],
  );
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const other = findings.filter((f) => !blocking.includes(f));
  const report = { where, blocking, other };
  record(report);
  return report;
}

function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `  [${f.impact}] ${f.id}: ${f.help}\n${f.nodes.map((n) => `    ${n}`).join('\n')}`)
    .join('\n');
}

/**
 * Checks the shown page with axe-core: throws listing every serious or critical violation; moderate and minor ones
 * are printed (and counted in the summary) without failing the test.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const report = await runAxe(page, where);
  if (report.other.length) console.log(`axe, ${where} (not blocking):\n${describeFindings(report.other)}`);
  if (report.blocking.length) {
    throw new Error(`axe found serious or critical violations on ${where}:\n${describeFindings(report.blocking)}`);
  }
}

/** One line per check in a file of this test process, so that the global teardown can sum up every file. */
function record(report: AxeReport): void {
  mkdirSync(resultsDir, { recursive: true });
  const counts = (impact: Impact) => [...report.blocking, ...report.other].filter((f) => f.impact === impact).length;
  const line = {
    where: report.where,
    critical: counts('critical'),
    serious: counts('serious'),
    moderate: counts('moderate'),
    minor: counts('minor'),
    moderateRules: report.other.filter((f) => f.impact === 'moderate').map((f) => f.id),
  };
  appendFileSync(join(resultsDir, `checks-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}

/** Forgets the checks of an earlier run (global setup). */
export function clearAxeRecords(): void {
  rmSync(resultsDir, { recursive: true, force: true });
}

/** The run's summary line, e.g. "axe (WCAG 2 A+AA): 96 checks (31 pages × roles), 0 serious, 0 critical, 2 moderate". */
export function axeSummary(): string | null {
  let files: string[];
  try {
    files = readdirSync(resultsDir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return null;
  }
  const lines = files.flatMap((f) =>
    readFileSync(join(resultsDir, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            where: string;
            critical: number;
            serious: number;
            moderate: number;
            minor: number;
            moderateRules: string[];
          },
      ),
  );
  if (!lines.length) return null;
  const sum = (k: 'critical' | 'serious' | 'moderate' | 'minor') => lines.reduce((n, l) => n + l[k], 0);
  const pagesByRole = new Set(lines.map((l) => l.where.replace(/（大字模式）$/, ''))).size;
  const moderate = [...new Set(lines.flatMap((l) => l.moderateRules))];
  return (
    `axe (WCAG 2 A+AA): ${lines.length} checks of ${pagesByRole} pages × roles, ` +
    `${sum('serious')} serious, ${sum('critical')} critical, ${sum('moderate')} moderate` +
    (moderate.length ? ` (${moderate.join(', ')})` : '') +
    `, ${sum('minor')} minor`
  );
}
