// Conformance of the local database through the REAL wx-server-sdk: CRUD, queries, limits, errors as on WeChat.
import { openHarness, rejection, TEST_COLLECTIONS } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

const NOW = new Date('2020-07-01T01:00:00.000Z');
let h: DbHarness;
let db: Sdk;
let _: Sdk;

// Every test may run in any order (npm test randomizes): the read-only data of the query, limit and aggregate tests
// is written once here, and tests that write make their own documents.
beforeAll(async () => {
  h = openHarness({
    now: () => NOW,
    collections: {
      collections: { ...TEST_COLLECTIONS.collections, limits: { indexes: [{ name: 'group', keys: { group: 1 } }] } },
    },
  });
  db = h.cloud.database();
  _ = db.command;
  const rows = Array.from({ length: 12 }, (_x, i) => ({
    _id: `q${String(i).padStart(2, '0')}`,
    n: i,
    owner: i % 3 === 0 ? 'o1' : 'o2',
    title: i % 2 ? `Abc ${i}` : `xyz ${i}`,
    meta: { tag: i < 6 ? 'x' : 'y', level: i % 4 },
    tags: i % 2 ? ['red', 'blue'] : ['green'],
    createdAt: new Date(Date.UTC(2020, 0, 1 + (i % 5))),
    ...(i === 11 ? {} : { done: i % 2 === 0 }),
  }));
  await db.collection('big').add({ data: rows });
  const docs = Array.from({ length: 1100 }, (_x, i) => ({ group: 'limits', i }));
  for (let i = 0; i < docs.length; i += 100) await db.collection('limits').add({ data: docs.slice(i, i + 100) });
  await db.collection('orgs').add({ data: { _id: 'org-o1', code: 'o1', name: '第一支部' } });
});
afterAll(() => h.close());

describe('add and get', () => {
  it('generates a 32-hex _id when none is given and returns the caller-chosen one otherwise', async () => {
    const generated = await db.collection('todos').add({ data: { title: 'a' } });
    expect(generated._id).toMatch(/^[0-9a-f]{32}$/);
    expect(generated.errMsg).toBe('collection.add:ok');
    const fixed = await db.collection('todos').add({ data: { _id: 'fixed-1', title: 'b' } });
    expect(fixed._id).toBe('fixed-1');
    const { data } = await db.collection('todos').doc(generated._id).get();
    expect(data).toEqual({ _id: generated._id, title: 'a' });
  });

  it('round-trips dates, server dates, big integers, doubles, nested objects, arrays and null', async () => {
    const doc = {
      _id: 'types',
      when: new Date(0),
      at: db.serverDate(),
      later: db.serverDate({ offset: 60_000 }),
      big: 2 ** 40,
      f: 1.5,
      neg: -3,
      nested: { a: { b: [1, 'two', { c: true }] } },
      nothing: null,
    };
    await db.collection('todos').add({ data: doc });
    const { data } = await db.collection('todos').doc('types').get();
    expect(data).toEqual({ ...doc, at: NOW, later: new Date(NOW.getTime() + 60_000) });
    expect(data.when).toBeInstanceOf(Date);
  });

  it('fills in db.serverDate() in updates too', async () => {
    await db
      .collection('todos')
      .doc('dated')
      .set({ data: { nested: { a: { b: [1, 'two', { c: true }] } } } });
    await db
      .collection('todos')
      .doc('dated')
      .update({ data: { touchedAt: db.serverDate(), nested: { at: db.serverDate() } } });
    const { data } = await db.collection('todos').doc('dated').get();
    expect(data.touchedAt).toEqual(NOW);
    expect(data.nested).toEqual({ a: { b: [1, 'two', { c: true }] }, at: NOW });
  });

  it('adds several documents in one call', async () => {
    const res = await db.collection('orgs').add({ data: [{ name: 'x' }, { _id: 'org-y', name: 'y' }] });
    expect(res._ids).toHaveLength(2);
    expect(res._ids[1]).toBe('org-y');
    expect(
      (
        await db
          .collection('orgs')
          .where({ name: _.in(['x', 'y']) })
          .count()
      ).total,
    ).toBe(2);
  });
});

