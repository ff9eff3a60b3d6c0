// The branch (支部) board of a running competition is exact at every moment: fast-check's scheduler decides the order
// of every database request of concurrent submits (several per member, better and worse, twice at once, late, or
// stopped after scoring; members sharing shards of the sums), the timer's closing and finishing of attempts and its
// recounts, and after each request the branch sums equal those computed from scratch from the best results.
import { AsyncLocalStorage } from 'node:async_hooks';
import fc from 'fast-check';
import { applyPendingResults, closeExpiredAttempts } from '../../cloudfunctions/quiz/attempt';
import { readQuizSums, recomputeQuizStats } from '../../cloudfunctions/quiz/store';
import type { MemberResult, OrgSums } from '../../src/domain/quiz';
import {
  QUIZ_GRACE_MS,
  quizBetterResult,
  quizRankOrgs,
  quizSameSums,
  quizTallyShard,
  quizTallySums,
} from '../../src/domain/quiz';
import type { Doc } from '../../server/db';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { answersFor, createQuiz, importBank } from './quiz-support';
import { ADMIN, allDocs, sdkDb, seedBasic } from './support';

jest.setTimeout(300_000);

/** Members on the roster besides the seeded nine, so that takers sharing shards can be picked. */
const EXTRA = 150;
/** Takers: three in each of two shards, from different branches, so that their submits contend. */
const TAKERS_PER_SHARD = 3;
const takers: Array<{ openid: string; memberId: string }> = [];
const BRANCH_NAMES: Record<string, string> = {
  b1: '市教育局机关第一党支部',
  b2: '市教育局机关第二党支部',
  b3: '市公安局机关第一党支部',
};

type Kind = 'submit' | 'twice' | 'late' | 'stopped';
interface PlannedAttempt {
  correct: number;
  kind: Kind;
}

let cloud: TestCloud;
/** Which actor a database request comes from; requests outside any actor (the checks) are not scheduled. */
const actor = new AsyncLocalStorage<string>();
let scheduler: fc.Scheduler | null = null;
/** Actors whose function "stopped" right after scoring: their later requests fail. */
const stopped = new Set<string>();
let inFlight = 0;
/** Holds an actor's request until the returned promise resolves (for a race set up step by step). */
let pause: ((who: string, api: string, collection: string) => Promise<void> | undefined) | null = null;

beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  const rows = Array.from({ length: EXTRA }, (_, i) => ({
    name: `党员${i}`,
    phone: `1370000${String(i).padStart(4, '0')}`,
    orgId: ['b1', 'b2', 'b3'][i % 3],
  }));
  await expectOk(cloud.call('org', 'importMembers', { rows }, ADMIN));
  const byShard = new Map<number, Doc[]>();
  for (const m of await allDocs('members')) {
    const k = quizTallyShard(m._id);
    byShard.set(k, [...(byShard.get(k) ?? []), m]);
  }
  const crowded = [...byShard.values()]
    .filter((ms) => new Set(ms.map((m) => m.orgId)).size >= 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, 2);
  for (const ms of crowded)
    for (const m of ms.slice(0, TAKERS_PER_SHARD)) {
      const openid = `taker-${m._id}`;
      await expectOk(cloud.call('user', 'bind', { name: m.name, phone: m.phone }, openid));
      takers.push({ openid, memberId: m._id });
    }
  expect(takers).toHaveLength(2 * TAKERS_PER_SHARD);
  await importBank(cloud);
  const request = cloud.db.request.bind(cloud.db);
  cloud.db.request = async (api, data) => {
    const who = actor.getStore();
    if (who && pause) await pause(who, api, String(data.collectionName ?? ''));
    if (!who || !scheduler) return request(api, data);
    if (stopped.has(who)) throw new Error(`${who} stopped`);
    await scheduler.schedule(Promise.resolve(), `${who} ${api} ${String(data.collectionName ?? '')}`);
    inFlight++;
    try {
      return await request(api, data);
    } finally {
      inFlight--;
      // The submit's scoring write landed: the function stops before its best result and points.
      if (who.endsWith(':stop') && api === 'database.modifyDocument' && data.collectionName === 'quiz_attempts')
        stopped.add(who);
    }
  };
}, 120_000);
afterAll(() => cloud?.close());

const db = () => sdkDb();
const later = () => new Date(Date.now() + 61_000);
const tick = () => new Promise((r) => setTimeout(r, 1));

