// The offline deployment checks on the project's real functions and collections, and on broken copies of them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from '../../../scripts/build-functions';
import type { CloudState } from '../../../scripts/deploy/plan';
import {
  benchP95,
  desiredCollections,
  desiredFunction,
  parseCollectionsFile,
  parseFunctionConfig,
} from '../../../scripts/deploy/project';
import type { FunctionScan } from '../../../scripts/deploy/scan';
import { scanFunctions } from '../../../scripts/deploy/scan';
import { servedBy, validateDeployment } from '../../../scripts/deploy/validate';

const ROOT = join(__dirname, '..', '..', '..');
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');

let scans: Record<string, FunctionScan>;
let bench: Record<string, number>;

/** The project's desired state, as `npm run deploy` builds it (code hashes aside). */
function realDesired(): CloudState {
  const functions: CloudState['functions'] = {};
  for (const [name, scan] of Object.entries(scans)) {
    const config = parseFunctionConfig(read('cloudfunctions', name, 'config.json'), name);
    functions[name] = desiredFunction(config, scan, {}, 'hash');
  }
  return { collections: desiredCollections(parseCollectionsFile(read('database', 'collections.json'))), functions };
}

beforeAll(async () => {
  const built = await buildFunctions({ write: false });
  scans = scanFunctions(Object.fromEntries(built.map((b) => [b.name, b.inputs])), ROOT);
  bench = benchP95(read('bench', 'results.md'));
}, 120_000);

describe('validateDeployment on the real project', () => {
  it('finds the collections, queries and variables the functions use', () => {
    expect(scans.user.collections).toEqual(['counters', 'members', 'users']);
    expect(scans.hotline.envVars).toEqual([
      'ADMIN_OPENIDS',
      'HOTLINE_DEADLINES',
      'HOTLINE_PROGRESS_TEMPLATE_ID',
      'HOTLINE_REMIND_TEMPLATE_ID',
      'HOTLINE_REPLY_TEMPLATE_ID',
    ]);
    expect(scans.hotline.queries).toContainEqual(
      expect.objectContaining({ collection: 'hotline_tickets', filter: ['openid'], sort: ['createdAt'] }),
    );
    // Through the `aggregate(db, RATINGS)` helper: the collection comes from the call site.
    expect(scans.rating.collections).toContain('ratings');
    expect(scans.ranking.queries).toContainEqual(
      expect.objectContaining({ collection: 'ratings', filter: ['campaignId'] }),
    );
    // Through the timer's `sweep(db, where, ...)` helper: each call's filter.
    expect(scans.hotline.queries).toContainEqual(
      expect.objectContaining({ collection: 'hotline_tickets', filter: ['status', 'overdue', 'dueMs'], sort: [] }),
    );
  });

  it('passes the project as it is', () => {
    expect(
      validateDeployment({ desired: realDesired(), scans, benchP95Ms: bench }).filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('names a collection a function uses that the declaration lacks', () => {
    const desired = realDesired();
    delete desired.collections.hotline_reminders;
    const problems = validateDeployment({ desired, scans, benchP95Ms: bench });
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        subject: 'hotline_reminders',
        message: expect.stringContaining('hotline'),
      }),
    );
  });

  it('names the collection and the source line of a sorted query without an index', () => {
    const desired = realDesired();
    const tickets = desired.collections.hotline_tickets;
    tickets.indexes = tickets.indexes.filter((i) => i.name !== 'openid_created');
    const problems = validateDeployment({ desired, scans, benchP95Ms: bench }).filter((p) => p.severity === 'error');
    expect(problems).toEqual([
      expect.objectContaining({
        subject: 'hotline_tickets',
        message: expect.stringMatching(/cloudfunctions\/hotline\/views\.ts:\d+ 的查询（筛选 openid，排序 createdAt）/),
      }),
    ]);
  });

  it('names a timer trigger whose cron does not parse', () => {
    const desired = realDesired();
    desired.functions.ranking.triggers = [{ name: 'every-10-minutes', type: 'timer', config: '0 */10 * * *' }];
    const problems = validateDeployment({ desired, scans, benchP95Ms: bench });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        subject: 'ranking.every-10-minutes',
        message: expect.stringContaining('expected 7 fields'),
      }),
    ]);
  });

  it('asks for a longer timeout than the slowest benchmarked operation needs', () => {
    const desired = realDesired();
    desired.functions.ranking.timeout = 3;
    const problems = validateDeployment({ desired, scans, benchP95Ms: bench });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', subject: 'ranking', message: expect.stringContaining('至少需要') }),
    ]);
  });
});