describe('errors as WeChat reports them', () => {
  it('fails an add with an existing _id with -502001 and E11000 duplicate key', async () => {
    await db.collection('todos').add({ data: { _id: 'dup-1', title: 'b' } });
    const err = await rejection(db.collection('todos').add({ data: { _id: 'dup-1', title: 'again' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/^collection\.add:fail -502001 database request fail\. E11000 duplicate key/);
    expect((await db.collection('todos').doc('dup-1').get()).data.title).toBe('b');
  });

  it('fails every kind of request on an undeclared collection with -502005', async () => {
    const calls = [
      db.collection('nope').get(),
      db.collection('nope').add({ data: { a: 1 } }),
      db.collection('nope').count(),
      db.collection('nope').doc('x').get(),
      db
        .collection('nope')
        .where({ a: 1 })
        .update({ data: { a: 2 } }),
      db.collection('nope').where({ a: 1 }).remove(),
    ];
    for (const call of calls) {
      const err = await rejection(call);
      expect(err.errCode).toBe(-502005);
      expect(err.errMsg).toMatch(/database collection not exists\. \[ResourceNotFound\] Db or Table not exist/);
    }
  });

  it('fails an aggregate on an undeclared collection with errCode -1, because the SDK does not map its errors', async () => {
    const err = await rejection(db.collection('nope').aggregate().match({ a: 1 }).end());
    expect(err.errCode).toBe(-1);
    expect(err.errMsg).toMatch(/^collection\.aggregate:fail \[ResourceNotFound\] Db or Table not exist/);
  });

  it('throws errCode -1 for a missing document, or answers null with throwOnNotFound: false', async () => {
    const err = await rejection(db.collection('todos').doc('missing').get());
    expect(err.errCode).toBe(-1);
    expect(err.errMsg).toBe('document.get:fail document with _id missing does not exist');
    const lenient = h.cloud.database({ throwOnNotFound: false });
    expect(await lenient.collection('todos').doc('missing').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
  });

  it('creates a collection with db.createCollection, and fails a second time', async () => {
    expect((await rejection(db.collection('fresh').add({ data: { a: 1 } }))).errCode).toBe(-502005);
    expect((await db.createCollection('fresh')).errMsg).toBe('createCollection:ok');
    await db.collection('fresh').add({ data: { _id: 'f1', a: 1 } });
    // createCollection does not map service codes either: the failure surfaces with errCode -1.
    const again = await rejection(db.createCollection('fresh'));
    expect(again.errCode).toBe(-1);
    expect(again.errMsg).toMatch(/^createCollection:fail .*Table exist/);
  });
});

describe('unique indexes from the collections spec', () => {
  beforeEach(async () => {
    await db
      .collection('members')
      .where({ _id: _.exists(true) })
      .remove();
    await db.collection('members').add({
      data: [
        { _id: 'm1', phone: '13800000001', orgId: 'o1' },
        { _id: 'm2', phone: '13800000002', orgId: 'o1' },
      ],
    });
  });

  it('rejects an insert that repeats a unique key like a duplicate _id, inserting nothing', async () => {
    const err = await rejection(db.collection('members').add({ data: { _id: 'm3', phone: '13800000001' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000 duplicate key.*phone_unique/);
    const batch = await rejection(
      db.collection('members').add({
        data: [
          { _id: 'm4', phone: '13800000004' },
          { _id: 'm5', phone: '13800000002' },
        ],
      }),
    );
    expect(batch.errCode).toBe(-502001);
    expect((await db.collection('members').count()).total).toBe(2);
  });

  it('rejects an update, a set and a multi update that would repeat a unique key, changing nothing', async () => {
    const upd = await rejection(
      db
        .collection('members')
        .doc('m2')
        .update({ data: { phone: '13800000001' } }),
    );
    expect(upd.errCode).toBe(-502001);
    expect(upd.errMsg).toMatch(/^document\.update:fail -502001 .*E11000 duplicate key/);
    const set = await rejection(
      db
        .collection('members')
        .doc('m2')
        .set({ data: { phone: '13800000001' } }),
    );
    expect(set.errCode).toBe(-502001);
    const multi = await rejection(
      db
        .collection('members')
        .where({ orgId: 'o1' })
        .update({ data: { phone: '13900000000', touched: true } }),
    );
    expect(multi.errCode).toBe(-502001);
    const { data } = await db.collection('members').orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'm1', phone: '13800000001', orgId: 'o1' },
      { _id: 'm2', phone: '13800000002', orgId: 'o1' },
    ]);
  });

  it('allows a document to keep its own key and a key freed by a removal to be reused', async () => {
    await db
      .collection('members')
      .doc('m1')
      .update({ data: { name: '张三', phone: '13800000001' } });
    await db.collection('members').doc('m2').remove();
    await db.collection('members').add({ data: { _id: 'm6', phone: '13800000002' } });
    expect((await db.collection('members').count()).total).toBe(2);
  });
});

describe('queries', () => {
  const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id);
  const q = () => db.collection('big');

  it('supports comparison, membership, existence and logic operators', async () => {
    expect(
      ids(
        await q()
          .where({ n: _.gt(3).and(_.lt(6)) })
          .get(),
      ),
    ).toEqual(['q04', 'q05']);
    expect(
      ids(
        await q()
          .where({ n: _.gte(10) })
          .get(),
      ),
    ).toEqual(['q10', 'q11']);
    expect(
      ids(
        await q()
          .where({ n: _.lte(1) })
          .get(),
      ),
    ).toEqual(['q00', 'q01']);
    expect(
      ids(
        await q()
          .where({ n: _.in([2, 7]) })
          .get(),
      ),
    ).toEqual(['q02', 'q07']);
    expect(
      (
        await q()
          .where({ n: _.nin([0, 1, 2]) })
          .count()
      ).total,
    ).toBe(9);
    expect(
      ids(
        await q()
          .where({ done: _.exists(false) })
          .get(),
      ),
    ).toEqual(['q11']);
    expect(
      (
        await q()
          .where({ owner: _.neq('o2') })
          .count()
      ).total,
    ).toBe(4);
    expect(
      ids(
        await q()
          .where(_.or([{ n: 0 }, { n: 11 }]))
          .get(),
      ),
    ).toEqual(['q00', 'q11']);
    expect(
      ids(
        await q()
          .where({ n: _.eq(3), owner: 'o1' })
          .get(),
      ),
    ).toEqual(['q03']);
    expect(
      ids(
        await q()
          .where({ n: _.lt(2).or(_.gt(10)) })
          .get(),
      ),
    ).toEqual(['q00', 'q01', 'q11']);
  });

  it('matches regexes, both JavaScript ones and db.RegExp', async () => {
    expect((await q().where({ title: /^abc/i }).count()).total).toBe(6);
    expect((await q().where({ title: /^abc/ }).count()).total).toBe(0);
    expect(
      (
        await q()
          .where({ title: db.RegExp({ regexp: '^XYZ 1', options: 'i' }) })
          .count()
      ).total,
    ).toBe(1);
    expect(
      (
        await q()
          .where({ title: db.RegExp({ regexp: '^XYZ' }) })
          .count()
      ).total,
    ).toBe(0);
    expect(
      (
        await q()
          .where({ title: _.not(/^abc/i) })
          .count()
      ).total,
    ).toBe(6);
  });

  it('matches dotted paths, nested objects and array elements', async () => {
    expect((await q().where({ 'meta.tag': 'y' }).count()).total).toBe(6);
    expect(
      (
        await q()
          .where({ meta: { tag: 'y', level: 2 } })
          .count()
      ).total,
    ).toBe(2);
    expect((await q().where({ tags: 'red' }).count()).total).toBe(6);
    expect(
      (
        await q()
          .where({ tags: _.all(['red', 'blue']) })
          .count()
      ).total,
    ).toBe(6);
    expect(
      (
        await q()
          .where({ tags: _.size(1) })
          .count()
      ).total,
    ).toBe(6);
  });

  it('drops empty-object conditions, so the filter matches everything', async () => {
    expect((await q().where({ meta: {} }).count()).total).toBe(12);
  });

  it('sorts by several keys, skips, limits and projects', async () => {
    const res = await q()
      .where({ owner: 'o2' })
      .orderBy('meta.tag', 'desc')
      .orderBy('n', 'asc')
      .skip(1)
      .limit(3)
      .field({ n: true, owner: 1 })
      .get();
    expect(res.data).toEqual([
      { _id: 'q08', n: 8, owner: 'o2' },
      { _id: 'q10', n: 10, owner: 'o2' },
      { _id: 'q11', n: 11, owner: 'o2' },
    ]);
    const excluded = await q().doc('q01').field({ meta: false, tags: false, title: false, createdAt: false }).get();
    expect(excluded.data).toEqual({ _id: 'q01', n: 1, owner: 'o2', done: false });
    const byDate = await q().orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(2).get();
    expect(ids(byDate)).toEqual(['q09', 'q04']);
  });

  it('uses the equality index and the full query together', async () => {
    expect(ids(await q().where({ group: 'none' }).get())).toEqual([]);
    expect(
      ids(
        await q()
          .where({ owner: _.in(['o1']), n: _.gt(5) })
          .get(),
      ),
    ).toEqual(['q06', 'q09']);
  });
});

describe('limits', () => {
  it('returns 100 documents without limit() and at most 1000 with any limit', async () => {
    expect((await db.collection('limits').where({ group: 'limits' }).get()).data).toHaveLength(100);
    expect((await db.collection('limits').where({ group: 'limits' }).limit(2000).get()).data).toHaveLength(1000);
    expect((await db.collection('limits').where({ group: 'limits' }).skip(1050).limit(100).get()).data).toHaveLength(
      50,
    );
    expect((await db.collection('limits').where({ group: 'limits' }).count()).total).toBe(1100);
  });

  it('returns only 20 aggregate results without a limit stage', async () => {
    const agg = () => db.collection('limits').aggregate().match({ group: 'limits' });
    expect((await agg().end()).list).toHaveLength(20);
    expect((await agg().limit(50).end()).list).toHaveLength(50);
  });
});

describe('aggregate', () => {
  it('runs group, sort, project, count and lookup stages', async () => {
    const $ = db.command.aggregate;
    const grouped = await db
      .collection('big')
      .aggregate()
      .match({ owner: _.exists(true) })
      .group({ _id: '$owner', total: $.sum('$n'), count: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(grouped.list).toEqual([
      { _id: 'o1', total: 18, count: 4 },
      { _id: 'o2', total: 48, count: 8 },
    ]);
    const counted = await db.collection('limits').aggregate().match({ group: 'limits' }).count('n').end();
    expect(counted.list).toEqual([{ n: 1100 }]);
    const joined = await db
      .collection('big')
      .aggregate()
      .match({ n: 3 })
      .lookup({ from: 'orgs', localField: 'owner', foreignField: 'code', as: 'org' })
      .project({ _id: 0, n: 1, orgName: $.arrayElemAt(['$org.name', 0]) })
      .end();
    expect(joined.list).toEqual([{ n: 3, orgName: '第一支部' }]);
    // The stored documents are untouched by the pipeline.
    expect((await db.collection('big').doc('q03').get()).data.org).toBeUndefined();
  });
});

describe('updates', () => {
  beforeEach(async () => {
    await db
      .collection('todos')
      .doc('u')
      .set({
        data: {
          n: 1,
          meta: { k: 0, keep: 'yes' },
          obj: { a: 1, b: 2 },
          list: [1, 2, 3],
          s: ['a'],
          gone: 'x',
          old: 'name',
          m: 5,
        },
      });
  });
  const read = async () => (await db.collection('todos').doc('u').get()).data;

  it('merges a nested object field by field and keeps its siblings', async () => {
    const res = await db
      .collection('todos')
      .doc('u')
      .update({ data: { meta: { k: 1 } } });
    expect(res.stats).toEqual({ updated: 1 });
    expect((await read()).meta).toEqual({ k: 1, keep: 'yes' });
  });

  it('replaces an object with _.set', async () => {
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { obj: _.set({ z: 1 }) } });
    expect((await read()).obj).toEqual({ z: 1 });
  });

  it('applies every update command', async () => {
    await db
      .collection('todos')
      .doc('u')
      .update({
        data: {
          n: _.inc(2),
          m: _.mul(3),
          gone: _.remove(),
          list: _.push([4, 5]),
          s: _.addToSet('b'),
          'obj.a': _.max(10),
          'obj.b': _.min(-1),
        },
      });
    expect(await read()).toEqual({
      _id: 'u',
      n: 3,
      m: 15,
      meta: { k: 0, keep: 'yes' },
      obj: { a: 10, b: -1 },
      list: [1, 2, 3, 4, 5],
      s: ['a', 'b'],
      old: 'name',
    });
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { list: _.pull(3), s: _.addToSet('a') } });
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { list: _.pop() } });
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { list: _.shift() } });
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { list: _.unshift([0]) } });
    await db
      .collection('todos')
      .doc('u')
      .update({ data: { old: _.rename('renamed') } });
    const after = await read();
    expect(after.list).toEqual([0, 2, 4]);
    expect(after.s).toEqual(['a', 'b']);
    expect(after).toMatchObject({ renamed: 'name' });
    expect(after).not.toHaveProperty('old');
  });

  it('replaces the whole document with set, or creates it', async () => {
    const replaced = await db
      .collection('todos')
      .doc('u')
      .set({ data: { only: true } });
    expect(replaced).toEqual({ _id: 'u', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } });
    expect(await read()).toEqual({ _id: 'u', only: true });
    const created = await db
      .collection('todos')
      .doc('brand-new')
      .set({ data: { t: 1 } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    expect((await db.collection('todos').doc('brand-new').get()).data).toEqual({ _id: 'brand-new', t: 1 });
  });

  it('does not create a missing document on update', async () => {
    const res = await db
      .collection('todos')
      .doc('never')
      .update({ data: { a: 1 } });
    expect(res.stats).toEqual({ updated: 0 });
    expect((await rejection(db.collection('todos').doc('never').get())).errCode).toBe(-1);
  });

  it('updates and removes every matching document with where(), reporting how many', async () => {
    await db.collection('todos').add({
      data: [
        { owner: 'w1', v: 1 },
        { owner: 'w1', v: 2 },
        { owner: 'w2', v: 3 },
      ],
    });
    const upd = await db
      .collection('todos')
      .where({ owner: 'w1' })
      .update({ data: { done: true } });
    expect(upd.stats).toEqual({ updated: 2 });
    expect((await db.collection('todos').where({ owner: 'w1', done: true }).count()).total).toBe(2);
    const rem = await db
      .collection('todos')
      .where({ owner: _.in(['w1', 'w2']) })
      .remove();
    expect(rem.stats).toEqual({ removed: 3 });
    expect(
      (
        await db
          .collection('todos')
          .where({ owner: _.in(['w1', 'w2']) })
          .count()
      ).total,
    ).toBe(0);
    expect((await db.collection('todos').doc('u').remove()).stats).toEqual({ removed: 1 });
    expect((await db.collection('todos').doc('u').remove()).stats).toEqual({ removed: 0 });
  });
});
