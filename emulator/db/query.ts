// MongoDB semantics for the wire's queries, sorts, projections, update specs and aggregate pipelines (via mingo).
import { Aggregator, Query } from 'mingo';
import { Context } from 'mingo/core';
import type { Options, PipelineOperator } from 'mingo/core';
import { update as mingoUpdate } from 'mingo/updater';
import type { UpdateExpression } from 'mingo/updater';
import { applyArrayOperator, ARRAY_UPDATE_OPERATORS } from './array-updates';
import { cloneValue, idKey, isPlainObject } from './ejson';
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { valuesAtPath } from './indexes';
import { jsonSchemaValidator } from './json-schema';
import { wechatContext } from './operators';
import { compareValues } from './order';

let options: Partial<Options> | undefined;

/**
 * Every operator mingo has ($expr, $lookup, window functions ...) with WeChat's behaviour where mingo's differs
 * (operators.ts) and `$jsonSchema` (json-schema.ts), built once. Server-side JavaScript ($where,
 * $function, $accumulator) is off: WeChat's database does not run it either.
 */
function mingoOptions(): Partial<Options> {
  // The `$sort` stage orders like queries do (sortDocs: arrays by their smallest / largest element, MongoDB's
  // order across types); mingo's compares arrays as a whole.
  const $sort: PipelineOperator = (collection, spec) =>
    collection.transform((docs: unknown[]) => sortDocs(docs as Doc[], spec as Doc));
  options ??= {
    context: Context.merge(Context.init({ pipeline: { $sort } }), wechatContext()),
    useStrictMode: true,
    scriptEnabled: false,
    jsonSchemaValidator,
  };
  return options;
}

/**
 * Geo operators: WeChat documents that `_.geoNear`, `_.geoWithin` and `_.geoIntersects` (and the `geoNear` stage)
 * need a geo (2dsphere) index on the queried field ("索引要求：需对查询字段建立地理位置索引"), and
 * database/collections.json cannot declare one (only 1 / -1 keys). So every geo query is answered with the
 * missing-index failure: MongoDB's own text for `$near` / `$nearSphere`, the same shape for the other two.
 */
const GEO_QUERY_ERRORS: Record<string, string> = {
  $near: 'error processing query: planner returned error :: caused by :: unable to find index for $geoNear query',
  $nearSphere: 'error processing query: planner returned error :: caused by :: unable to find index for $geoNear query',
  $geoWithin:
    'error processing query: planner returned error :: caused by :: unable to find index for $geoWithin query (WeChat requires a geo index on the queried field)',
  $geoIntersects:
    'error processing query: planner returned error :: caused by :: unable to find index for $geoIntersects query (WeChat requires a geo index on the queried field)',
};

function rejectGeo(value: unknown): void {
  if (Array.isArray(value)) for (const v of value) rejectGeo(v);
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k in GEO_QUERY_ERRORS) throw requestFailed(GEO_QUERY_ERRORS[k]);
      rejectGeo(v);
    }
  }
}

/** A predicate for `query`; an empty query (the SDK drops `{}` conditions) matches everything. */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  if (Object.keys(query).length === 0) return () => true;
  rejectGeo(query);
  const q = new Query(query, mingoOptions());
  return (doc) => q.test(doc);
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
    // Array operators on plain paths follow MongoDB (array-updates.ts); positional paths ('list.$', '$[]') stay
    // with mingo, which resolves them against the query.
    if (ARRAY_UPDATE_OPERATORS.has(op) && !Object.keys(args as Doc).some((k) => /(^|\.)\$/.test(k))) {
      applyArrayOperator(next, op, args as Doc, compileQuery);
      continue;
    }
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

/** Stages the service refuses from `aggregate()`: writes to other collections, and geo without a 2dsphere index. */
const FORBIDDEN_STAGES: Record<string, string> = {
  $out: '$out is not supported in aggregate',
  $merge: '$merge is not supported in aggregate',
  $geoNear: '$geoNear requires a 2d or 2dsphere index, but none were found',
};