describe('scanFunctions', () => {
  it('follows constants, constant tables, imports, helper parameters and filter variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-scan-'));
    writeFileSync(
      join(dir, 'names.ts'),
      "export const ITEMS = 'items';\nexport const TABLE = { a: 'tbl' } as const;\nexport { LOGS as AUDIT } from './more';\n",
    );
    writeFileSync(join(dir, 'more.ts'), "export const LOGS = 'logs';\n");
    writeFileSync(
      join(dir, 'index.ts'),
      [
        "import { ITEMS, AUDIT, TABLE } from './names';",
        "const KIND = 'kinds';",
        'function agg(db: any, c: string) { return db.collection(c).aggregate(); }',
        'export async function main(db: any, id: string, opts: { d?: string }) {',
        '  const where: Record<string, unknown> = { owner: id };',
        '  if (opts.d) where.day = opts.d;',
        "  await db.collection(ITEMS).where(where).orderBy('at', 'desc').get();",
        '  await db.collection(KIND).doc(id).get(), await db.collection(TABLE.a).doc(id).get();',
        "  await agg(db, AUDIT).match({ user: id }).group({ _id: '$x' }).end();",
        '  await db.collection(opts.d).get();',
        '  await sweep(db, { state: 1 });',
        '  await sweep(db, { state: 2, dueAt: db.command.lt(1) });',
        '  return process.env.SECRET_NAME;',
        '}',
        'async function sweep(db: any, where: Record<string, unknown>) {',
        '  await db.collection(KIND).where(where).limit(100).get();',
        '}',
      ].join('\n'),
    );
    const scan = scanFunctions({ f: [join(dir, 'index.ts'), join(dir, 'names.ts'), join(dir, 'more.ts')] }, dir).f;
    expect(scan.collections).toEqual(['items', 'kinds', 'logs', 'tbl']);
    expect(scan.unresolved).toEqual(['index.ts:10']);
    expect(scan.envVars).toEqual(['SECRET_NAME']);
    expect(scan.queries).toEqual([
      { collection: 'items', filter: ['owner', 'day'], sort: ['at'], partial: false, at: 'index.ts:7' },
      { collection: 'logs', filter: ['user'], sort: [], partial: false, at: 'index.ts:9' },
      // A helper's filter parameter: one query per call site.
      { collection: 'kinds', filter: ['state'], sort: [], partial: false, at: 'index.ts:16' },
      { collection: 'kinds', filter: ['state', 'dueAt'], sort: [], partial: false, at: 'index.ts:16' },
    ]);
  });
});

describe('servedBy', () => {
  const idx = (...keys: string[]) => ({
    name: keys.join('_'),
    keys: keys.map((k) => [k, 1] as [string, 1]),
    unique: false,
  });
  it.each([
    [{ filter: ['openid'], sort: ['createdAt'] }, [idx('openid', 'createdAt')], true],
    [{ filter: ['departmentId', 'status'], sort: ['dueMs'] }, [idx('departmentId', 'status', 'dueMs')], true],
    [{ filter: [], sort: ['startAt'] }, [idx('startAt')], true],
    [{ filter: ['endAt'], sort: [] }, [idx('startAt')], false],
    [{ filter: ['openid'], sort: ['createdAt'] }, [idx('openid')], false],
    [{ filter: ['year'], sort: [] }, [idx('orgId', 'year')], false],
  ])('%j with %j: %s', (q, indexes, served) => {
    expect(servedBy(q, indexes)).toBe(served);
  });
});

describe('benchP95', () => {
  it('takes the slowest p95 of each function from the results table', () => {
    const md = [
      '| action | scenario | runs | db reads | db writes | tx control | median ms | p95 ms |',
      '| `ranking.run` | counts | 3 | 6 | 1 | 0 | 4250.8 | 4573.1 |',
      '| `points.dashboard (refresh)` | x | 10 | 8 | 1 | 0 | 511.5 | 628.2 |',
      '| `points.mine` | y | 30 | 5 | 0 | 0 | 6.3 | 11.8 |',
      '| `quiz.start+submit ×1000` | a burst of 1000 members | 1 | 11000 | 7000 | 4000 | 185945.8 | 185945.8 |',
    ].join('\n');
    expect(benchP95(md)).toEqual({ ranking: 4573.1, points: 628.2 });
  });

  it('ignores burst rows, which time many calls together', () => {
    const md = '| `quiz.start+submit ×1000` | burst | 1 | 11000 | 7000 | 4000 | 185945.8 | 185945.8 |';
    expect(benchP95(md)).toEqual({});
  });
});
