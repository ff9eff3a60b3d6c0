// Offline checks of a deployment before anything is sent: every collection a function opens is declared, every query
// found in the sources that filters or sorts has an index, timeouts cover the benchmark, timer triggers parse.
import { parseCron } from '../../emulator/cron';
import type { CloudState, IndexState } from './plan';
import type { FunctionScan, FoundQuery } from './scan';

export interface Problem {
  severity: 'error' | 'warning';
  /** What it is about: a collection, `function.trigger`, a function. */
  subject: string;
  message: string;
}

export interface ValidationInput {
  desired: CloudState;
  scans: Record<string, FunctionScan>;
  /** Slowest p95 (ms) measured by `npm run bench` per function; functions the bench does not cover are absent. */
  benchP95Ms: Record<string, number>;
}

/** WeChat's ceiling on a cloud function's timeout. */
export const MAX_TIMEOUT_S = 60;
/**
 * A function's timeout must be this many times its slowest benchmarked p95: the bench runs beside its database, while
 * on WeChat every database request adds a network round trip.
 */
export const TIMEOUT_HEADROOM = 2;

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Everything wrong with a deployment that can be seen without a network; errors stop a deploy, warnings are printed.
 * @example validateDeployment({ desired, scans, benchP95Ms: { ranking: 4573 } }) // [] when ranking's timeout is ≥ 10 s
 */
export function validateDeployment(input: ValidationInput): Problem[] {
  const problems: Problem[] = [];
  const { desired, scans } = input;
  const declared = desired.collections;

  for (const [fn, scan] of Object.entries(scans)) {
    for (const name of scan.collections) {
      if (!declared[name]) {
        problems.push({
          severity: 'error',
          subject: name,
          message: `云函数 ${fn} 使用集合 ${name}，但 database/collections.json 没有声明它（线上读写不存在的集合会失败）`,
        });
      }
    }
    for (const at of scan.unresolved) {
      problems.push({
        severity: 'warning',
        subject: fn,
        message: `${at}：无法从源码确定 .collection() 打开的集合名（请用集合名常量）`,
      });
    }
  }

  const reported = new Set<string>();
  for (const scan of Object.values(scans)) {
    for (const q of scan.queries) {
      const spec = declared[q.collection];
      if (!spec || !needsIndex(q) || servedBy(q, spec.indexes)) continue;
      const key = `${q.collection}|${q.at}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const what = [
        q.filter.length ? `筛选 ${q.filter.join(', ')}` : '',
        q.sort.length ? `排序 ${q.sort.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('，');
      problems.push({
        severity: 'error',
        subject: q.collection,
        message: `${q.at} 的查询（${what}）在集合 ${q.collection} 上没有可用的索引：请在 database/collections.json 中加一个以其中字段开头、包含排序字段的索引`,
      });
    }
  }

  for (const [fn, f] of Object.entries(desired.functions)) {
    if (!Number.isFinite(f.timeout) || f.timeout < 1 || f.timeout > MAX_TIMEOUT_S) {
      problems.push({
        severity: 'error',
        subject: fn,
        message: `云函数 ${fn} 的超时 ${f.timeout}s 不在 1–${MAX_TIMEOUT_S} 秒之间`,
      });
    }
    const p95 = input.benchP95Ms[fn];
    if (p95 !== undefined && f.timeout * 1000 < p95 * TIMEOUT_HEADROOM) {
      const need = Math.ceil((p95 * TIMEOUT_HEADROOM) / 1000);
      problems.push({
        severity: 'error',
        subject: fn,
        message: `云函数 ${fn} 的超时 ${f.timeout}s 不够：基准测试最慢的操作 p95 为 ${Math.round(p95)}ms，至少需要 ${need}s（config.json 的 timeout）`,
      });
    }
    const names = new Set<string>();
    for (const t of f.triggers) {
      const subject = `${fn}.${t.name}`;
      if (!TRIGGER_NAME.test(t.name ?? '')) {
        problems.push({
          severity: 'error',
          subject,
          message: `触发器名称 "${t.name}" 须以字母开头，只含字母、数字、- 和 _（最长 60）`,
        });
      }
      if (names.has(t.name)) problems.push({ severity: 'error', subject, message: `触发器 ${t.name} 重名` });
      names.add(t.name);
      if (t.type !== 'timer') {
        problems.push({
          severity: 'error',
          subject,
          message: `触发器 ${t.name} 的类型 "${t.type}" 不受支持（只有 timer）`,
        });
        continue;
      }
      try {
        parseCron(t.config);
      } catch (e) {
        problems.push({
          severity: 'error',
          subject,
          message: `触发器 ${t.name} 的 cron 无效：${(e as Error).message}`,
        });
      }
    }
  }
  return problems;
}

/** Reads by `_id` use the built-in `_id` index; a query with nothing to filter or sort needs none. */
function needsIndex(q: FoundQuery): boolean {
  if (q.filter.includes('_id')) return false;
  if (q.filter.length === 0 && (q.sort.length === 0 || (q.sort.length === 1 && q.sort[0] === '_id'))) return false;
  return true;
}

/**
 * An index serves a query when its first field is one the query filters on (or, with no such field, its first sort
 * field) and it holds every sort field: the database then walks the index instead of the whole collection.
 */
export function servedBy(q: Pick<FoundQuery, 'filter' | 'sort'>, indexes: readonly IndexState[]): boolean {
  return indexes.some((index) => {
    const fields = index.keys.map(([f]) => f);
    const leadOk = q.filter.includes(fields[0]) || q.sort[0] === fields[0];
    return leadOk && q.sort.every((s) => s === '_id' || fields.includes(s));
  });
}
