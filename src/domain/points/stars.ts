// 评星定级: a member's stars (1-5) for a year from the year's points and the branch's 民主评议 result.
//
// Rule: points give the base stars by thresholds (below the first: one star). Then 民主评议 moves it:
// 优秀 adds one star (at most five); 合格 or not yet entered keeps it; 基本合格 caps it at two; 不合格 means one.
import type { ReviewGrade, StarsRule } from '../api/points';

export type StarThresholds = readonly [number, number, number, number];

/**
 * Stars from points alone.
 *
 * @example pointsStars(50, [20, 45, 75, 110]) // 3
 * @example pointsStars(-5, [20, 45, 75, 110]) // 1
 */
export function pointsStars(points: number, thresholds: StarThresholds): number {
  return 1 + thresholds.filter((t) => points >= t).length;
}

/**
 * The final stars after 民主评议.
 *
 * @example pointsFinalStars(3, '优秀') // 4
 * @example pointsFinalStars(4, '基本合格') // 2
 */
export function pointsFinalStars(base: number, review: ReviewGrade | null): number {
  switch (review) {
    case '优秀':
      return Math.min(5, base + 1);
    case '基本合格':
      return Math.min(2, base);
    case '不合格':
      return 1;
    default:
      return base;
  }
}

/**
 * Points still needed for the next star from points; null at five.
 *
 * @example pointsToNextStar(50, [20, 45, 75, 110]) // 25
 */
export function pointsToNextStar(points: number, thresholds: StarThresholds): number | null {
  const next = thresholds.find((t) => points < t);
  return next === undefined ? null : next - points;
}

const STAR_NAMES = ['一星', '二星', '三星', '四星', '五星'];

/** The rule as the pages show it. */
export function pointsStarsRule(thresholds: StarThresholds): StarsRule {
  return {
    thresholds: [...thresholds] as [number, number, number, number],
    rule: [
      `年度积分不足 ${thresholds[0]} 分为一星`,
      ...thresholds.map((t, i) => `年度积分 ≥ ${t} 分为${STAR_NAMES[i + 1]}`),
      '民主评议“优秀”加一星（最多五星），“合格”不变',
      '民主评议“基本合格”最多二星，“不合格”为一星',
    ],
  };
}
