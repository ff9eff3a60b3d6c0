// Drawing (seeded, per type, by tags), option shuffling, scoring each type, member and org ranks, timing, practice.
import fc from 'fast-check';
import type { DrawCandidate } from '@/domain/quiz';
import {
  QUIZ_GRACE_MS,
  quizAttemptDeadline,
  quizAttemptExpired,
  quizBetterResult,
  quizCurrentStreak,
  quizDayBefore,
  quizDraw,
  quizDrawProblem,
  quizIsCorrect,
  quizOptionOrder,
  quizPhase,
  quizPracticeDraw,
  quizRankKey,
  quizRankMembers,
  quizRankOrgs,
  quizRevealsAnswers,
  quizScore,
  quizScoreAttempt,
  quizShownOptions,
  quizShuffled,
  quizStreakAfter,
  quizSubmitTiming,
  quizToOriginal,
  quizToShown,
  quizTooFast,
} from '@/domain/quiz';

const pool: DrawCandidate[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    questionId: `s${String(i).padStart(2, '0')}`,
    type: 'single' as const,
    tags: i % 2 ? ['党章'] : ['党纪'],
  })),
  ...Array.from({ length: 10 }, (_, i) => ({ questionId: `m${i}`, type: 'multiple' as const, tags: ['党章'] })),
  ...Array.from({ length: 8 }, (_, i) => ({
    questionId: `j${i}`,
    type: 'judge' as const,
    tags: i < 3 ? ['党纪'] : [],
  })),
];
const byId = new Map(pool.map((q) => [q.questionId, q]));

describe('quizDraw', () => {
  it('is deterministic for a seed, whatever the pool order, and differs between seeds', () => {
    const a = quizDraw(pool, { count: 10 }, 'qz:m1:1');
    expect(quizDraw([...pool].reverse(), { count: 10 }, 'qz:m1:1')).toEqual(a);
    const draws = new Set(
      ['qz:m1:1', 'qz:m2:1', 'qz:m1:2'].map((s) => JSON.stringify(quizDraw(pool, { count: 10 }, s))),
    );
    expect(draws.size).toBe(3);
  });

  it('never repeats a question and groups the paper by type', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: pool.length }), fc.string(), (count, seed) => {
        const r = quizDraw(pool, { count }, seed);
        if (!r.ok) return false;
        const types = r.questionIds.map((id) => byId.get(id)?.type);
        const order = types.map((t) => ['single', 'multiple', 'judge'].indexOf(t as string));
        return (
          r.questionIds.length === count &&
          new Set(r.questionIds).size === count &&
          order.every((o, i) => i === 0 || o >= order[i - 1])
        );
      }),
    );
  });

  it('draws the counts per type', () => {
    const r = quizDraw(pool, { count: 9, perType: { single: 5, multiple: 2, judge: 2 } }, 'seed');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.questionIds.map((id) => byId.get(id)?.type)).toEqual([
      ...Array(5).fill('single'),
      ...Array(2).fill('multiple'),
      ...Array(2).fill('judge'),
    ]);
  });

  it('draws only questions with any of the tags', () => {
    const r = quizDraw(pool, { count: 13, tags: ['党纪'] }, 'seed');
    expect(r.ok && r.questionIds.every((id) => byId.get(id)?.tags.includes('党纪'))).toBe(true);
    expect(r.ok && r.questionIds.length).toBe(13);
  });

  it('refuses when the bank does not have enough questions, naming the type', () => {
    expect(quizDraw(pool, { count: 39 }, 's')).toEqual({
      ok: false,
      message: '题库中符合条件的题目只有 38 道，不够抽取 39 道',
    });
    expect(quizDrawProblem(pool, { count: 14, tags: ['党纪'] })).toBe('题库中符合条件的题目只有 13 道，不够抽取 14 道');
    expect(quizDrawProblem(pool, { count: 9, perType: { judge: 9 } })).toBe(
      '题库中符合条件的判断题只有 8 道，不够抽取 9 道',
    );
    expect(quizDrawProblem(pool, { count: 5, perType: { single: 3 } })).toBe('各题型数量之和（3）应等于题目数量（5）');
    expect(quizDrawProblem(pool, { count: 38 })).toBeNull();
  });
});

