// How the 民声热线 statistics read for people: the periods (本月, 本季度, 本年, 自选月份), the months to pick from,
// and the rates of the department table.
import { dateText } from './time';

export type StatsPeriod = 'all' | 'month' | 'quarter' | 'year';
export const PERIOD_NAMES: Record<StatsPeriod, string> = {
  all: '全部',
  month: '本月',
  quarter: '本季度',
  year: '本年',
};

/** The longest period the server counts (HOTLINE_STATS_MAX_MONTHS; repeated so that no domain code reaches the app). */
export const STATS_MAX_MONTHS = 12;

/**
 * The months 'YYYY-MM' from..to of 本月, 本季度 or 本年 (Beijing time, up to this month), or null for all time.
 *
 * @example statsPeriodMonths('quarter', Date.parse('2020-08-15T12:00:00+08:00')) // { from: '2020-07', to: '2020-08' }
 */
export function statsPeriodMonths(period: StatsPeriod, nowMs: number): { from: string; to: string } | null {
  if (period === 'all') return null;
  const to = dateText(nowMs).slice(0, 7);
  const [year, month] = to.split('-').map(Number);
  const first = period === 'month' ? month : period === 'quarter' ? month - ((month - 1) % 3) : 1;
  return { from: `${year}-${String(first).padStart(2, '0')}`, to };
}

/**
 * The last `count` months 'YYYY-MM' up to this one (Beijing time), newest first: the choices of 自选月份.
 *
 * @example recentMonths(Date.parse('2021-02-10T12:00:00+08:00'), 3) // ['2021-02', '2021-01', '2020-12']
 */
export function recentMonths(nowMs: number, count: number): string[] {
  const [year, month] = dateText(nowMs).slice(0, 7).split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = year * 12 + (month - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * How many months from..to cover, counting both; 0 when reversed.
 *
 * @example monthSpan('2020-11', '2021-02') // 4
 */
export function monthSpan(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** A period as people read it: "2020-07", "2020-07 至 2020-09", "全部". */
export function periodText(period: { from: string; to: string } | null): string {
  if (!period) return '全部';
  return period.from === period.to ? period.from : `${period.from} 至 ${period.to}`;
}

/** A rate 0..1 as a whole per cent, or "—" when nothing was counted. */
export const percent = (v: number | null): string => (v === null ? '—' : `${Math.round(v * 100)}%`);
