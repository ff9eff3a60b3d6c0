// Operators where mingo differs from WeChat's (MongoDB's) documented behaviour, or that mingo lacks: they replace
// mingo's in the context every query, update and pipeline runs with.
import { Query } from 'mingo';
import { computeValue, Context } from 'mingo/core';
import type { ExpressionOperator, PipelineOperator, QueryOperator } from 'mingo/core';
import fullContext from 'mingo/init/context';
import { $dayOfWeek, $dayOfYear } from 'mingo/operators/expression/date';
import { $elemMatch as mingoElemMatch } from 'mingo/operators/query';
import { resolve } from 'mingo/util';
import { bsonEqual } from './array-updates';
import { isPlainObject } from './ejson';

/**
 * `$elemMatch` with conditions on fields (`{ value: { $gt: 0 } }`) matches only array elements that are documents.
 * mingo also tests plain values against them (and `1` passes `{ value: { $gt: 0 } }`), so the criteria get an
 * explicit "this element is a document" clause first.
 */
const $elemMatch: QueryOperator = (selector, value, options) => {
  const onFields = isPlainObject(value) && Object.keys(value).some((k) => !k.startsWith('$'));
  const criteria = onFields ? { $and: [{ $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } }, value] } : value;
  return mingoElemMatch(selector, criteria, options);
};

/** The values a query operator tests at `selector`: the field's value, or each element when it is an array. */
function valuesAt(obj: Record<string, unknown>, selector: string): unknown[] {
  const value = resolve(obj, selector, { unwrapArray: true }) as unknown;
  return Array.isArray(value) ? value : [value];
}

/**
 * `$all` as MongoDB defines it, the `$and` of one condition per value: `{a: {$all: [1]}}` also matches `a: 1`, and
 * `[[1, 2]]` matches an array holding `[1, 2]`; mingo only looks inside arrays, one level. An empty list matches
 * nothing.
 */
const $all: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value)) throw new Error('$all needs an array');
  if (value.length === 0) return () => false;
  const tests = (value as unknown[]).map((v): ((obj: Record<string, unknown>) => boolean) => {
    if (v instanceof RegExp || (isPlainObject(v) && '$elemMatch' in v)) {
      const query = new Query({ [selector]: v }, options);
      return (obj) => query.test(obj);
    }
    if (isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'))) throw new Error('no $ expressions in $all');
    // Equality as MongoDB's: the whole value, or one element of an array (one level: [[1, 2]] does not hold 1).
    return (obj) => {
      const field = resolve(obj, selector, { unwrapArray: true }) as unknown;
      return bsonEqual(field, v) || (Array.isArray(field) && field.some((e) => bsonEqual(e, v)));
    };
  });
  return (obj) => tests.every((test) => test(obj));
};

/**
 * `$mod: [divisor, remainder]` as MongoDB 4.0 parses it: both truncated to integers, a divisor of 0 refused, and the
 * field's value truncated before the division (5.5 is 1 modulo 4); mingo divides the raw double.
 */
const $mod: QueryOperator = (selector, value) => {
  if (!Array.isArray(value)) throw new Error('malformed mod, needs to be an array');
  if (value.length < 2) throw new Error('malformed mod, not enough elements');
  if (value.length > 2) throw new Error('malformed mod, too many elements');
  const [d, r] = value as unknown[];
  if (typeof d !== 'number') throw new Error('malformed mod, divisor not a number');
  const divisor = Math.trunc(d);
  // MongoDB 4.0 checks the divisor twice and never the remainder, which reads as 0 when it is not a number.
  const remainder = typeof r === 'number' ? Math.trunc(r) : 0;
  if (divisor === 0 || !Number.isFinite(divisor)) throw new Error('divisor cannot be 0');
  return (obj) =>
    valuesAt(obj, selector).some(
      (x) => typeof x === 'number' && Number.isFinite(x) && Math.trunc(x) % divisor === remainder,
    );
};

/** `$size` takes a whole, non-negative number (MongoDB refuses others; mingo matched nothing). */
const $size: QueryOperator = (selector, value) => {
  if (typeof value !== 'number') throw new Error('$size needs a number');
  if (!Number.isInteger(value)) throw new Error('$size must be a whole number');
  if (value < 0) throw new Error('$size may not be negative');
  return (obj) => {
    const v = resolve(obj, selector, { unwrapArray: true }) as unknown;
    return Array.isArray(v) && v.length === value;
  };
};

