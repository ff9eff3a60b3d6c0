// How times read on the pages: every instant is shown in Beijing time, whatever offset it arrives with.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). A fixed offset gives the same answers as the
 * timezone plugin without relying on Intl time-zone data, which not every mini-program runtime carries.
 */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** An ISO time from the server (e.g. '2020-07-01T09:00:00+08:00') or epoch milliseconds. */
export type Instant = string | number;

/** The instant in a pattern of Beijing time; text that is not a time is shown as it came rather than as "Invalid Date". */
function beijing(t: Instant, pattern: string): string {
  const d = dayjs(t);
  return d.isValid() ? d.utcOffset(BEIJING_OFFSET_MINUTES).format(pattern) : String(t);
}

/**
 * Date and minute, for times whose year matters (ledgers, tickets, statistics).
 *
 * @example dateTimeText('2020-07-01T09:30:00+08:00') // '2020-07-01 09:30'
 */
export const dateTimeText = (t: Instant): string => beijing(t, 'YYYY-MM-DD HH:mm');

/**
 * Month, day and minute, where the year is clear from the page (competitions, attempts).
 *
 * @example shortDateTimeText('2020-07-01T09:30:00+08:00') // '07-01 09:30'
 */
export const shortDateTimeText = (t: Instant): string => beijing(t, 'MM-DD HH:mm');

/**
 * The calendar date: deadlines, campaign days, and the default value of date pickers.
 *
 * @example dateText('2020-07-01T23:59:59+08:00') // '2020-07-01'; dateText(Date.UTC(2020, 5, 30, 16)) // '2020-07-01'
 */
export const dateText = (t: Instant): string => beijing(t, 'YYYY-MM-DD');

/**
 * Month and day as people write them.
 *
 * @example monthDayText('2020-07-01T09:00:00+08:00') // '7月1日'
 */
export const monthDayText = (t: Instant): string => beijing(t, 'M月D日');

/**
 * Month, day and minute as people write them (activity times).
 *
 * @example dayTimeText('2020-07-01T09:00:00+08:00') // '7月1日 09:00'
 */
export const dayTimeText = (t: Instant): string => beijing(t, 'M月D日 HH:mm');

/**
 * The time of day.
 *
 * @example clockText('2020-07-01T09:05:00+08:00') // '09:05'
 */
export const clockText = (t: Instant): string => beijing(t, 'HH:mm');

/**
 * The year in Beijing at an instant: the default of the year pickers (the server decides everything that counts).
 *
 * @example beijingYear(Date.UTC(2020, 11, 31, 16)) // 2021
 */
export function beijingYear(t: Instant): number {
  return Number(beijing(t, 'YYYY'));
}
