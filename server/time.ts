// Server-side time: users live in Asia/Shanghai while the function runtime is UTC. Every function shows and
// compares times through these helpers (one "+08:00 ISO" formatter, one stored-time reader).
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const APP_TIME_ZONE = 'Asia/Shanghai';

/** The calendar day in Asia/Shanghai, e.g. '2020-07-01'. */
export function shanghaiDay(now: Date = new Date()): string {
  return dayjs(now).tz(APP_TIME_ZONE).format('YYYY-MM-DD');
}

/** The year in Asia/Shanghai. @example shanghaiYear(new Date('2020-12-31T17:00:00Z')) // 2021 */
export function shanghaiYear(now: Date): number {
  return Number(shanghaiDay(now).slice(0, 4));
}

/**
 * Milliseconds of a stored time: a Date (as the SDK returns `serverDate()` fields), an ISO string, epoch ms, or an
 * EJSON `{ $date }`; NaN when absent or unreadable.
 */
export function timeMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).getTime();
  if (typeof value === 'object' && value !== null && '$date' in value) {
    return Number((value as { $date: unknown }).$date);
  }
  return NaN;
}

/**
 * A time (a stored time as `timeMs` reads it) as ISO 8601 in Asia/Shanghai, the form the contracts in src/domain/api declare.
 *
 * @example shanghaiIso(new Date('2020-07-01T01:00:00Z')) // '2020-07-01T09:00:00+08:00'
 */
export function shanghaiIso(value: unknown): string {
  return dayjs(timeMs(value)).tz(APP_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** A moment as digits in UTC+8, for file names: @example shanghaiStamp(new Date('2020-07-01T01:00:00Z')) // '20200701090000' */
export function shanghaiStamp(value: unknown): string {
  return dayjs(timeMs(value)).tz(APP_TIME_ZONE).format('YYYYMMDDHHmmss');
}

/** @example shanghaiText(new Date('2020-07-01T01:00:00Z')) // '2020-07-01 09:00' */
export function shanghaiText(value: unknown): string {
  return dayjs(timeMs(value)).tz(APP_TIME_ZONE).format('YYYY-MM-DD HH:mm');
}

/** A time of day in Asia/Shanghai with a dayjs format, e.g. shanghaiFormat(d, 'HH:mm') // '09:00'. */
export function shanghaiFormat(value: unknown, format: string): string {
  return dayjs(timeMs(value)).tz(APP_TIME_ZONE).format(format);
}
