// 微信测评 rules with worked examples: the scale, the interval, combining sources, ranks with ties, 样本不足, flags.
import fc from 'fast-check';
import {
  ratingAddLevel,
  ratingRankRows,
  ratingRankWithTies,
  ratingBurstWindow,
  ratingBursts,
  ratingCampaignStatus,
  ratingCombine,
  ratingFormula,
  ratingIndicatorStats,
  ratingKeepTimes,
  ratingLevelLabel,
  ratingLevelScore,
  ratingNearIdentical,
  ratingPattern,
  ratingRateLimit,
  ratingResults,
  ratingScoresProblem,
  ratingSufficient,
  ratingT95,
  ratingWechatScore,
} from '@/domain/rating';
import type { LevelSums } from '@/domain/rating';

const sums = (levels: number[]): LevelSums => levels.reduce((s, l) => ratingAddLevel(s, l), { n: 0, sum: 0, sumSq: 0 });

describe('the 5-level scale', () => {
  it('maps 很满意..很不满意 evenly onto 100..0', () => {
    expect([5, 4, 3, 2, 1].map(ratingLevelScore)).toEqual([100, 75, 50, 25, 0]);
    expect([5, 4, 3, 2, 1].map(ratingLevelLabel)).toEqual(['很满意', '满意', '基本满意', '不满意', '很不满意']);
  });
});

describe('ratingIndicatorStats: mean and 95% interval', () => {
  it('worked example: levels 5, 4, 4, 3 -> mean 75, interval 42.52..100', () => {
    // scores 100, 75, 75, 50; s = 20.41; s/√4 = 10.21; t(3) = 3.182 -> ±32.48; upper end clamped to 100
    expect(sums([5, 4, 4, 3])).toEqual({ n: 4, sum: 16, sumSq: 66 });
    expect(ratingIndicatorStats(sums([5, 4, 4, 3]))).toEqual({ n: 4, mean: 75, low: 42.52, high: 100 });
  });

  it('worked example: 100 ratings, half 满意 half 基本满意 -> 62.5 ± 2.5', () => {
    // s = 12.56 (sample), s/√100 = 1.256, t(99) = 1.98 -> ±2.49
    const levels = [...Array(50).fill(4), ...Array(50).fill(3)];
    expect(ratingIndicatorStats(sums(levels))).toEqual({ n: 100, mean: 62.5, low: 60.01, high: 64.99 });
  });

  it('has no interval with fewer than two ratings and nothing with none', () => {
    expect(ratingIndicatorStats(sums([5]))).toEqual({ n: 1, mean: 100, low: null, high: null });
    expect(ratingIndicatorStats(sums([]))).toEqual({ n: 0, mean: null, low: null, high: null });
  });

  it('gives a zero-width interval when everyone agrees', () => {
    expect(ratingIndicatorStats(sums([4, 4, 4]))).toEqual({ n: 3, mean: 75, low: 75, high: 75 });
  });

  it('uses Student t for small samples and 1.96 for large ones', () => {
    expect([ratingT95(1), ratingT95(3), ratingT95(30), ratingT95(1000)]).toEqual([12.706, 3.182, 2.042, 1.96]);
  });

  it('removing a level undoes adding it (replacement keeps sums exact)', () => {
    expect(ratingAddLevel(ratingAddLevel(sums([5, 3]), 2), 2, -1)).toEqual(sums([5, 3]));
  });

  it('always holds the mean inside 0..100 and low ≤ mean ≤ high', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 200 }), (levels) => {
        const s = ratingIndicatorStats(sums(levels));
        expect(s.mean).not.toBeNull();
        expect(s.low as number).toBeGreaterThanOrEqual(0);
        expect(s.high as number).toBeLessThanOrEqual(100);
        expect(s.low as number).toBeLessThanOrEqual((s.mean as number) + 1e-9);
        expect(s.high as number).toBeGreaterThanOrEqual((s.mean as number) - 1e-9);
      }),
    );
  });
});

