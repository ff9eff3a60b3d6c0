// The wire format itself (what TcbDBApiHttpRequester.send gets and resolves to), persistence, operation events.
import Database from 'better-sqlite3';
import { loadCollections, openDatabase } from '../../emulator/db';
import type { CollectionsSpec } from '../../emulator/db';
import { openHarness, TEST_COLLECTIONS } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

const NOW = new Date('2020-07-01T01:00:00.000Z');
let h: DbHarness;

beforeAll(() => {
  h = openHarness({ now: () => NOW });
});
afterAll(() => h.close());

type Answer = {
  requestId?: string;
  code?: string;
  message?: string;
  data?: Record<string, unknown>;
  transactionId?: string;
};
const send = async (api: string, data: Record<string, unknown> = {}): Promise<Answer> =>
  (await h.db.request(api, data)) as Answer;

describe('answers', () => {
  // The documents of the get and aggregate limits, written once so that those tests run in any order.
  beforeAll(async () => {
    await send('database.insertDocument', {
      collectionName: 'big',
      data: Array.from({ length: 1200 }, (_x, i) => `{"group":"cap","i":{"$numberInt":"${i}"}}`),
    });
  });

  it('takes strict EJSON in and gives canonical EJSON back, with server dates filled in', async () => {
    const doc =
      '{"_id":"w1","when":{"$date":{"$numberLong":"0"}},"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"big":{"$numberLong":"1099511627776"},"huge":{"$numberLong":"9007199254740993"},"f":{"$numberDouble":"1.5"},"n":{"$numberInt":"3"},"re":{"$regularExpression":{"pattern":"a+","options":"i"}}}';
    const inserted = await send('database.insertDocument', { collectionName: 'todos', data: [doc] });
    expect(inserted).toEqual({ requestId: expect.any(String), data: { insertedIds: ['w1'] } });
    const got = await send('database.getDocument', {
      collectionName: 'todos',
      queryType: 'DOC',
      query: '{"_id":"w1"}',
      multi: false,
    });
    expect(got.data).toEqual({
      list: [
        '{"_id":"w1","when":{"$date":{"$numberLong":"0"}},"at":{"$date":{"$numberLong":"1593565201000"}},"big":{"$numberLong":"1099511627776"},"huge":{"$numberLong":"9007199254740993"},"f":{"$numberDouble":"1.5"},"n":{"$numberInt":"3"},"re":{"$regularExpression":{"pattern":"a+","options":"i"}}}',
      ],
    });
  });

  it('answers modify with {updated, upsert_id}, remove with {deleted} and count with {total}', async () => {
    const set = await send('database.modifyDocument', {
      collectionName: 'todos',
      queryType: 'DOC',
      query: '{"_id":"w2"}',
      data: '{"title":"t"}',
      multi: false,
      merge: false,
      upsert: true,
    });
    expect(set.data).toEqual({ updated: 0, upsert_id: 'w2' });
    const update = await send('database.modifyDocument', {
      collectionName: 'todos',
      queryType: 'DOC',
      query: '{"_id":"w2"}',
      data: '{"$set":{"meta.k":{"$numberInt":"1"}}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(update.data).toEqual({ updated: 1, upsert_id: null });
    expect(
      (
        await send('database.calculateDocument', {
          collectionName: 'todos',
          queryType: 'WHERE',
          query: '{"meta.k":{"$numberInt":"1"}}',
        })
      ).data,
    ).toEqual({ total: 1 });
    expect(
      (
        await send('database.removeDocument', {
          collectionName: 'todos',
          queryType: 'WHERE',
          query: '{"title":"t"}',
          multi: true,
        })
      ).data,
    ).toEqual({ deleted: 1 });
  });

  it('answers errors as {code, message, requestId}', async () => {
    expect(await send('database.getDocument', { collectionName: 'ghost', queryType: 'WHERE', limit: 100 })).toEqual({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: expect.stringContaining('Db or Table not exist'),
      requestId: expect.any(String),
    });
    await send('database.insertDocument', { collectionName: 'todos', data: ['{"_id":"e1"}'] });
    expect(await send('database.insertDocument', { collectionName: 'todos', data: ['{"_id":"e1"}'] })).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(
        /^E11000 duplicate key error collection: todos index: _id_ dup key: \{ _id: "e1" \}$/,
      ),
    });
    expect(
      await send('database.getDocument', { collectionName: 'todos', queryType: 'WHERE', query: '{"a":{"$bogus":1}}' }),
    ).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
    expect(await send('database.noSuchThing', {})).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await send('database.commitTransaction', { transactionId: 'nope' })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    });
  });

  it('caps a get at 1000 documents and defaults to 100 when no limit is sent', async () => {
    const get = async (extra: Record<string, unknown>) =>
      (
        (
          await send('database.getDocument', {
            collectionName: 'big',
            queryType: 'WHERE',
            query: '{"group":"cap"}',
            ...extra,
          })
        ).data?.list as string[]
      ).length;
    expect(await get({})).toBe(100);
    expect(await get({ limit: 5000 })).toBe(1000);
    expect(await get({ limit: 10, offset: 1195 })).toBe(5);
  });

  it('runs aggregate stages as the SDK sends them, 20 results unless a $limit stage says otherwise', async () => {
    const stages = [
      { stageKey: '$match', stageValue: '{"group":"cap"}' },
      { stageKey: '$sort', stageValue: '{"i":{"$numberInt":"-1"}}' },
    ];
    const list = (await send('database.aggregateDocuments', { collectionName: 'big', stages })).data?.list as string[];
    expect(list).toHaveLength(20);
    expect(JSON.parse(list[0]).i).toEqual({ $numberInt: '1199' });
    const limited = await send('database.aggregateDocuments', {
      collectionName: 'big',
      stages: [...stages, { stageKey: '$limit', stageValue: '30' }],
    });
    expect(limited.data?.list).toHaveLength(30);
  });
});

