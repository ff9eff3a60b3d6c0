// Helpers of the campaign form: the preset indicators and weights typed as text.

/** The indicators the seed names for 政风行风评议; each can be weighted or left out (weight 0). */
export const RATING_INDICATOR_PRESETS = [
  { key: 'attitude', name: '服务态度' },
  { key: 'efficiency', name: '办事效率' },
  { key: 'integrity', name: '廉洁自律' },
  { key: 'openness', name: '政务公开' },
  { key: 'discipline', name: '作风纪律' },
] as const;

/**
 * The indicators with a positive weight, from the typed weights.
 *
 * @example parseWeights({ attitude: '2', efficiency: '0' }) // [{ key: 'attitude', name: '服务态度', weight: 2 }]
 */
export function parseWeights(weights: Record<string, string>): Array<{ key: string; name: string; weight: number }> {
  return RATING_INDICATOR_PRESETS.map((p) => ({ key: p.key, name: p.name, weight: Number(weights[p.key]) })).filter(
    (i) => Number.isFinite(i.weight) && i.weight > 0 && i.weight <= 100,
  );
}