describe('combining', () => {
  const stat = (mean: number | null) => ({ n: mean === null ? 0 : 9, mean, low: null, high: null });

  it('weights indicators: 服务态度 ×3 at 80 and 办事效率 ×1 at 60 -> 75', () => {
    expect(
      ratingWechatScore(
        [
          { key: 'a', weight: 3 },
          { key: 'b', weight: 1 },
        ],
        { a: stat(80), b: stat(60) },
      ),
    ).toBe(75);
  });

  it('leaves out an indicator nobody rated, and is null with none', () => {
    expect(
      ratingWechatScore(
        [
          { key: 'a', weight: 3 },
          { key: 'b', weight: 1 },
        ],
        { a: stat(80), b: stat(null) },
      ),
    ).toBe(80);
    expect(ratingWechatScore([{ key: 'a', weight: 1 }], {})).toBeNull();
  });

  it('worked example: 微信测评 80 ×50%, 明察暗访 90 ×30%, 第三方 70 ×20% -> 81', () => {
    expect(
      ratingCombine({ wechat: 80, inspection: 90, survey: 70 }, { wechat: 50, inspection: 30, survey: 20 }),
    ).toEqual({
      score: 81,
      missing: [],
    });
  });

  it('spreads a missing source’s weight over the others and names it', () => {
    expect(
      ratingCombine({ wechat: 80, inspection: 90, survey: null }, { wechat: 50, inspection: 30, survey: 20 }),
    ).toEqual({
      score: 83.75,
      missing: ['survey'],
    });
    // A source with weight 0 is not missing.
    expect(
      ratingCombine({ wechat: 80, inspection: null, survey: null }, { wechat: 1, inspection: 0, survey: 0 }),
    ).toEqual({
      score: 80,
      missing: [],
    });
  });

  it('prints the formula', () => {
    expect(
      ratingFormula(
        [
          { key: 'a', name: '服务态度', weight: 3 },
          { key: 'b', name: '办事效率', weight: 2 },
        ],
        { wechat: 5, inspection: 3, survey: 2 },
      ),
    ).toEqual(['微信测评得分 = (服务态度×3 + 办事效率×2) ÷ 5', '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%']);
  });
});

describe('ranking with ties and the sample threshold', () => {
  it('shares ranks and skips after a tie: 1, 2, 2, 4', () => {
    expect(ratingRankWithTies([90, 85, 85, 70])).toEqual([1, 2, 2, 4]);
    expect(ratingRankWithTies([70, 90, 90])).toEqual([3, 1, 1]);
    expect(ratingRankWithTies([])).toEqual([]);
  });

  it('compares at two decimals, as shown', () => {
    expect(ratingRankWithTies([80.001, 80.004, 79.99])).toEqual([1, 1, 3]);
  });

  it('ranks only sufficient rows; 样本不足 rows come last with rank null', () => {
    const rows = [
      { id: 'a', score: 80, sufficient: true },
      { id: 'b', score: 95, sufficient: false },
      { id: 'c', score: 80, sufficient: true },
      { id: 'd', score: 90, sufficient: true },
      { id: 'e', score: null, sufficient: true },
    ];
    expect(ratingRankRows(rows).map((r) => [r.id, r.rank])).toEqual([
      ['d', 1],
      ['a', 2],
      ['c', 2],
      ['b', null],
      ['e', null],
    ]);
  });

  it('is sufficient from minVotes on', () => {
    expect([ratingSufficient(29, 30), ratingSufficient(30, 30)]).toEqual([false, true]);
  });

  it('worked example of a whole table', () => {
    const levels = (level: number, n: number) => sums(Array(n).fill(level));
    const rows = ratingResults({
      departments: [
        { departmentId: 'jia', name: '甲局' },
        { departmentId: 'yi', name: '乙局' },
        { departmentId: 'bing', name: '丙局' },
      ],
      indicators: [{ key: 'k', name: '服务态度', weight: 1 }],
      minVotes: 30,
      sourceWeights: { wechat: 50, inspection: 50, survey: 0 },
      external: { jia: { inspection: 95 }, yi: { inspection: 60 }, bing: { inspection: 100 } },
      tallies: {
        jia: { votes: 30, indicators: { k: levels(4, 30) } },
        yi: { votes: 30, indicators: { k: levels(5, 30) } },
        bing: { votes: 3, indicators: { k: levels(5, 3) } },
      },
    });
    // 甲 (75 + 95)/2 = 85, 乙 (100 + 60)/2 = 80, 丙 has 3 of 30 ratings: 样本不足 though its score is 100
    expect(rows.map((r) => [r.rank, r.name, r.score, r.sufficient])).toEqual([
      [1, '甲局', 85, true],
      [2, '乙局', 80, true],
      [null, '丙局', 100, false],
    ]);
    expect(rows[0].indicators).toEqual([{ key: 'k', name: '服务态度', n: 30, mean: 75, low: 75, high: 75 }]);
  });
});

