// Server-side time: users live in Asia/Shanghai while the function runtime is UTC.
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
