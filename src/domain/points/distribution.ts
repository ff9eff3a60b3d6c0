// Points distribution for the branch dashboard: members per band, the bands being the star thresholds.
import type { PointsBucket } from '../api/points';
import type { StarThresholds } from './stars';

/**
 * Members per points band: below the first threshold, between thresholds, and at or above the last.
 *
 * @example pointsDistribution([0, 25, 30, 200], [20, 45, 75, 110]).map((b) => b.count) // [1, 2, 0, 0, 1]
 */
export function pointsDistribution(points: readonly number[], thresholds: StarThresholds): PointsBucket[] {
  const edges = [Number.NEGATIVE_INFINITY, ...thresholds];
  return edges.map((min, i) => {
    const next = i + 1 < edges.length ? edges[i + 1] : null;
    const lo = i === 0 ? 0 : min;
    return {
      label: next === null ? `${lo} 以上` : `${lo}–${next - 1}`,
      min: lo,
      max: next === null ? null : next - 1,
      count: points.filter((p) => p >= min && (next === null || p < next)).length,
    };
  });
}

/**
 * A share in percent with one decimal; null when there is nothing to divide by.
 *
 * @example percent(1, 3) // 33.3
 */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
