// Benchmark cases for 知识竞赛: start, submit and the leaderboards on competitions holding 10,000 and 100,000
// stored attempts. The stored attempts (with their best results and org aggregates) are seeded straight into the
// database with the SDK's batched add, in the shapes `quiz.submit` writes; the timed calls go through the gateway
// as bound members. The point: leaderboard reads stay the same whatever the number of attempts.
import type { StartResult } from '../../src/domain/api/quiz';

import type { OrgSums } from '../../src/domain/quiz';
import { quizMoveTally, quizQuestionId, quizRankKey, quizScore, quizTallyShard } from '../../src/domain/quiz';
import type { BenchCase, BenchContext } from '../harness';
import { must, sdkDatabase } from '../harness';
import { BENCH_ADMIN, rosterRow } from './identity';

const BATCH = 1000;
const BRANCHES = 5;
/** Bound members who take part in the timed runs (one start and one submit each per competition). */
const TAKERS = 50;
const QUESTIONS = 10;

const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
const taker = (i: number) => `bench-quiz-${i}`;

/** A bank of 60 questions (30 单选, 15 多选, 15 判断). */
function bank() {
  return Array.from({ length: 60 }, (_, i) => {
    if (i < 30)
      return {
        type: 'single',
        stem: `基准单选题${i}`,
        options: ['甲', '乙', '丙', '丁'],
        answer: [i % 4],
        analysis: '解析',
      };
    if (i < 45)
      return {
        type: 'multiple',
        stem: `基准多选题${i}`,
        options: ['甲', '乙', '丙', '丁'],
        answer: [0, 1 + (i % 3)],
        analysis: '解析',
      };
    return { type: 'judge', stem: `基准判断题${i}`, answer: [i % 2], analysis: '解析' };
  });
}

interface Fixture {
  branchIds: string[];
}
let fixture: Fixture | null = null;

/** The bank, five branches with 20 members each, and TAKERS of them bound (once for all cases). */
async function ensureFixture(ctx: BenchContext): Promise<Fixture> {
  if (fixture) return fixture;
  await must(ctx.call('quiz', 'importQuestions', { questions: bank() }, BENCH_ADMIN));
  const party = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '基准测试竞赛党委' }, BENCH_ADMIN));
  const branchIds: string[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const org = await must(
      ctx.call<{ orgId: string }>(
        'org',
        'saveOrg',
        { name: `基准测试竞赛第${b + 1}支部`, parentId: party.orgId },
        BENCH_ADMIN,
      ),
    );
    branchIds.push(org.orgId);
  }
  const rows = Array.from({ length: TAKERS * 2 }, (_, i) => rosterRow(i, branchIds[i % BRANCHES], 7));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  for (let i = 0; i < TAKERS; i++)
    await must(ctx.call('user', 'bind', { name: rows[i].name, phone: rows[i].phone }, taker(i)));
  fixture = { branchIds };
  return fixture;
}

interface Competition {
  quizId: string;
  started: StartResult[];
}
const competitions = new Map<number, Competition>();

/**
 * A competition with `stored` submitted attempts by stored/2 members (two each, the better one their best), their
 * best results and the org aggregates, as submits would have left them.
 */
