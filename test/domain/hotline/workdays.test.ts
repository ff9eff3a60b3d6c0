// Working days and deadlines: 2020's extended Spring Festival, National Day week, 调休 weekends, Shanghai days.
import {
  HOTLINE_DEFAULT_DEADLINES,
  hotlineAddWorkdays,
  hotlineDue,
  hotlineEndOfDayMs,
  hotlineIsWorkday,
  hotlineParseDeadlines,
  hotlineShanghaiDay,
  hotlineWorkdaysBetween,
} from '@/domain/hotline';

const at = (iso: string) => Date.parse(iso);

describe('hotlineIsWorkday', () => {
  it.each([
    ['2020-01-19', true, 'Sunday worked before the Spring Festival'],
    ['2020-01-24', false, 'New Year’s Eve'],
    ['2020-01-31', false, 'the extension announced for the epidemic'],
    ['2020-02-01', false, 'Saturday in the extension'],
    ['2020-02-02', false, 'last day of the extended holiday'],
    ['2020-02-03', true, 'first working day after it'],
    ['2020-09-27', true, 'Sunday worked before National Day'],
    ['2020-10-01', false, 'National Day and 中秋'],
    ['2020-10-08', false, 'last day of the National Day week'],
    ['2020-10-09', true, 'Friday back at work'],
    ['2020-10-10', true, 'Saturday worked after National Day'],
    ['2020-10-11', false, 'an ordinary Sunday'],
    ['2020-07-01', true, 'an ordinary Wednesday'],
  ])('%s is a working day: %s (%s)', (day, expected) => {
    expect(hotlineIsWorkday(day)).toBe(expected);
  });
});

describe('hotlineAddWorkdays', () => {
  it.each([
    ['2020-01-23', 1, '2020-02-03'],
    ['2020-01-23', 3, '2020-02-05'],
    ['2020-09-25', 1, '2020-09-27'],
    ['2020-09-25', 3, '2020-09-29'],
    ['2020-09-30', 1, '2020-10-09'],
    ['2020-09-30', 2, '2020-10-10'],
    ['2020-09-30', 3, '2020-10-12'],
    ['2020-07-01', 10, '2020-07-15'],
  ])('%s + %i working days = %s', (day, n, expected) => {
    expect(hotlineAddWorkdays(day, n)).toBe(expected);
  });
});

describe('Shanghai days', () => {
  it('changes day at midnight in Shanghai, not UTC', () => {
    expect(hotlineShanghaiDay(at('2020-06-30T15:59:59Z'))).toBe('2020-06-30');
    expect(hotlineShanghaiDay(at('2020-06-30T16:00:00Z'))).toBe('2020-07-01');
    expect(new Date(hotlineEndOfDayMs('2020-07-01')).toISOString()).toBe('2020-07-01T15:59:59.999Z');
  });

  it('counts a submission at 23:30 Shanghai (15:30 UTC) on that Shanghai day', () => {
    expect(hotlineDue(at('2020-09-30T23:30:00+08:00'), '咨询').dueDay).toBe('2020-10-12');
    expect(hotlineDue(at('2020-10-01T00:30:00+08:00'), '咨询').dueDay).toBe('2020-10-12');
  });
});

describe('hotlineDue by category', () => {
  it.each([
    ['咨询', '2020-07-01T10:00:00+08:00', '2020-07-06'],
    ['求助', '2020-07-01T10:00:00+08:00', '2020-07-06'],
    ['投诉', '2020-07-01T10:00:00+08:00', '2020-07-15'],
    ['建议', '2020-09-25T10:00:00+08:00', '2020-10-15'],
    ['表扬', '2020-01-20T10:00:00+08:00', '2020-02-11'],
  ] as const)('%s submitted %s is due %s', (category, submitted, dueDay) => {
    const due = hotlineDue(at(submitted), category);
    expect(due.dueDay).toBe(dueDay);
    expect(due.dueMs).toBe(hotlineEndOfDayMs(dueDay));
    expect(due.workdays).toBe(HOTLINE_DEFAULT_DEADLINES[category]);
  });

  it('uses configured deadlines', () => {
    const deadlines = hotlineParseDeadlines('咨询:1，投诉:5');
    expect(deadlines).toEqual({ ...HOTLINE_DEFAULT_DEADLINES, 咨询: 1, 投诉: 5 });
    expect(hotlineDue(at('2020-09-30T10:00:00+08:00'), '咨询', deadlines!).dueDay).toBe('2020-10-09');
    expect(hotlineParseDeadlines('')).toEqual(HOTLINE_DEFAULT_DEADLINES);
    expect(hotlineParseDeadlines('催办:2')).toBeNull();
    expect(hotlineParseDeadlines('咨询:0')).toBeNull();
    expect(hotlineParseDeadlines('咨询=3')).toBeNull();
  });
});

describe('hotlineWorkdaysBetween', () => {
  it.each([
    ['2020-07-01T09:00:00+08:00', '2020-07-01T18:00:00+08:00', 0],
    ['2020-07-01T09:00:00+08:00', '2020-07-02T09:00:00+08:00', 1],
    ['2020-09-30T10:00:00+08:00', '2020-10-09T10:00:00+08:00', 1],
    ['2020-09-30T10:00:00+08:00', '2020-10-10T10:00:00+08:00', 2],
    ['2020-01-23T10:00:00+08:00', '2020-02-03T10:00:00+08:00', 1],
    ['2020-07-03T10:00:00+08:00', '2020-07-05T10:00:00+08:00', 0],
  ])('from %s to %s: %i working days', (from, to, n) => {
    expect(hotlineWorkdaysBetween(at(from), at(to))).toBe(n);
  });
});
