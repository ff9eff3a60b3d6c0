// Branch sums in shards: the member's shard, moving a best result (better score, another branch), recount sums.
import fc from 'fast-check';
import type { OrgSums, TallyEntry } from '@/domain/quiz';
import {
  QUIZ_TALLY_SHARDS,
  quizAddSums,
  quizMoveTally,
  quizSameSums,
  quizTallySums,
  quizTallyShard,
} from '@/domain/quiz';

describe('quizTallyShard', () => {
  it('gives a member the same shard every time, within range', () => {
    expect(quizTallyShard('m_1')).toBe(quizTallyShard('m_1'));
    fc.assert(
      fc.property(fc.string(), (id) => {
        const k = quizTallyShard(id);
        return Number.isInteger(k) && k >= 0 && k < QUIZ_TALLY_SHARDS;
      }),
    );
  });

  it('spreads a thousand members over the shards', () => {
    const counts = new Array<number>(QUIZ_TALLY_SHARDS).fill(0);
    for (let i = 0; i < 1000; i++) counts[quizTallyShard(`m_${i}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(40);
  });
});

describe('quizMoveTally', () => {
  const b1 = (participants: number, scoreSum: number): OrgSums => ({ b1: { participants, scoreSum } });
  it.each<[string, OrgSums, TallyEntry | null, TallyEntry, OrgSums]>([
    ['a first result', {}, null, { orgId: 'b1', score: 60 }, b1(1, 60)],
    [
      'a better result in the same branch',
      b1(2, 150),
      { orgId: 'b1', score: 70 },
      { orgId: 'b1', score: 90 },
      b1(2, 170),
    ],
    [
      'a result after moving to another branch',
      b1(2, 150),
      { orgId: 'b1', score: 70 },
      { orgId: 'b2', score: 80 },
      { b1: { participants: 1, scoreSum: 80 }, b2: { participants: 1, scoreSum: 80 } },
    ],
    [
      'the last member of a branch moving away',
      b1(1, 70),
      { orgId: 'b1', score: 70 },
      { orgId: 'b2', score: 75 },
      { b2: { participants: 1, scoreSum: 75 } },
    ],
  ])('counts %s', (_, sums, before, after, expected) => {
    const copy = JSON.parse(JSON.stringify(sums)) as OrgSums;
    expect(quizMoveTally(sums, before, after)).toEqual(expected);
    expect(sums).toEqual(copy);
  });

  it('equals the sums recounted from the best results, whatever the order of changes', () => {
    const change = fc.record({
      member: fc.integer({ min: 0, max: 5 }),
      orgId: fc.constantFrom('b1', 'b2', 'b3'),
      score: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const best = new Map<number, TallyEntry>();
        let sums: OrgSums = {};
        for (const c of changes) {
          const after = { orgId: c.orgId, score: c.score };
          sums = quizMoveTally(sums, best.get(c.member) ?? null, after);
          best.set(c.member, after);
        }
        return quizSameSums(sums, quizTallySums([...best.values()]));
      }),
    );
  });
});

describe('quizTallySums, quizAddSums and quizSameSums', () => {
  it('sums best results per branch and adds shards up', () => {
    const a = quizTallySums([
      { orgId: 'b1', score: 80 },
      { orgId: 'b2', score: 50 },
      { orgId: 'b1', score: 60 },
    ]);
    expect(a).toEqual({ b1: { participants: 2, scoreSum: 140 }, b2: { participants: 1, scoreSum: 50 } });
    expect(quizAddSums([a, { b2: { participants: 2, scoreSum: 100 } }, {}])).toEqual({
      b1: { participants: 2, scoreSum: 140 },
      b2: { participants: 3, scoreSum: 150 },
    });
    expect(quizAddSums([])).toEqual({});
  });

  it.each<[OrgSums, OrgSums, boolean]>([
    [{}, {}, true],
    [{ b1: { participants: 1, scoreSum: 80 } }, { b1: { scoreSum: 80, participants: 1 } }, true],
    [{ b1: { participants: 1, scoreSum: 80 } }, { b1: { participants: 1, scoreSum: 81 } }, false],
    [{ b1: { participants: 1, scoreSum: 80 } }, { b2: { participants: 1, scoreSum: 80 } }, false],
    [{ b1: { participants: 1, scoreSum: 80 } }, {}, false],
  ])('compares %j with %j: %s', (a, b, same) => {
    expect(quizSameSums(a, b)).toBe(same);
  });
});
