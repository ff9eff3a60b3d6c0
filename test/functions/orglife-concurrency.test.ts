// 民主评议 under concurrency over the local cloud: a branch of 60 voting at once, each voter also changing the ballot
// concurrently, leaves exactly one ballot per voter, and the tally equals a count of what each voter last cast.
import type { ActionName } from '@/domain/api';
import type { ReviewGrade } from '@/domain/api/points';
import { REVIEW_GRADES } from '@/domain/api/points';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { ADMIN, allDocs, sdkDb, seedBasic } from './support';

jest.setTimeout(120_000);

const N = 60;
let cloud: TestCloud;
const call = <A extends ActionName<'orglife'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('orglife', action, data, openid);
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const Y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await expectOk(cloud.call('org', 'saveOrg', { orgId: 'b9', name: '大支部', parentId: 'p1' }, ADMIN));
  const rows = Array.from({ length: N }, (_, i) => ({
    name: `党员${i}`,
    phone: `1370000${String(i).padStart(4, '0')}`,
    orgId: 'b9',
  }));
  await expectOk(cloud.call('org', 'importMembers', { rows }, ADMIN));
  // Bind every member as user.bind would (users/<openid> -> memberId), without 60 rate-limited bind calls.
  const members = (await allDocs('members')).filter((m) => m.orgId === 'b9');
  await sdkDb()
    .collection('users')
    .add({ data: members.map((m) => ({ _id: `v-${m._id}`, roles: [], hasGrants: false, memberId: m._id })) });
});
afterAll(() => cloud.close());

it('keeps one ballot per voter when everyone votes at once and changes it concurrently; the tally counts last ballots', async () => {
  const { reviewId } = await expectOk(
    call('openReview', { orgId: 'b9', year: Y, startAt: minutes(-1), endAt: minutes(60) }, ADMIN),
  );
  const voters = (await allDocs('members')).filter((m) => m.orgId === 'b9').map((m) => `v-${m._id}`);
  const form = await expectOk(call('ballot', { reviewId }, voters[0]));
  const candidates = form.candidates.map((c) => c.memberId);
  expect(candidates).toHaveLength(N);
  // Voter v grades candidate c by (v + c + round) mod 4; every voter sends round 0 and round 1 at the same time.
  const ballot = (v: number, round: number) =>
    candidates.map((memberId, c) => ({ memberId, grade: REVIEW_GRADES[(v + c + round) % 4] }));

  const results = await Promise.all(
    voters.flatMap((openid, v) => [0, 1].map((round) => call('vote', { reviewId, grades: ballot(v, round) }, openid))),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  const stored = await allDocs('orglife_ballots');
  expect(stored).toHaveLength(N);

  // Whichever of a voter's two ballots landed last is theirs; both rounds give each candidate a known spread, so
  // compare the stored ballots' own count with the tally instead of guessing the order.
  const expected = new Map(candidates.map((m) => [m, [0, 0, 0, 0]]));
  for (const b of stored)
    for (const g of b.grades as Array<{ memberId: string; grade: ReviewGrade }>)
      expected.get(g.memberId)![REVIEW_GRADES.indexOf(g.grade)]++;
  // Each stored ballot is exactly one of the two its voter sent (never a mix).
  const sent = new Set(
    voters.flatMap((_, v) => [0, 1].map((round) => JSON.stringify(ballot(v, round).map((g) => g.grade)))),
  );
  for (const b of stored)
    expect(sent.has(JSON.stringify((b.grades as Array<{ grade: string }>).map((g) => g.grade)))).toBe(true);

  await expectOk(call('closeReview', { reviewId }, ADMIN));
  const tally = await expectOk(call('tally', { reviewId }, ADMIN));
  expect(tally).toMatchObject({ voters: N, electorate: N, quorum: true });
  for (const row of tally.rows) {
    expect(row.counts).toEqual(expected.get(row.memberId));
    expect(row.counts!.reduce((s, n) => s + n, 0)).toBe(N);
  }
});
