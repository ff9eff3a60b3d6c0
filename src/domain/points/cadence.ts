// 三会一课 cadence for one branch and year: 党员大会 and 党课 at least once a quarter, 支委会 and 党小组会 at least
// once a month. A meeting counts as held only with its 会议纪实 complete (inspectors check the 纪实, not the sign-in);
// one held without it is counted apart. Days come in as Asia/Shanghai calendar days (YYYY-MM-DD), so the buckets need
// no time zone here.
import type { CadenceKind, CadencePeriod, CadencePeriodCell, CadenceRow } from '../api/points';

export const CADENCE_RULES: ReadonlyArray<{ kind: CadenceKind; period: CadencePeriod }> = [
  { kind: '支部党员大会', period: 'quarter' },
  { kind: '支委会', period: 'month' },
  { kind: '党小组会', period: 'month' },
  { kind: '党课', period: 'quarter' },
];

/** An activity that took place: its kind, the Asia/Shanghai day it started, and whether its 纪实 is complete. */
export interface HeldActivity {
  kind: string;
  day: string;
  recorded: boolean;
}

export interface CadenceResult {
  rows: CadenceRow[];
  /** For people: what the current month and quarter still lack. */
  missing: string[];
  due: number;
  held: number;
  /** Meetings of the cadence kinds that took place without a complete 纪实 (they do not count as held). */
  withoutMinutes: number;
  /** held / due in percent, one decimal; null when nothing is due yet (a future year). */
  compliance: number | null;
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** 1-based month or quarter of a YYYY-MM-DD day. */
function periodIndex(day: string, period: CadencePeriod): number {
  const month = Number(day.slice(5, 7));
  return period === 'month' ? month : Math.ceil(month / 3);
}

/**
 * Compliance with the cadence for `year`, as of the day `asOf`: periods before it are past (missed when empty), the
 * one containing it is current (not yet missed), later ones are future. Activities after `asOf` have not happened
 * and do not count; those without a complete 纪实 count in `withoutMinutes` only.
 *
 * @example
 * pointsCadenceCompliance({ year: 2020, asOf: '2020-02-10', activities: [{ kind: '支委会', day: '2020-01-08', recorded: true }] })
 *   .rows.find((r) => r.kind === '支委会') // { due: 2, held: 1, missed: 0, missingNow: true, withoutMinutes: 0, ... }
 */
export function pointsCadenceCompliance(input: {
  year: number;
  asOf: string;
  activities: readonly HeldActivity[];
}): CadenceResult {
  const asOfYear = Number(input.asOf.slice(0, 4));
  const held = input.activities.filter((a) => a.day.startsWith(`${input.year}-`) && a.day <= input.asOf);
  const rows = CADENCE_RULES.map(({ kind, period }): CadenceRow => {
    const n = period === 'month' ? 12 : 4;
    const current = asOfYear === input.year ? periodIndex(input.asOf, period) : asOfYear > input.year ? n + 1 : 0;
    const counts = new Array<number>(n).fill(0);
    const unrecorded = new Array<number>(n).fill(0);
    for (const a of held) if (a.kind === kind) (a.recorded ? counts : unrecorded)[periodIndex(a.day, period) - 1]++;
    const periods = counts.map((count, i): CadencePeriodCell => ({
      index: i + 1,
      label: period === 'month' ? `${i + 1}月` : QUARTER_NAMES[i],
      count,
      withoutMinutes: unrecorded[i],
      state: i + 1 < current ? 'past' : i + 1 === current ? 'current' : 'future',
    }));
    const due = periods.filter((p) => p.state !== 'future');
    const cur = periods.find((p) => p.state === 'current');
    return {
      kind,
      period,
      periods,
      due: due.length,
      held: due.filter((p) => p.count > 0).length,
      missed: periods.filter((p) => p.state === 'past' && p.count === 0).length,
      missingNow: cur !== undefined && cur.count === 0,
      withoutMinutes: unrecorded.reduce((sum, k) => sum + k, 0),
    };
  });
  const missing = rows
    .filter((r) => r.missingNow)
    .map((r) => `${r.period === 'month' ? '本月' : '本季度'}尚未${r.kind === '党课' ? '上党课' : `召开${r.kind}`}`);
  const due = rows.reduce((s, r) => s + r.due, 0);
  const heldCount = rows.reduce((s, r) => s + r.held, 0);
  return {
    rows,
    missing,
    due,
    held: heldCount,
    withoutMinutes: rows.reduce((sum, r) => sum + (r.withoutMinutes ?? 0), 0),
    compliance: due > 0 ? Math.round((heldCount / due) * 1000) / 10 : null,
  };
}
