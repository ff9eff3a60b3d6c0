// 三会一课 cadence over a year of activities on injected Asia/Shanghai days, counting only meetings with a 纪实.
import type { HeldActivity } from '@/domain/points';
import { pointsCadenceCompliance } from '@/domain/points';

/** A well-run branch in 2020: 支委会 and 党小组会 every month, 党员大会 and 党课 every quarter, each with its 纪实. */
function wellRunYear(): HeldActivity[] {
  const out: Array<{ kind: string; day: string }> = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    out.push({ kind: '支委会', day: `2020-${mm}-05` }, { kind: '党小组会', day: `2020-${mm}-15` });
    if (m % 3 === 1) out.push({ kind: '支部党员大会', day: `2020-${mm}-20` }, { kind: '党课', day: `2020-${mm}-25` });
    out.push({ kind: '主题党日', day: `2020-${mm}-01` });
  }
  return out.map((a) => ({ ...a, recorded: true }));
}

const row = (r: ReturnType<typeof pointsCadenceCompliance>, kind: string) => r.rows.find((x) => x.kind === kind)!;

describe('pointsCadenceCompliance', () => {
  it('finds a well-run past year fully compliant', () => {
    const r = pointsCadenceCompliance({ year: 2020, asOf: '2021-03-01', activities: wellRunYear() });
    expect(r.compliance).toBe(100);
    expect(r.due).toBe(12 + 12 + 4 + 4);
    expect(r.missing).toEqual([]);
    expect(r.rows.every((x) => x.missed === 0 && !x.missingNow)).toBe(true);
    expect(row(r, '支委会').periods.every((p) => p.state === 'past' && p.count === 1)).toBe(true);
  });

  it('judges mid-year: later activities have not happened, the current period is not yet missed', () => {
    // 2020-05-10: 支委会 of May (the 5th) is held, 党小组会 (the 15th) not yet; Q2's 党员大会 and 党课 were in April.
    const r = pointsCadenceCompliance({ year: 2020, asOf: '2020-05-10', activities: wellRunYear() });
    expect(row(r, '支委会')).toMatchObject({ due: 5, held: 5, missed: 0, missingNow: false });
    expect(row(r, '党小组会')).toMatchObject({ due: 5, held: 4, missed: 0, missingNow: true });
    expect(row(r, '支部党员大会')).toMatchObject({ due: 2, held: 2, missingNow: false });
    expect(r.missing).toEqual(['本月尚未召开党小组会']);
    expect(r.compliance).toBe(92.9); // 13 of 14 periods due
    expect(
      row(r, '党小组会')
        .periods.map((p) => p.state)
        .slice(3, 7),
    ).toEqual(['past', 'current', 'future', 'future']);
  });

  it('counts missed months and quarters and names what the current ones lack', () => {
    const acts = wellRunYear().filter(
      (a) =>
        !(a.kind === '支委会' && (a.day.startsWith('2020-02') || a.day.startsWith('2020-03'))) &&
        !(a.kind === '党课' && a.day >= '2020-07'),
    );
    const r = pointsCadenceCompliance({ year: 2020, asOf: '2020-08-20', activities: acts });
    expect(row(r, '支委会')).toMatchObject({ due: 8, held: 6, missed: 2 });
    expect(row(r, '党课')).toMatchObject({ due: 3, held: 2, missed: 0, missingNow: true });
    expect(r.missing).toEqual(['本季度尚未上党课']);
    expect(r.compliance).toBe(Math.round(((6 + 8 + 3 + 2) / (8 + 8 + 3 + 3)) * 1000) / 10);
  });

  it('ignores other kinds and other years, and counts several in one month once', () => {
    const r = pointsCadenceCompliance({
      year: 2020,
      asOf: '2020-01-31',
      activities: [
        { kind: '支委会', day: '2019-12-31', recorded: true },
        { kind: '主题党日', day: '2020-01-02', recorded: true },
        { kind: '支委会', day: '2020-01-03', recorded: true },
        { kind: '支委会', day: '2020-01-30', recorded: true },
      ],
    });
    expect(row(r, '支委会')).toMatchObject({ due: 1, held: 1, missingNow: false });
    expect(row(r, '支委会').periods[0].count).toBe(2);
    expect(row(r, '党小组会')).toMatchObject({ due: 1, held: 0, missingNow: true, missed: 0 });
  });

  it('has nothing due in a year that has not begun', () => {
    const r = pointsCadenceCompliance({ year: 2021, asOf: '2020-12-31', activities: [] });
    expect(r.due).toBe(0);
    expect(r.compliance).toBeNull();
    expect(r.missing).toEqual([]);
  });

  it('treats the last day of a quarter as inside it (Shanghai days, no time zone shift)', () => {
    const r = pointsCadenceCompliance({
      year: 2020,
      asOf: '2020-03-31',
      activities: [{ kind: '党课', day: '2020-03-31', recorded: true }],
    });
    expect(row(r, '党课')).toMatchObject({ due: 1, held: 1, missingNow: false });
  });

  it('counts a meeting held without a complete 纪实 apart, not as held', () => {
    // May's 支委会 took place but its 纪实 is missing; so did two extra 党小组会 in January and April's 党课.
    const acts = wellRunYear().map((a) =>
      (a.kind === '支委会' && a.day.startsWith('2020-05')) || (a.kind === '党课' && a.day === '2020-04-25')
        ? { ...a, recorded: false }
        : a,
    );
    acts.push(
      { kind: '党小组会', day: '2020-01-20', recorded: false },
      { kind: '党小组会', day: '2020-01-21', recorded: false },
    );
    const r = pointsCadenceCompliance({ year: 2020, asOf: '2020-06-30', activities: acts });
    expect(row(r, '支委会')).toMatchObject({ due: 6, held: 5, missed: 1, withoutMinutes: 1 });
    expect(row(r, '支委会').periods[4]).toMatchObject({ label: '5月', count: 0, withoutMinutes: 1, state: 'past' });
    expect(row(r, '党小组会')).toMatchObject({ held: 6, missed: 0, withoutMinutes: 2 });
    expect(row(r, '党课')).toMatchObject({ due: 2, held: 1, missingNow: true, withoutMinutes: 1 });
    expect(r.missing).toEqual(['本季度尚未上党课']);
    expect(r.withoutMinutes).toBe(4);
    expect(r.held).toBe(5 + 6 + 2 + 1);
  });

  it('does not count a 纪实-less meeting after asOf or of another kind', () => {
    const r = pointsCadenceCompliance({
      year: 2020,
      asOf: '2020-01-31',
      activities: [
        { kind: '主题党日', day: '2020-01-02', recorded: false },
        { kind: '支委会', day: '2020-02-03', recorded: false },
      ],
    });
    expect(r.withoutMinutes).toBe(0);
  });
});
