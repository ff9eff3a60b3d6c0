// readPage (server/db.ts) through the REAL wx-server-sdk: one read per page, hasMore exact at the page boundaries.
import { readPage } from '../../server/db';
import type { Database } from '../../server/db';
import { openHarness } from './fixtures-db/harness';
import type { DbHarness } from './fixtures-db/harness';

let h: DbHarness;
let db: Database;

beforeAll(async () => {
  h = openHarness();
  db = h.cloud.database();
  // 10 rows in group a (n 0..9), 3 in group b: the query must keep its filter and order.
  await db.collection('big').add({
    data: [
      ...Array.from({ length: 10 }, (_, n) => ({ _id: `a${n}`, group: 'a', n })),
      ...Array.from({ length: 3 }, (_, n) => ({ _id: `b${n}`, group: 'b', n })),
    ],
  });
});
afterAll(() => h.close());

const groupA = () => db.collection('big').where({ group: 'a' }).orderBy('n', 'desc');

async function page(index: number, size: number) {
  const { result, ops } = await h.record(() => readPage(groupA(), index, size));
  return { ids: result.rows.map((r) => r._id), hasMore: result.hasMore, ops };
}

it('reads the first page of a longer list in one query and says more follow', async () => {
  const first = await page(0, 4);
  expect(first.ids).toEqual(['a9', 'a8', 'a7', 'a6']);
  expect(first.hasMore).toBe(true);
  expect(first.ops.map((o) => `${o.kind}:${o.api}`)).toEqual(['read:database.getDocument']);
});

it('says no more follow when the last page is exactly full', async () => {
  const last = await page(1, 5);
  expect(last.ids).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']);
  expect(last.hasMore).toBe(false);
  expect(last.ops).toHaveLength(1);
});

it('answers a short last page and a page past the end without more', async () => {
  const short = await page(2, 4);
  expect(short.ids).toEqual(['a1', 'a0']);
  expect(short.hasMore).toBe(false);
  const past = await page(5, 4);
  expect(past.ids).toEqual([]);
  expect(past.hasMore).toBe(false);
  expect(past.ops).toHaveLength(1);
});

it('keeps the projection of the query', async () => {
  const { rows } = await readPage(groupA().field({ n: true }), 0, 2);
  expect(rows).toEqual([
    { _id: 'a9', n: 9 },
    { _id: 'a8', n: 8 },
  ]);
});
