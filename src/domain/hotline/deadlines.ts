// When a ticket is due: the N-th working day after the day it was submitted, N by category.
import type { HotlineCategory, HotlineDeadlines } from './categories';
import { HOTLINE_DEFAULT_DEADLINES } from './categories';
import type { Day } from './workdays';
import { hotlineAddWorkdays, hotlineEndOfDayMs, hotlineShanghaiDay } from './workdays';

export interface HotlineDue {
  /** The last working day to reply, 'YYYY-MM-DD' in Shanghai. */
  dueDay: Day;
  /** The end of that day (23:59:59.999 in Shanghai) as epoch ms. */
  dueMs: number;
  workdays: number;
}

/**
 * When a ticket submitted at `submittedMs` must be replied to: the end of the N-th working day after the day of
 * submission, N by category.
 *
 * @example hotlineDue(Date.parse('2020-09-25T10:00:00+08:00'), '咨询').dueDay // '2020-09-29' (27 Sep worked)
 * @example hotlineDue(Date.parse('2020-09-30T10:00:00+08:00'), '咨询').dueDay // '2020-10-12' (9, 10, 12 Oct)
 * @example hotlineDue(Date.parse('2020-09-30T10:00:00+08:00'), '投诉', { ...HOTLINE_DEFAULT_DEADLINES, 投诉: 5 }).workdays // 5
 */
export function hotlineDue(
  submittedMs: number,
  category: HotlineCategory,
  deadlines: HotlineDeadlines = HOTLINE_DEFAULT_DEADLINES,
): HotlineDue {
  const workdays = deadlines[category];
  const dueDay = hotlineAddWorkdays(hotlineShanghaiDay(submittedMs), workdays);
  return { dueDay, dueMs: hotlineEndOfDayMs(dueDay), workdays };
}
