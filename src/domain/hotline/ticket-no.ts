// The readable ticket number: `MS<yyyymmdd>-<seq>`, sequential per Shanghai day.
import type { HotlineDay } from './workdays';

const PATTERN = /^MS(\d{4})(\d{2})(\d{2})-(\d{4,})$/;

/**
 * The ticket number of the `seq`-th ticket (from 1) of a day; the sequence is zero-padded to 4 digits and simply
 * grows beyond 9999.
 *
 * @example hotlineTicketNo('2020-07-01', 7)     // 'MS20200701-0007'
 * @example hotlineTicketNo('2020-07-01', 12345) // 'MS20200701-12345'
 */
export function hotlineTicketNo(day: HotlineDay, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer: ${seq}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`day must be YYYY-MM-DD: ${day}`);
  return `MS${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
}

/**
 * The day and sequence of a ticket number, or null when it is not one.
 *
 * @example hotlineParseTicketNo('MS20200701-0007') // { day: '2020-07-01', seq: 7 }
 * @example hotlineParseTicketNo('MS2020071-7')     // null
 */
export function hotlineParseTicketNo(ticketNo: string): { day: HotlineDay; seq: number } | null {
  const m = PATTERN.exec(ticketNo);
  if (!m) return null;
  const seq = Number(m[4]);
  if (seq < 1 || (m[4].length > 4 && m[4].startsWith('0'))) return null;
  return { day: `${m[1]}-${m[2]}-${m[3]}`, seq };
}
