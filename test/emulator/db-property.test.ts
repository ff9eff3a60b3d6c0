// Property test: where / orderBy / skip / limit / count / update through the REAL SDK against a small reference
// evaluator written here from MongoDB's documented rules (it shares no code with the emulator), on random documents
// and queries, on a collection with declared indexes (the index paths) and one without (the scan path).
import fc from 'fast-check';
import { openHarness } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

let h: DbHarness;
let db: Sdk;
let _: Sdk;

beforeAll(() => {
  h = openHarness({
    collections: {
      collections: {
        indexed: {
          indexes: [
            { name: 'g_a_b', keys: { g: 1, a: -1, b: 1 } },
            { name: 'c_b', keys: { c: 1, b: -1 } },
          ],
        },
        plain: { indexes: [] },
      },
    },
  });
  db = h.cloud.database();
  _ = db.command;
});
afterAll(() => h.close());

interface Row {
  _id: string;
  g: string;
  a?: number | null;
  b: number;
  c: string;
}
type Cond = { op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; field: 'a' | 'b' | 'c' | 'g'; value: number | string | null };

const row = (i: number) =>
  fc
    .record(
      {
        g: fc.constantFrom('g1', 'g2'),
        a: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null)),
        b: fc.integer({ min: -3, max: 3 }),
        c: fc.constantFrom('x', 'y', 'z'),
      },
      { requiredKeys: ['g', 'b', 'c'] },
    )
    .map((r) => ({ _id: `d${String(i).padStart(3, '0')}`, ...r }) as Row);

const rows = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_x, i) => row(i))).map((t) => t as Row[]));

const cond: fc.Arbitrary<Cond> = fc.oneof(
  fc.record({
    op: fc.constant('eq' as const),
    field: fc.constantFrom('g' as const),
    value: fc.constantFrom('g1', 'g2'),
  }),
  fc.record({ op: fc.constant('eq' as const), field: fc.constantFrom('c' as const), value: fc.constantFrom('x', 'y') }),
  fc.record({
    op: fc.constantFrom('eq' as const, 'gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    field: fc.constantFrom('a' as const, 'b' as const),
    value: fc.integer({ min: -2, max: 4 }),
  }),
  fc.record({ op: fc.constant('eq' as const), field: fc.constant('a' as const), value: fc.constant(null) }),
);

const orderField = fc.tuple(fc.constantFrom('g', 'a', 'b', 'c'), fc.constantFrom<1 | -1>(1, -1));
const query = fc.record({
  conds: fc.array(cond, { maxLength: 3 }),
  // Random orders, and often exactly an index's remaining fields, so that the index paths are taken.
  order: fc.oneof(
    fc.uniqueArray(orderField, { maxLength: 3, selector: ([f]) => f }),
    fc.constantFrom<Array<[string, 1 | -1]>>(
      [
        ['a', -1],
        ['b', 1],
      ],
      [
        ['g', 1],
        ['a', -1],
        ['b', 1],
      ],
      [['b', -1]],
    ),
  ),
  skip: fc.integer({ min: 0, max: 12 }),
  limit: fc.integer({ min: 1, max: 15 }),
});

// ---- the reference: MongoDB's rules for these operators, written out directly ----
function refMatch(doc: Row, conds: Cond[]): boolean {
  return conds.every(({ op, field, value }) => {
    const v = (doc as unknown as Record<string, unknown>)[field];
    if (value === null) return v === null || v === undefined; // {a: null} matches null and missing
    if (op === 'eq') return v === value;
    // Comparisons only hold between values of the same type (type bracketing): null/missing never match.
    if (typeof v !== typeof value || v === null || v === undefined) return false;
    if (op === 'gt') return (v as number) > (value as number);
    if (op === 'gte') return (v as number) >= (value as number);
    if (op === 'lt') return (v as number) < (value as number);
    return (v as number) <= (value as number);
  });
}

/** null and missing first, then numbers, then strings; ties keep insertion order. */
function refCompare(x: unknown, y: unknown): number {
  const rank = (v: unknown) => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (rank(x) === 0) return 0;
  return (x as number | string) < (y as number | string) ? -1 : (x as number | string) > (y as number | string) ? 1 : 0;
}

function refSort(docs: Row[], order: Array<[string, 1 | -1]>): Row[] {
  return docs
    .map((d, i) => ({ d, i }))
    .sort((p, q) => {
      for (const [f, dir] of order) {
        const c = refCompare(
          (p.d as unknown as Record<string, unknown>)[f],
          (q.d as unknown as Record<string, unknown>)[f],
        );
        if (c !== 0) return c * dir;
      }
      return p.i - q.i;
    })
    .map((x) => x.d);
}

// ---- the same query through the SDK ----
function sdkWhere(conds: Cond[]): Record<string, unknown> {
  const byField = new Map<string, unknown[]>();
  for (const { op, field, value } of conds) {
    const c = op === 'eq' ? _.eq(value) : _[op](value);
    byField.set(field, [...(byField.get(field) ?? []), c]);
  }
  const parts = [...byField].map(([f, cs]) => ({ [f]: cs.length === 1 ? cs[0] : _.and(cs) }));
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : _.and(parts);
}

const strip = (d: Row) => JSON.parse(JSON.stringify(d));

async function reset(coll: string, docs: Row[]): Promise<void> {
  await db
    .collection(coll)
    .where({ g: _.exists(true) })
    .remove();
  if (docs.length) await db.collection(coll).add({ data: docs });
}

it.each(['indexed', 'plain'])(
  'answers where/orderBy/skip/limit/count/update on %s as the reference does',
  async (coll) => {
    await fc.assert(
      fc.asyncProperty(rows, query, fc.integer({ min: 1, max: 3 }), async (docs, q, inc) => {
        await reset(coll, docs);
        const where = sdkWhere(q.conds);
        const matches = docs.filter((d) => refMatch(d, q.conds));

        const total = (await db.collection(coll).where(where).count()).total;
        expect(total).toBe(matches.length);

        let sdkQuery = db.collection(coll).where(where);
        for (const [f, dir] of q.order) sdkQuery = sdkQuery.orderBy(f, dir === 1 ? 'asc' : 'desc');
        const page = (await sdkQuery.skip(q.skip).limit(q.limit).get()).data;
        const expected = refSort(matches, q.order).slice(q.skip, q.skip + q.limit);
        if (q.order.length > 0) expect(page.map(strip)).toEqual(expected.map(strip));
        else expect(page.map((d: Row) => d._id).sort()).toEqual(expected.map((d) => d._id).sort());

        const { stats } = await db
          .collection(coll)
          .where(where)
          .update({ data: { b: _.inc(inc) } });
        expect(stats.updated).toBe(matches.length);
        const after = (await db.collection(coll).limit(1000).get()).data.map(strip);
        const hit = new Set(matches.map((d) => d._id));
        const want = docs.map((d) => (hit.has(d._id) ? { ...d, b: d.b + inc } : d)).map(strip);
        expect(after.sort((x: Row, y: Row) => x._id.localeCompare(y._id))).toEqual(want);
      }),
      { numRuns: 100 },
    );
  },
  120_000,
);
