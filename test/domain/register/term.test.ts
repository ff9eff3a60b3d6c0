// 换届 rules: term ends and reminder days across month ends and leap years, the state on a given day, which reminder
// is due, the register's order and an election's quorum.
import {
  compareTerms,
  DEFAULT_TERM_YEARS,
  electionQuorum,
  registerIsCalendarDay,
  termAddMonths,
  termEndsOn,
  termReminderDays,
  termReminderDue,
  termState,
} from '@/domain/register';
import type { TermState } from '@/domain/register';

describe('registerIsCalendarDay', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2021-04-31', false],
    ['2021-12-31', true],
    ['2021-13-01', false],
    ['2021-1-01', false],
    ['2021-01-01T00:00', false],
  ])('%s is %s', (day, ok) => expect(registerIsCalendarDay(day)).toBe(ok));
});

describe('termAddMonths', () => {
  it.each([
    ['2023-08-31', -6, '2023-02-28'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2021-05-31', -1, '2021-04-30'],
    ['2021-03-31', -1, '2021-02-28'],
    ['2021-01-31', 1, '2021-02-28'],
    ['2021-01-15', -1, '2020-12-15'],
    ['2020-11-30', 3, '2021-02-28'],
    ['2021-12-31', 12, '2022-12-31'],
  ])('%s %+d months is %s', (day, months, expected) => expect(termAddMonths(day, months)).toBe(expected));

  it('refuses what is not a day', () => {
    expect(() => termAddMonths('2021/01/01', 1)).toThrow(RangeError);
  });
});

describe('termEndsOn', () => {
  it('ends on the same calendar day years later', () => {
    expect(termEndsOn('2018-06-30', 3)).toBe('2021-06-30');
    expect(termEndsOn('2016-11-08', DEFAULT_TERM_YEARS.党委)).toBe('2021-11-08');
  });

  it('ends a term elected on 29 February on 28 February of a common year, and on the 29th of a leap year', () => {
    expect(termEndsOn('2020-02-29', 3)).toBe('2023-02-28');
    expect(termEndsOn('2020-02-29', 4)).toBe('2024-02-29');
    expect(termEndsOn('2020-02-29', 5)).toBe('2025-02-28');
  });

  it('gives 党委 and 党总支 five years and a 党支部 three by default', () => {
    expect(DEFAULT_TERM_YEARS).toEqual({ 党委: 5, 党总支: 5, 党支部: 3 });
  });
});

describe('termReminderDays', () => {
  it('falls 6, 3 and 1 months before the end', () => {
    expect(termReminderDays('2021-06-30')).toEqual({ 6: '2020-12-30', 3: '2021-03-30', 1: '2021-05-30' });
  });

  it('clamps to the last day of a shorter month, in common and leap years', () => {
    expect(termReminderDays('2023-08-31')).toEqual({ 6: '2023-02-28', 3: '2023-05-31', 1: '2023-07-31' });
    expect(termReminderDays('2024-08-31')).toEqual({ 6: '2024-02-29', 3: '2024-05-31', 1: '2024-07-31' });
    expect(termReminderDays('2021-05-31')).toEqual({ 6: '2020-11-30', 3: '2021-02-28', 1: '2021-04-30' });
  });

  it('crosses the year end', () => {
    expect(termReminderDays('2021-02-15')).toEqual({ 6: '2020-08-15', 3: '2020-11-15', 1: '2021-01-15' });
  });
});

describe('termState', () => {
  const END = '2021-06-30';
  it.each<[string, TermState]>([
    ['2020-12-29', 'ok'],
    ['2020-12-30', 'due6'],
    ['2021-03-29', 'due6'],
    ['2021-03-30', 'due3'],
    ['2021-05-29', 'due3'],
    ['2021-05-30', 'due1'],
    ['2021-06-30', 'due1'],
    ['2021-07-01', 'overdue'],
    ['2025-01-01', 'overdue'],
  ])('on %s is %s', (today, state) => expect(termState(END, today)).toBe(state));

  it('is none without a term', () => {
    expect(termState(null, '2021-01-01')).toBe('none');
  });

  it('counts a leap day end correctly', () => {
    expect(termState('2024-02-29', '2024-01-28')).toBe('due3');
    expect(termState('2024-02-29', '2024-01-29')).toBe('due1');
    expect(termState('2024-02-29', '2024-03-01')).toBe('overdue');
  });
});

describe('termReminderDue', () => {
  const END = '2021-06-30';
  it('sends each stage once, on the day it is reached', () => {
    expect(termReminderDue(END, '2020-12-29', null)).toBeNull();
    expect(termReminderDue(END, '2020-12-30', null)).toBe(6);
    expect(termReminderDue(END, '2021-01-15', 6)).toBeNull();
    expect(termReminderDue(END, '2021-03-30', 6)).toBe(3);
    expect(termReminderDue(END, '2021-04-01', 3)).toBeNull();
    expect(termReminderDue(END, '2021-05-30', 3)).toBe(1);
    expect(termReminderDue(END, '2021-06-30', 1)).toBeNull();
  });

  it('sends only the most urgent stage when earlier days were missed', () => {
    expect(termReminderDue(END, '2021-06-01', null)).toBe(1);
    expect(termReminderDue(END, '2021-04-01', null)).toBe(3);
  });

  it('sends nothing once the term is overdue (the overdue flag takes over)', () => {
    expect(termReminderDue(END, '2021-07-01', null)).toBeNull();
    expect(termReminderDue(END, '2021-07-01', 1)).toBeNull();
  });
});

describe('compareTerms', () => {
  it('puts the overdue first, then the soonest ends, then the unregistered, then the rest', () => {
    const rows: Array<{ id: string; state: TermState; endsOn: string | null }> = [
      { id: 'ok', state: 'ok', endsOn: '2030-01-01' },
      { id: 'none', state: 'none', endsOn: null },
      { id: 'due6', state: 'due6', endsOn: '2021-06-30' },
      { id: 'over-late', state: 'overdue', endsOn: '2021-01-01' },
      { id: 'due1', state: 'due1', endsOn: '2021-02-01' },
      { id: 'over-early', state: 'overdue', endsOn: '2020-01-01' },
    ];
    expect(rows.sort(compareTerms).map((r) => r.id)).toEqual(['over-early', 'over-late', 'due1', 'due6', 'none', 'ok']);
  });
});

describe('electionQuorum', () => {
  it('needs more than four fifths present', () => {
    expect(electionQuorum(30, 25)).toEqual({ rate: 83, quorate: true });
    expect(electionQuorum(30, 24)).toEqual({ rate: 80, quorate: false });
    expect(electionQuorum(5, 5)).toEqual({ rate: 100, quorate: true });
    expect(electionQuorum(0, 0)).toEqual({ rate: 0, quorate: false });
  });
});
