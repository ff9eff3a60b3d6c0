// Working days for hotline deadlines: Chinese public holidays and 调休 make-up days (chinese-days), in Asia/Shanghai.
import { isWorkday } from 'chinese-days';

/** Asia/Shanghai has been UTC+8 all year since 1991, so a fixed offset gives its calendar day. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** A calendar day, 'YYYY-MM-DD'. */
export type HotlineDay = string;

/**
 * The calendar day in Asia/Shanghai of an instant.
 *
 * @example hotlineShanghaiDay(Date.parse('2020-06-30T16:00:00Z')) // '2020-07-01' (00:00 in Shanghai)
 * @example hotlineShanghaiDay(Date.parse('2020-06-30T15:59:59Z')) // '2020-06-30'
 */
export function hotlineShanghaiDay(ms: number): HotlineDay {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last millisecond of a Shanghai day, as an instant.
 *
 * @example new Date(hotlineEndOfDayMs('2020-07-01')).toISOString() // '2020-07-01T15:59:59.999Z'
 */
export function hotlineEndOfDayMs(day: HotlineDay): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1;
}

function nextDay(day: HotlineDay): HotlineDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a day is a working day: Monday to Friday unless a public holiday, plus the 调休 weekends worked.
 *
 * @example hotlineIsWorkday('2020-10-08') // false (National Day week)
 * @example hotlineIsWorkday('2020-10-10') // true (a Saturday worked in exchange)
 */
export function hotlineIsWorkday(day: HotlineDay): boolean {
  return isWorkday(day);
}

/**
 * The `n`-th working day after `day` (the day itself is not counted; n >= 1).
 *
 * @example hotlineAddWorkdays('2020-09-25', 1) // '2020-09-27' (Sunday, a make-up working day)
 * @example hotlineAddWorkdays('2020-09-30', 1) // '2020-10-09' (1–8 Oct is the National Day holiday)
 */
export function hotlineAddWorkdays(day: HotlineDay, n: number): HotlineDay {
  let d = day;
  let left = n;
  // A year has at most ~20 consecutive days off; the bound only guards against a broken calendar.
  for (let guard = 0; left > 0 && guard < 400 + n * 3; guard++) {
    d = nextDay(d);
    if (hotlineIsWorkday(d)) left--;
  }
  return d;
}

/**
 * Working days from the day after `fromMs` up to and including the day of `toMs` (both in Shanghai); 0 when the
 * reply came on the day of submission or over a holiday.
 *
 * @example hotlineWorkdaysBetween(Date.parse('2020-09-30T10:00:00+08:00'), Date.parse('2020-10-09T10:00:00+08:00')) // 1
 */
export function hotlineWorkdaysBetween(fromMs: number, toMs: number): number {
  const end = hotlineShanghaiDay(toMs);
  let d = hotlineShanghaiDay(fromMs);
  let count = 0;
  for (let guard = 0; d < end && guard < 3700; guard++) {
    d = nextDay(d);
    if (hotlineIsWorkday(d)) count++;
  }
  return count;
}
