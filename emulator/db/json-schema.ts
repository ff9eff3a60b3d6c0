// `_.jsonSchema(schema)`: MongoDB's `$jsonSchema` query operator (JSON Schema draft 4 with `bsonType`, without
// `$ref`, `$schema`, `default`, `definitions`, `format` and `id`), which the SDK sends as is. A schema is checked
// when the query is compiled, with MongoDB's error texts; a bad schema fails the request and changes nothing.
import { Long } from 'bson';
import { isPlainObject } from './ejson';
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { compareValues } from './order';

type Check = (value: unknown) => boolean;

const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const KNOWN = new Set([
  'type',
  'bsonType',
  'enum',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The BSON type of a stored value: the wire's Int32/Double/Long are plain numbers here (Long when beyond 2^53). */
function bsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'long';
  }
  if (value instanceof Long) return 'long';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (Array.isArray(value)) return 'array';
  if (isPlainObject(value)) return 'object';
  return 'unknown';
}

const BSON_ALIASES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
]);
const NUMERIC = new Set(['double', 'int', 'long', 'decimal']);
/** JSON Schema's types as MongoDB maps them; `integer` is refused as MongoDB refuses it. */
const JSON_TYPES: Record<string, (bson: string) => boolean> = {
  object: (t) => t === 'object',
  array: (t) => t === 'array',
  number: (t) => NUMERIC.has(t),
  boolean: (t) => t === 'bool',
  string: (t) => t === 'string',
  null: (t) => t === 'null',
};

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isLong = (v: unknown): v is Long => v instanceof Long;
const numeric = (v: unknown): number | null => (isNumber(v) ? v : isLong(v) ? v.toNumber() : null);

function fail(message: string): never {
  throw requestFailed(message);
}

function stringList(keyword: string, value: unknown, nonEmpty: boolean): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(`$jsonSchema keyword '${keyword}' must be an array of strings`);
  if (nonEmpty && value.length === 0) fail(`$jsonSchema keyword '${keyword}' cannot be an empty array`);
  if (new Set(value).size !== value.length)
    fail(`$jsonSchema keyword '${keyword}' array cannot contain duplicate values`);
  return value as string[];
}

function nonNegativeInt(keyword: string, value: unknown): number {
  const n = numeric(value);
  if (n === null || !Number.isInteger(n)) fail(`$jsonSchema keyword '${keyword}' must be representable as a long`);
  if (n < 0) fail(`$jsonSchema keyword '${keyword}' must be a non-negative integral number`);
  return n;
}

function number(keyword: string, value: unknown): number {
  const n = numeric(value);
  if (n === null) fail(`$jsonSchema keyword '${keyword}' must be a number`);
  return n;
}

function schemaArray(keyword: string, value: unknown): Check[] {
  if (!Array.isArray(value) || value.length === 0) fail(`$jsonSchema keyword '${keyword}' must be a non-empty array`);
  return value.map((s) => compile(s));
}

function regex(keyword: string, source: unknown): RegExp {
  if (typeof source !== 'string') fail(`$jsonSchema keyword '${keyword}' must be a string`);
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch (e) {
      return fail(`$jsonSchema keyword '${keyword}' is not a valid regular expression: ${(e as Error).message}`);
    }
  }
}

const codePoints = (s: string): number => [...s].length;
const equal = (a: unknown, b: unknown): boolean => compareValues(a, b) === 0 && bsonTypeOf(a) !== 'unknown';

