// Conformance of the emulator's realtime gateway (GET /api/watch, emulator/realtime/watch.ts): a watcher gets the
// document now and after every change in order; collections clients may not read cannot be watched; a dropped
// watcher re-opens and gets the current document; the feed's own reads are not counted as the functions' operations.
import { openSse } from '../../emulator/realtime/sse-client';
import type { TestGateway } from '../helpers/cloud';
import { startTestGateway } from '../helpers/cloud';
import { sdkDb } from '../functions/support';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const watchUrl = (collection: string, docId: string, openid = 'o-1') =>
  `${gw.url}/api/watch?collection=${collection}&docId=${encodeURIComponent(docId)}&openid=${openid}`;

/** Resolves once `list` holds `n` items (or fails after 5 s). */
async function until<T>(list: T[], n: number): Promise<T[]> {
  const end = Date.now() + 5000;
  while (list.length < n) {
    if (Date.now() > end) throw new Error(`waited for ${n} events, got ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return list;
}

describe('GET /api/watch', () => {
  it('sends the document now and after each change, in order', async () => {
    const db = sdkDb();
    await db.collection('live_sessions').add({ data: { _id: 'w1', n: 0 } });
    const seen: unknown[] = [];
    const stream = await openSse(watchUrl('live_sessions', 'w1'), (d) => seen.push(d));
    try {
      expect(stream.status).toBe(200);
      expect(await until(seen, 1)).toEqual([{ _id: 'w1', n: 0 }]);
      for (let n = 1; n <= 5; n++) await db.collection('live_sessions').doc('w1').update({ data: { n } });
      // A write elsewhere in the collection does not resend this document.
      await db.collection('live_sessions').add({ data: { _id: 'w2', n: 9 } });
      await db
        .collection('live_sessions')
        .doc('w1')
        .update({ data: { n: 6, at: new Date('2026-07-01T01:00:00Z') } });
      await until(seen, 7);
      expect(seen.map((d) => (d as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(seen[6]).toEqual({ _id: 'w1', n: 6, at: '2026-07-01T01:00:00.000Z' });
      await db.collection('live_sessions').doc('w1').remove();
      expect((await until(seen, 8))[7]).toBeNull();
    } finally {
      stream.close();
    }
  });

  it('sends null for a document that does not exist yet, then the document once written', async () => {
    const seen: unknown[] = [];
    const stream = await openSse(watchUrl('live_boards', 'later'), (d) => seen.push(d), {});
    try {
      expect(await until(seen, 1)).toEqual([null]);
      await sdkDb()
        .collection('live_boards')
        .add({ data: { _id: 'later', players: [] } });
      expect((await until(seen, 2))[1]).toEqual({ _id: 'later', players: [] });
    } finally {
      stream.close();
    }
  });

  it('refuses collections clients may not read (403 with the envelope) and bad parameters (400)', async () => {
    const runs = await openSse(watchUrl('live_runs', 'w1'), () => undefined);
    expect(runs.status).toBe(403);
    expect(JSON.parse(runs.body)).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '集合 live_runs 不允许客户端读取，不能监听' },
    });
    expect((await openSse(watchUrl('users', 'admin'), () => undefined)).status).toBe(403);
    const bad = await openSse(`${gw.url}/api/watch?collection=live_sessions`, () => undefined);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_ARGUMENT');
    const badId = await openSse(watchUrl('live_sessions', 'x', 'bad id!'), () => undefined);
    expect(badId.status).toBe(400);
  });

  it('takes the caller from X-WX-OPENID too', async () => {
    const seen: unknown[] = [];
    const stream = await openSse(`${gw.url}/api/watch?collection=live_sessions&docId=none`, (d) => seen.push(d), {
      'X-WX-OPENID': 'o-2',
    });
    expect(stream.status).toBe(200);
    expect(await until(seen, 1)).toEqual([null]);
    stream.close();
  });

  it('resumes: a watcher that dropped re-opens and gets the current document, then the changes', async () => {
    const db = sdkDb();
    await db.collection('live_sessions').add({ data: { _id: 'r1', n: 0 } });
    const first: unknown[] = [];
    const a = await openSse(watchUrl('live_sessions', 'r1'), (d) => first.push(d));
    await until(first, 1);
    a.close();
    // Changes while disconnected.
    await db
      .collection('live_sessions')
      .doc('r1')
      .update({ data: { n: 1 } });
    await db
      .collection('live_sessions')
      .doc('r1')
      .update({ data: { n: 2 } });
    const again: unknown[] = [];
    const b = await openSse(watchUrl('live_sessions', 'r1'), (d) => again.push(d));
    try {
      expect(await until(again, 1)).toEqual([{ _id: 'r1', n: 2 }]);
      await db
        .collection('live_sessions')
        .doc('r1')
        .update({ data: { n: 3 } });
      expect((await until(again, 2))[1]).toEqual({ _id: 'r1', n: 3 });
      expect(first).toEqual([{ _id: 'r1', n: 0 }]);
    } finally {
      b.close();
    }
  });

  it("does not count its own reads as the functions' database operations", async () => {
    const db = sdkDb();
    await db.collection('live_sessions').add({ data: { _id: 'c1', n: 0 } });
    const seen: unknown[] = [];
    const stream = await openSse(watchUrl('live_sessions', 'c1'), (d) => seen.push(d));
    await until(seen, 1);
    const ops: string[] = [];
    const stop = gw.db.onOperation((op) => ops.push(op.kind));
    await db
      .collection('live_sessions')
      .doc('c1')
      .update({ data: { n: 1 } });
    await until(seen, 2);
    stop();
    stream.close();
    expect(ops).toEqual(['write']);
  });
});
