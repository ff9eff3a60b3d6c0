// Operators where mingo differs from WeChat's (MongoDB's) documented behaviour, or that mingo lacks: they replace
// mingo's in the context every query, update and pipeline runs with.
import { computeValue, Context } from 'mingo/core';
import type { ExpressionOperator, QueryOperator } from 'mingo/core';
import fullContext from 'mingo/init/context';
import { $dayOfWeek, $dayOfYear } from 'mingo/operators/expression/date';
import { $elemMatch as mingoElemMatch } from 'mingo/operators/query';
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

let context: Context | undefined;

/** mingo's full operator set with the replacements above taking precedence (the first context of a merge wins). */
export function wechatContext(): Context {
  context ??= Context.merge(
    Context.init({
      query: { $elemMatch },
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
