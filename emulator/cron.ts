// WeChat (Tencent SCF) timer-trigger cron: seven fields "second minute hour day month weekday year" with `*`, lists,
// ranges and `/` steps, evaluated on the UTC+8 wall clock.

export interface CronSchedule {
  source: string;
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  years: ReadonlySet<number>;
  /** Whether the day and weekday fields were restricted (not `*`): when both are, either may match, as in cron. */
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

/** China has had no daylight saving time since 1991, so UTC+8 is a fixed offset. */
const OFFSET_MS = 8 * 3600 * 1000;
const MAX_YEAR = 2099;

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: MAX_YEAR },
];

function parseValue(text: string, field: FieldSpec, expr: string): number {
  const byName = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + field.min;
  if (!/^\d+$/.test(text)) throw new Error(`cron "${expr}": "${text}" is not a valid ${field.name}`);
  const n = Number(text);
  if (n < field.min || n > field.max)
    throw new Error(`cron "${expr}": ${field.name} ${n} is outside ${field.min}-${field.max}`);
  return n;
}

function parseField(text: string, field: FieldSpec, expr: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw new Error(`cron "${expr}": "${part}" is not a valid ${field.name}`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw new Error(`cron "${expr}": step "${stepText}" in the ${field.name} field must be a positive integer`);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [field.min, field.max];
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [from, to] = [parseValue(a, field, expr), parseValue(b, field, expr)];
      if (from > to) throw new Error(`cron "${expr}": range ${range} in the ${field.name} field is backwards`);
    } else {
      from = parseValue(range, field, expr);
      // "a/n" means from a to the end of the field in steps of n.
      to = stepText === undefined ? from : field.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parses a seven-field expression; throws an Error naming the bad field. */
export function parseCron(expr: string): CronSchedule {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 7)
    throw new Error(
      `cron "${expr}": expected 7 fields (second minute hour day month weekday year), got ${parts.length}`,
    );
  const sets = parts.map((p, i) => parseField(p, FIELDS[i], expr));
  return {
    source: expr,
    seconds: sets[0],
    minutes: sets[1],
    hours: sets[2],
    days: sets[3],
    months: sets[4],
    weekdays: sets[5],
    years: sets[6],
    dayRestricted: parts[3] !== '*',
    weekdayRestricted: parts[5] !== '*',
  };
}

function dayMatches(s: CronSchedule, wall: Date): boolean {
  const day = s.days.has(wall.getUTCDate());
  const weekday = s.weekdays.has(wall.getUTCDay());
  if (s.dayRestricted && s.weekdayRestricted) return day || weekday;
  return day && weekday;
}

/**
 * The first time strictly after `after` (whole seconds) at which the schedule fires, or null if it never fires again.
 * Example: nextFire(parseCron('0 0 9 * * MON-FRI *'), new Date('2020-07-03T02:00:00Z')) is 2020-07-06T01:00:00Z
 * (Monday 09:00 in Beijing; 3 July 2020 was a Friday, already past 09:00 there).
 */
export function nextFire(s: CronSchedule, after: Date): Date | null {
  // Work on a "wall clock" Date whose UTC fields read as Beijing time; every step moves to the next candidate unit.
  const w = new Date(Math.floor((after.getTime() + OFFSET_MS) / 1000) * 1000 + 1000);
  for (;;) {
    const year = w.getUTCFullYear();
    if (year > MAX_YEAR) return null;
    if (!s.years.has(year)) {
      w.setTime(Date.UTC(year + 1, 0, 1));
    } else if (!s.months.has(w.getUTCMonth() + 1)) {
      w.setTime(Date.UTC(year, w.getUTCMonth() + 1, 1));
    } else if (!dayMatches(s, w)) {
      w.setTime(Date.UTC(year, w.getUTCMonth(), w.getUTCDate() + 1));
    } else if (!s.hours.has(w.getUTCHours())) {
      w.setTime(Date.UTC(year, w.getUTCMonth(), w.getUTCDate(), w.getUTCHours() + 1));
    } else if (!s.minutes.has(w.getUTCMinutes())) {
      w.setTime(Date.UTC(year, w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes() + 1));
    } else if (!s.seconds.has(w.getUTCSeconds())) {
      w.setTime(w.getTime() + 1000);
    } else {
      return new Date(w.getTime() - OFFSET_MS);
    }
  }
}