describe('operation events', () => {
  it('emits one read, write or transaction event per data request, until unsubscribed', async () => {
    const db: Sdk = h.cloud.database();
    const { ops } = await h.record(async () => {
      await db.collection('todos').add({ data: { _id: 'ev' } });
      await db.collection('todos').doc('ev').get();
      await db.collection('todos').where({ x: 1 }).count();
      await db.collection('todos').aggregate().match({ x: 1 }).end();
      await db
        .collection('todos')
        .doc('ev')
        .update({ data: { x: 1 } });
      await db
        .collection('todos')
        .doc('ev')
        .set({ data: { x: 2 } });
      await db.collection('todos').doc('ev').remove();
      await db.runTransaction(async (t: Sdk) => {
        await t
          .collection('todos')
          .doc('ev2')
          .set({ data: { x: 3 } });
      });
    });
    expect(ops).toEqual([
      { api: 'database.insertDocument', collection: 'todos', kind: 'write' },
      { api: 'database.getDocument', collection: 'todos', kind: 'read' },
      { api: 'database.calculateDocument', collection: 'todos', kind: 'read' },
      { api: 'database.aggregateDocuments', collection: 'todos', kind: 'read' },
      { api: 'database.modifyDocument', collection: 'todos', kind: 'write' },
      { api: 'database.modifyDocument', collection: 'todos', kind: 'write' },
      { api: 'database.removeDocument', collection: 'todos', kind: 'write' },
      { api: 'database.startTransaction', kind: 'transaction' },
      { api: 'database.modifyDocument', collection: 'todos', kind: 'write' },
      { api: 'database.commitTransaction', kind: 'transaction' },
    ]);
    const after: unknown[] = [];
    h.db.onOperation((op) => after.push(op))();
    await db.collection('todos').doc('ev2').get();
    expect(after).toEqual([]);
  });
});

describe('persistence', () => {
  // Its own document, so these tests do not depend on the ones above having run first.
  beforeAll(async () => {
    await send('database.insertDocument', {
      collectionName: 'todos',
      data: ['{"_id":"p1","when":{"$date":{"$numberLong":"0"}}}'],
    });
  });

  it('keeps documents, their order, created collections and unique indexes across a restart', async () => {
    await send('database.addCollection', { collectionName: 'made_at_runtime' });
    await send('database.insertDocument', { collectionName: 'made_at_runtime', data: ['{"_id":"r1"}'] });
    await send('database.insertDocument', {
      collectionName: 'members',
      data: ['{"_id":"m1","phone":"1"}', '{"_id":"m0","phone":"2"}'],
    });
    h.reopen();
    const ids = async (coll: string) =>
      (
        (await send('database.getDocument', { collectionName: coll, queryType: 'WHERE', limit: 10 })).data
          ?.list as string[]
      ).map((t) => JSON.parse(t)._id);
    expect(await ids('made_at_runtime')).toEqual(['r1']);
    expect(await ids('members')).toEqual(['m1', 'm0']);
    expect(
      await send('database.insertDocument', { collectionName: 'members', data: ['{"_id":"m2","phone":"1"}'] }),
    ).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(
      (await send('database.getDocument', { collectionName: 'todos', queryType: 'DOC', query: '{"_id":"p1"}' })).data
        ?.list,
    ).toHaveLength(1);
  });

  it('stores canonical EJSON in SQLite in WAL mode', () => {
    const raw = new Database(h.file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const row = raw.prepare("SELECT doc FROM documents WHERE coll = 'todos' AND id = 'p1'").get() as { doc: string };
      expect(JSON.parse(row.doc).when).toEqual({ $date: { $numberLong: '0' } });
    } finally {
      raw.close();
    }
  });

  it('refuses to open data that breaks a unique index the spec now declares', async () => {
    await send('database.insertDocument', { collectionName: 'orgs', data: ['{"code":"same"}', '{"code":"same"}'] });
    const stricter: CollectionsSpec = {
      collections: {
        ...TEST_COLLECTIONS.collections,
        orgs: { indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }] },
      },
    };
    expect(() => openDatabase({ file: h.file, collections: stricter })).toThrow(/orgs.*code_unique/);
  });
});

describe('collections spec', () => {
  it('loads the project file and rejects a malformed one', () => {
    const spec = loadCollections();
    expect(Object.keys(spec.collections).length).toBeGreaterThan(0);
    for (const def of Object.values(spec.collections)) expect(Array.isArray(def.indexes)).toBe(true);
    expect(() => loadCollections(__filename)).toThrow();
  });

  it('answers only the declared collections', async () => {
    const db = openDatabase({ file: ':memory:', collections: { collections: { only: { indexes: [] } } } });
    try {
      expect(
        await db.request('database.calculateDocument', { collectionName: 'only', queryType: 'WHERE' }),
      ).toMatchObject({ data: { total: 0 } });
      expect(
        await db.request('database.calculateDocument', { collectionName: 'todos', queryType: 'WHERE' }),
      ).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    } finally {
      db.close();
    }
  });
});
