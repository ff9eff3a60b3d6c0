// Times the function shows: ISO 8601 in Asia/Shanghai with its offset, as API.md wants.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { APP_TIME_ZONE } from '../../server/time';

dayjs.extend(utc);
dayjs.extend(timezone);

/** @example isoShanghai(new Date('2020-07-01T01:00:00Z')) // '2020-07-01T09:00:00+08:00' */
export function isoShanghai(d: Date): string {
  return dayjs(d).tz(APP_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** @example shanghaiText(new Date('2020-07-01T01:00:00Z')) // '2020-07-01 09:00' */
export function shanghaiText(d: Date): string {
  return dayjs(d).tz(APP_TIME_ZONE).format('YYYY-MM-DD HH:mm');
}
