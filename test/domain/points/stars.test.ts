// 评星定级: stars from the year's points and thresholds, moved by 民主评议.
import type { ReviewGrade } from '@/domain/api/points';
import {
  pointsFinalStars,
  pointsDistribution,
  percent,
  pointsStars,
  pointsStarsRule,
  pointsToNextStar,
} from '@/domain/points';

const T = [20, 45, 75, 110] as const;

describe('pointsStars', () => {
  it.each([
    [-10, 1],
    [0, 1],
    [19, 1],
    [20, 2],
    [44, 2],
    [45, 3],
    [74, 3],
    [75, 4],
    [109, 4],
    [110, 5],
    [1000, 5],
  ])('%i points -> %i stars', (points, stars) => {
    expect(pointsStars(points, T)).toBe(stars);
  });
});

describe('pointsFinalStars', () => {
  it.each<[number, ReviewGrade | null, number]>([
    [3, null, 3],
    [3, '合格', 3],
    [3, '优秀', 4],
    [5, '优秀', 5],
    [1, '优秀', 2],
    [4, '基本合格', 2],
    [1, '基本合格', 1],
    [5, '不合格', 1],
  ])('%i stars with %p -> %i', (base, review, stars) => {
    expect(pointsFinalStars(base, review)).toBe(stars);
  });
});

describe('pointsToNextStar and the rule', () => {
  it.each([
    [0, 20],
    [50, 25],
    [109, 1],
    [110, null],
  ])('%i points -> %p to go', (points, left) => {
    expect(pointsToNextStar(points, T)).toBe(left);
  });

  it('states every threshold for people', () => {
    const r = pointsStarsRule(T);
    expect(r.thresholds).toEqual([20, 45, 75, 110]);
    expect(r.rule.join('\n')).toContain('≥ 110 分为五星');
    expect(r.rule.join('\n')).toContain('不足 20 分为一星');
  });
});

describe('pointsDistribution', () => {
  it('puts each member in the band of the star thresholds', () => {
    const b = pointsDistribution([-3, 0, 19, 20, 44, 45, 80, 110, 500], T);
    expect(b.map((x) => x.label)).toEqual(['0–19', '20–44', '45–74', '75–109', '110 以上']);
    expect(b.map((x) => x.count)).toEqual([3, 2, 1, 1, 2]);
    expect(b[4]).toMatchObject({ min: 110, max: null });
  });

  it('counts nobody for an empty branch', () => {
    expect(pointsDistribution([], T).every((x) => x.count === 0)).toBe(true);
  });

  it.each([
    [1, 3, 33.3],
    [2, 2, 100],
    [0, 5, 0],
    [1, 0, null],
  ])('percent(%i, %i) = %p', (a, b, p) => {
    expect(percent(a, b)).toBe(p);
  });
});
