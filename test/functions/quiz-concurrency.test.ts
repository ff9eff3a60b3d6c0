// The quiz under load over the local cloud: 100 concurrent submits of one attempt score it once, and 1,000 members
// starting and submitting at once get consistent results and leaderboards equal to a brute-force ranking.
import type { MemberRankRow, SubmitResult } from '../../src/domain/api/quiz';
import type { Envelope } from '../../src/domain/errors';
import type { MemberResult } from '../../src/domain/quiz';
import { quizBetterResult, quizRankMembers, quizRankOrgs } from '../../src/domain/quiz';
import type { RawCall, TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { answersFor, branchSums, createQuiz, importBank } from './quiz-support';
import { ADMIN, allDocs, getDoc, MEMBER, sdkDb, seedBasic, seedRoles } from './support';
import type { ActionName } from '@/domain/api';

jest.setTimeout(240_000);

let cloud: TestCloud;
const call = <A extends ActionName<'quiz'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('quiz', action, data, openid);

// The calls still running. A test that fails at its first rejected expectOk inside Promise.all, or runs past its
// timeout on a loaded machine, leaves the others running; closing the cloud under them let the SDK's slow-request
// warnings and the runtime's errors log after the file was done. afterEach lets them finish first.
const inflight = new Set<Promise<unknown>>();
function tracked(c: TestCloud): TestCloud {
  const callRaw: RawCall = (...args) => {
    const p = c.callRaw(...args);
    inflight.add(p);
    const done = () => inflight.delete(p);
    p.then(done, done);
    return p;
  };
  return { ...c, call: callRaw, callRaw };
}

beforeEach(async () => {
  cloud = tracked(await createTestCloud({ adminOpenids: [ADMIN] }));
  await seedBasic(cloud);
  await seedRoles(cloud);
  await importBank(cloud);
});
afterEach(async () => {
  await Promise.allSettled([...inflight]);
  await cloud.close();
});

it('scores one attempt once under 100 concurrent submits; the others get FAILED_PRECONDITION', async () => {
  const quizId = await createQuiz(cloud);
  const s = await expectOk(call('start', { quizId }, MEMBER));
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, i % 11) }, MEMBER),
    ),
  );
  const ok = results.filter((r): r is Extract<Envelope<SubmitResult>, { ok: true }> => r.ok);
  expect(ok).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.error.code === 'FAILED_PRECONDITION')).toHaveLength(99);
  const stored = await getDoc('quiz_attempts', s.attemptId);
  expect(stored).toMatchObject({ status: 'submitted', score: ok[0].data.score });
  const memberId = String(stored?.memberId);
  expect(await getDoc('quiz_best', `${quizId}:${memberId}`)).toMatchObject({ score: ok[0].data.score, version: 1 });
  expect(await branchSums(quizId)).toEqual({ b1: { participants: 1, scoreSum: ok[0].data.score } });
  expect((await allDocs('points')).filter((p) => p.memberId === memberId && p.source === 'quiz')).toHaveLength(1);
});

