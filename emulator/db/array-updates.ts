// The array update operators ($push, $addToSet, $pull, $pullAll, $pop) as MongoDB (WeChat's database) applies them,
// where mingo's differ: $push sorts by every key of a $sort pattern and refuses non-integer $position / $slice and
// $sort values other than 1 / -1; $addToSet keeps the duplicates already in the array and tells documents with
// different key orders apart; $pullAll removes only equal elements (not arrays containing them); $pop, $pull and
// $pullAll do nothing on a missing field; a non-array field fails with MongoDB's message instead of a TypeError.
import { cloneValue, isPlainObject, toWire } from './ejson';
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { compareValues, typeRank } from './order';

export const ARRAY_UPDATE_OPERATORS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);

/** MongoDB's name of a value's BSON type, as its error messages print it. */
export function bsonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (isPlainObject(value)) return 'object';
  return 'long';
}

/** BSON equality: numbers by value, documents field by field in order, arrays element by element. */
export function bsonEqual(a: unknown, b: unknown): boolean {
  if (typeRank(a) !== typeRank(b)) return false;
  if (isPlainObject(a) || Array.isArray(a)) return toWire(a) === toWire(b);
  return compareValues(a, b) === 0;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * The container and key that `path` names in `doc`. With `create`, missing objects on the way are made (arrays are
 * padded with null up to a numeric segment, as MongoDB does); a path through a value that cannot hold the next field
 * is an error then, and `undefined` ("non-viable": nothing to do) otherwise.
 */
function locate(doc: Doc, path: string, create: boolean): { holder: Doc | unknown[]; key: string } | undefined {
  const segments = path.split('.');
  let holder: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const viable = isPlainObject(holder) || (Array.isArray(holder) && isIndex(segment));
    if (!viable) {
      if (!create) return undefined;
      const at = segments.slice(0, i).join('.');
      throw requestFailed(`Cannot create field '${segment}' in element {${at}: ${toWire(holder)}}`);
    }
    if (i === segments.length - 1) return { holder: holder as Doc | unknown[], key: segment };
    const container = holder as Record<string, unknown>;
    if (container[segment] === undefined) {
      if (!create) return undefined;
      if (Array.isArray(container)) while (container.length < Number(segment)) container.push(null);
      container[segment] = {};
    }
    holder = container[segment];
  }
  return undefined;
}

function read(slot: { holder: Doc | unknown[]; key: string }): unknown {
  return (slot.holder as Record<string, unknown>)[slot.key];
}

function write(slot: { holder: Doc | unknown[]; key: string }, value: unknown): void {
  const container = slot.holder as Record<string, unknown>;
  if (Array.isArray(container)) while (container.length < Number(slot.key)) container.push(null);
  container[slot.key] = value;
}

function integerModifier(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw requestFailed(`The value for ${name} must be an integer value but was given type: ${bsonTypeName(value)}`);
  }
  return value;
}

/** The comparison a `$sort` modifier asks for: 1 / -1 on the values, or a pattern of fields each 1 / -1. */
function sortComparator(sort: unknown): (a: unknown, b: unknown) => number {
  const direction = (v: unknown) => {
    if (v !== 1 && v !== -1) throw requestFailed('The $sort element value must be either 1 or -1');
    return v;
  };
  if (!isPlainObject(sort)) {
    const dir = direction(sort);
    return (a, b) => compareValues(a, b) * dir;
  }
  const fields = Object.entries(sort).map(([path, dir]) => {
    if (path === '' || path.startsWith('.') || path.endsWith('.') || path.includes('$')) {
      throw requestFailed(`The $sort field is a special identifier, which is not allowed: ${path}`);
    }
    return [path.split('.'), direction(dir)] as const;
  });
  if (fields.length === 0) throw requestFailed('The $sort pattern is empty when it should be a set of fields.');
  const at = (value: unknown, segments: readonly string[]): unknown => {
    let v = value;
    for (const s of segments) v = isPlainObject(v) ? v[s] : undefined;
    return v;
  };
  return (a, b) => {
    for (const [segments, dir] of fields) {
      const c = compareValues(at(a, segments), at(b, segments));
      if (c !== 0) return c * dir;
    }
    return 0;
  };
}

const PUSH_MODIFIERS = new Set(['$each', '$slice', '$sort', '$position']);

