// 民主评议 ballot rules: the window, valid ballots, the two-thirds threshold, the tally per grade and its suggestion.
import type { GradeCounts } from '@/domain/orglife';
import {
  orglifeBallotError,
  orglifeReviewPhase,
  orglifeReviewQuorum,
  orglifeSuggestedGrade,
  orglifeTallyBallots,
} from '@/domain/orglife';

const t = (hhmm: string) => new Date(`2020-12-20T${hhmm}:00+08:00`);

describe('orglifeReviewPhase', () => {
  const w = { startAt: t('09:00'), endAt: t('17:00') };
  it.each([
    ['08:59', 'upcoming'],
    ['09:00', 'open'],
    ['16:59', 'open'],
    ['17:00', 'closed'],
  ])('at %s is %s (the end is exclusive)', (at, phase) => {
    expect(orglifeReviewPhase(w, t(at))).toBe(phase);
  });
});

describe('orglifeReviewQuorum', () => {
  it.each([
    // electorate, voters, required, reached
    [9, 6, 6, true],
    [9, 5, 6, false],
    [10, 6, 7, false],
    [10, 7, 7, true],
    [3, 2, 2, true],
    [1, 1, 1, true],
    [2, 1, 2, false],
    [0, 0, 0, false],
    [300, 200, 200, true],
    [301, 200, 201, false],
  ])('%i members, %i ballots: needs %i, reached %s', (electorate, voters, required, reached) => {
    expect(orglifeReviewQuorum(electorate, voters)).toEqual({ required, reached });
  });

  it('never asks fewer than two thirds, nor one more than needed', () => {
    for (let n = 1; n <= 500; n++) {
      const { required } = orglifeReviewQuorum(n, 0);
      expect(required * 3).toBeGreaterThanOrEqual(n * 2);
      expect((required - 1) * 3).toBeLessThan(n * 2);
    }
  });
});

describe('orglifeBallotError', () => {
  const assessed = ['m1', 'm2', 'm3'];
  it('accepts a ballot grading every assessed member once, in any order', () => {
    expect(
      orglifeBallotError(assessed, [
        { memberId: 'm3', grade: '合格' },
        { memberId: 'm1', grade: '优秀' },
        { memberId: 'm2', grade: '不合格' },
      ]),
    ).toBeNull();
  });
  it('rejects a ballot that leaves someone out', () => {
    expect(orglifeBallotError(assessed, [{ memberId: 'm1', grade: '优秀' }])).toBe('还有 2 名党员未评价');
  });
  it('rejects a member graded twice (a second grade would count double)', () => {
    expect(
      orglifeBallotError(assessed, [
        { memberId: 'm1', grade: '优秀' },
        { memberId: 'm1', grade: '不合格' },
        { memberId: 'm2', grade: '合格' },
        { memberId: 'm3', grade: '合格' },
      ]),
    ).toBe('同一党员在选票中出现了多次');
  });
  it('rejects someone who is not assessed', () => {
    expect(orglifeBallotError(['m1'], [{ memberId: 'x9', grade: '优秀' }])).toBe('选票中有不在本次评议名单中的党员');
  });
});

describe('orglifeTallyBallots', () => {
  it('counts per grade, with zeros for a member nobody graded, ignoring strangers and unknown grades', () => {
    const tally = orglifeTallyBallots(
      ['m1', 'm2', 'm3'],
      [
        { memberId: 'm1', grade: '优秀', n: 4 },
        { memberId: 'm1', grade: '合格', n: 2 },
        { memberId: 'm2', grade: '不合格', n: 1 },
        { memberId: 'm2', grade: '基本合格', n: 5 },
        { memberId: 'x9', grade: '优秀', n: 6 },
        { memberId: 'm2', grade: '良好', n: 3 },
      ],
    );
    expect([...tally]).toEqual([
      ['m1', [4, 2, 0, 0]],
      ['m2', [0, 0, 5, 1]],
      ['m3', [0, 0, 0, 0]],
    ]);
  });
});

describe('orglifeSuggestedGrade', () => {
  it.each<[GradeCounts, string | null]>([
    [[5, 3, 1, 0], '优秀'],
    [[4, 3, 1, 1], '合格'],
    [[1, 7, 0, 1], '合格'],
    [[0, 1, 3, 5], '不合格'],
    [[0, 2, 3, 4], '基本合格'],
    [[3, 3, 0, 0], '合格'],
    [[0, 0, 0, 1], '不合格'],
    [[0, 0, 0, 0], null],
  ])('%j suggests %s (the median grade)', (counts, grade) => {
    expect(orglifeSuggestedGrade(counts)).toBe(grade);
  });
});
