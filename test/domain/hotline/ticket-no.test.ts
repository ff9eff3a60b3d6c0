// Ticket numbers: MS<yyyymmdd>-<4-digit sequence>, and reading them back.
import fc from 'fast-check';
import { hotlineParseTicketNo, hotlineTicketNo } from '@/domain/hotline';

describe('hotlineTicketNo', () => {
  it.each([
    ['2020-07-01', 7, 'MS20200701-0007'],
    ['2020-07-01', 1, 'MS20200701-0001'],
    ['2020-12-31', 300, 'MS20201231-0300'],
    ['2020-12-31', 9999, 'MS20201231-9999'],
    ['2020-12-31', 10000, 'MS20201231-10000'],
  ])('%s #%i is %s', (day, seq, no) => {
    expect(hotlineTicketNo(day, seq)).toBe(no);
  });

  it('refuses a sequence below 1 or a malformed day', () => {
    expect(() => hotlineTicketNo('2020-07-01', 0)).toThrow(RangeError);
    expect(() => hotlineTicketNo('2020-07-01', 1.5)).toThrow(RangeError);
    expect(() => hotlineTicketNo('20200701', 1)).toThrow(RangeError);
  });

  it.each([
    'MS2020071-7',
    'MS20200701-007',
    'MS20200701-0000',
    'ms20200701-0001',
    'MS20200701-00001',
    'XX20200701-0001',
  ])('does not read %s', (no) => {
    expect(hotlineParseTicketNo(no)).toBeNull();
  });

  it('reads back what it writes, and orders numbers of a day by sequence as text for seq < 10000', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99999 }),
        (d, seq) => {
          const day = d.toISOString().slice(0, 10);
          const no = hotlineTicketNo(day, seq);
          expect(no).toMatch(/^MS\d{8}-\d{4,}$/);
          expect(hotlineParseTicketNo(no)).toEqual({ day, seq });
        },
      ),
    );
  });
});