async function ensureCompetition(ctx: BenchContext, stored: number): Promise<Competition> {
  const existing = competitions.get(stored);
  if (existing) return existing;
  const { branchIds } = await ensureFixture(ctx);
  const now = Date.now();
  const { quizId } = await must(
    ctx.call<{ quizId: string }>(
      'quiz',
      'createQuiz',
      {
        title: `基准测试竞赛（${stored}）`,
        startAt: iso(now - 86400_000),
        endAt: iso(now + 86400_000),
        questionCount: QUESTIONS,
        perType: { single: 5, multiple: 3, judge: 2 },
        timeLimitSec: 3600,
        maxAttempts: 3,
      },
      BENCH_ADMIN,
    ),
  );
  const db = sdkDatabase();
  const questions = bank()
    .slice(0, QUESTIONS)
    .map((q) => ({
      questionId: quizQuestionId(q.stem),
      type: q.type,
      stem: q.stem,
      options: q.options ?? ['正确', '错误'],
      answer: q.answer,
      analysis: q.analysis,
      tags: [],
      order: [0, 1, 2, 3],
    }));
  // The branch sums in their shards, as the submits would have left them.
  const shards = new Map<number, OrgSums>();
  const bests: Array<Record<string, unknown>> = [];
  for (let start = 0; start < stored; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, stored - start) }, (_, k) => {
      const i = start + k;
      const member = Math.floor(i / 2);
      const n = (i % 2) + 1;
      const correct = (member * 7 + n * 3) % (QUESTIONS + 1);
      const score = quizScore(correct, QUESTIONS);
      const durationMs = 60_000 + ((member * 37 + n * 11) % 600) * 1000;
      const submittedMs = now - 3600_000 + i;
      const orgId = branchIds[member % BRANCHES];
      return {
        _id: `${quizId}:bench-qm-${member}:${n}`,
        quizId,
        title: '基准测试竞赛',
        memberId: `bench-qm-${member}`,
        openid: null,
        name: `党员${member}`,
        orgId,
        n,
        status: 'submitted',
        seed: 'bench',
        startedAt: new Date(submittedMs - durationMs),
        startedMs: submittedMs - durationMs,
        deadlineMs: submittedMs - durationMs + 3600_000,
        questions,
        saved: {},
        answers: {},
        results: questions.map((q, j) => ({ questionId: q.questionId, chosen: q.answer, correct: j < correct })),
        score,
        correct,
        total: QUESTIONS,
        durationMs,
        late: false,
        flagged: false,
        submittedAt: new Date(submittedMs),
        submittedMs,
      };
    });
    await db.collection('quiz_attempts').add({ data: docs });
    for (let k = 0; k + 1 < docs.length; k += 2) {
      const [a, b] = [docs[k], docs[k + 1]];
      const best = quizRankKey(b.score, b.durationMs) > quizRankKey(a.score, a.durationMs) ? b : a;
      bests.push({
        _id: `${quizId}:${best.memberId}`,
        quizId,
        memberId: best.memberId,
        name: best.name,
        orgId: best.orgId,
        score: best.score,
        durationMs: best.durationMs,
        rankKey: quizRankKey(best.score, best.durationMs),
        submittedMs: best.submittedMs,
        attemptId: best._id,
        shard: quizTallyShard(best.memberId),
        version: 1,
      });
      const shard = quizTallyShard(best.memberId);
      shards.set(shard, quizMoveTally(shards.get(shard) ?? {}, null, { orgId: best.orgId, score: best.score }));
    }
    // A cheap call now and then keeps the gateway's keep-alive connection from idling out during the seeding.
    if ((start / BATCH) % 10 === 9) await must(ctx.call('quiz', 'listQuizzes', {}, taker(0)));
  }
  for (let i = 0; i < bests.length; i += BATCH)
    await db.collection('quiz_best').add({ data: bests.slice(i, i + BATCH) });
  await db.collection('quiz_stats').add({
    data: [...shards].map(([shard, orgs]) => ({ _id: `${quizId}:${shard}`, quizId, shard, orgs, version: 1 })),
  });
  // The ranking timer keeps the roster sizes fresh; count them once here as it would have.
  await must(ctx.call('quiz', 'leaderboard', { quizId, by: 'org' }, taker(0)));
  const c = { quizId, started: [] };
  competitions.set(stored, c);
  return c;
}

function casesAt(stored: number): BenchCase[] {
  const label = stored.toLocaleString('en');
  const setup = async (ctx: BenchContext) => void (await ensureCompetition(ctx, stored));
  const quiz = () => competitions.get(stored) as Competition;
  return [
    {
      name: 'quiz.start',
      scenario: `a member starts: draw ${QUESTIONS} of 60, shuffle, store (${label} stored attempts)`,
      iterations: TAKERS,
      setup,
      run: async (ctx, i) => {
        const r = await ctx.call<StartResult>('quiz', 'start', { quizId: quiz().quizId }, taker(i));
        if (r.ok) quiz().started[i] = r.data;
        return r;
      },
    },
    {
      name: 'quiz.submit',
      scenario: `the member submits: scored, best result and org aggregate updated, points (${label} stored)`,
      iterations: TAKERS,
      setup,
      run: (ctx, i) => {
        const s = quiz().started[i];
        const answers = Object.fromEntries(s.questions.map((q, j) => [q.questionId, [j % q.options.length]]));
        return ctx.call('quiz', 'submit', { attemptId: s.attemptId, answers }, taker(i));
      },
    },
    {
      name: 'quiz.leaderboard',
      scenario: `member board, page 1 and my rank (${label} attempts, ${(stored / 2 + TAKERS).toLocaleString('en')} on the board)`,
      iterations: TAKERS,
      setup,
      run: (ctx, i) => ctx.call('quiz', 'leaderboard', { quizId: quiz().quizId, by: 'member' }, taker(i)),
    },
    {
      name: 'quiz.leaderboard',
      scenario: `member board, page 40 (ranks from a count query; ${label} attempts)`,
      iterations: 20,
      setup,
      run: (ctx, i) => ctx.call('quiz', 'leaderboard', { quizId: quiz().quizId, by: 'member', page: 40 }, taker(i)),
    },
    {
      name: 'quiz.leaderboard',
      scenario: `org board with the caller's branch (${label} attempts)`,
      iterations: TAKERS,
      setup,
      run: (ctx, i) => ctx.call('quiz', 'leaderboard', { quizId: quiz().quizId, by: 'org' }, taker(i)),
    },
  ];
}

export const quizCases: BenchCase[] = [...casesAt(10_000), ...casesAt(100_000)];
