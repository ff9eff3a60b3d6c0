// The 5-level satisfaction scale of 微信测评 and its mapping onto 0..100.

/** Levels as stored: 5 = 很满意 … 1 = 很不满意. */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** The scale from best to worst, as the rating page shows it. */
export const RATING_LEVELS: ReadonlyArray<{ level: RatingLevel; label: string; score: number }> = [
  { level: 5, label: '很满意', score: 100 },
  { level: 4, label: '满意', score: 75 },
  { level: 3, label: '基本满意', score: 50 },
  { level: 2, label: '不满意', score: 25 },
  { level: 1, label: '很不满意', score: 0 },
];

/** Points between two neighbouring levels on the 0..100 scale. */
export const RATING_LEVEL_STEP = 25;

/**
 * The 0..100 score of a level: evenly spaced, 很不满意 = 0 and 很满意 = 100.
 *
 * @example ratingLevelScore(5) // 100
 * @example ratingLevelScore(3) // 50  (基本满意)
 * @example ratingLevelScore(1) // 0
 */
export function ratingLevelScore(level: number): number {
  return (level - 1) * RATING_LEVEL_STEP;
}

/**
 * The label of a level.
 *
 * @example ratingLevelLabel(4) // '满意'
 */
export function ratingLevelLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? '';
}
