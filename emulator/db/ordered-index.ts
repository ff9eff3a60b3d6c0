// Ordered (B-tree-like) indexes of the declared compound indexes: equality prefix + range + orderBy + skip/limit + count
// in O(log n + page) instead of a scan and a sort.
import type { Doc } from './ejson';
import { isPlainObject } from './ejson';
import type { IndexSpec } from './indexes';
import { isIndexable, valuesAtPath } from './indexes';
import { compareValues, typeRank } from './order';

interface Entry {
  keys: unknown[];
  /** The document's natural order: ties sort by it, as the scan-and-sort path keeps natural order. */
  order: number;
  id: string;
}

/** The conditions an index can serve on one field: `$gt/$gte/$lt/$lte` on values of one type. */
interface Range {
  rank: number;
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

/** How a query is served from an index. */
export interface IndexPlan {
  index: OrderedIndex;
  /** Entries [start, end) hold every candidate, in the index's order. */
  start: number;
  end: number;
  /** True when every condition of the query is the index's own: each entry in range matches, no test needed. */
  covered: boolean;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** Top-level conditions by field (merging a top-level `$and`); null when the query has anything else at the top. */
function conditionsByField(query: Doc): Map<string, unknown[]> | null {
  const out = new Map<string, unknown[]>();
  const visit = (q: Doc): boolean => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (!isPlainObject(sub) || !visit(sub)) return false;
        continue;
      }
      if (field.startsWith('$')) return false;
      const list = out.get(field) ?? [];
      list.push(cond);
      out.set(field, list);
    }
    return true;
  };
  return visit(query) ? out : null;
}

/** The equality value of a condition (`v` or `{$eq: v}`) if the index can serve it. */
function equalityValue(cond: unknown): { value: unknown } | null {
  if (isIndexable(cond)) return { value: cond };
  if (isPlainObject(cond) && Object.keys(cond).length === 1 && '$eq' in cond && isIndexable(cond.$eq)) {
    return { value: cond.$eq };
  }
  return null;
}

/** The range of `$gt/$gte/$lt/$lte` conditions on one type, if that is all they are. */
function rangeOf(conds: unknown[]): Range | null {
  const range: Range = { rank: 0 };
  for (const cond of conds) {
    if (!isPlainObject(cond)) return null;
    for (const [op, value] of Object.entries(cond)) {
      if (!RANGE_OPS.has(op) || !isIndexable(value)) return null;
      const rank = typeRank(value);
      if (range.rank && range.rank !== rank) return null;
      range.rank = rank;
      const bound = { value, inclusive: op.endsWith('e') };
      if (op.startsWith('$g')) {
        if (!range.lower || compareValues(value, range.lower.value) > 0) range.lower = bound;
      } else if (!range.upper || compareValues(value, range.upper.value) < 0) range.upper = bound;
    }
  }
  return range.rank ? range : null;
}

/** -1 below the range, 0 inside, 1 above (in value order; MongoDB compares only values of the bound's type). */
function relation(value: unknown, range: Range): number {
  const rank = typeRank(value);
  if (rank !== range.rank) return rank < range.rank ? -1 : 1;
  if (range.lower) {
    const c = compareValues(value, range.lower.value);
    if (c < 0 || (c === 0 && !range.lower.inclusive)) return -1;
  }
  if (range.upper) {
    const c = compareValues(value, range.upper.value);
    if (c > 0 || (c === 0 && !range.upper.inclusive)) return 1;
  }
  return 0;
}

