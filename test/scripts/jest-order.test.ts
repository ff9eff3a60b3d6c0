// npm test's random order of the jest stage: JEST_SEED replays an order, a bad JEST_SEED stops the run with a reason.
import { jestSeed, randomOrderArgs, SEED_MAX, SEED_MIN, seedNote } from '../../scripts/jest-order';

describe('jestSeed', () => {
  it('uses JEST_SEED when it is set, negative and extreme seeds included', () => {
    expect(jestSeed({ JEST_SEED: '4567' })).toBe(4567);
    expect(jestSeed({ JEST_SEED: ' 12 ' })).toBe(12);
    expect(jestSeed({ JEST_SEED: '-3' })).toBe(-3);
    expect(jestSeed({ JEST_SEED: String(SEED_MIN) })).toBe(SEED_MIN);
    expect(jestSeed({ JEST_SEED: String(SEED_MAX) })).toBe(SEED_MAX);
  });

  it('draws a new positive seed when JEST_SEED is unset or empty', () => {
    expect(jestSeed({}, () => 0)).toBe(1);
    expect(jestSeed({ JEST_SEED: '' }, () => 0.5)).toBe(1 + Math.floor(0.5 * SEED_MAX));
    expect(jestSeed({ JEST_SEED: '  ' }, () => 0.999999999999)).toBe(SEED_MAX);
    const seeds = new Set(Array.from({ length: 20 }, () => jestSeed({})));
    expect(seeds.size).toBeGreaterThan(1);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 1 && s <= SEED_MAX).toBe(true);
  });

  it.each(['abc', '1.5', '1e3', '0x10', String(SEED_MAX + 1), String(SEED_MIN - 1), '99999999999'])(
    'refuses JEST_SEED=%s with the range it accepts',
    (given) => {
      expect(() => jestSeed({ JEST_SEED: given })).toThrow(
        `JEST_SEED 须为 ${SEED_MIN} 到 ${SEED_MAX} 之间的整数（收到 "${given}"）`,
      );
    },
  );
});

describe('randomOrderArgs and seedNote', () => {
  it('fixes the random order with the seed and tells how to replay it', () => {
    expect(randomOrderArgs(4567)).toEqual(['--randomize', '--showSeed', '--seed=4567']);
    expect(randomOrderArgs(-3)).toEqual(['--randomize', '--showSeed', '--seed=-3']);
    expect(seedNote(4567)).toBe('seed 4567; replay: JEST_SEED=4567 npm test');
  });
});