describe('flags', () => {
  it('flags a burst: 40 of 市教育局’s 100 ratings within 10 minutes', () => {
    expect(ratingBursts([{ departmentId: 'jyj', window: 7, count: 40 }], { jyj: 100 })).toEqual([
      { departmentId: 'jyj', startMs: 7 * 600_000, count: 40, share: 0.4 },
    ]);
  });

  it('does not flag normal traffic or small numbers', () => {
    expect(ratingBursts([{ departmentId: 'gaj', window: 7, count: 25 }], { gaj: 1000 })).toEqual([]);
    expect(ratingBursts([{ departmentId: 'gaj', window: 7, count: 19 }], { gaj: 19 })).toEqual([]);
  });

  it('puts ratings into 10-minute windows', () => {
    expect(ratingBurstWindow(0)).toBe(0);
    expect(ratingBurstWindow(599_999)).toBe(0);
    expect(ratingBurstWindow(600_000)).toBe(1);
  });

  it('flags near-identical ratings from 10 ratings and 90% on', () => {
    expect(ratingNearIdentical(50, 47)).toBe(true);
    expect(ratingNearIdentical(50, 30)).toBe(false);
    expect(ratingNearIdentical(5, 5)).toBe(false);
    expect(ratingPattern(['a', 'b', 'c'], { a: 5, b: 5, c: 4 })).toBe('554');
  });
});

describe('window, rate limit and scores', () => {
  it('opens at the start and closes at the end', () => {
    expect([999, 1000, 1999, 2000].map((t) => ratingCampaignStatus(1000, 2000, t))).toEqual([
      'upcoming',
      'open',
      'open',
      'closed',
    ]);
  });

  it('allows 10 ratings a minute and 20 changes of one department', () => {
    expect(ratingRateLimit([], 0, 60_000)).toBe('ok');
    expect(ratingRateLimit(Array(9).fill(59_000), 0, 60_000)).toBe('ok');
    expect(ratingRateLimit(Array(10).fill(59_000), 0, 60_000)).toBe('too-fast');
    expect(ratingRateLimit(Array(10).fill(0), 0, 60_000)).toBe('ok');
    expect(ratingRateLimit([], 20, 60_000)).toBe('too-many-revisions');
    expect(
      ratingKeepTimes(
        Array.from({ length: 10 }, (_, i) => i),
        99,
      ),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
  });

  it('checks that every indicator has a level 1..5', () => {
    expect(ratingScoresProblem(['a', 'b'], { a: 5, b: 1 })).toBeNull();
    expect(ratingScoresProblem(['a', 'b'], { a: 5 })).toBe('请为每一项指标打分（缺少 b）');
    expect(ratingScoresProblem(['a'], { a: 5, z: 1 })).toBe('本次测评没有这些指标：z');
    expect(ratingScoresProblem(['a'], { a: 0 })).toBe('评分应为 1 到 5 的整数（a）');
  });
});