// Its own timeout: alone on this loaded machine (load average 17 on 2 cores) it took 125 s; in the randomized full
// runs of seeds 7919 and 31337, beside the other worker, it ran past the file's 240 s. 600 s leaves room for both.
it('gives 1,000 members starting and submitting at once a leaderboard equal to a brute-force ranking', async () => {
  const N = 1000;
  const orgs = ['b1', 'b2', 'b3'];
  const created = await expectOk(
    cloud.call(
      'org',
      'importMembers',
      {
        rows: Array.from({ length: N }, (_, i) => ({
          name: `党员${i}`,
          phone: `1360000${String(i).padStart(4, '0')}`,
          orgId: orgs[i % 3],
        })),
      },
      ADMIN,
    ),
  );
  expect(created.created).toBe(N);
  // Bind every member as user.bind would (users/<openid> -> memberId), in batches, without 1,000 bind calls.
  const members = (await allDocs('members')).filter((m) => String(m.name).startsWith('党员'));
  const db = sdkDb();
  for (let i = 0; i < members.length; i += 500) {
    await db.collection('users').add({
      data: members
        .slice(i, i + 500)
        .map((m) => ({ _id: `load-${m._id}`, roles: [], hasGrants: false, memberId: m._id })),
    });
  }
  const openids = members.map((m) => `load-${m._id}`);
  const quizId = await createQuiz(cloud, { maxAttempts: 2 });

  const starts = await Promise.all(openids.map((o) => expectOk(call('start', { quizId }, o))));
  expect(new Set(starts.map((s) => s.attemptId)).size).toBe(N);
  // Everyone submits at once; a few submit twice (a second attempt) to exercise best-of.
  const submits = await Promise.all(
    starts.map((s, i) =>
      expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, i % 11) }, openids[i])),
    ),
  );
  submits.forEach((r, i) => expect(r.correct).toBe(i % 11));
  const again = openids.slice(0, 50);
  const seconds = await Promise.all(again.map((o) => expectOk(call('start', { quizId }, o))));
  await Promise.all(
    seconds.map((s, i) =>
      expectOk(call('submit', { attemptId: s.attemptId, answers: answersFor(s.questions, 10 - (i % 3)) }, again[i])),
    ),
  );

  // Brute force over the stored attempts.
  const attempts = (await allDocs('quiz_attempts')).filter((a) => a.quizId === quizId);
  expect(attempts).toHaveLength(N + 50);
  expect(attempts.every((a) => a.status === 'submitted')).toBe(true);
  const best = new Map<string, MemberResult>();
  for (const a of [...attempts].sort((x, y) => Number(x.submittedMs) - Number(y.submittedMs))) {
    const r: MemberResult = {
      memberId: String(a.memberId),
      name: String(a.name),
      orgId: String(a.orgId),
      score: Number(a.score),
      durationMs: Number(a.durationMs),
      submittedMs: Number(a.submittedMs),
    };
    if (quizBetterResult(r, best.get(r.memberId) ?? null)) best.set(r.memberId, r);
  }
  const expected = quizRankMembers([...best.values()]);

  const rows: MemberRankRow[] = [];
  for (let page = 0; ; page++) {
    const board = await expectOk(call('leaderboard', { quizId, by: 'member', page }, ADMIN));
    expect(board.total).toBe(N);
    rows.push(...(board.rows as MemberRankRow[]));
    if (board.rows.length < 50) break;
  }
  const byMember = (r: MemberRankRow[]) => [...r].sort((a, b) => a.memberId.localeCompare(b.memberId));
  expect(byMember(rows)).toEqual(byMember(expected));
  // Listed in rank order (ties in any order among themselves is not allowed to break the ranks).
  expect(rows.every((r, i) => i === 0 || r.rank >= rows[i - 1].rank)).toBe(true);

  // `me` for a sample equals the brute-force rank.
  const rankOf = new Map(expected.map((r) => [r.memberId, r]));
  for (const i of [0, 1, 7, 50, 333, 999]) {
    const me = (await expectOk(call('leaderboard', { quizId, by: 'member' }, openids[i]))).me;
    const want = rankOf.get(String(members[i]._id));
    expect(me).toEqual({ rank: want?.rank, score: want?.score });
  }

  // Orgs: participants and average best score from the brute force, expected from the roster.
  const roster = new Map<string, number>();
  for (const m of await allDocs('members')) roster.set(String(m.orgId), (roster.get(String(m.orgId)) ?? 0) + 1);
  const names: Record<string, string> = {
    b1: '市教育局机关第一党支部',
    b2: '市教育局机关第二党支部',
    b3: '市公安局机关第一党支部',
  };
  const expectedOrgs = quizRankOrgs(
    orgs.map((orgId) => {
      const mine = [...best.values()].filter((b) => b.orgId === orgId);
      return {
        orgId,
        name: names[orgId],
        participants: mine.length,
        scoreSum: mine.reduce((s, b) => s + b.score, 0),
        expected: roster.get(orgId) ?? 0,
      };
    }),
  );
  const orgBoard = await expectOk(call('leaderboard', { quizId, by: 'org' }, ADMIN));
  expect(orgBoard.rows).toEqual(expectedOrgs);
}, 600_000);
