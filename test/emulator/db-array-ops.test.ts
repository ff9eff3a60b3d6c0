// Conformance through the REAL wx-server-sdk of the array update commands, _.all / _.mod / _.size / _.exists and the
// documented aggregate stages, where the local cloud once answered differently from WeChat's database (MongoDB).
// Every test writes the documents it reads, so the tests pass in any order.
import { openHarness, rejection } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

let h: DbHarness;
let db: Sdk;
let _: Sdk;
let $: Sdk;

beforeAll(() => {
  h = openHarness();
  db = h.cloud.database();
  _ = db.command;
  $ = _.aggregate;
});
afterAll(() => h.close());

let seq = 0;
/** A fresh document with `data`; returns its id. */
async function fresh(data: Record<string, unknown>): Promise<string> {
  const id = `arr-${++seq}`;
  await db.collection('todos').doc(id).set({ data });
  return id;
}
const read = async (id: string) => (await db.collection('todos').doc(id).get()).data;
const update = (id: string, data: Record<string, unknown>) => db.collection('todos').doc(id).update({ data });

/** The update fails with -502001 and `message`, and the document is unchanged. */
async function refused(id: string, data: Record<string, unknown>, message: RegExp): Promise<void> {
  const before = await read(id);
  const err = await rejection(update(id, data));
  expect(err.errCode).toBe(-502001);
  expect(err.errMsg).toMatch(message);
  expect(await read(id)).toEqual(before);
}

describe('_.push with each, position, sort and slice', () => {
  it('sorts by every key of a sort pattern, in order', async () => {
    const id = await fresh({
      a: [
        { x: 1, y: 2 },
        { x: 1, y: 1 },
        { x: 0, y: 5 },
      ],
    });
    await update(id, { a: _.push({ each: [{ x: 0, y: 1 }], sort: { x: 1, y: -1 } }) });
    expect((await read(id)).a).toEqual([
      { x: 0, y: 5 },
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 1, y: 1 },
    ]);
  });

  it('sorts plain values across types in MongoDB order and by nested fields', async () => {
    const id = await fresh({ a: [2, 'b', 1, null, { z: 1 }], p: [{ q: { r: 2 } }, { q: { r: 1 } }] });
    await update(id, { a: _.push({ each: [], sort: 1 }), p: _.push({ each: [], sort: { 'q.r': 1 } }) });
    const doc = await read(id);
    expect(doc.a).toEqual([null, 1, 2, 'b', { z: 1 }]);
    expect(doc.p).toEqual([{ q: { r: 1 } }, { q: { r: 2 } }]);
  });

  it('inserts at a position (negative from the end), then sorts, then slices', async () => {
    const id = await fresh({ a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3], d: [5, 1, 4] });
    await update(id, {
      a: _.push({ each: [9], position: -1 }),
      b: _.push({ each: [9], position: -10 }),
      c: _.push({ each: [8, 9], position: 1, slice: -3 }),
      d: _.push({ each: [3, 2], sort: -1, slice: 3 }),
    });
    expect(await read(id)).toMatchObject({ a: [1, 2, 9, 3], b: [9, 1, 2, 3], c: [9, 2, 3], d: [5, 4, 3] });
  });

  it('refuses a non-integer position or slice, a sort other than 1 / -1, and a non-array field', async () => {
    const id = await fresh({ a: [1, 2, 3], s: 'text' });
    await refused(id, { a: _.push({ each: [9], position: 1.5 }) }, /\$position must be an integer/);
    await refused(id, { a: _.push({ each: [9], slice: 1.5 }) }, /\$slice must be an integer/);
    await refused(id, { a: _.push({ each: [9], sort: 2 }) }, /\$sort element value must be either 1 or -1/);
    await refused(id, { a: _.push({ each: [9], sort: {} }) }, /\$sort pattern is empty/);
    await refused(id, { s: _.push(['x']) }, /The field 's' must be an array but is of type string/);
    await refused(id, { 's.t': _.push(['x']) }, /Cannot create field 't'/);
  });

  it('unshift puts the values first; push creates a missing array', async () => {
    const id = await fresh({ a: [1, 2] });
    await update(id, { a: _.unshift([-1, 0]), 'n.list': _.push(['x']) });
    expect(await read(id)).toMatchObject({ a: [-1, 0, 1, 2], n: { list: ['x'] } });
  });
});

