// Transactions through the REAL wx-server-sdk as WeChat documents them: snapshot reads, transaction locks, conflicts
// that fail at once, ordinary writes that wait, expiry, commit and rollback.
import { runTransactionWithRetry } from '../../server/db';
import { openHarness, rejection } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

let h: DbHarness;
let db: Sdk;
let _: Sdk;

beforeAll(() => {
  h = openHarness();
  db = h.cloud.database();
  _ = db.command;
});
afterAll(() => h.close());

const counter = async (id: string): Promise<number> => (await db.collection('counters').doc(id).get()).data.n;
const exists = async (coll: string, id: string): Promise<boolean> =>
  (await h.cloud.database({ throwOnNotFound: false }).collection(coll).doc(id).get()).data !== null;

it('commits every write of the callback together and returns its result', async () => {
  await db.collection('counters').add({
    data: [
      { _id: 'c1', n: 1 },
      { _id: 'doomed', n: 0 },
    ],
  });
  const { result, ops } = await h.record(() =>
    db.runTransaction(async (t: Sdk) => {
      const { data } = await t.collection('counters').doc('c1').get();
      await t
        .collection('counters')
        .doc('c1')
        .update({ data: { n: _.inc(1) } });
      await t
        .collection('counters')
        .doc('made')
        .set({ data: { n: 7 } });
      await t.collection('todos').add({ data: { _id: 'tx-added', by: 'tx' } });
      await t.collection('counters').doc('doomed').remove();
      return data.n;
    }),
  );
  expect(result).toBe(1);
  expect(await counter('c1')).toBe(2);
  expect(await counter('made')).toBe(7);
  expect(await exists('todos', 'tx-added')).toBe(true);
  expect(await exists('counters', 'doomed')).toBe(false);
  expect(ops.map((o) => `${o.kind}:${o.api.replace('database.', '')}`)).toEqual([
    'transaction:startTransaction',
    'read:getDocument',
    'write:modifyDocument',
    'write:modifyDocument',
    'write:insertDocument',
    'write:removeDocument',
    'transaction:commitTransaction',
  ]);
});

it('shows a transaction its own writes and nobody else until it commits', async () => {
  await db.collection('counters').add({ data: { _id: 'ryw', n: 0 } });
  let inside: number | undefined;
  let outside: number | undefined;
  await db.runTransaction(async (t: Sdk) => {
    await t
      .collection('counters')
      .doc('ryw')
      .update({ data: { n: _.inc(5) } });
    await t
      .collection('counters')
      .doc('ryw-new')
      .set({ data: { n: 1 } });
    inside = (await t.collection('counters').doc('ryw').get()).data.n;
    outside = await counter('ryw');
    expect(await exists('counters', 'ryw-new')).toBe(false);
    expect((await t.collection('counters').doc('ryw-new').get()).data).toEqual({ _id: 'ryw-new', n: 1 });
  });
  expect(inside).toBe(5);
  expect(outside).toBe(0);
  expect(await counter('ryw')).toBe(5);
});

it('applies nothing when the callback throws, and rethrows its error', async () => {
  await db.collection('counters').add({ data: { _id: 'rb', n: 10 } });
  const { result: err, ops } = await h.record(() =>
    rejection(
      db.runTransaction(async (t: Sdk) => {
        await t
          .collection('counters')
          .doc('rb')
          .update({ data: { n: _.inc(1) } });
        await t.collection('todos').add({ data: { _id: 'rb-added' } });
        throw new Error('boom');
      }),
    ),
  );
  expect(err.message).toBe('boom');
  expect(ops.map((o) => o.api).slice(-1)).toEqual(['database.abortTransaction']);
  expect(await counter('rb')).toBe(10);
  expect(await exists('todos', 'rb-added')).toBe(false);
});

it('applies nothing on t.rollback(reason), and rejects with the reason', async () => {
  await db.collection('counters').add({ data: { _id: 'rb2', n: 1 } });
  const reason = await rejection(
    db.runTransaction(async (t: Sdk) => {
      await t
        .collection('counters')
        .doc('rb2')
        .update({ data: { n: 2 } });
      await t.rollback('changed my mind');
    }),
  );
  expect(reason).toBe('changed my mind');
  expect(await counter('rb2')).toBe(1);
});

it('supports startTransaction, commit and rollback by hand, and refuses a finished transaction', async () => {
  const t = await db.startTransaction();
  await t
    .collection('counters')
    .doc('manual')
    .set({ data: { n: 1 } });
  await t.commit();
  expect(await counter('manual')).toBe(1);
  const late = await rejection(
    t
      .collection('counters')
      .doc('manual')
      .update({ data: { n: 2 } }),
  );
  expect(late.errCode).toBe(-501001);
  expect(late.errMsg).toMatch(/does not exist or has expired/);

  const t2 = await db.startTransaction();
  await t2
    .collection('counters')
    .doc('manual')
    .update({ data: { n: 99 } });
  await t2.rollback();
  expect(await counter('manual')).toBe(1);
});