function push(doc: Doc, path: string, arg: unknown): void {
  const modifiers = isPlainObject(arg) && '$each' in arg ? arg : { $each: [arg] };
  for (const key of Object.keys(modifiers)) {
    if (!PUSH_MODIFIERS.has(key)) throw requestFailed(`Unrecognized clause in $push: ${key}`);
  }
  const each = modifiers.$each;
  if (!Array.isArray(each)) {
    throw requestFailed(`The argument to $each in $push must be an array but it was of type: ${bsonTypeName(each)}`);
  }
  const position = modifiers.$position === undefined ? undefined : integerModifier('$position', modifiers.$position);
  const slice = modifiers.$slice === undefined ? undefined : integerModifier('$slice', modifiers.$slice);
  const compare = modifiers.$sort === undefined ? undefined : sortComparator(modifiers.$sort);
  const slot = locate(doc, path, true)!;
  const current = read(slot);
  if (current !== undefined && !Array.isArray(current)) {
    throw requestFailed(
      `The field '${path}' must be an array but is of type ${bsonTypeName(current)} in document {_id: ${toWire(doc._id)}}`,
    );
  }
  const array = [...((current as unknown[] | undefined) ?? [])];
  // A negative position counts from the end; beyond either end it inserts at that end (JavaScript's splice rule).
  array.splice(position ?? array.length, 0, ...cloneValue(each));
  if (compare) {
    const keyed = array.map((value, i) => ({ value, i }));
    keyed.sort((x, y) => compare(x.value, y.value) || x.i - y.i);
    array.splice(0, array.length, ...keyed.map((k) => k.value));
  }
  // $slice keeps the first n elements, or the last n for a negative n.
  const kept =
    slice === undefined ? array : slice < 0 ? array.slice(Math.max(0, array.length + slice)) : array.slice(0, slice);
  write(slot, kept);
}

function addToSet(doc: Doc, path: string, arg: unknown): void {
  const each = isPlainObject(arg) && '$each' in arg ? arg.$each : [arg];
  if (!Array.isArray(each)) {
    throw requestFailed(`The argument to $each in $addToSet must be an array but it was of type ${bsonTypeName(each)}`);
  }
  const slot = locate(doc, path, true)!;
  const current = read(slot);
  if (current !== undefined && !Array.isArray(current)) {
    throw requestFailed(
      `Cannot apply $addToSet to non-array field. Field named '${slot.key}' has non-array type ${bsonTypeName(current)}`,
    );
  }
  const array = [...((current as unknown[] | undefined) ?? [])];
  for (const value of each) {
    if (!array.some((v) => bsonEqual(v, value))) array.push(cloneValue(value));
  }
  write(slot, array);
}

/** Removes the elements `matches` picks from the array at `path`; a missing field (or path) is left alone. */
function cull(doc: Doc, path: string, op: string, matches: (element: unknown) => boolean): void {
  const slot = locate(doc, path, false);
  if (!slot) return;
  const current = read(slot);
  if (current === undefined) return;
  if (!Array.isArray(current)) throw requestFailed(`Cannot apply ${op} to a non-array value`);
  const kept = current.filter((v) => !matches(v));
  if (kept.length !== current.length) write(slot, kept);
}

/**
 * `$pull`'s condition on one element: operators (`{$gte: 5}`) test the element as a value, a document without
 * operators is a query on elements that are documents, anything else must be equal (arrays exactly, in order).
 */
function pullCondition(arg: unknown, compile: (query: Doc) => (doc: Doc) => boolean): (element: unknown) => boolean {
  if (isPlainObject(arg) && Object.keys(arg).some((k) => k.startsWith('$'))) {
    const test = compile({ v: arg });
    return (element) => test({ v: element });
  }
  if (isPlainObject(arg)) {
    const test = compile(arg);
    return (element) => isPlainObject(element) && test(element);
  }
  return (element) => bsonEqual(element, arg);
}

/**
 * Applies one array operator's `{path: argument}` pairs to `doc` in place. `compile` builds a query predicate
 * (passed in so this module does not import the query engine that imports it).
 */
export function applyArrayOperator(
  doc: Doc,
  op: string,
  args: Doc,
  compile: (query: Doc) => (doc: Doc) => boolean,
): void {
  for (const [path, arg] of Object.entries(args)) {
    switch (op) {
      case '$push':
        push(doc, path, arg);
        break;
      case '$addToSet':
        addToSet(doc, path, arg);
        break;
      case '$pull':
        cull(doc, path, '$pull', pullCondition(arg, compile));
        break;
      case '$pullAll': {
        if (!Array.isArray(arg)) {
          throw requestFailed(`$pullAll requires an array argument but was given a ${bsonTypeName(arg)}`);
        }
        cull(doc, path, '$pullAll', (element) => arg.some((v) => bsonEqual(element, v)));
        break;
      }
      case '$pop': {
        if (arg !== 1 && arg !== -1) throw requestFailed(`$pop expects 1 or -1, found: ${toWire(arg)}`);
        const slot = locate(doc, path, false);
        const current = slot && read(slot);
        if (!slot || current === undefined) break;
        if (!Array.isArray(current)) {
          throw requestFailed(`Path '${path}' contains an element of non-array type '${bsonTypeName(current)}'`);
        }
        if (current.length) write(slot, arg === 1 ? current.slice(0, -1) : current.slice(1));
        break;
      }
      default:
        throw new Error(`not an array operator: ${op}`);
    }
  }
}
