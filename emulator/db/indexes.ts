// Hash indexes of one collection: its declared unique indexes, and equality lookups that spare queries a scan.
import { isPlainObject, valueKey } from './ejson';
import type { Doc } from './ejson';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/**
 * The values a MongoDB index sees at a dotted path: arrays on the way are traversed, and an array at the end
 * contributes its elements (a multikey index). Example: `{a: [{b: 1}, {b: [2, 3]}]}` at `a.b` -> `[1, 2, 3]`.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const segments = path.split('.');
  const walk = (value: unknown, i: number): void => {
    if (i === segments.length) {
      if (Array.isArray(value)) out.push(...value);
      else out.push(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const el of value) walk(el, i);
      return;
    }
    if (isPlainObject(value) && segments[i] in value) walk(value[segments[i]], i + 1);
  };
  walk(doc, 0);
  return out;
}

/** True for values a hash index can serve equality on (objects and arrays compare structurally; left to mingo). */
export function isIndexable(value: unknown): boolean {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || value instanceof Date;
}

export class UniqueIndex {
  /** Index key -> idKey of the one document holding it. */
  readonly entries = new Map<string, string>();
  readonly fields: string[];

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
  }

  /** Every key the document occupies; a missing field counts as null, as in MongoDB (two docs lacking it collide). */
  keysOf(doc: Doc): string[] {
    let keys = [''];
    for (const field of this.fields) {
      const values = valuesAtPath(doc, field);
      const parts = [...new Set((values.length ? values : [null]).map(valueKey))];
      keys = keys.flatMap((prefix) => parts.map((p) => (prefix ? `${prefix}\u0001${p}` : p)));
    }
    return keys;
  }

  /** The document's values for the error message, `{ phone: "138..." }`. */
  shownKey(doc: Doc): Record<string, unknown> {
    const shown: Record<string, unknown> = {};
    for (const field of this.fields) shown[field] = valuesAtPath(doc, field)[0] ?? null;
    return shown;
  }

  add(id: string, doc: Doc): void {
    for (const key of this.keysOf(doc)) this.entries.set(key, id);
  }

  remove(id: string, doc: Doc): void {
    for (const key of this.keysOf(doc)) if (this.entries.get(key) === id) this.entries.delete(key);
  }
}

export class EqualityIndex {
  /** valueKey -> idKeys of the documents holding that value at the path. */
  private readonly entries = new Map<string, Set<string>>();

  constructor(readonly path: string) {}

  private keysOf(doc: Doc): Set<string> {
    return new Set(valuesAtPath(doc, this.path).filter(isIndexable).map(valueKey));
  }

  add(id: string, doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string, doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const ids = this.entries.get(key);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.entries.delete(key);
    }
  }

  /** Ids of the documents that may equal any of `values` at the path (a superset of the exact matches). */
  lookup(values: unknown[]): Set<string> {
    if (values.length === 1) return this.entries.get(valueKey(values[0])) ?? new Set();
    const out = new Set<string>();
    for (const v of values) for (const id of this.entries.get(valueKey(v)) ?? []) out.add(id);
    return out;
  }
}
