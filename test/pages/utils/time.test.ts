// The one time formatter module: every shape in Beijing time, whatever offset the instant arrives with.
import {
  beijingYear,
  clockText,
  dateText,
  dateTimeText,
  dayTimeText,
  monthDayText,
  shortDateTimeText,
} from '@/utils/time';

const MORNING = '2020-07-01T09:05:00+08:00';
/** The same instant as the server might send it in UTC. */
const MORNING_UTC = '2020-07-01T01:05:00.000Z';
/** 00:30 in Beijing is still the day before in UTC. */
const AFTER_MIDNIGHT = '2020-07-01T00:30:00+08:00';

describe('time texts', () => {
  it.each([
    ['dateTimeText', dateTimeText, '2020-07-01 09:05'],
    ['shortDateTimeText', shortDateTimeText, '07-01 09:05'],
    ['dateText', dateText, '2020-07-01'],
    ['monthDayText', monthDayText, '7月1日'],
    ['dayTimeText', dayTimeText, '7月1日 09:05'],
    ['clockText', clockText, '09:05'],
  ])('%s shows %p for a +08:00 time and for the same instant in UTC', (_name, format, expected) => {
    expect(format(MORNING)).toBe(expected);
    expect(format(MORNING_UTC)).toBe(expected);
  });

  it('reads the calendar day in Beijing, not in UTC or the phone’s zone', () => {
    expect(dateText(AFTER_MIDNIGHT)).toBe('2020-07-01');
    expect(dateText(Date.parse(AFTER_MIDNIGHT))).toBe('2020-07-01');
    expect(dateText(Date.UTC(2020, 5, 30, 15, 59))).toBe('2020-06-30');
    expect(dateText(Date.UTC(2020, 5, 30, 16))).toBe('2020-07-01');
    expect(monthDayText('2020-12-31T23:59:59+08:00')).toBe('12月31日');
  });

  it('shows text that is not a time as it came, not as "Invalid Date"', () => {
    expect(dateTimeText('待定')).toBe('待定');
    expect(dayTimeText('')).toBe('');
  });
});

describe('beijingYear', () => {
  it.each([
    [Date.UTC(2020, 11, 31, 15, 59), 2020],
    [Date.UTC(2020, 11, 31, 16), 2021],
    ['2021-01-01T00:00:00+08:00', 2021],
  ])('%p is in %d', (t, year) => {
    expect(beijingYear(t)).toBe(year);
  });
});
