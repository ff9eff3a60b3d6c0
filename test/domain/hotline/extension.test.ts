// 延期 arithmetic (issue 15): an approved extension moves the deadline in working days across public holidays and
// 调休 make-up days; the 催办 ladder's 通报 cut-off counts working days back.
import {
  HOTLINE_MAX_EXTENSION_DAYS,
  hotlineEndOfDayMs,
  hotlineExtendDue,
  hotlineExtensionProblem,
  hotlineReportCutoffMs,
  hotlineWorkdaysBack,
  hotlineWorkdaysBetween,
} from '@/domain/hotline';

const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('hotlineExtendDue', () => {
  it.each([
    // National Day 2020: 1–8 Oct off, Sun 27 Sep and Sat 10 Oct worked.
    ['2020-09-29', 2, '2020-10-09'],
    ['2020-09-25', 1, '2020-09-27'],
    ['2020-10-09', 1, '2020-10-10'],
    ['2020-10-09', 2, '2020-10-12'],
    // Spring Festival 2021: 11–17 Feb off, Sun 7 Feb and Sat 20 Feb worked.
    ['2021-02-05', 1, '2021-02-07'],
    ['2021-02-10', 1, '2021-02-18'],
    ['2021-02-10', 3, '2021-02-20'],
    // An ordinary week: Friday + 3 = Wednesday.
    ['2021-03-05', 3, '2021-03-10'],
    // Labour Day 2024: 1–5 May off, Sun 28 Apr and Sat 11 May worked.
    ['2024-04-30', 1, '2024-05-06'],
    ['2024-05-10', 1, '2024-05-11'],
  ])('%s + %i working days = %s', (due, days, expected) => {
    const r = hotlineExtendDue(due, days);
    expect(r.dueDay).toBe(expected);
    expect(r.dueMs).toBe(hotlineEndOfDayMs(expected));
    expect(r.workdays).toBe(days);
  });

  it('is additive: two extensions reach the same day as one of their sum', () => {
    const twice = hotlineExtendDue(hotlineExtendDue('2020-09-28', 2).dueDay, 3).dueDay;
    expect(twice).toBe(hotlineExtendDue('2020-09-28', 5).dueDay);
  });
});

describe('hotlineExtensionProblem', () => {
  const due = hotlineEndOfDayMs('2020-09-29');
  it('accepts a request on the last day, refuses one after it', () => {
    expect(hotlineExtensionProblem(at('2020-09-29T23:59:00'), due, 3)).toBeNull();
    expect(hotlineExtensionProblem(at('2020-09-30T00:00:01'), due, 3)).toBe('已超过办理期限，不能再申请延期');
  });
  it('wants 1..15 whole working days', () => {
    for (const days of [0, -1, 1.5, HOTLINE_MAX_EXTENSION_DAYS + 1])
      expect(hotlineExtensionProblem(at('2020-09-28T10:00:00'), due, days)).toBe('延期天数应为 1 至 15 个工作日');
    expect(hotlineExtensionProblem(at('2020-09-28T10:00:00'), due, HOTLINE_MAX_EXTENSION_DAYS)).toBeNull();
  });
});

describe('the 通报 cut-off', () => {
  it('counts working days back, skipping holidays and counting 调休 days', () => {
    expect(hotlineWorkdaysBack('2020-10-12', 1)).toBe('2020-10-12');
    expect(hotlineWorkdaysBack('2020-10-11', 1)).toBe('2020-10-10');
    expect(hotlineWorkdaysBack('2020-10-12', 3)).toBe('2020-10-09');
    expect(hotlineWorkdaysBack('2020-10-09', 2)).toBe('2020-09-30');
  });

  it('puts a ticket on the list exactly when it is 5 working days late', () => {
    for (const [dueDay, now] of [
      ['2020-09-30', '2020-10-14T10:00:00'],
      ['2020-09-30', '2020-10-13T10:00:00'],
      ['2021-03-01', '2021-03-08T09:00:00'],
      ['2021-03-01', '2021-03-05T09:00:00'],
    ]) {
      const dueMs = hotlineEndOfDayMs(dueDay);
      const late = hotlineWorkdaysBetween(dueMs, at(now));
      expect([dueDay, now, dueMs < hotlineReportCutoffMs(at(now))]).toEqual([dueDay, now, late >= 5]);
    }
    // 9, 10 (Saturday worked), 12, 13, 14 October: the fifth working day after 30 Sep is 14 Oct.
    expect(hotlineEndOfDayMs('2020-09-30') < hotlineReportCutoffMs(at('2020-10-14T10:00:00'))).toBe(true);
    expect(hotlineEndOfDayMs('2020-09-30') < hotlineReportCutoffMs(at('2020-10-13T10:00:00'))).toBe(false);
  });
});
