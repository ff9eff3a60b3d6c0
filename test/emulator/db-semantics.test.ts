// Query, update and aggregation semantics where the query library differs from WeChat's documented behaviour,
// through the REAL wx-server-sdk: the emulator answers as WeChat does, or fails loudly, never differently.
import { openHarness, rejection } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

let h: DbHarness;
let db: Sdk;
let _: Sdk;
let $: Sdk;

beforeAll(async () => {
  h = openHarness();
  db = h.cloud.database();
  _ = db.command;
  $ = db.command.aggregate;
  await db.collection('todos').add({
    data: [
      { _id: 'plain', tags: [1, 2, 3] },
      { _id: 'docs', tags: [{ value: 1 }, { value: -1 }] },
      { _id: 'negative', tags: [{ value: -1 }] },
      { _id: 'text', d: new Date('2019-05-14T00:00:00Z'), s: '寿司sushi🍣好' },
    ],
  });
});
afterAll(() => h.close());

const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort();

describe('_.elemMatch', () => {
  it('with conditions on sub-document fields matches only arrays holding such a document', async () => {
    const q = { tags: _.elemMatch({ value: _.gt(0) }) };
    expect(ids(await db.collection('todos').where(q).get())).toEqual(['docs']);
    expect((await db.collection('todos').where(q).count()).total).toBe(1);
    const { stats } = await db
      .collection('todos')
      .where(q)
      .update({ data: { hit: true } });
    expect(stats.updated).toBe(1);
    expect(ids(await db.collection('todos').where({ hit: true }).get())).toEqual(['docs']);
  });

  it('with operator conditions still matches plain values', async () => {
    expect(
      ids(
        await db
          .collection('todos')
          .where({ tags: _.elemMatch(_.gt(2)) })
          .get(),
      ),
    ).toEqual(['plain']);
  });
});

describe('set() and update() stats', () => {
  it('set() of identical content reports updated 1, as WeChat counts the replaced document', async () => {
    await db.collection('todos').add({ data: { _id: 'same-set', a: 1 } });
    const res = await db
      .collection('todos')
      .doc('same-set')
      .set({ data: { a: 1 } });
    expect(res.stats).toEqual({ updated: 1, created: 0 });
  });

  it('update() that changes nothing reports updated 0 (MongoDB’s nModified)', async () => {
    await db.collection('todos').add({ data: { _id: 'same-update', a: 1 } });
    const res = await db
      .collection('todos')
      .doc('same-update')
      .update({ data: { a: 1 } });
    expect(res.stats.updated).toBe(0);
  });
});

describe('field names', () => {
  // The document the refused update and set() would change (its own, so the tests hold in any order).
  beforeAll(async () => {
    await db.collection('todos').add({ data: { _id: 'same', a: 1 } });
  });

  it.each([
    ['a top-level $ key on add', () => db.collection('todos').add({ data: { $bad: 1 } }), "'$bad'"],
    ['a nested $ key on add', () => db.collection('todos').add({ data: { ok: { $bad: 1 } } }), "'ok.$bad'"],
    [
      'a $ key written by update',
      () =>
        db
          .collection('todos')
          .doc('same')
          .update({ data: { x: { $y: 1 } } }),
      "'x.$y'",
    ],
    [
      'a $ key in a set() replacement',
      () =>
        db
          .collection('todos')
          .doc('same')
          .set({ data: { list: [{ $z: 1 }] } }),
      "'list.0.$z'",
    ],
  ])('rejects %s with MongoDB’s storage error, storing nothing', async (_label, write, where) => {
    const before = (await db.collection('todos').count()).total;
    const err = await rejection(write());
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toContain(`prefixed field`);
    expect(err.errMsg).toContain(where);
    expect((await db.collection('todos').count()).total).toBe(before);
    expect((await db.collection('todos').doc('same').get()).data).toEqual({ _id: 'same', a: 1 });
  });
});

describe('aggregation expressions', () => {
  it('computes $week as strftime %U (weeks from Sunday; 2019-05-14 is week 19)', async () => {
    const dates = ['2019-01-01', '2019-01-05', '2019-01-06', '2019-05-14', '2019-12-31'];
    await db
      .collection('todos')
      .add({ data: dates.map((d, i) => ({ _id: `w${i}`, week: new Date(`${d}T12:00:00Z`) })) });
    const { list } = await db
      .collection('todos')
      .aggregate()
      .match({ week: _.exists(true) })
      .sort({ week: 1 })
      .project({ _id: 0, w: $.week('$week') })
      .end();
    expect(list.map((r: { w: number }) => r.w)).toEqual([0, 0, 1, 19, 52]);
  });

  it('counts $indexOfCP, $strLenCP and $substrCP in code points and $indexOfBytes, $substrBytes in UTF-8 bytes', async () => {
    const { list } = await db
      .collection('todos')
      .aggregate()
      .match({ _id: 'text' })
      .project({
        _id: 0,
        cp: $.indexOfCP(['$s', '好']),
        missing: $.indexOfCP(['$s', 'x']),
        from: $.indexOfCP(['$s', 's', 3]),
        bytes: $.indexOfBytes(['$s', 'sushi']),
        len: $.strLenCP('$s'),
        sub: $.substrCP(['$s', 7, 2]),
        subBytes: $.substrBytes(['$s', 0, 6]),
      })
      .end();
    expect(list).toEqual([{ cp: 8, missing: -1, from: 4, bytes: 6, len: 9, sub: '🍣好', subBytes: '寿司' }]);
  });
});