/** The branch sums from scratch: every best result of the competition. */
async function sumsFromBest(quizId: string): Promise<OrgSums> {
  const { data } = await db().collection('quiz_best').where({ quizId }).limit(100).get();
  return quizTallySums(data.map((d) => ({ orgId: String(d.orgId), score: Number(d.score) })));
}

async function expectExact(quizId: string, step: string): Promise<void> {
  const [stored, scratch] = [await readQuizSums(db(), quizId), await sumsFromBest(quizId)];
  if (!quizSameSums(stored, scratch))
    throw new Error(
      `after ${step}: stored ${JSON.stringify(stored)} ≠ from the best results ${JSON.stringify(scratch)}`,
    );
}

/** One member taking their planned attempts one after another. */
async function takeAttempts(quizId: string, openid: string, plan: PlannedAttempt[]): Promise<void> {
  for (const [j, a] of plan.entries()) {
    const s = await actor.run(`${openid}:${j}`, () => expectOk(cloud.call('quiz', 'start', { quizId }, openid)));
    const answers = answersFor(s.questions, a.correct);
    const submit = (who: string, correct = a.correct) =>
      actor.run(who, () =>
        cloud.call('quiz', 'submit', { attemptId: s.attemptId, answers: answersFor(s.questions, correct) }, openid),
      );
    let results;
    switch (a.kind) {
      case 'submit':
        results = [await submit(`${openid}:${j}`)];
        break;
      case 'twice':
        results = await Promise.all([submit(`${openid}:${j}:a`), submit(`${openid}:${j}:b`, 10 - a.correct)]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        break;
      case 'late':
        await actor.run(`${openid}:${j}`, () =>
          expectOk(cloud.call('quiz', 'saveAnswers', { attemptId: s.attemptId, answers }, openid)),
        );
        // The phone comes back after the deadline and its grace (the timer may close the attempt first).
        await db()
          .collection('quiz_attempts')
          .doc(s.attemptId)
          .update({ data: { deadlineMs: Date.now() - QUIZ_GRACE_MS - 1000 } });
        results = [await submit(`${openid}:${j}`)];
        break;
      case 'stopped':
        results = [await submit(`${openid}:${j}:stop`)];
        break;
    }
    for (const r of results)
      if (!r.ok) expect(['FAILED_PRECONDITION', ...(a.kind === 'stopped' ? ['INTERNAL'] : [])]).toContain(r.error.code);
  }
}

/** The ranking timer's quiz work for this competition: close, finish, recount (which finds nothing to correct). */
async function timer(quizId: string, k: number): Promise<void> {
  await actor.run(`timer-${k}`, async () => {
    await closeExpiredAttempts(db(), later());
    await applyPendingResults(db(), later());
    expect(await recomputeQuizStats(db(), quizId, new Date())).toBe(0);
  });
}

/** Runs the actors, releasing one database request at a time in the scheduler's order, checking after each. */
async function interleave(s: fc.Scheduler, quizId: string, actors: Array<() => Promise<void>>): Promise<number> {
  let done = false;
  const all = Promise.all(actors.map((run) => run())).finally(() => {
    done = true;
  });
  all.catch(() => undefined);
  let steps = 0;
  while (!done) {
    if (s.count() === 0) {
      // Every actor is between requests (a retry's pause) or waiting for a lock.
      await tick();
      continue;
    }
    await s.waitOne();
    // Let the released request finish (unless it waits for a lock another actor holds) before reading.
    for (let i = 0; i < 50 && inFlight > 0; i++) await tick();
    await expectExact(quizId, `step ${++steps}`);
  }
  await all;
  return steps;
}

it('keeps the branch sums equal to the best results after every request, in any order', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const planned = fc.record({
    correct: fc.integer({ min: 0, max: 10 }),
    kind: fc.constantFrom<Kind>('submit', 'submit', 'twice', 'late', 'stopped'),
  });
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.array(fc.array(planned, { maxLength: 3 }), { minLength: takers.length, maxLength: takers.length }),
      fc.integer({ min: 1, max: 3 }),
      async (s, plans, timers) => {
        runs++;
        stopped.clear();
        const quizId = await createQuiz(cloud, { maxAttempts: 3 });
        scheduler = s;
        try {
          await interleave(s, quizId, [
            ...takers.map((t, i) => () => takeAttempts(quizId, t.openid, plans[i])),
            ...Array.from({ length: timers }, (_, k) => () => timer(quizId, k)),
          ]);
        } finally {
          scheduler = null;
        }
        // Whatever a stopped submit or a late phone left is finished by a last timer run.
        await closeExpiredAttempts(db(), later());
        await applyPendingResults(db(), later());
        await expectExact(quizId, 'the last timer run');

        // The best results are the best of each member's submitted attempts ...
        const attempts = (await db().collection('quiz_attempts').where({ quizId }).limit(100).get()).data;
        expect(attempts.every((a) => a.status === 'submitted' && a.applied === true)).toBe(true);
        const best = new Map<string, MemberResult>();
        for (const a of [...attempts].sort((x, y) => Number(x.submittedMs) - Number(y.submittedMs))) {
          const r = {
            memberId: String(a.memberId),
            name: String(a.name),
            orgId: String(a.orgId),
            score: Number(a.score),
            durationMs: Number(a.durationMs),
            submittedMs: Number(a.submittedMs),
          };
          if (quizBetterResult(r, best.get(r.memberId) ?? null)) best.set(r.memberId, r);
        }
        const stored = (await db().collection('quiz_best').where({ quizId }).limit(100).get()).data;
        expect(new Map(stored.map((d) => [String(d.memberId), Number(d.score)]))).toEqual(
          new Map([...best.values()].map((b) => [b.memberId, b.score])),
        );
        // ... and the board shows each branch's participants and average over them.
        const board = await expectOk(cloud.call('quiz', 'leaderboard', { quizId, by: 'org' }, ADMIN));
        const tallies = quizTallySums([...best.values()]);
        const roster = quizTallySums((await allDocs('members')).map((m) => ({ orgId: String(m.orgId), score: 0 })));
        expect(board.rows).toEqual(
          quizRankOrgs(
            Object.keys(BRANCH_NAMES).map((orgId) => ({
              orgId,
              name: BRANCH_NAMES[orgId],
              participants: tallies[orgId]?.participants ?? 0,
              scoreSum: tallies[orgId]?.scoreSum ?? 0,
              expected: roster[orgId].participants,
            })),
          ),
        );
      },
    ),
    { numRuns: 12 },
  );
  expect(runs).toBe(12);
});

