// The 七一 peak: 1,000 bound members start and submit the same competition at the same moment, through the
// gateway, all at once. It fails loudly with the count and codes of failed calls; on WeChat a hot document (one
// counter every submit writes in a transaction) would show up here as conflicts.
import type { StartResult } from '../../src/domain/api/quiz';
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN, rosterRow } from './identity';

const MEMBERS = 1000;
const BRANCHES = 10;
const member = (i: number) => `bench-peak-${i}`;
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

let quizId = '';

/** 1,000 bound members in ten branches and an open competition (the bank comes from the quiz cases or is made here). */
async function ensurePeak(ctx: BenchContext): Promise<void> {
  if (quizId) return;
  const questions = Array.from({ length: 20 }, (_, i) => ({
    type: 'single',
    stem: `七一高峰测试题${i}`,
    options: ['甲', '乙', '丙', '丁'],
    answer: [i % 4],
    analysis: '解析',
  }));
  await must(ctx.call('quiz', 'importQuestions', { questions }, BENCH_ADMIN));
  const party = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '七一高峰党委' }, BENCH_ADMIN));
  const branches: string[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const org = await must(
      ctx.call<{ orgId: string }>(
        'org',
        'saveOrg',
        { name: `七一高峰第${b + 1}支部`, parentId: party.orgId },
        BENCH_ADMIN,
      ),
    );
    branches.push(org.orgId);
  }
  const rows = Array.from({ length: MEMBERS }, (_, i) => rosterRow(i, branches[i % BRANCHES], 8));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  for (let i = 0; i < MEMBERS; i++)
    await must(ctx.call('user', 'bind', { name: rows[i].name, phone: rows[i].phone }, member(i)));
  const now = Date.now();
  const created = await must(
    ctx.call<{ quizId: string }>(
      'quiz',
      'createQuiz',
      {
        title: '七一知识竞赛（高峰）',
        startAt: iso(now - 3600_000),
        endAt: iso(now + 86400_000),
        questionCount: 10,
        perType: { single: 10, multiple: 0, judge: 0 },
        timeLimitSec: 3600,
        maxAttempts: 1,
      },
      BENCH_ADMIN,
    ),
  );
  quizId = created.quizId;
}

/**
 * Calls in flight at once. All 1,000 members start together, but their requests queue for one of these slots, as
 * they queue for WeChat's function instances; 1,000 sockets to a gateway in this very process only measure the
 * client's connect timeout.
 */
const IN_FLIGHT = 50;

function gate(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = size;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

/** One member's start then submit; the error code of the first call that failed, or null. */
async function takePart(ctx: BenchContext, i: number, slot: ReturnType<typeof gate>): Promise<string | null> {
  const started = await slot(() => ctx.call<StartResult>('quiz', 'start', { quizId }, member(i)));
  if (!started.ok) return `start ${started.error.code}`;
  const answers = Object.fromEntries(started.data.questions.map((q, j) => [q.questionId, [(i + j) % 4]]));
  const submitted = await slot(() =>
    ctx.call('quiz', 'submit', { attemptId: started.data.attemptId, answers }, member(i)),
  );
  return submitted.ok ? null : `submit ${submitted.error.code}`;
}

export const peakCases: BenchCase[] = [
  {
    name: 'quiz.start+submit ×1000',
    scenario: `七一 peak: ${MEMBERS} members in ${BRANCHES} branches start and submit at once, ${IN_FLIGHT} calls in flight (time of the whole burst)`,
    iterations: 1,
    setup: ensurePeak,
    async run(ctx) {
      const slot = gate(IN_FLIGHT);
      const failures = (await Promise.all(Array.from({ length: MEMBERS }, (_, i) => takePart(ctx, i, slot)))).filter(
        (f): f is string => f !== null,
      );
      if (failures.length === 0) return { ok: true, data: null };
      const counts = new Map<string, number>();
      for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
      const shown = [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
      return { ok: false, error: { code: 'INTERNAL', message: `${failures.length} of ${MEMBERS} failed: ${shown}` } };
    },
  },
];
