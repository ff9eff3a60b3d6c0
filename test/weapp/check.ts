// The weapp check: compiles a weapp build with WeChat's compilers, then opens every page of its app.json as each
// role of the visit table on the component framework, and reports pages × roles rendered, errors and template
// warnings. run.ts runs it on the production build against the emulator; the tests run it on fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWeapp, evaluateWcc, WeappCompileError } from './compile';
import type { Flow } from './flows';
import type { DemoIds, Role, Visit } from './pages';
import { appPages, installView, startPhone } from './runtime';

export interface CheckOptions {
  dist: string;
  visits: Record<string, Visit[]>;
  openids: Record<Role, string>;
  ids: DemoIds;
  gatewayUrl: string;
  /** Tap-through flows, each on a fresh phone after the visits. */
  flows?: Flow[];
  /** How long a page may take to show its expected text. */
  textTimeoutMs?: number;
  /** Told each visit as it ends. */
  log?: (line: string) => void;
}

export interface CheckReport {
  ok: boolean;
  /** Page × role visits that rendered their expected text. */
  rendered: number;
  visits: number;
  flowsPassed: number;
  flows: number;
  pages: number;
  roles: number;
  errors: string[];
  templateWarnings: string[];
  unmodelled: string[];
  ms: number;
}

/** The base library version the project declares (project.config.json libVersion, next to the build or above). */
export function declaredLibVersion(dist: string): string {
  for (const file of [join(dist, 'project.config.json'), join(dist, '..', 'project.config.json')]) {
    try {
      const v = (JSON.parse(readFileSync(file, 'utf8')) as { libVersion?: string }).libVersion;
      if (v) return v;
    } catch {
      // Not there: try the next one.
    }
  }
  throw new Error(`no libVersion in ${dist}/project.config.json or the project's: declare the base library version`);
}

const ROLE_ORDER: Role[] = ['member', 'secretary', 'handler', 'admin', 'public'];