it('lets a recount correct a drifted shard without dropping a submit that lands while it counts', async () => {
  const quizId = await createQuiz(cloud, { maxAttempts: 3 });
  const [first, second] = takers;
  const take = async (openid: string, correct: number) => {
    const s = await expectOk(cloud.call('quiz', 'start', { quizId }, openid));
    return expectOk(
      cloud.call('quiz', 'submit', { attemptId: s.attemptId, answers: answersFor(s.questions, correct) }, openid),
    );
  };
  await take(first.openid, 5);
  // The shard of both takers is changed by hand (a repair gone wrong): the recount is to correct it.
  const shardId = `${quizId}:${quizTallyShard(first.memberId)}`;
  await db()
    .collection('quiz_stats')
    .doc(shardId)
    .update({ data: { orgs: { b9: { participants: 7, scoreSum: 1 } } } });

  // The recount has read the shard and counted the best results; before it writes, the second taker submits.
  let release = () => undefined as void;
  const held = new Promise<void>((r) => (release = r));
  let counted = false;
  pause = (who, api, collection) => {
    if (who !== 'recount' || collection !== 'quiz_stats' || api !== 'database.modifyDocument') return undefined;
    counted = true;
    return held;
  };
  try {
    const recount = actor.run('recount', () => recomputeQuizStats(db(), quizId, new Date()));
    while (!counted) await tick();
    const r = await take(second.openid, 8);
    release();
    // Its write finds the shard changed since it read it and is not made: the submit stays counted.
    expect(await recount).toBe(0);
    expect((await sumsFromBest(quizId)).b9).toBeUndefined();
    const sums = await readQuizSums(db(), quizId);
    expect(sums.b9).toEqual({ participants: 7, scoreSum: 1 });
    const secondOrg = String((await db().collection('members').doc(second.memberId).get()).data?.orgId);
    expect(sums[secondOrg]?.scoreSum).toBeGreaterThanOrEqual(r.score);
  } finally {
    pause = null;
  }
  // The next run corrects it.
  expect(await recomputeQuizStats(db(), quizId, new Date())).toBe(1);
  await expectExact(quizId, 'the second recount');
});
