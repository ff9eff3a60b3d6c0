// 换届选举台账: when an organisation's term ends, when its 6/3/1-month reminders fall due and how urgent it is now.
// Pure: calendar days come in as 'YYYY-MM-DD' strings (today in Asia/Shanghai is the caller's business).

/** Kinds of party organisation with a term; the default term length follows the 党章 (党委/总支 5 years, 支部 3). */
export const ORG_KINDS = ['党委', '党总支', '党支部'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const DEFAULT_TERM_YEARS: Readonly<Record<OrgKind, number>> = { 党委: 5, 党总支: 5, 党支部: 3 };

/** Months before the end of a term at which the secretary and the 工委 are reminded, earliest first. */
export const TERM_REMINDER_MONTHS = [6, 3, 1] as const;
export type ReminderMonths = (typeof TERM_REMINDER_MONTHS)[number];

/**
 * Where a term stands today: `none` no term recorded, `ok` more than 6 months left, `due6` / `due3` / `due1` within
 * 6 / 3 / 1 months of its end, `overdue` past its end (换届 not yet held).
 */
export type TermState = 'none' | 'ok' | 'due6' | 'due3' | 'due1' | 'overdue';

export const TERM_STATE_LABELS: Readonly<Record<TermState, string>> = {
  none: '未登记',
  ok: '任期内',
  due6: '半年内到期',
  due3: '三个月内到期',
  due1: '一个月内到期',
  overdue: '已超期',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether `s` is a real calendar day in the form 'YYYY-MM-DD'.
 *
 * @example registerIsCalendarDay('2024-02-29') // true
 * @example registerIsCalendarDay('2023-02-29') // false
 */
export function registerIsCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Adds whole months to a calendar day; a day the target month lacks becomes its last day (as 换届 notices count:
 * 31 August minus 6 months is 28 or 29 February).
 *
 * @example termAddMonths('2023-08-31', -6) // '2023-02-28'
 * @example termAddMonths('2020-02-29', 36) // '2023-02-28'
 */
export function termAddMonths(day: string, months: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const d = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The day a term ends: the same calendar day `years` later (29 February ends on 28 February in a common year).
 *
 * @example termEndsOn('2018-06-30', 3) // '2021-06-30'
 */
export function termEndsOn(electedOn: string, years: number): string {
  return termAddMonths(electedOn, years * 12);
}

/**
 * The days on which each reminder falls due, 6, 3 and 1 months before the end.
 *
 * @example termReminderDays('2021-06-30') // { 6: '2020-12-30', 3: '2021-03-30', 1: '2021-05-30' }
 */
export function termReminderDays(endsOn: string): Record<ReminderMonths, string> {
  return { 6: termAddMonths(endsOn, -6), 3: termAddMonths(endsOn, -3), 1: termAddMonths(endsOn, -1) };
}

/**
 * The state of a term ending on `endsOn` (null: none recorded) on `today`. The end day itself is still within the
 * term; the day after, it is overdue.
 *
 * @example termState('2021-06-30', '2021-06-01') // 'due1'
 * @example termState('2021-06-30', '2021-07-01') // 'overdue'
 */
export function termState(endsOn: string | null, today: string): TermState {
  if (endsOn === null) return 'none';
  if (today > endsOn) return 'overdue';
  const days = termReminderDays(endsOn);
  if (today >= days[1]) return 'due1';
  if (today >= days[3]) return 'due3';
  if (today >= days[6]) return 'due6';
  return 'ok';
}

/**
 * The reminder to send today, if any: the most urgent stage reached that is more urgent than the last one sent
 * (a timer that missed the 6-month day sends the 3-month reminder once, not both). Nothing after the end: the
 * overdue flag takes over.
 *
 * @example termReminderDue('2021-06-30', '2021-03-30', 6) // 3
 * @example termReminderDue('2021-06-30', '2021-03-30', 3) // null
 */
export function termReminderDue(endsOn: string, today: string, lastSent: ReminderMonths | null): ReminderMonths | null {
  const state = termState(endsOn, today);
  const stage: ReminderMonths | null = state === 'due6' ? 6 : state === 'due3' ? 3 : state === 'due1' ? 1 : null;
  if (stage === null) return null;
  if (lastSent !== null && lastSent <= stage) return null;
  return stage;
}

/** Whether a state needs the 工委's attention (listed first, counted on the overview). */
export function termNeedsAttention(state: TermState): boolean {
  return state === 'overdue' || state === 'due1' || state === 'due3' || state === 'due6';
}

const ORDER: Readonly<Record<TermState, number>> = { overdue: 0, due1: 1, due3: 2, due6: 3, none: 4, ok: 5 };

/**
 * Orders register rows: overdue first, then by how soon the term ends, then the unregistered, then the rest.
 *
 * @example [{ state: 'ok', endsOn: '2030-01-01' }, { state: 'overdue', endsOn: '2020-01-01' }].sort(compareTerms)
 */
export function compareTerms(
  a: { state: TermState; endsOn: string | null },
  b: { state: TermState; endsOn: string | null },
): number {
  return ORDER[a.state] - ORDER[b.state] || (a.endsOn ?? '').localeCompare(b.endsOn ?? '');
}

/**
 * The percentage present at an election (实到 / 应到); an election needs more than four fifths of those entitled.
 *
 * @example electionQuorum(30, 25) // { rate: 83, quorate: true }
 */
export function electionQuorum(expected: number, present: number): { rate: number; quorate: boolean } {
  if (expected <= 0) return { rate: 0, quorate: false };
  return { rate: Math.round((present / expected) * 100), quorate: present * 5 > expected * 4 };
}