export async function runWeappCheck(opts: CheckOptions): Promise<CheckReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const report: CheckReport = {
    ok: false,
    rendered: 0,
    visits: 0,
    flowsPassed: 0,
    flows: 0,
    pages: 0,
    roles: 0,
    errors: [],
    templateWarnings: [],
    unmodelled: [],
    ms: 0,
  };
  const finish = () => {
    report.ms = Date.now() - started;
    report.ok =
      report.errors.length === 0 &&
      report.templateWarnings.length === 0 &&
      report.rendered === report.visits &&
      report.flowsPassed === report.flows;
    return report;
  };

  let gwx;
  installView();
  try {
    gwx = evaluateWcc(compileWeapp(opts.dist));
  } catch (e) {
    if (!(e instanceof WeappCompileError)) throw e;
    report.errors.push(e.message);
    return finish();
  }

  const pages = appPages(opts.dist);
  report.pages = pages.length;
  for (const page of pages) {
    if (!opts.visits[page]?.length) {
      report.errors.push(
        `${page} has no entry in test/weapp/pages.ts: add which roles open it, the query a visit carries and the text that proves it shows its data`,
      );
    }
  }
  for (const page of Object.keys(opts.visits)) {
    if (!pages.includes(page)) report.errors.push(`test/weapp/pages.ts lists ${page}, which is not in app.json`);
  }

  const libVersion = declaredLibVersion(opts.dist);
  const roles = ROLE_ORDER.filter((role) => pages.some((p) => opts.visits[p]?.some((v) => v.as === role)));
  report.roles = roles.length;
  const unmodelled = new Set<string>();
  for (const role of roles) {
    const phone = startPhone({
      dist: opts.dist,
      gwx,
      host: { libVersion, gatewayUrl: opts.gatewayUrl, openid: opts.openids[role] },
    });
    try {
      for (const path of pages) {
        for (const visit of (opts.visits[path] ?? []).filter((v) => v.as === role)) {
          report.visits++;
          const t = Date.now();
          const query = (await visit.query?.(opts.ids)) ?? {};
          const page = await phone.open(path, query);
          if (!page) {
            log(`✗ ${path} as ${role}: did not load`);
            continue;
          }
          const deadline = Date.now() + (opts.textTimeoutMs ?? 10_000);
          const missing = () => [
            ...visit.expect.filter((text) => !page.text().includes(text)),
            ...(visit.nodes ?? []).filter((selector) => !page.dom.querySelector(selector)).map((s) => `node ${s}`),
          ];
          while (missing().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
          const absent = missing();
          if (absent.length) {
            report.errors.push(
              `${path} as ${role}${Object.keys(query).length ? ` (${new URLSearchParams(query)})` : ''}: ` +
                `no “${absent.join('”, “')}” on the page; its text: ${page.text().slice(0, 300) || '(empty)'}`,
            );
          } else report.rendered++;
          log(`${absent.length ? '✗' : '✓'} ${path} as ${role} (${Date.now() - t} ms)`);
          page.unload();
        }
      }
    } finally {
      phone.close();
    }
    report.errors.push(...phone.problems.errors.map((e) => `as ${role}: ${e}`));
    report.templateWarnings.push(...phone.problems.templateWarnings.map((e) => `as ${role}: ${e}`));
    phone.unmodelled.forEach((name) => unmodelled.add(name));
  }
  for (const flow of opts.flows ?? []) {
    report.flows++;
    const t = Date.now();
    const phone = startPhone({
      dist: opts.dist,
      gwx,
      host: { libVersion, gatewayUrl: opts.gatewayUrl, openid: opts.openids[flow.as] },
    });
    try {
      const page = await phone.open(flow.path, (await flow.query?.(opts.ids)) ?? {});
      if (!page) throw new Error(`${flow.path} did not load`);
      const see = async (text: string) => {
        const deadline = Date.now() + (opts.textTimeoutMs ?? 10_000);
        while (!page.text().includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        if (!page.text().includes(text)) {
          throw new Error(`no “${text}” on ${flow.path}; its text: ${page.text().slice(0, 300) || '(empty)'}`);
        }
      };
      await flow.steps({ page, see, toasts: phone.toasts });
      page.unload();
      report.flowsPassed++;
      log(`✓ flow ${flow.name} as ${flow.as} (${Date.now() - t} ms)`);
    } catch (e) {
      report.errors.push(`flow “${flow.name}” as ${flow.as}: ${e instanceof Error ? e.message : String(e)}`);
      log(`✗ flow ${flow.name} as ${flow.as}`);
    } finally {
      phone.close();
    }
    report.errors.push(...phone.problems.errors.map((e) => `flow “${flow.name}”: ${e}`));
    report.templateWarnings.push(...phone.problems.templateWarnings.map((e) => `flow “${flow.name}”: ${e}`));
    phone.unmodelled.forEach((name) => unmodelled.add(name));
  }
  report.unmodelled = [...unmodelled].sort();
  return finish();
}

/** The report as CI shows it: one summary line, then every error and warning. */
export function formatReport(r: CheckReport): string {
  const lines = [
    `weapp check: ${r.rendered}/${r.visits} page visits rendered (${r.pages} pages × ${r.roles} roles), ` +
      `${r.flows ? `${r.flowsPassed}/${r.flows} flows passed, ` : ''}` +
      `${r.errors.length} errors, ${r.templateWarnings.length} template warnings, ${(r.ms / 1000).toFixed(1)} s`,
  ];
  if (r.unmodelled.length)
    lines.push(`wx APIs answered with a bare success (not modelled): ${r.unmodelled.join(', ')}`);
  // A template missing in a list repeats once per item: each message is shown once, with its count.
  const counted = (items: string[]) =>
    [...new Set(items)].map((m) => {
      const n = items.filter((i) => i === m).length;
      return n > 1 ? `${m} (×${n})` : m;
    });
  for (const e of counted(r.errors)) lines.push(`  error: ${e}`);
  for (const w of counted(r.templateWarnings)) lines.push(`  template warning: ${w}`);
  return lines.join('\n');
}
