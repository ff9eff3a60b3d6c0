// Scoring and ranking of 创新创优 entries: weights, the panel mean, public-vote normalisation, the combination and ties.
import {
  contestCombine,
  contestJudgeTotal,
  contestPanelScore,
  contestPublicScores,
  contestRank,
  contestScoresProblem,
} from '@/domain/contest';

const CRITERIA = [
  { key: 'a', name: '创新性', weight: 40 },
  { key: 'b', name: '实效性', weight: 60 },
];

describe('contestJudgeTotal', () => {
  it('weights the criteria', () => {
    expect(contestJudgeTotal(CRITERIA, { a: 90, b: 80 })).toBe(84);
    expect(contestJudgeTotal(CRITERIA, { a: 100, b: 0 })).toBe(40);
  });
  it('does not depend on the weights’ scale', () => {
    const scaled = CRITERIA.map((c) => ({ ...c, weight: c.weight / 20 }));
    expect(contestJudgeTotal(scaled, { a: 77, b: 63 })).toBe(contestJudgeTotal(CRITERIA, { a: 77, b: 63 }));
  });
});

describe('contestScoresProblem', () => {
  it('accepts every criterion once as an integer 0–100', () => {
    expect(contestScoresProblem(CRITERIA, { a: 0, b: 100 })).toBeNull();
  });
  it.each([
    [{ a: 90 }, '请为每一项打分（缺少 实效性）'],
    [{ a: 90, b: 80, c: 1 }, '本次评比没有这些评分项：c'],
    [{ a: -1, b: 80 }, '评分应为 0 到 100 的整数（创新性）'],
    [{ a: 90, b: 80.5 }, '评分应为 0 到 100 的整数（实效性）'],
  ])('refuses %j', (scores, message) => {
    expect(contestScoresProblem(CRITERIA, scores)).toBe(message);
  });
});

describe('contestPanelScore', () => {
  it('is the mean of the judges who scored (the excluded never score)', () => {
    expect(contestPanelScore([84, 90, 78])).toBe(84);
    expect(contestPanelScore([80, 85])).toBe(82.5);
    expect(contestPanelScore([])).toBeNull();
  });
});

describe('contestPublicScores', () => {
  it('gives the most-voted entry 100 and the others their share of it', () => {
    expect(contestPublicScores({ a: 200, b: 150, c: 0 })).toEqual({ a: 100, b: 75, c: 0 });
    expect(contestPublicScores({ a: 3, b: 1 })).toEqual({ a: 100, b: 33.33 });
  });
  it('is missing, not zero, when nobody voted', () => {
    expect(contestPublicScores({ a: 0, b: 0 })).toEqual({ a: null, b: null });
  });
});

describe('contestCombine', () => {
  it('combines panel and public by the weights', () => {
    expect(contestCombine(84, 75, { panel: 70, public: 30 })).toBe(81.3);
    expect(contestCombine(84, 75, { panel: 7, public: 3 })).toBe(81.3);
  });
  it('lets the panel count alone without public scores or a public weight', () => {
    expect(contestCombine(84, null, { panel: 70, public: 30 })).toBe(84);
    expect(contestCombine(84, 10, { panel: 100, public: 0 })).toBe(84);
  });
  it('does not score an entry no judge has scored, however many votes', () => {
    expect(contestCombine(null, 100, { panel: 70, public: 30 })).toBeNull();
  });
});

describe('contestRank', () => {
  const row = (entryId: string, score: number | null, panel: number | null, votes: number) => ({
    entryId,
    title: entryId.toUpperCase(),
    score,
    panel,
    votes,
  });

  it('orders by score, unscored entries last and unranked', () => {
    const r = contestRank([row('a', 70, 70, 0), row('b', null, null, 9), row('c', 90, 90, 0)]);
    expect(r.map((x) => [x.row.entryId, x.rank, x.tieNote])).toEqual([
      ['c', 1, ''],
      ['a', 2, ''],
      ['b', null, ''],
    ]);
  });

  it('separates equal scores by the panel, then by votes, and says so', () => {
    const r = contestRank([row('a', 80, 82, 5), row('b', 80, 85, 1), row('c', 80, 82, 9)]);
    expect(r.map((x) => [x.row.entryId, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
    expect(r[0].tieNote).toBe('与「C」综合得分相同，评委评分较高，排在前；与「A」综合得分相同，评委评分较高，排在前');
    expect(r[2].tieNote).toContain('与「C」综合得分和评委评分相同，票数较少，排在后');
  });

  it('lets entries equal in everything share a rank (1, 2, 2, 4)', () => {
    const r = contestRank([row('a', 90, 90, 1), row('b', 80, 80, 2), row('c', 80, 80, 2), row('d', 70, 70, 0)]);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    expect(r[1].tieNote).toBe('与「C」综合得分、评委评分和票数均相同，并列第 2 名');
  });

  it('compares at two decimals, as shown', () => {
    const r = contestRank([row('a', 80.001, 80, 0), row('b', 80.004, 80, 0)]);
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });
});