describe('option shuffling', () => {
  it('is a seeded permutation; 判断 keeps 正确/错误 in place', () => {
    expect(quizOptionOrder('single', 4, 'x')).toEqual(quizOptionOrder('single', 4, 'x'));
    expect([...quizOptionOrder('multiple', 6, 'y')].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(quizOptionOrder('judge', 2, 'anything')).toEqual([0, 1]);
    const orders = new Set(Array.from({ length: 30 }, (_, i) => quizOptionOrder('single', 4, `m${i}`).join('')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('maps shown choices back to the original options and forth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.string(), fc.array(fc.nat(5)), (n, seed, picks) => {
        const order = quizOptionOrder('single', n, seed);
        const shown = [...new Set(picks.filter((p) => p < n))].sort((a, b) => a - b);
        const original = quizToOriginal(shown, order);
        const options = Array.from({ length: n }, (_, i) => `opt${i}`);
        // The option texts the member tapped are the original options chosen.
        const tapped = shown.map((s) => quizShownOptions(options, order)[s]).sort();
        return (
          JSON.stringify(quizToShown(original, order)) === JSON.stringify(shown) &&
          JSON.stringify(original.map((o) => options[o]).sort()) === JSON.stringify(tapped)
        );
      }),
    );
    expect(quizToOriginal([7], [1, 0])).toEqual([-1]);
  });

  it('shuffles generically without losing items', () => {
    expect(quizShuffled(['a', 'b', 'c', 'd'], 's').sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('scoring', () => {
  it('scores each type: single and judge need the one answer, multiple is all or nothing', () => {
    expect(quizIsCorrect([2], [2])).toBe(true);
    expect(quizIsCorrect([2], [1])).toBe(false);
    expect(quizIsCorrect([0], [0, 1])).toBe(false);
    expect(quizIsCorrect([0, 2, 3], [3, 2, 0])).toBe(true);
    expect(quizIsCorrect([0, 2, 3], [0, 2])).toBe(false);
    expect(quizIsCorrect([0, 2, 3], [0, 1, 2, 3])).toBe(false);
    expect(quizIsCorrect([1], [])).toBe(false);
  });

  it('rounds the score to an integer 0..100', () => {
    expect(quizScore(2, 3)).toBe(67);
    expect(quizScore(1, 3)).toBe(33);
    expect(quizScore(0, 0)).toBe(0);
    expect(quizScore(10, 10)).toBe(100);
  });

  it('scores an attempt through the member option order and ignores foreign questions', () => {
    const r = quizScoreAttempt(
      [
        { questionId: 'q1', answer: [1], order: [1, 0, 2] }, // shown 0 = original 1
        { questionId: 'q2', answer: [0, 2], order: [2, 1, 0] }, // shown 0,2 = original 2,0
        { questionId: 'q3', answer: [0], order: [0, 1] },
        { questionId: 'q4', answer: [1], order: [0, 1] },
      ],
      { q1: [0], q2: [2, 0], q3: [1], other: [0] },
    );
    expect(r).toEqual({
      correct: 2,
      total: 4,
      score: 50,
      results: [
        { questionId: 'q1', chosen: [1], correct: true },
        { questionId: 'q2', chosen: [0, 2], correct: true },
        { questionId: 'q3', chosen: [1], correct: false },
        { questionId: 'q4', chosen: [], correct: false },
      ],
    });
  });

  it('flags under one second per question', () => {
    expect(quizTooFast(9_999, 10)).toBe(true);
    expect(quizTooFast(10_000, 10)).toBe(false);
    expect(quizTooFast(0, 0)).toBe(false);
  });
});

describe('member ranking', () => {
  const m = (memberId: string, score: number, durationMs: number, submittedMs: number) => ({
    memberId,
    name: memberId,
    orgId: 'b1',
    score,
    durationMs,
    submittedMs,
  });

  it('orders by score, then whole seconds; ties share a rank and list by earlier submission', () => {
    const rows = quizRankMembers([
      m('late-tie', 90, 61_000, 50),
      m('slow', 90, 75_000, 1),
      m('top', 100, 300_000, 99),
      m('early-tie', 90, 61_950, 10),
      m('low', 60, 5_000, 2),
    ]);
    expect(rows.map((r) => [r.memberId, r.rank])).toEqual([
      ['top', 1],
      ['early-tie', 2],
      ['late-tie', 2],
      ['slow', 4],
      ['low', 5],
    ]);
  });

  it('gives each member rank = 1 + the number strictly better (what the count query computes)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ score: fc.integer({ min: 0, max: 100 }), d: fc.integer({ min: 0, max: 10_000 }), t: fc.nat() }),
          {
            maxLength: 40,
          },
        ),
        (entries) => {
          const results = entries.map((e, i) => m(`m${i}`, e.score, e.d, e.t));
          const keys = new Map(results.map((r) => [r.memberId, quizRankKey(r.score, r.durationMs)]));
          return quizRankMembers(results).every(
            (row) =>
              row.rank ===
              1 + results.filter((r) => (keys.get(r.memberId) as number) > (keys.get(row.memberId) as number)).length,
          );
        },
      ),
    );
  });

  it('keeps the earlier best on an equal result', () => {
    expect(quizBetterResult({ score: 90, durationMs: 60_000 }, null)).toBe(true);
    expect(quizBetterResult({ score: 90, durationMs: 60_000 }, { score: 90, durationMs: 70_000 })).toBe(true);
    expect(quizBetterResult({ score: 90, durationMs: 60_500 }, { score: 90, durationMs: 60_100 })).toBe(false);
    expect(quizBetterResult({ score: 80, durationMs: 1_000 }, { score: 90, durationMs: 90_000 })).toBe(false);
  });
});

describe('org ranking', () => {
  it('ranks by participation rate, then average best score; size does not matter', () => {
    const rows = quizRankOrgs([
      { orgId: 'small', name: '三支部', participants: 3, scoreSum: 270, expected: 4 },
      { orgId: 'b1', name: '一支部', participants: 9, scoreSum: 720, expected: 10 },
      { orgId: 'b2', name: '二支部', participants: 18, scoreSum: 1620, expected: 20 },
      { orgId: 'tie', name: '四支部', participants: 90, scoreSum: 8100, expected: 100 },
      { orgId: 'none', name: '五支部', participants: 0, scoreSum: 0, expected: 7 },
      { orgId: 'empty', name: '六支部', participants: 0, scoreSum: 0, expected: 0 },
    ]);
    expect(rows.map((r) => [r.orgId, r.rank, r.participationRate, r.averageScore])).toEqual([
      ['b2', 1, 0.9, 90],
      ['tie', 1, 0.9, 90],
      ['b1', 3, 0.9, 80],
      ['small', 4, 0.75, 90],
      ['empty', 5, 0, 0],
      ['none', 5, 0, 0],
    ]);
  });

  it('caps the rate at 100 % when members moved away after taking part', () => {
    expect(quizRankOrgs([{ orgId: 'b', name: 'b', participants: 5, scoreSum: 500, expected: 4 }])[0]).toMatchObject({
      participationRate: 1,
      averageScore: 100,
    });
  });
});

describe('timing', () => {
  it('knows the phase, the deadline and what a submit counts for', () => {
    expect(quizPhase(100, 200, 99)).toBe('upcoming');
    expect(quizPhase(100, 200, 100)).toBe('open');
    expect(quizPhase(100, 200, 200)).toBe('closed');
    expect(quizAttemptDeadline(1_000, 60, 1_000_000)).toBe(61_000);
    expect(quizAttemptDeadline(1_000, 600, 100_000)).toBe(100_000);
    expect(quizSubmitTiming(61_000 + QUIZ_GRACE_MS, 1_000, 61_000)).toEqual({
      inTime: true,
      late: false,
      timeUp: true,
      durationMs: 60_000,
    });
    expect(quizSubmitTiming(61_001 + QUIZ_GRACE_MS, 1_000, 61_000)).toEqual({
      inTime: false,
      late: true,
      timeUp: true,
      durationMs: 60_000,
    });
    // The phone's own submit at zero arrives just after the deadline: in time, but the time ran out.
    expect(quizSubmitTiming(61_200, 1_000, 61_000)).toMatchObject({ inTime: true, late: false, timeUp: true });
    expect(quizSubmitTiming(60_999, 1_000, 61_000)).toMatchObject({ timeUp: false });
    expect(quizSubmitTiming(500, 1_000, 61_000).durationMs).toBe(0);
    expect(quizAttemptExpired(61_000, 61_000 + QUIZ_GRACE_MS)).toBe(false);
    expect(quizAttemptExpired(61_000, 61_001 + QUIZ_GRACE_MS)).toBe(true);
  });

  it.each([
    ['attempts left, competition open', 100, 200, false, false],
    ['last attempt submitted', 100, 200, true, true],
    ['competition closed at its end', 200, 200, false, true],
    ['competition closed long ago', 900, 200, false, true],
  ])('reveals answers and 解析: %s', (_name, nowMs, endMs, lastAttemptSubmitted, expected) => {
    expect(quizRevealsAnswers({ nowMs, endMs, lastAttemptSubmitted })).toBe(expected);
  });
});

describe('practice', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `q${i}`);
  it('gives a member the same questions all day, others different ones', () => {
    const a = quizPracticeDraw(ids, '2020-07-01', 'm1', 5);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(quizPracticeDraw([...ids].reverse(), '2020-07-01', 'm1', 5)).toEqual(a);
    expect(quizPracticeDraw(ids, '2020-07-02', 'm1', 5)).not.toEqual(a);
    expect(quizPracticeDraw(ids, '2020-07-01', 'm2', 5)).not.toEqual(a);
    expect(quizPracticeDraw(['q1', 'q2'], '2020-07-01', 'm1', 5).sort()).toEqual(['q1', 'q2']);
  });

  it('counts streaks of consecutive days, across months and leap days', () => {
    expect(quizDayBefore('2020-03-01')).toBe('2020-02-29');
    expect(quizDayBefore('2021-01-01')).toBe('2020-12-31');
    expect(quizStreakAfter({ lastDay: null, streak: 0 }, '2020-07-01')).toEqual({ lastDay: '2020-07-01', streak: 1 });
    expect(quizStreakAfter({ lastDay: '2020-06-30', streak: 4 }, '2020-07-01')).toEqual({
      lastDay: '2020-07-01',
      streak: 5,
    });
    expect(quizStreakAfter({ lastDay: '2020-07-01', streak: 5 }, '2020-07-01')).toEqual({
      lastDay: '2020-07-01',
      streak: 5,
    });
    expect(quizStreakAfter({ lastDay: '2020-06-28', streak: 4 }, '2020-07-01')).toEqual({
      lastDay: '2020-07-01',
      streak: 1,
    });
    expect(quizCurrentStreak({ lastDay: '2020-06-30', streak: 4 }, '2020-07-01')).toBe(4);
    expect(quizCurrentStreak({ lastDay: '2020-06-29', streak: 4 }, '2020-07-01')).toBe(0);
  });
});
