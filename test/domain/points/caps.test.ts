// Daily caps and the ledger's deterministic ids.
import fc from 'fast-check';
import { pointsCapAward, POINTS_CONFIG, pointsDayId, pointsEntryId } from '@/domain/points';

describe('pointsCapAward', () => {
  it.each<[number, number, number | null, number, string]>([
    [0, 1, 3, 1, 'well under the cap'],
    [2, 1, 3, 1, 'reaches the cap exactly'],
    [2, 3, 3, 1, 'cut to what is left'],
    [3, 1, 3, 0, 'nothing left: 0, still an entry'],
    [5, 1, 3, 0, 'over the cap (a changed config) never goes negative'],
    [100, 2, null, 2, 'an uncapped category'],
    [3, -5, 3, -5, 'a deduction is never capped'],
    [0, 0, 3, 0, 'zero stays zero'],
  ])('used %i, asked %i, cap %p -> %i (%s)', (usedToday, requested, cap, expected) => {
    expect(pointsCapAward({ usedToday, requested, cap })).toBe(expected);
  });

  it('lets a day of repeated practice earn no more than the cap', () => {
    const cap = POINTS_CONFIG.dailyCaps.practice;
    let used = 0;
    for (let i = 0; i < 50; i++)
      used += pointsCapAward({ usedToday: used, requested: POINTS_CONFIG.practiceCorrect, cap });
    expect(used).toBe(cap);
  });
});

describe('ids', () => {
  it('names an entry by source, event and member', () => {
    expect(pointsEntryId('checkin', 'a1', 'm_1')).toBe('points:checkin:a1:m_1');
    expect(pointsEntryId('quiz', 'q1', 'm_1')).not.toBe(pointsEntryId('practice', 'q1', 'm_1'));
    expect(pointsDayId('m_1', '2020-07-01')).toBe('m_1:2020-07-01');
  });

  it('caps practice and competitions but not attendance or adjustments', () => {
    expect(POINTS_CONFIG.dailyCaps.checkin).toBeNull();
    expect(POINTS_CONFIG.dailyCaps.adjust).toBeNull();
    expect(POINTS_CONFIG.dailyCaps.practice).toBeGreaterThan(0);
    expect(POINTS_CONFIG.dailyCaps.quiz).toBeGreaterThan(0);
  });
});

describe('pointsCapAward over any day of requests', () => {
  it('never credits more than the cap in total, nor less than 0 or more than asked per award', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (asks, cap) => {
          let used = 0;
          for (const requested of asks) {
            const got = pointsCapAward({ usedToday: used, requested, cap });
            expect(got).toBeGreaterThanOrEqual(0);
            expect(got).toBeLessThanOrEqual(requested);
            used += got;
          }
          expect(used).toBe(
            Math.min(
              cap,
              asks.reduce((s, a) => s + a, 0),
            ),
          );
        },
      ),
    );
  });
});