describe('_.addToSet', () => {
  it('adds only missing values and leaves the duplicates already there', async () => {
    const id = await fresh({ a: [1, 1], b: ['a'] });
    await update(id, { a: _.addToSet(2), b: _.addToSet({ $each: ['a', 'b', 'b'] }) });
    expect(await read(id)).toMatchObject({ a: [1, 1, 2], b: ['a', 'b'] });
  });

  it('tells documents with another key order apart, and adds an array as one element', async () => {
    const id = await fresh({ a: [{ x: 1, y: 2 }], b: ['a'] });
    await update(id, { a: _.addToSet({ y: 2, x: 1 }), b: _.addToSet(['c', 'd']) });
    expect(await read(id)).toMatchObject({
      a: [
        { x: 1, y: 2 },
        { y: 2, x: 1 },
      ],
      b: ['a', ['c', 'd']],
    });
    const res = await update(id, { a: _.addToSet({ x: 1, y: 2 }) });
    expect(res.stats).toEqual({ updated: 0 });
  });

  it('refuses a non-array field', async () => {
    const id = await fresh({ s: 'x' });
    await refused(id, { s: _.addToSet('y') }, /Cannot apply \$addToSet to non-array field/);
  });
});

describe('_.pull, _.pullAll, _.pop and _.shift', () => {
  it('do nothing on a missing field (WeChat answers updated: 0, not an error)', async () => {
    const id = await fresh({ b: 1 });
    for (const data of [
      { a: _.pop() },
      { a: _.shift() },
      { a: _.pull(1) },
      { a: _.pullAll([1]) },
      { 'm.a': _.pop() },
    ]) {
      expect((await update(id, data)).stats).toEqual({ updated: 0 });
    }
    expect(await read(id)).toEqual({ _id: id, b: 1 });
  });

  it('pullAll removes equal elements only, not arrays that contain them', async () => {
    const id = await fresh({ a: [[1, 3], 1, 2], d: [{ x: 1, y: 2 }, { x: 1 }] });
    await update(id, { a: _.pullAll([1]), d: _.pullAll([{ x: 1 }]) });
    expect(await read(id)).toMatchObject({ a: [[1, 3], 2], d: [{ x: 1, y: 2 }] });
  });

  it('pull takes a value, a condition or a query on document elements', async () => {
    const id = await fresh({ a: [1, 5, 7], b: [[1, 2], 1, 2, [2, 1]], c: [{ x: 1, y: 1 }, { x: 2 }, 3] });
    await update(id, { a: _.pull(_.gte(5)), b: _.pull([1, 2]), c: _.pull({ x: 1 }) });
    expect(await read(id)).toMatchObject({ a: [1], b: [1, 2, [2, 1]], c: [{ x: 2 }, 3] });
  });

  it('refuses a non-array field with MongoDB’s messages', async () => {
    const id = await fresh({ s: 'x' });
    await refused(id, { s: _.pull('x') }, /Cannot apply \$pull to a non-array value/);
    await refused(id, { s: _.pullAll(['x']) }, /Cannot apply \$pullAll to a non-array value/);
    await refused(id, { s: _.pop() }, /Path 's' contains an element of non-array type 'string'/);
  });
});

describe('_.all, _.mod, _.size and _.exists', () => {
  const keys = async (where: Record<string, unknown>) =>
    (await db.collection('orgs').where(where).orderBy('k', 'asc').get()).data.map((d: { k: number }) => d.k);
  beforeAll(async () => {
    await db.collection('orgs').add({
      data: [
        { _id: 'q1', k: 1, a: [1, 2, 3], m: 5, s: [1, 2] },
        { _id: 'q2', k: 2, a: [[1, 2], 3], m: 5.5, s: [1] },
        { _id: 'q3', k: 3, a: 1, m: -5, s: 'xy', e: null },
        { _id: 'q4', k: 4, a: [], m: [3, 9], e: [] },
        { _id: 'q5', k: 5, m: 'x', e: 0 },
      ],
    });
  });

  it('_.all is one condition per value: a single value matches a plain field, an array an element', async () => {
    expect(await keys({ k: _.lte(5), a: _.all([1]) })).toEqual([1, 3]);
    expect(await keys({ k: _.lte(5), a: _.all([1, 2]) })).toEqual([1]);
    expect(await keys({ k: _.lte(5), a: _.all([[1, 2]]) })).toEqual([2]);
    expect(await keys({ k: _.lte(5), a: _.all([]) })).toEqual([]);
  });

  it('_.all with _.elemMatch of plain values works; a command inside it reaches the server as an object', async () => {
    await db.collection('orgs').add({ data: { _id: 'q6', k: 6, list: [{ x: 1 }, { x: 5 }] } });
    expect(await keys({ list: _.all([_.elemMatch({ x: 5 })]) })).toEqual([6]);
    // The SDK encodes `_.gt(3)` nested in _.all([_.elemMatch(...)]) as {operator, operands}, which matches nothing
    // on WeChat too; write the condition as _.elemMatch directly instead.
    expect(await keys({ list: _.all([_.elemMatch({ x: _.gt(3) })]) })).toEqual([]);
    expect(await keys({ list: _.elemMatch({ x: _.gt(3) }) })).toEqual([6]);
  });

  it('_.mod truncates the divisor, the remainder and the value, as MongoDB 4.0 does, and refuses a 0 divisor', async () => {
    expect(await keys({ k: _.lte(5), m: _.mod(4, 1) })).toEqual([1, 2, 4]);
    expect(await keys({ k: _.lte(5), m: _.mod(4.5, 1.9) })).toEqual([1, 2, 4]);
    expect(await keys({ k: _.lte(5), m: _.mod(4, -1) })).toEqual([3]);
    const err = await rejection(
      db
        .collection('orgs')
        .where({ m: _.mod(0, 1) })
        .get(),
    );
    expect(err.errMsg).toMatch(/divisor cannot be 0/);
  });

  it('_.size takes a whole non-negative number', async () => {
    expect(await keys({ k: _.lte(5), s: _.size(2) })).toEqual([1]);
    for (const [n, message] of [
      [1.5, /\$size must be a whole number/],
      [-1, /\$size may not be negative/],
      ['2', /\$size needs a number/],
    ] as const) {
      expect(
        (
          await rejection(
            db
              .collection('orgs')
              .where({ s: _.size(n) })
              .get(),
          )
        ).errMsg,
      ).toMatch(message);
    }
  });

  it('_.exists counts null, empty arrays and 0 as present', async () => {
    expect(await keys({ k: _.lte(5), e: _.exists(true) })).toEqual([3, 4, 5]);
    expect(await keys({ k: _.lte(5), e: _.exists(false) })).toEqual([1, 2]);
  });
});

