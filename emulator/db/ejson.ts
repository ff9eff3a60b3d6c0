// Converts between the wire's strict EJSON and the plain JS values the engine queries, updates and stores.
import { BSONRegExp, Double, EJSON, Int32, Long } from 'bson';

export type Doc = Record<string, unknown>;

/** Mongo regex options that JavaScript also understands; `x` (extended) has no JS equivalent and is dropped. */
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Turns parsed strict EJSON into values mingo compares natively: Int32/Double/safe Long become numbers (so `1`
 * and `1.0` are equal, as in MongoDB), regexes become RegExp, and `db.serverDate()` placeholders become the
 * backend's time. Longs beyond 2^53 stay Long so they are not silently rounded.
 */
function normalize(value: unknown, now: Date): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Int32 || value instanceof Double) return value.valueOf();
  if (value instanceof Long) {
    const n = value.toNumber();
    return Number.isSafeInteger(n) ? n : value;
  }
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = normalize(value.$tcb_server_date, now) as { offset?: unknown } | null;
    const offset = typeof spec?.offset === 'number' ? spec.offset : 0;
    return new Date(now.getTime() + offset);
  }
  const out: Doc = {};
  for (const k of keys) out[k] = normalize(value[k], now);
  return out;
}

/** Parses one wire string (query, data, order, projection, stageValue); `now` fills in server dates. */
export function parseWire(text: string, now: Date): unknown {
  return normalize(EJSON.parse(text, { relaxed: false }), now);
}

/** Parses wire text that must be an object (queries, documents, update specs). */
export function parseWireObject(text: unknown, now: Date, what: string): Doc {
  if (text === undefined || text === null || text === '') return {};
  if (typeof text !== 'string') throw new TypeError(`${what} must be an EJSON string`);
  const value = parseWire(text, now);
  if (!isPlainObject(value)) throw new TypeError(`${what} must be an object`);
  return value;
}

/** Canonical (strict) EJSON, as the service answers and as documents are stored, so Dates and Longs round-trip. */
export function toWire(value: unknown): string {
  return EJSON.stringify(value, { relaxed: false });
}

/** Parses a stored document back (the inverse of `toWire`; stored text never holds server-date placeholders). */
export function fromStored(text: string): Doc {
  return normalize(EJSON.parse(text, { relaxed: false }), new Date(0)) as Doc;
}

/** Deep copy of plain data; BSON value classes (Long, ObjectId ...) are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cloneValue(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const k of Object.keys(value)) out[k] = cloneValue(value[k]);
  return out as T;
}

/**
 * A string that is equal for equal primitive values (the key of hash indexes). Numbers share one space so that
 * `1` and `1.0` collide, as they do in a MongoDB index.
 */
export function valueKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return `n:${value}`;
    case 'boolean':
      return `b:${value}`;
    case 'undefined':
      return 'z';
    default:
      if (value === null) return 'z';
      if (value instanceof Date) return `d:${value.getTime()}`;
      return `j:${toWire(value)}`;
  }
}

/** The storage key of a document id: the string itself for string ids (readable in SQLite), tagged EJSON otherwise. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${toWire(id)}`;
}
