// Department statistics from counters kept on every write: received, replied, 回复率, 按期办结率, 满意率.

/** The counters stored per department (one document each), changed with increments as tickets move. */
export interface HotlineCounters {
  received: number;
  replied: number;
  repliedOnTime: number;
  /** Sum over replied tickets of the working days from submission to the first reply. */
  replyWorkdays: number;
  rated: number;
  /** Ratings of 4 or 5 (满意). */
  satisfied: number;
  scoreSum: number;
  /** 知识库: people who stopped at a suggested answer; tickets an admin answered with one (also in `received`). */
  directSelf?: number;
  directTriage?: number;
  /** 并单: duplicates merged into a ticket of this department (not in `received`). */
  merged?: number;
}

export const HOTLINE_EMPTY_COUNTERS: HotlineCounters = {
  received: 0,
  replied: 0,
  repliedOnTime: 0,
  replyWorkdays: 0,
  rated: 0,
  satisfied: 0,
  scoreSum: 0,
  directSelf: 0,
  directTriage: 0,
  merged: 0,
};

/** A score at or above this counts as satisfied for 满意率. */
export const HOTLINE_SATISFIED_SCORE = 4;

export interface HotlineDepartmentStats {
  received: number;
  replied: number;
  /** replied / received, 0..1; null with nothing received. */
  replyRate: number | null;
  /** replied on time / replied, 0..1; null with nothing replied. */
  onTimeRate: number | null;
  /** ratings of 4-5 / ratings, 0..1; null with no ratings. */
  satisfaction: number | null;
  averageScore: number | null;
  /** Average working days from submission to the first reply; null with nothing replied. */
  averageReplyWorkdays: number | null;
}

const ratio = (a: number, b: number, digits = 4): number | null =>
  b > 0 ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null;

/**
 * The rates shown for one department.
 *
 * @example hotlineDepartmentStats({ received: 4, replied: 3, repliedOnTime: 2, replyWorkdays: 9, rated: 2, satisfied: 1, scoreSum: 7 })
 *   // { received: 4, replied: 3, replyRate: 0.75, onTimeRate: 0.6667, satisfaction: 0.5, averageScore: 3.5, averageReplyWorkdays: 3 }
 */
export function hotlineDepartmentStats(c: HotlineCounters): HotlineDepartmentStats {
  return {
    received: c.received,
    replied: c.replied,
    replyRate: ratio(c.replied, c.received),
    onTimeRate: ratio(c.repliedOnTime, c.replied),
    satisfaction: ratio(c.satisfied, c.rated),
    averageScore: ratio(c.scoreSum, c.rated, 2),
    averageReplyWorkdays: ratio(c.replyWorkdays, c.replied, 1),
  };
}

/**
 * The counter changes of a rating: a first rating adds one; a follow-up after a re-open replaces the previous
 * score in the sums.
 *
 * @example hotlineRatingDelta(5, null) // { rated: 1, satisfied: 1, scoreSum: 5 }
 * @example hotlineRatingDelta(4, 1)    // { rated: 0, satisfied: 1, scoreSum: 3 }
 */
export function hotlineRatingDelta(
  score: number,
  previous: number | null,
): Pick<HotlineCounters, 'rated' | 'satisfied' | 'scoreSum'> {
  const sat = (s: number) => (s >= HOTLINE_SATISFIED_SCORE ? 1 : 0);
  if (previous === null) return { rated: 1, satisfied: sat(score), scoreSum: score };
  return { rated: 0, satisfied: sat(score) - sat(previous), scoreSum: score - previous };
}
