// MongoDB's order of values across types, shared by sorts and the ordered indexes.
import { isPlainObject, toWire } from './ejson';

/** MongoDB's cross-type sort order: null/missing < numbers < strings < objects < arrays < bool < dates < regexes. */
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 7;
    default:
      if (v instanceof Date) return 8;
      if (v instanceof RegExp) return 9;
      if (Array.isArray(v)) return 5;
      if (isPlainObject(v)) return 4;
      return 6;
  }
}

/** MongoDB's order of two values (sorts, index ranges); null and missing are equal. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (ra === 1) return 0;
  const sa = toWire(a);
  const sb = toWire(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