describe('aggregate stages', () => {
  const agg = () => db.collection('counters').aggregate();
  beforeAll(async () => {
    await db.collection('counters').add({
      data: [
        { _id: 'g1', n: 1, tags: ['p', 'q'] },
        { _id: 'g2', n: 2, tags: [] },
        { _id: 'g3', n: 3, tags: 'solo' },
        { _id: 'g4', n: 4 },
      ],
    });
  });

  it('sample returns distinct documents, at most all of them', async () => {
    for (let i = 0; i < 5; i++) {
      const { list } = await agg().sample({ size: 3 }).end();
      expect(new Set(list.map((d: { _id: string }) => d._id)).size).toBe(3);
    }
    expect((await agg().sample({ size: 10 }).end()).list).toHaveLength(4);
    expect((await agg().sample({ size: 0 }).end()).list).toEqual([]);
  });

  it('refuses a limit below 1, a negative skip or sample size (the sample once never returned)', async () => {
    for (const [pipeline, message] of [
      [agg().limit(0), /the limit must be positive/],
      [agg().limit(-1), /the limit must be positive/],
      [agg().skip(-1), /\$skip cannot be negative/],
      [agg().sample({ size: -1 }), /\$sample must not be negative/],
    ] as const) {
      expect((await rejection(pipeline.end())).errMsg).toMatch(message);
    }
    expect((await agg().sort({ n: 1 }).skip(1.5).limit(1.9).end()).list.map((d: { n: number }) => d.n)).toEqual([2]);
  });

  it('sorts arrays by their smallest element ascending, as queries do', async () => {
    const { list } = await agg()
      .match({ tags: _.exists(true) })
      .sort({ tags: 1 })
      .project({ _id: 1 })
      .end();
    expect(list.map((d: { _id: string }) => d._id)).toEqual(['g2', 'g1', 'g3']);
  });

  it('refuses malformed sort, project, addFields, group and unwind stages as MongoDB does', async () => {
    for (const [pipeline, message] of [
      [agg().sort({}), /\$sort stage must have at least one sort key/],
      [agg().sort({ n: 2 }), /\$sort key ordering must be 1/],
      [agg().project({}), /specification must have at least one field/],
      [agg().addFields({}), /specification must have at least one field/],
      [agg().group({ _id: null, c: 1 }), /The field 'c' must be an accumulator object/],
      [agg().unwind('tags'), /should be prefixed with a '\$'/],
    ] as const) {
      expect((await rejection(pipeline.end())).errMsg).toMatch(message);
    }
  });

  it('unwinds with an index and keeps empty and missing arrays when asked', async () => {
    const { list } = await agg()
      .unwind({ path: '$tags', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true })
      .project({ tags: 1, i: 1 })
      .end();
    expect(list).toEqual([
      { _id: 'g1', tags: 'p', i: 0 },
      { _id: 'g1', tags: 'q', i: 1 },
      { _id: 'g2', i: null },
      { _id: 'g3', tags: 'solo', i: null },
      { _id: 'g4', i: null },
    ]);
    expect(
      (
        await agg()
          .group({ _id: null, c: $.sum(1) })
          .end()
      ).list,
    ).toEqual([{ _id: null, c: 4 }]);
  });
});
