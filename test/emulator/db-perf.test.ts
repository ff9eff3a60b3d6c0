// Guards against pathological slowness (a parse per query, a network timeout per request) with bounds about ten
// times what an idle machine takes, so a loaded CI machine does not fail them; prints the timings. Speed itself is
// measured by `npm run bench`, not here.
import { openHarness } from './fixtures-db/harness';
import type { DbHarness, Sdk } from './fixtures-db/harness';

let h: DbHarness;
let db: Sdk;
let _: Sdk;
const timings: string[] = [];

beforeAll(() => {
  h = openHarness();
  db = h.cloud.database();
  _ = db.command;
});
afterAll(() => {
  console.log(`database timings on this machine:\n${timings.join('\n')}`);
  h.close();
});

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  timings.push(`  ${label}: ${ms.toFixed(1)} ms`);
  return { result, ms };
}

it('acknowledges 1,000 sequential adds (each fsync’d) in well under 50 s', async () => {
  const { ms } = await timed('1,000 sequential adds through the SDK', async () => {
    for (let i = 0; i < 1000; i++) await db.collection('todos').add({ data: { owner: `o${i % 10}`, i } });
  });
  expect(ms).toBeLessThan(50_000);
}, 60_000);

it('queries 5,000 documents quickly, with and without an index', async () => {
  const docs = Array.from({ length: 5000 }, (_x, i) => ({
    group: `g${i % 50}`,
    n: i,
    name: `成员${i}`,
    at: new Date(i * 60_000),
  }));
  for (let i = 0; i < docs.length; i += 500) await db.collection('big').add({ data: docs.slice(i, i + 500) });

  const scan = await timed<Sdk>('full scan + sort of 5,000 docs, page of 100', () =>
    db
      .collection('big')
      .where({ n: _.gte(100) })
      .orderBy('at', 'desc')
      .limit(100)
      .get(),
  );
  expect(scan.result.data).toHaveLength(100);
  expect(scan.result.data[0].n).toBe(4999);
  expect(scan.ms).toBeLessThan(5000);

  const indexed = await timed<Sdk>('indexed equality (group) + sort over 5,000 docs', () =>
    db
      .collection('big')
      .where({ group: 'g7', n: _.gt(1000) })
      .orderBy('n', 'asc')
      .get(),
  );
  expect(indexed.result.data).toHaveLength(80);
  expect(indexed.ms).toBeLessThan(1000);

  const count = await timed<Sdk>('count with a regex over 5,000 docs', () =>
    db
      .collection('big')
      .where({ name: /^成员1/ })
      .count(),
  );
  expect(count.result.total).toBe(1111);

  const ids = (await db.collection('big').limit(100).get()).data.map((d: { _id: string }) => d._id);
  const gets = await timed('100 doc(id).get() calls', async () => {
    for (const id of ids) await db.collection('big').doc(id).get();
  });
  expect(gets.ms).toBeLessThan(10_000);
}, 60_000);