export class OrderedIndex {
  readonly fields: string[];
  readonly directions: number[];
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  /** Documents with an array (or several values) on an indexed path: while there are any, the index is not used. */
  private multikey = new Set<string>();

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
    this.directions = this.fields.map((f) => (spec.keys[f] < 0 ? -1 : 1));
  }

  /** Only plain dotted paths: numeric segments mean array positions, which the key extraction does not model. */
  static supports(spec: IndexSpec): boolean {
    return Object.keys(spec.keys).every((f) => f !== '_id' && !f.split('.').some((s) => /^\d+$/.test(s)));
  }

  private compare(a: Entry, b: Entry): number {
    for (let i = 0; i < this.fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]) * this.directions[i];
      if (c !== 0) return c;
    }
    return a.order - b.order;
  }

  /** The first position whose entry is not `before` (entries where `before` holds come first). */
  private lowerBound(before: (e: Entry) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.entries[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Builds the index from all documents at once (start-up), sorting once instead of inserting one by one. */
  load(docs: Iterable<{ idKey: string; doc: Doc; order: number }>): void {
    for (const d of docs) {
      const entry = this.entryOf(d.idKey, d.doc, d.order);
      if (!entry) continue;
      this.byId.set(d.idKey, entry);
      this.entries.push(entry);
    }
    this.entries.sort((a, b) => this.compare(a, b));
  }

  private entryOf(id: string, doc: Doc, order: number): Entry | null {
    const keys: unknown[] = [];
    for (const field of this.fields) {
      const values = valuesAtPath(doc, field);
      if (values.length > 1 || Array.isArray(values[0]) || (values.length === 1 && hasArrayOnPath(doc, field))) {
        this.multikey.add(id);
        return null;
      }
      keys.push(values[0]);
    }
    return { keys, order, id };
  }

  add(id: string, doc: Doc, order: number): void {
    const entry = this.entryOf(id, doc, order);
    if (!entry) return;
    this.byId.set(id, entry);
    this.entries.splice(
      this.lowerBound((e) => this.compare(e, entry) < 0),
      0,
      entry,
    );
  }

  remove(id: string): void {
    this.multikey.delete(id);
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    const at = this.lowerBound((e) => this.compare(e, entry) < 0);
    if (this.entries[at] === entry) this.entries.splice(at, 1);
  }

  /** Document ids of entries [from, to). */
  *ids(from: number, to: number): Iterable<string> {
    for (let i = from; i < to && i < this.entries.length; i++) yield this.entries[i].id;
  }

  /**
   * How this index serves `query` sorted by `order` (`[path, 1 | -1]` pairs), or null: equality on a prefix of its
   * fields, optionally a range on the next one, and an order that continues the fields (same directions).
   */
  plan(query: Doc, order: Array<[string, number]>): IndexPlan | null {
    if (this.multikey.size > 0) return null;
    const conds = conditionsByField(query);
    if (!conds) return null;
    const prefix: unknown[] = [];
    let used = 0;
    for (const field of this.fields) {
      const list = conds.get(field);
      const eq = list?.length === 1 ? equalityValue(list[0]) : null;
      if (!eq) break;
      prefix.push(eq.value);
      used++;
    }
    let range: Range | null = null;
    const next = this.fields[prefix.length];
    if (next !== undefined && conds.has(next)) {
      range = rangeOf(conds.get(next) as unknown[]);
      if (range) used++;
    }
    // The order must be the index's fields after the equality prefix, in the index's directions, and all of them:
    // ties then fall to natural order in both paths (a shorter order would break ties by the next index field).
    const rest = order.filter(([path]) => !this.fields.slice(0, prefix.length).includes(path));
    if (order.length > 0 && rest.length !== this.fields.length - prefix.length) return null;
    for (let i = 0; i < rest.length; i++) {
      const f = prefix.length + i;
      if (this.fields[f] !== rest[i][0] || this.directions[f] !== rest[i][1]) return null;
    }
    if (prefix.length === 0 && !range && rest.length === 0) return null;
    const p = prefix.length;
    const dir = this.directions[p];
    const side = (e: Entry): number => {
      for (let i = 0; i < p; i++) {
        const c = compareValues(e.keys[i], prefix[i]) * this.directions[i];
        if (c !== 0) return c;
      }
      return range ? relation(e.keys[p], range) * dir : 0;
    };
    return {
      index: this,
      start: this.lowerBound((e) => side(e) < 0),
      end: this.lowerBound((e) => side(e) <= 0),
      covered: used === conds.size,
    };
  }
}

/** True when an array lies on the way to `path` (`a.b` in `{a: [{b: 1}]}`): query matching then differs from the key. */
function hasArrayOnPath(doc: Doc, path: string): boolean {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(value)) return true;
    if (!isPlainObject(value)) return false;
    value = value[segment];
  }
  return false;
}