it('reads the snapshot taken when the transaction started, not a write made outside since', async () => {
  await db.collection('counters').add({ data: { _id: 'snap', n: 1 } });
  const t = await db.startTransaction();
  await db
    .collection('counters')
    .doc('snap')
    .update({ data: { n: 2 } });
  await db.collection('counters').add({ data: { _id: 'snap-new', n: 1 } });
  expect((await t.collection('counters').doc('snap').get()).data.n).toBe(1);
  const absent = await rejection(t.collection('counters').doc('snap-new').get());
  expect(absent.errCode).toBe(-1);
  await t.rollback();
  expect(await counter('snap')).toBe(2);
});

it('fails a write at once with the conflict when the document changed outside since the snapshot', async () => {
  await db.collection('counters').add({ data: { _id: 'c2', n: 0 } });
  let attempts = 0;
  const lostUpdate = (t: Sdk) =>
    (async () => {
      attempts++;
      const { data } = await t.collection('counters').doc('c2').get();
      if (attempts === 1)
        await db
          .collection('counters')
          .doc('c2')
          .update({ data: { n: _.inc(100) } });
      await t
        .collection('counters')
        .doc('c2')
        .update({ data: { n: data.n + 1 } });
    })();
  // The SDK's runTransaction retries only a conflict answered by commit; one answered by an operation surfaces.
  const err = await rejection(db.runTransaction(lostUpdate));
  expect(attempts).toBe(1);
  expect(err.errCode).toBe(-501001);
  expect(err.errMsg).toMatch(/TransactionConflict/);
  expect(await counter('c2')).toBe(100);
  // The project's helper recognises it and runs the transaction again on a fresh snapshot.
  attempts = 1;
  await runTransactionWithRetry(db, lostUpdate);
  expect(attempts).toBe(2);
  expect(await counter('c2')).toBe(101);
});

it('fails the second of two transactions writing one document at once, without waiting for the first', async () => {
  await db.collection('counters').add({ data: { _id: 'c3', n: 0 } });
  const first = await db.startTransaction();
  await first
    .collection('counters')
    .doc('c3')
    .update({ data: { n: 1 } });
  const second = await db.startTransaction();
  const started = Date.now();
  const err = await rejection(
    second
      .collection('counters')
      .doc('c3')
      .set({ data: { n: 2 } }),
  );
  expect(Date.now() - started).toBeLessThan(1000);
  expect(err.errCode).toBe(-501001);
  expect(err.errMsg).toMatch(/TransactionConflict/);
  // Reading a locked document is fine: the snapshot.
  expect((await second.collection('counters').doc('c3').get()).data.n).toBe(0);
  await second.rollback();
  await first.commit();
  expect(await counter('c3')).toBe(1);
});

it('loses no increment when 100 read-modify-write transactions on one counter run at once; the losers fail', async () => {
  await db.collection('counters').add({ data: { _id: 'hot', n: 0 } });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 100 }, () =>
      db.runTransaction(async (t: Sdk) => {
        const { data } = await t.collection('counters').doc('hot').get();
        await t
          .collection('counters')
          .doc('hot')
          .update({ data: { n: data.n + 1 } });
      }),
    ),
  );
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(await counter('hot')).toBe(outcomes.length - failed.length);
  expect(failed.length).toBeGreaterThan(0);
  for (const f of failed) expect(f.reason.errMsg).toMatch(/TransactionConflict/);
});

it('ends 200 concurrent plain _.inc updates at exactly 200', async () => {
  await db.collection('counters').add({ data: { _id: 'hot2', n: 0 } });
  await Promise.all(
    Array.from({ length: 200 }, () =>
      db
        .collection('counters')
        .doc('hot2')
        .update({ data: { n: _.inc(1) } }),
    ),
  );
  expect(await counter('hot2')).toBe(200);
});

it('lands two transfers in opposite orders exactly once each with the project’s retry helper', async () => {
  await db.collection('counters').add({
    data: [
      { _id: 'A', n: 0 },
      { _id: 'B', n: 0 },
    ],
  });
  let arrived = 0;
  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  const meet = async () => {
    if (++arrived === 2) open();
    await barrier;
  };
  const transfer = (first: string, second: string) =>
    runTransactionWithRetry(db, async (t: Sdk) => {
      const a = (await t.collection('counters').doc(first).get()).data.n;
      await t
        .collection('counters')
        .doc(first)
        .update({ data: { n: a + 1 } });
      await meet();
      const b = (await t.collection('counters').doc(second).get()).data.n;
      await t
        .collection('counters')
        .doc(second)
        .update({ data: { n: b + 1 } });
    });
  await Promise.all([transfer('A', 'B'), transfer('B', 'A')]);
  expect(await counter('A')).toBe(2);
  expect(await counter('B')).toBe(2);
});

