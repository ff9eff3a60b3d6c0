// When a ticket is due: the N-th working day after the day it was submitted, N by category.
import type { HotlineCategory, HotlineDeadlines } from './categories';
import { HOTLINE_DEFAULT_DEADLINES } from './categories';
import { HOTLINE_MAX_EXTENSION_DAYS } from './limits';
import type { HotlineDay } from './workdays';
import { hotlineAddWorkdays, hotlineEndOfDayMs, hotlineIsWorkday, hotlineShanghaiDay } from './workdays';

export interface HotlineDue {
  /** The last working day to reply, 'YYYY-MM-DD' in Shanghai. */
  dueDay: HotlineDay;
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

// Declared with the other limits so that pages can import it without the holiday calendar of ./workdays.
export { HOTLINE_MAX_EXTENSION_DAYS };

/**
 * Why a 延期申请 cannot be made now, or null: it must come before the deadline has passed, for 1..15 working days.
 *
 * @example hotlineExtensionProblem(Date.parse('2020-09-29T10:00:00+08:00'), hotlineEndOfDayMs('2020-09-29'), 3) // null
 * @example hotlineExtensionProblem(Date.parse('2020-09-30T10:00:00+08:00'), hotlineEndOfDayMs('2020-09-29'), 3) // '已超过办理期限，不能再申请延期'
 */
export function hotlineExtensionProblem(
  nowMs: number,
  dueMs: number,
  days: number,
  maxDays: number = HOTLINE_MAX_EXTENSION_DAYS,
): string | null {
  if (!Number.isInteger(days) || days < 1 || days > maxDays) return `延期天数应为 1 至 ${maxDays} 个工作日`;
  if (nowMs > dueMs) return '已超过办理期限，不能再申请延期';
  return null;
}

/**
 * The deadline after an approved extension of `days` working days: counted on from the current last day, across
 * holidays and 调休 make-up days.
 *
 * @example hotlineExtendDue('2020-09-29', 2).dueDay // '2020-10-09' (30 Sep, then 9 Oct after National Day)
 */
export function hotlineExtendDue(dueDay: HotlineDay, days: number): HotlineDue {
  const next = hotlineAddWorkdays(dueDay, days);
  return { dueDay: next, dueMs: hotlineEndOfDayMs(next), workdays: days };
}

/**
 * The n-th working day counting back from `day` (the day itself counts when it is a working day; n >= 1).
 *
 * @example hotlineWorkdaysBack('2020-10-12', 1) // '2020-10-12'
 * @example hotlineWorkdaysBack('2020-10-12', 3) // '2020-10-09' (10 Oct is a make-up Saturday)
 */
export function hotlineWorkdaysBack(day: HotlineDay, n: number): HotlineDay {
  let d = day;
  let left = n;
  for (let guard = 0; guard < 400 + n * 3; guard++) {
    if (hotlineIsWorkday(d) && --left === 0) return d;
    d = new Date(Date.parse(`${d}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
  }
  return d;
}

/** Working days late before a ticket is on the 通报 list. */
export const HOTLINE_REPORT_AFTER_WORKDAYS = 5;

/**
 * The 通报 cut-off at `nowMs`: a ticket still unanswered whose deadline ends before this instant is 5 (or more)
 * working days late.
 *
 * @example new Date(hotlineReportCutoffMs(Date.parse('2020-10-16T10:00:00+08:00'))).toISOString() // '2020-10-12T15:59:59.999Z'
 */
export function hotlineReportCutoffMs(nowMs: number, lateWorkdays: number = HOTLINE_REPORT_AFTER_WORKDAYS): number {
  return hotlineEndOfDayMs(hotlineWorkdaysBack(hotlineShanghaiDay(nowMs), lateWorkdays));
}