/**
 * `$week` as MongoDB documents it (strftime `%U`): weeks start on Sunday, days before the year's first Sunday are
 * week 0. 2019-05-14 (a Tuesday, day 134) is week 19; mingo answers 20.
 */
const $week: ExpressionOperator = (obj, expr, options) => {
  const day = $dayOfYear(obj, expr, options) as number;
  const weekday = $dayOfWeek(obj, expr, options) as number;
  return Math.floor((day - weekday + 7) / 7);
};

function stringArgs(name: string, obj: unknown, expr: unknown, options: Parameters<ExpressionOperator>[2]) {
  const args = computeValue(obj, expr, null, options) as unknown[];
  if (!Array.isArray(args)) throw new Error(`${name} requires an array of arguments`);
  return args;
}

function indexRange(name: string, start: unknown, end: unknown): [number, number | undefined] {
  for (const v of [start, end]) {
    if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= 0)) {
      throw new Error(`${name} requires the starting and ending indexes to be non-negative integers`);
    }
  }
  return [(start as number | undefined) ?? 0, (end as number | null | undefined) ?? undefined];
}

/** `[string, substring, start?, end?]` searched in `units` (code points or UTF-8 bytes); null for a null string. */
function indexOfIn(name: string, units: (s: string) => string[]): ExpressionOperator {
  return (obj, expr, options) => {
    const [str, sub, start, end] = stringArgs(name, obj, expr, options);
    if (str === null || str === undefined) return null;
    if (typeof str !== 'string') throw new Error(`${name} requires a string as the first argument`);
    if (typeof sub !== 'string') throw new Error(`${name} requires a string as the second argument`);
    const [from, to] = indexRange(name, start, end);
    const hay = units(str);
    const needle = units(sub);
    const last = Math.min(to ?? hay.length, hay.length) - needle.length;
    for (let i = from; i <= last; i++) {
      if (needle.every((u, k) => hay[i + k] === u)) return i;
    }
    return -1;
  };
}

const codePoints = (s: string): string[] => [...s];
/** One entry per UTF-8 byte (as a string, so that equal bytes compare equal). */
const utf8Bytes = (s: string): string[] => [...Buffer.from(s, 'utf8')].map(String);

const $strLenCP: ExpressionOperator = (obj, expr, options) => {
  const s = computeValue(obj, expr, null, options);
  if (typeof s !== 'string') throw new Error('$strLenCP requires a string argument');
  return [...s].length;
};

/** `[string, index, count]` in code points (mingo counts UTF-16 units, which splits emoji). */
const $substrCP: ExpressionOperator = (obj, expr, options) => {
  const [s, index, count] = stringArgs('$substrCP', obj, expr, options);
  if (!Number.isInteger(index) || (index as number) < 0)
    throw new Error('$substrCP: index must be a non-negative integer');
  if (!Number.isInteger(count) || (count as number) < 0)
    throw new Error('$substrCP: count must be a non-negative integer');
  if (s === null || s === undefined) return '';
  return [...String(s)].slice(index as number, (index as number) + (count as number)).join('');
};

/**
 * `$sample` as MongoDB runs it: at most `size` distinct documents (all of them, shuffled, when the collection is
 * smaller). mingo draws with replacement, so it repeated documents, invented `size` of them from fewer, and never
 * ended for a negative size (the pipeline check in query.ts refuses that first).
 */
const $sample: PipelineOperator = (collection, expr) =>
  collection.transform((docs: unknown[]) => {
    const pool = [...docs];
    const n = Math.min(Number((expr as { size: number }).size), pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(Math.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  });

let context: Context | undefined;

/** mingo's full operator set with the replacements above taking precedence (the first context of a merge wins). */
export function wechatContext(): Context {
  context ??= Context.merge(
    Context.init({
      query: { $elemMatch, $all, $mod, $size },
      pipeline: { $sample },
      expression: {
        $week,
        $indexOfCP: indexOfIn('$indexOfCP', codePoints),
        $indexOfBytes: indexOfIn('$indexOfBytes', utf8Bytes),
        $strLenCP,
        $substrCP,
      },
    }),
    fullContext(),
  );
  return context;
}