it('makes an ordinary write wait while a transaction holds the document, then apply on top of its commit', async () => {
  await db.collection('counters').add({ data: { _id: 'par1', n: 1 } });
  const holder = await db.startTransaction();
  await holder
    .collection('counters')
    .doc('par1')
    .update({ data: { n: 10 } });
  let done = false;
  const plain = db
    .collection('counters')
    .where({ _id: 'par1' })
    .update({ data: { n: _.inc(1) } })
    .then((r: Sdk) => {
      done = true;
      return r;
    });
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(done).toBe(false);
  expect(await counter('par1')).toBe(1);
  await holder.commit();
  expect((await plain).stats.updated).toBe(1);
  expect(await counter('par1')).toBe(11);
});

it('releases a rolled-back transaction’s lock to the next transaction', async () => {
  await db.collection('counters').add({ data: { _id: 'handoff', n: 0 } });
  const holder = await db.startTransaction();
  await holder
    .collection('counters')
    .doc('handoff')
    .update({ data: { n: 50 } });
  await holder.rollback();
  await db.runTransaction(async (t: Sdk) => {
    const { data } = await t.collection('counters').doc('handoff').get();
    await t
      .collection('counters')
      .doc('handoff')
      .update({ data: { n: data.n + 1 } });
  });
  expect(await counter('handoff')).toBe(1);
});

it('rolls back an abandoned transaction when it expires, releasing its locks', async () => {
  const short = openHarness({ transactionLifetimeMs: 150 });
  try {
    const sdb = short.cloud.database();
    await sdb.collection('counters').add({ data: { _id: 'gone', n: 0 } });
    const abandoned = await sdb.startTransaction();
    await abandoned
      .collection('counters')
      .doc('gone')
      .update({ data: { n: 99 } });
    // An ordinary write waits for the lock until the transaction times out, then applies.
    await sdb
      .collection('counters')
      .doc('gone')
      .update({ data: { n: _.inc(1) } });
    expect((await sdb.collection('counters').doc('gone').get()).data.n).toBe(1);
    const late = await rejection(abandoned.commit());
    expect(late.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(late.message).toMatch(/does not exist or has expired/);
  } finally {
    short.close();
  }
});

describe('never half-applies', () => {
  it('rejects a unique-key violation at the operation, and the rollback discards the earlier writes', async () => {
    await db.collection('members').add({ data: { _id: 'p1', phone: '100' } });
    await db.collection('counters').add({ data: { _id: 'half1', n: 0 } });
    const err = await rejection(
      db.runTransaction(async (t: Sdk) => {
        await t
          .collection('counters')
          .doc('half1')
          .update({ data: { n: 1 } });
        await t.collection('members').add({ data: { _id: 'p2', phone: '100' } });
      }),
    );
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000 duplicate key/);
    expect(await counter('half1')).toBe(0);
    expect(await exists('members', 'p2')).toBe(false);
  });

  it('fails the whole commit when a unique key was taken outside the transaction meanwhile', async () => {
    await db.collection('counters').add({ data: { _id: 'half2', n: 0 } });
    const err = await rejection(
      db.runTransaction(async (t: Sdk) => {
        await t
          .collection('counters')
          .doc('half2')
          .update({ data: { n: 1 } });
        await t.collection('members').add({ data: { _id: 'p3', phone: '200' } });
        await db.collection('members').add({ data: { _id: 'p4', phone: '200' } });
      }),
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
    expect(err.message).toMatch(/E11000 duplicate key/);
    expect(await counter('half2')).toBe(0);
    expect(await exists('members', 'p3')).toBe(false);
    expect(await exists('members', 'p4')).toBe(true);
  });

  it('keeps where() writes inside the callback outside the transaction, as the SDK sends them without its id', async () => {
    await db.collection('todos').add({ data: { _id: 'w-out', owner: 'tx-where', v: 0 } });
    await rejection(
      db.runTransaction(async (t: Sdk) => {
        await t
          .collection('todos')
          .where({ owner: 'tx-where' })
          .update({ data: { v: 1 } });
        throw new Error('rollback');
      }),
    );
    expect((await db.collection('todos').doc('w-out').get()).data.v).toBe(1);
  });
});