describe('geo', () => {
  it('answers _.geoNear and the geoNear stage with WeChat’s missing-2dsphere-index errors', async () => {
    const near = await rejection(
      db
        .collection('todos')
        .where({ loc: _.geoNear({ geometry: db.Geo.Point(113.3, 23.1), maxDistance: 1000 }) })
        .get(),
    );
    expect(near.errMsg).toMatch(/unable to find index for \$geoNear query/);
    const stage = await rejection(
      db
        .collection('todos')
        .aggregate()
        .geoNear({ distanceField: 'dist', near: db.Geo.Point(113.3, 23.1), spherical: true })
        .end(),
    );
    expect(stage.errMsg).toMatch(/\$geoNear requires a 2d or 2dsphere index/);
  });

  it('answers _.geoWithin and _.geoIntersects with the missing-geo-index failure WeChat documents, in where and $match', async () => {
    const square = db.Geo.Polygon([
      db.Geo.LineString([db.Geo.Point(0, 0), db.Geo.Point(1, 0), db.Geo.Point(1, 1), db.Geo.Point(0, 0)]),
    ]);
    await db.collection('todos').add({ data: { _id: 'geo', loc: db.Geo.Point(0.5, 0.2) } });
    for (const [op, cond] of [
      ['geoWithin', _.geoWithin({ geometry: square })],
      ['geoWithin', _.geoWithin({ centerSphere: [[0.5, 0.5], 10 / 6378.1] })],
      ['geoIntersects', _.geoIntersects({ geometry: db.Geo.Point(0.5, 0.2) })],
    ]) {
      const message = new RegExp(`unable to find index for \\$${op} query`);
      const counted = await rejection(db.collection('todos').where({ loc: cond }).count());
      expect(counted.errCode).toBe(-502001);
      expect(counted.errMsg).toMatch(message);
      const removed = await rejection(db.collection('todos').where({ loc: cond }).remove());
      expect(removed.errMsg).toMatch(message);
      const matched = await rejection(
        db.collection('todos').aggregate().project({ loc: 1 }).match({ loc: cond }).end(),
      );
      expect(matched.errMsg).toMatch(message);
    }
    expect((await db.collection('todos').doc('geo').get()).data.loc).toBeTruthy();
  });
});

describe('_.jsonSchema', () => {
  beforeAll(async () => {
    await db.collection('orgs').add({
      data: [
        { _id: 'p1', name: '张三', age: 30, tags: ['a', 'b'], addr: { city: '北京' } },
        { _id: 'p2', name: '李', age: 17.5, tags: ['a', 'a'] },
        { _id: 'p3', name: 42, extra: true },
        { _id: 'p4', name: '王五', age: 2 ** 40, addr: { city: 7 } },
      ],
    });
  });
  const where = async (schema: unknown) => ids(await db.collection('orgs').where(_.jsonSchema(schema)).get());

  it('matches by bsonType, type, required, properties and their keywords', async () => {
    expect(await where({ required: ['age'] })).toEqual(['p1', 'p2', 'p4']);
    expect(await where({ properties: { name: { bsonType: 'string' } } })).toEqual(['p1', 'p2', 'p4']);
    expect(await where({ properties: { age: { bsonType: 'int' } }, required: ['age'] })).toEqual(['p1']);
    expect(await where({ properties: { age: { bsonType: 'long' } }, required: ['age'] })).toEqual(['p4']);
    expect(await where({ properties: { age: { bsonType: 'double' } }, required: ['age'] })).toEqual(['p2']);
    expect(await where({ properties: { age: { type: 'number', minimum: 18 } }, required: ['age'] })).toEqual([
      'p1',
      'p4',
    ]);
    expect(await where({ properties: { age: { maximum: 30, exclusiveMaximum: true } } })).toEqual(['p2', 'p3']);
    expect(await where({ properties: { name: { minLength: 2, maxLength: 2 } }, required: ['name'] })).toEqual([
      'p1',
      'p3',
      'p4',
    ]);
    expect(await where({ properties: { tags: { uniqueItems: true, minItems: 2 } }, required: ['tags'] })).toEqual([
      'p1',
    ]);
    expect(await where({ properties: { addr: { properties: { city: { enum: ['北京', '上海'] } } } } })).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
    expect(await where({ additionalProperties: false, properties: { _id: {}, name: {}, extra: {} } })).toEqual(['p3']);
    expect(await where({ not: { required: ['age'] } })).toEqual(['p3']);
    expect(await where({ anyOf: [{ required: ['extra'] }, { properties: { name: { pattern: '^张' } } }] })).toEqual([
      'p1',
      'p3',
    ]);
    expect(
      (
        await db
          .collection('orgs')
          .where(_.jsonSchema({ required: ['tags'] }))
          .count()
      ).total,
    ).toBe(2);
  });

  it('refuses a schema MongoDB refuses, changing nothing', async () => {
    for (const [schema, message] of [
      [{ format: 'email' }, /keyword 'format' is not currently supported/],
      [{ type: 'integer' }, /type 'integer' is not currently supported/],
      [{ bsonType: 'int', type: 'number' }, /Cannot specify both/],
      [{ foo: 1 }, /Unknown \$jsonSchema keyword: foo/],
      [{ bsonType: 'integer' }, /Unknown type name alias: integer/],
      [{ required: [] }, /'required' cannot be an empty array/],
    ] as const) {
      const err = await rejection(
        db
          .collection('orgs')
          .where(_.jsonSchema(schema))
          .update({ data: { touched: true } }),
      );
      expect(err.errCode).toBe(-502001);
      expect(err.errMsg).toMatch(message);
    }
    expect((await db.collection('orgs').where({ touched: true }).count()).total).toBe(0);
  });
});
