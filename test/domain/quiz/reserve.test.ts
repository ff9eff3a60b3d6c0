// Competition pools and practice: what an open competition reserves, what practice keeps, and which questions'
// answers are hidden while a competition is open.
import fc from 'fast-check';
import type { DrawCandidate, DrawSpec } from '@/domain/quiz';
import {
  QUIZ_PRACTICE_COUNT,
  QUIZ_PRACTICE_KEEP_MAX,
  quizDrawProblem,
  quizPracticeKeep,
  quizReservedIds,
  quizReservePool,
  quizUsedUp,
} from '@/domain/quiz';

const bank = (singles: number, multiples: number, judges: number, tag = '七一'): DrawCandidate[] => [
  ...Array.from({ length: singles }, (_, i) => ({ questionId: `s${i}`, type: 'single' as const, tags: [tag] })),
  ...Array.from({ length: multiples }, (_, i) => ({ questionId: `m${i}`, type: 'multiple' as const, tags: [tag] })),
  ...Array.from({ length: judges }, (_, i) => ({ questionId: `j${i}`, type: 'judge' as const, tags: [tag] })),
];
const ids = (pool: readonly DrawCandidate[]) => pool.map((q) => q.questionId).sort();

describe('quizPracticeKeep', () => {
  it.each([
    [0, 0],
    [4, 1],
    [24, 6],
    [120, 30],
    [1000, QUIZ_PRACTICE_KEEP_MAX],
  ])('a bank of %i keeps %i for practice', (size, keep) => {
    expect(quizPracticeKeep(size)).toBe(keep);
  });
});

describe('quizReservedIds', () => {
  const reservations = [
    { quizId: 'qz_a', untilMs: 2000, maxAttempts: 1, questionIds: ['q1', 'q2'] },
    { quizId: 'qz_b', untilMs: 5000, maxAttempts: 2, questionIds: ['q2', 'q3'] },
  ];
  it.each([
    ['both open', 1000, [], ['q1', 'q2', 'q3']],
    ['one closed at its end', 2000, [], ['q2', 'q3']],
    ['all closed', 5000, [], []],
    ['one the member can no longer take holds nothing back', 1000, ['qz_a'], ['q2', 'q3']],
    ['none the member can still take', 1000, ['qz_a', 'qz_b'], []],
  ] as const)('%s', (_name, nowMs, free, expected) => {
    expect([...quizReservedIds(reservations, nowMs, free)].sort()).toEqual(expected);
  });

  it.each([
    [{}, []],
    [{ qz_a: 1 }, ['qz_a']],
    [{ qz_a: 1, qz_b: 1 }, ['qz_a']],
    [{ qz_b: 2 }, ['qz_b']],
  ])('a member with submitted attempts %j can no longer take %j', (submitted, expected) => {
    expect(quizUsedUp(reservations, submitted)).toEqual(expected);
  });
});

describe('quizReservePool', () => {
  it('reserves every eligible question when practice keeps enough outside it', () => {
    const all = [
      ...bank(10, 0, 0, '七一'),
      ...bank(0, 0, 10, '党纪').map((q) => ({ ...q, questionId: `x${q.questionId}` })),
    ];
    const r = quizReservePool(all, new Set(), { count: 5, tags: ['七一'] }, 'qz_1');
    expect(r).toEqual({ ok: true, pool: all.slice(0, 10), practiceLeft: 10 });
  });

  it('gives up questions for practice when a competition draws from the whole bank, keeping its draw possible', () => {
    const all = bank(12, 6, 6);
    const spec: DrawSpec = { count: 10, perType: { single: 4, multiple: 6 } };
    const r = quizReservePool(all, new Set(), spec, 'qz_1');
    if (!r.ok) throw new Error(r.message);
    expect(r.practiceLeft).toBe(6);
    expect(r.pool).toHaveLength(18);
    // The 多选 it needs all of are never given up.
    expect(r.pool.filter((q) => q.type === 'multiple')).toHaveLength(6);
    expect(quizDrawProblem(r.pool, spec)).toBeNull();
    // The same seed reserves the same pool whatever the bank's stored order.
    const again = quizReservePool([...all].reverse(), new Set(), spec, 'qz_1');
    expect(again.ok && ids(again.pool)).toEqual(ids(r.pool));
  });

  it('counts only questions no other open competition holds as left for practice', () => {
    const all = bank(26, 0, 0);
    const heldElsewhere = new Set(all.slice(0, 20).map((q) => q.questionId));
    const r = quizReservePool(all, heldElsewhere, { count: 10 }, 'qz_2');
    if (!r.ok) throw new Error(r.message);
    // 6 are free: only they can be given up (practice would like 7), the held 20 stay in the pool.
    expect(r.practiceLeft).toBe(6);
    expect(ids(r.pool)).toEqual(ids(all.slice(0, 20)));
  });

  it('fails, saying why, when practice would have less than a day of questions', () => {
    const r = quizReservePool(bank(8, 0, 0), new Set(), { count: 6 }, 'qz_1');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('每日一练只剩 2 道（至少要 5 道）') });
    expect(quizReservePool(bank(3, 0, 0), new Set(), { count: 5 }, 'qz_1')).toEqual({
      ok: false,
      message: '题库中符合条件的题目只有 3 道，不够抽取 5 道',
    });
  });

  it('always leaves a drawable pool and min(keep, what it can free) for practice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.string(),
        (s, m, j, count, seed) => {
          const all = bank(s, m, j);
          const r = quizReservePool(all, new Set(), { count }, seed);
          if (!r.ok) return;
          expect(quizDrawProblem(r.pool, { count })).toBeNull();
          expect(r.practiceLeft).toBe(all.length - r.pool.length);
          expect(r.practiceLeft).toBe(Math.min(quizPracticeKeep(all.length), all.length - count));
          expect(r.practiceLeft).toBeGreaterThanOrEqual(QUIZ_PRACTICE_COUNT);
        },
      ),
    );
  });
});