/**
 * Refuses a document WeChat (MongoDB 4.0) would not store: a field name starting with `$` or containing `.`, at any
 * depth. Checked on what an add, set or update would leave, so every way of writing one is caught.
 */
export function checkStorable(doc: Doc): void {
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}.${i}`));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (k.startsWith('$'))
        throw requestFailed(`The dollar ($) prefixed field '${k}' in '${at}' is not valid for storage.`);
      if (k.includes('.')) throw requestFailed(`The dotted field '${k}' in '${at}' is not valid for storage.`);
      walk(v, at);
    }
  };
  walk(doc, '');
}

/**
 * `$limit`, `$skip` and `$sample` as MongoDB 4.0 checks them: a number (truncated to an integer), a limit above 0, a
 * skip and a sample size not negative. mingo took any value (`limit(0)` or `limit(-1)` returned everything).
 */
function checkCountStage(name: string, stage: Doc): Doc {
  const count = (value: unknown, what: string) => {
    if (typeof value !== 'number' || Number.isNaN(value)) throw requestFailed(`${what} must be a number`);
    return Math.trunc(value);
  };
  if (name === '$limit') {
    const limit = count(stage.$limit, 'the limit');
    if (limit <= 0) throw requestFailed('the limit must be positive');
    return { $limit: limit };
  }
  if (name === '$skip') {
    const skip = count(stage.$skip, 'Argument to $skip');
    if (skip < 0) throw requestFailed('Argument to $skip cannot be negative');
    return { $skip: skip };
  }
  if (name === '$sort') {
    const spec = stage.$sort;
    if (!isPlainObject(spec) || Object.keys(spec).length === 0) {
      throw requestFailed('$sort stage must have at least one sort key');
    }
    if (Object.values(spec).some((dir) => dir !== 1 && dir !== -1)) {
      throw requestFailed('$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    }
    return stage;
  }
  if ((name === '$project' || name === '$addFields') && isPlainObject(stage[name])) {
    if (Object.keys(stage[name] as Doc).length === 0) {
      throw requestFailed(`Invalid ${name} :: caused by :: specification must have at least one field`);
    }
    return stage;
  }
  if (name === '$unwind') {
    const spec = stage.$unwind;
    const path = isPlainObject(spec) ? spec.path : spec;
    if (typeof path !== 'string' || !path.startsWith('$')) {
      throw requestFailed(`path option to $unwind stage should be prefixed with a '$': ${String(path)}`);
    }
    return stage;
  }
  if (name === '$group' && isPlainObject(stage.$group)) {
    for (const [field, acc] of Object.entries(stage.$group)) {
      if (field !== '_id' && !(isPlainObject(acc) && Object.keys(acc).length === 1)) {
        throw requestFailed(`The field '${field}' must be an accumulator object`);
      }
    }
    return stage;
  }
  if (name === '$sample') {
    const spec = stage.$sample;
    if (!isPlainObject(spec) || !('size' in spec)) throw requestFailed('$sample stage must specify a size');
    const size = count(spec.size, 'size argument to $sample');
    if (size < 0) throw requestFailed('size argument to $sample must not be negative');
    return { $sample: { size } };
  }
  return stage;
}

/**
 * Runs an aggregate pipeline over `docs` (already filtered by a leading `$match`). The input is deep-copied
 * because mingo's stages may mutate their input in place.
 */
export function runPipeline(docs: Doc[], stages: Doc[], resolve: (collection: string) => Doc[]): Doc[] {
  const pipeline = stages.map((stage) => {
    const name = Object.keys(stage)[0];
    if (name in FORBIDDEN_STAGES) throw requestFailed(FORBIDDEN_STAGES[name]);
    if (name === '$match') rejectGeo(stage.$match);
    return checkCountStage(name, stage);
  });
  const aggregator = new Aggregator(pipeline, {
    ...mingoOptions(),
    collectionResolver: (name: string) => resolve(name).map((d) => cloneValue(d)),
  });
  return aggregator.run(docs.map((d) => cloneValue(d))) as Doc[];
}
