// MongoDB semantics for the wire's queries, sorts, projections, update specs and aggregate pipelines (via mingo).
import { Aggregator, Query } from 'mingo';
import type { Options } from 'mingo/core';
import fullContext from 'mingo/init/context';
import { update as mingoUpdate } from 'mingo/updater';
import type { UpdateExpression } from 'mingo/updater';
import { cloneValue, idKey, isPlainObject, toWire } from './ejson';
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { valuesAtPath } from './indexes';

let options: Partial<Options> | undefined;

/**
 * Every operator mingo has ($expr, $lookup, window functions ...), built once. Server-side JavaScript ($where,
 * $function, $accumulator) is off: WeChat's database does not run it either.
 */
function mingoOptions(): Partial<Options> {
  options ??= { context: fullContext(), useStrictMode: true, scriptEnabled: false };
  return options;
}

/** A predicate for `query`; an empty query (the SDK drops `{}` conditions) matches everything. */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  if (Object.keys(query).length === 0) return () => true;
  const q = new Query(query, mingoOptions());
  return (doc) => q.test(doc);
}

/** MongoDB's cross-type sort order: null/missing < numbers < strings < objects < arrays < bool < dates < regexes. */
function typeRank(v: unknown): number {
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

function compareValues(a: unknown, b: unknown): number {
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

/** The value a document sorts by: for arrays MongoDB uses the smallest element ascending, the largest descending. */
function sortKey(doc: Doc, path: string, direction: number): unknown {
  // Fast path for the common case, a top-level scalar field: no path walk.
  const direct = path.includes('.') ? undefined : doc[path];
  if (direct !== undefined && !Array.isArray(direct)) return direct;
  const values = valuesAtPath(doc, path);
  if (values.length <= 1) return values[0];
  return values.reduce((best, v) => (compareValues(v, best) * direction < 0 ? v : best));
}

/** Stable sort by `order` (`{field: 1 | -1}` in priority order); ties keep natural order. */
export function sortDocs(docs: Doc[], order: Doc | undefined): Doc[] {
  const fields = Object.entries(order ?? {}).map(([path, dir]) => [path, Number(dir) < 0 ? -1 : 1] as const);
  if (fields.length === 0 || docs.length < 2) return docs;
  const keyed = docs.map((doc, i) => ({ doc, i, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }));
  keyed.sort((x, y) => {
    for (let f = 0; f < fields.length; f++) {
      const c = compareValues(x.keys[f], y.keys[f]);
      if (c !== 0) return c * fields[f][1];
    }
    return x.i - y.i;
  });
  return keyed.map((k) => k.doc);
}

/** Applies a `field()` projection; `_id` is kept unless excluded, as in MongoDB and WeChat. */
export function projectDocs(docs: Doc[], projection: Doc): Doc[] {
  return new Query({}, mingoOptions()).find<Doc>(docs, projection).all();
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$currentDate',
  '$bit',
]);

function hasPositional(args: unknown): boolean {
  return isPlainObject(args) && Object.keys(args).some((k) => /(^|\.)\$(\.|$)/.test(k));
}

/**
 * Applies an update spec (`{$set: {...}, $inc: {...}}`; bare fields count as `$set`) to a copy of `doc`.
 * `condition` resolves the positional `$` operator (`'list.$.done'`), as MongoDB does with the query.
 */
export function applyUpdate(doc: Doc, spec: Doc, condition: Doc): Doc {
  const next = cloneValue(doc);
  const bare: Doc = {};
  const ops: Array<[string, unknown]> = [];
  for (const [key, args] of Object.entries(spec)) {
    if (!key.startsWith('$')) bare[key] = args;
    else if (!UPDATE_OPERATORS.has(key)) throw requestFailed(`Unknown modifier: ${key}`);
    else if (!isPlainObject(args))
      throw requestFailed(`Modifiers operate on fields but we found a ${typeof args} instead: ${key}`);
    else ops.push([key, args]);
  }
  if (Object.keys(bare).length) ops.unshift(['$set', bare]);
  for (const [op, args] of ops) {
    // mingo copies the values it writes (cloneMode "copy"), so the spec never aliases the stored document.
    mingoUpdate(next, { [op]: args } as UpdateExpression, [], hasPositional(args) ? condition : {}, {
      cloneMode: 'copy',
      queryOptions: mingoOptions(),
    });
  }
  if (idKey(next._id) !== idKey(doc._id)) {
    throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return next;
}

/** The document `set()` leaves: the replacement with the original `_id` first. */
export function replaceDoc(id: unknown, replacement: Doc): Doc {
  if (Object.keys(replacement).some((k) => k.startsWith('$'))) {
    throw requestFailed('The replacement document must not contain update operators');
  }
  if ('_id' in replacement && idKey(replacement._id) !== idKey(id)) {
    throw requestFailed('The _id field cannot be changed');
  }
  const { _id: _ignored, ...rest } = replacement;
  return { _id: id, ...cloneValue(rest) };
}

/** The document an upsert starts from: the query's plain equality fields (MongoDB's rule), e.g. its `_id`. */
export function upsertSeed(query: Doc): Doc {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isPlainObject(v) && Object.keys(v).some((op) => op.startsWith('$'))) continue;
    if (v instanceof RegExp) continue;
    seed[k] = cloneValue(v);
  }
  return seed;
}

/** Stages that write to other collections: the service does not run them from `aggregate()`. */
const FORBIDDEN_STAGES = new Set(['$out', '$merge']);

/**
 * Runs an aggregate pipeline over `docs` (already filtered by a leading `$match`). The input is deep-copied
 * because mingo's stages may mutate their input in place.
 */
export function runPipeline(docs: Doc[], pipeline: Doc[], resolve: (collection: string) => Doc[]): Doc[] {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (FORBIDDEN_STAGES.has(name)) throw requestFailed(`${name} is not supported in aggregate`);
  }
  const aggregator = new Aggregator(pipeline, {
    ...mingoOptions(),
    collectionResolver: (name: string) => resolve(name).map((d) => cloneValue(d)),
  });
  return aggregator.run(docs.map((d) => cloneValue(d))) as Doc[];
}
