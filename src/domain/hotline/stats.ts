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
  directSelf: number;
  directTriage: number;
  /** 并单: duplicates merged into a ticket of this department (not in `received`). */
  merged: number;
  // 12345 handling loop (issue 15)
  /** Tickets with at least one 回访. */
  visited: number;
  /** Of those, the ones whose latest 回访 found the problem solved. */
  solved: number;
  /** 退单 the admin accepted (the department was not the right one). */
  returned: number;
  /** Approved 延期申请. */
  extended: number;
  /** Tickets put on the 通报 list. */
  reported: number;
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
  visited: 0,
  solved: 0,
  returned: 0,
  extended: 0,
  reported: 0,
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
  /** solved / visited (解决率), 0..1; null with no 回访. */
  solveRate: number | null;
  /** visited / replied (回访率), 0..1; null with nothing replied. */
  visitRate: number | null;
  returned: number;
  extended: number;
  reported: number;
}

const ratio = (a: number, b: number, digits = 4): number | null =>
  b > 0 ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null;

/**
 * The rates shown for one department.
 *
 * @example hotlineDepartmentStats({ ...HOTLINE_EMPTY_COUNTERS, received: 4, replied: 3, repliedOnTime: 2, replyWorkdays: 9, rated: 2, satisfied: 1, scoreSum: 7, visited: 2, solved: 1 })
 *   // { received: 4, replied: 3, replyRate: 0.75, onTimeRate: 0.6667, satisfaction: 0.5, averageScore: 3.5, averageReplyWorkdays: 3, solveRate: 0.5, visitRate: 0.6667, returned: 0, extended: 0, reported: 0 }
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
    solveRate: ratio(c.solved, c.visited),
    visitRate: ratio(c.visited, c.replied),
    returned: c.returned,
    extended: c.extended,
    reported: c.reported,
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

/** The longest statistics period one request may cover (months), so a report reads a bounded number of documents. */
export const HOTLINE_STATS_MAX_MONTHS = 12;

/**
 * The months 'YYYY-MM' from `from` to `to` inclusive, or a message when the period is reversed or too long.
 *
 * @example hotlineMonths('2020-11', '2021-02') // ['2020-11', '2020-12', '2021-01', '2021-02']
 * @example hotlineMonths('2021-02', '2020-11') // '起始月份不能晚于结束月份'
 */
export function hotlineMonths(from: string, to: string, max: number = HOTLINE_STATS_MAX_MONTHS): string[] | string {
  if (from > to) return '起始月份不能晚于结束月份';
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= to) break;
    if (out.length >= max) return `统计期间最长 ${max} 个月`;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The counters summed over documents (e.g. one per month).
 *
 * @example hotlineSumCounters([{ ...HOTLINE_EMPTY_COUNTERS, received: 2 }, { ...HOTLINE_EMPTY_COUNTERS, received: 3 }]).received // 5
 */
export function hotlineSumCounters(list: readonly HotlineCounters[]): HotlineCounters {
  const total: HotlineCounters = { ...HOTLINE_EMPTY_COUNTERS };
  for (const c of list) for (const k of Object.keys(total) as Array<keyof HotlineCounters>) total[k] += c[k] || 0;
  return total;
}

/**
 * The counter changes of a 回访: the first one counts the ticket as visited; solved follows the latest result.
 *
 * @example hotlineVisitDelta(true, null)   // { visited: 1, solved: 1 }
 * @example hotlineVisitDelta(false, true)  // { visited: 0, solved: -1 }
 */
export function hotlineVisitDelta(
  solved: boolean,
  previous: boolean | null,
): Pick<HotlineCounters, 'visited' | 'solved'> {
  const s = (b: boolean) => (b ? 1 : 0);
  if (previous === null) return { visited: 1, solved: s(solved) };
  return { visited: 0, solved: s(solved) - s(previous) };
}