/** Compiles a (sub)schema into a check; throws MongoDB's error for a malformed one. */
export function compile(schema: unknown): Check {
  if (!isPlainObject(schema)) fail('$jsonSchema must be an object');
  for (const key of Object.keys(schema)) {
    if (UNSUPPORTED.has(key)) fail(`$jsonSchema keyword '${key}' is not currently supported`);
    if (!KNOWN.has(key)) fail(`Unknown $jsonSchema keyword: ${key}`);
  }
  const s = schema;
  const checks: Check[] = [];
  const when = (test: (v: unknown) => boolean, check: Check) => checks.push((v) => !test(v) || check(v));
  const isObject = (v: unknown): v is Doc => isPlainObject(v);
  const isString = (v: unknown): v is string => typeof v === 'string';

  if ('type' in s && 'bsonType' in s) fail("Cannot specify both $jsonSchema keywords 'type' and 'bsonType'");
  for (const keyword of ['type', 'bsonType'] as const) {
    if (!(keyword in s)) continue;
    const names = typeof s[keyword] === 'string' ? [s[keyword]] : s[keyword];
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string'))
      fail(`$jsonSchema keyword '${keyword}' must be either a string or an array of strings`);
    const tests = (names as string[]).map((name): ((t: string) => boolean) => {
      if (keyword === 'type') {
        if (name === 'integer') fail("$jsonSchema type 'integer' is not currently supported.");
        const test = JSON_TYPES[name];
        if (!test) fail(`Unknown type name alias: ${name}`);
        return test;
      }
      if (!BSON_ALIASES.has(name)) fail(`Unknown type name alias: ${name}`);
      return name === 'number' ? (t) => NUMERIC.has(t) : (t) => t === name;
    });
    checks.push((v) => {
      const t = bsonTypeOf(v);
      return tests.some((test) => test(t));
    });
  }
  if ('enum' in s) {
    const values = s.enum;
    if (!Array.isArray(values) || values.length === 0) fail("$jsonSchema keyword 'enum' cannot be an empty array");
    checks.push((v) => values.some((e) => equal(v, e)));
  }
  if ('allOf' in s) {
    const all = schemaArray('allOf', s.allOf);
    checks.push((v) => all.every((c) => c(v)));
  }
  if ('anyOf' in s) {
    const any = schemaArray('anyOf', s.anyOf);
    checks.push((v) => any.some((c) => c(v)));
  }
  if ('oneOf' in s) {
    const one = schemaArray('oneOf', s.oneOf);
    checks.push((v) => one.filter((c) => c(v)).length === 1);
  }
  if ('not' in s) {
    const not = compile(s.not);
    checks.push((v) => !not(v));
  }
  for (const keyword of ['title', 'description'] as const) {
    if (keyword in s && typeof s[keyword] !== 'string') fail(`$jsonSchema keyword '${keyword}' must be a string`);
  }

  // Numbers.
  const isNum = (v: unknown) => numeric(v) !== null;
  for (const [bound, exclusive, below] of [
    ['maximum', 'exclusiveMaximum', true],
    ['minimum', 'exclusiveMinimum', false],
  ] as const) {
    if (exclusive in s) {
      if (typeof s[exclusive] !== 'boolean') fail(`$jsonSchema keyword '${exclusive}' must be a boolean`);
      if (!(bound in s)) fail(`$jsonSchema keyword '${bound}' must be a present if ${exclusive} is present`);
    }
    if (!(bound in s)) continue;
    const limit = number(bound, s[bound]);
    const strict = s[exclusive] === true;
    when(isNum, (v) => {
      const n = numeric(v) as number;
      if (below) return strict ? n < limit : n <= limit;
      return strict ? n > limit : n >= limit;
    });
  }
  if ('multipleOf' in s) {
    const m = number('multipleOf', s.multipleOf);
    if (m <= 0) fail("$jsonSchema keyword 'multipleOf' must have a positive value");
    when(isNum, (v) => (numeric(v) as number) % m === 0);
  }

  // Strings.
  if ('maxLength' in s) {
    const max = nonNegativeInt('maxLength', s.maxLength);
    when(isString, (v) => codePoints(v as string) <= max);
  }
  if ('minLength' in s) {
    const min = nonNegativeInt('minLength', s.minLength);
    when(isString, (v) => codePoints(v as string) >= min);
  }
  if ('pattern' in s) {
    const re = regex('pattern', s.pattern);
    when(isString, (v) => re.test(v as string));
  }

  // Objects.
  if ('required' in s) {
    const required = stringList('required', s.required, true);
    when(isObject, (v) => required.every((k) => (v as Doc)[k] !== undefined));
  }
  if ('minProperties' in s) {
    const min = nonNegativeInt('minProperties', s.minProperties);
    when(isObject, (v) => Object.keys(v as Doc).length >= min);
  }
  if ('maxProperties' in s) {
    const max = nonNegativeInt('maxProperties', s.maxProperties);
    when(isObject, (v) => Object.keys(v as Doc).length <= max);
  }
  const properties = new Map<string, Check>();
  if ('properties' in s) {
    if (!isPlainObject(s.properties)) fail("$jsonSchema keyword 'properties' must be an object");
    for (const [k, sub] of Object.entries(s.properties)) properties.set(k, compile(sub));
  }
  const patterns: Array<[RegExp, Check]> = [];
  if ('patternProperties' in s) {
    if (!isPlainObject(s.patternProperties)) fail("$jsonSchema keyword 'patternProperties' must be an object");
    for (const [p, sub] of Object.entries(s.patternProperties))
      patterns.push([regex('patternProperties', p), compile(sub)]);
  }
  let additional: Check | null = null;
  if ('additionalProperties' in s) {
    const a = s.additionalProperties;
    if (typeof a === 'boolean') additional = () => a;
    else if (isPlainObject(a)) additional = compile(a);
    else fail("$jsonSchema keyword 'additionalProperties' must be either an object or a boolean");
  }
  if (properties.size > 0 || patterns.length > 0 || additional) {
    when(isObject, (v) =>
      Object.entries(v as Doc).every(([k, value]) => {
        if (value === undefined) return true;
        let matched = false;
        const own = properties.get(k);
        if (own) {
          matched = true;
          if (!own(value)) return false;
        }
        for (const [re, check] of patterns) {
          if (!re.test(k)) continue;
          matched = true;
          if (!check(value)) return false;
        }
        return matched || !additional || additional(value);
      }),
    );
  }
  if ('dependencies' in s) {
    if (!isPlainObject(s.dependencies)) fail("$jsonSchema keyword 'dependencies' must be an object");
    for (const [k, dep] of Object.entries(s.dependencies)) {
      const check: Check = Array.isArray(dep)
        ? (
            (names) => (v) =>
              names.every((n) => (v as Doc)[n] !== undefined)
          )(stringList('dependencies', dep, true))
        : compile(dep);
      when((v) => isObject(v) && v[k] !== undefined, check);
    }
  }

  // Arrays.
  const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
  if ('minItems' in s) {
    const min = nonNegativeInt('minItems', s.minItems);
    when(isArray, (v) => (v as unknown[]).length >= min);
  }
  if ('maxItems' in s) {
    const max = nonNegativeInt('maxItems', s.maxItems);
    when(isArray, (v) => (v as unknown[]).length <= max);
  }
  if ('uniqueItems' in s) {
    if (typeof s.uniqueItems !== 'boolean') fail("$jsonSchema keyword 'uniqueItems' must be a boolean");
    if (s.uniqueItems)
      when(isArray, (v) => (v as unknown[]).every((x, i, all) => all.findIndex((y) => equal(x, y)) === i));
  }
  if ('items' in s) {
    const items = s.items;
    if (Array.isArray(items)) {
      const tuple = items.map((sub) => compile(sub));
      let rest: Check = () => true;
      if ('additionalItems' in s) {
        const a = s.additionalItems;
        if (typeof a === 'boolean') rest = () => a;
        else if (isPlainObject(a)) rest = compile(a);
        else fail("$jsonSchema keyword 'additionalItems' must be either an object or a boolean");
      }
      when(isArray, (v) => (v as unknown[]).every((x, i) => (i < tuple.length ? tuple[i](x) : rest(x))));
    } else if (isPlainObject(items)) {
      const each = compile(items);
      when(isArray, (v) => (v as unknown[]).every((x) => each(x)));
    } else fail("$jsonSchema keyword 'items' must be an array or an object");
  } else if ('additionalItems' in s) {
    const a = s.additionalItems;
    if (typeof a !== 'boolean' && !isPlainObject(a))
      fail("$jsonSchema keyword 'additionalItems' must be either an object or a boolean");
  }

  return (v) => checks.every((c) => c(v));
}

/** mingo's `jsonSchemaValidator` option: a predicate over whole documents. */
export function jsonSchemaValidator(schema: Doc): (doc: Doc) => boolean {
  return compile(schema);
}
