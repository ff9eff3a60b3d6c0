// Reading time for 学习资料 points: how long an article asks, and the server-timed verdict.
import fc from 'fast-check';
import {
  articleReadId,
  judgeReading,
  READING_MAX_SECONDS,
  READING_MIN_SECONDS,
  requiredReadingSeconds,
} from '@/domain/notice';

describe('requiredReadingSeconds', () => {
  it.each<[number, number, number, string]>([
    [0, 0, READING_MIN_SECONDS, 'an empty article still asks the floor'],
    [50, 0, 30, 'a short notice: the floor'],
    [400, 0, 60, 'a minute of text'],
    [800, 2, 130, 'two minutes of text and two pictures'],
    [401, 0, 61, 'a part second rounds up'],
    [20_000, 9, READING_MAX_SECONDS, 'a long document is capped'],
    [0, 10, 50, 'pictures alone'],
  ])('%i characters, %i pictures -> %i s (%s)', (chars, images, expected) => {
    expect(requiredReadingSeconds({ chars, images })).toBe(expected);
  });

  it('stays within the floor and the ceiling and never falls as the article grows', () => {
    fc.assert(
      fc.property(fc.nat(50_000), fc.nat(50), fc.nat(2000), (chars, images, more) => {
        const s = requiredReadingSeconds({ chars, images });
        expect(s).toBeGreaterThanOrEqual(READING_MIN_SECONDS);
        expect(s).toBeLessThanOrEqual(READING_MAX_SECONDS);
        expect(requiredReadingSeconds({ chars: chars + more, images })).toBeGreaterThanOrEqual(s);
      }),
    );
  });
});

describe('judgeReading', () => {
  it.each<[number, number, number, ReturnType<typeof judgeReading>, string]>([
    [0, 60_000, 60, { kind: 'enough', seconds: 60 }, 'exactly the required time'],
    [0, 59_999, 60, { kind: 'too-short', seconds: 59, remainingSeconds: 1 }, 'a moment short'],
    [0, 600_000, 60, { kind: 'enough', seconds: 600 }, 'a long read'],
    [1000, 500, 30, { kind: 'too-short', seconds: 0, remainingSeconds: 30 }, 'a clock that went back counts as none'],
    [0, 0, 30, { kind: 'too-short', seconds: 0, remainingSeconds: 30 }, 'finished on opening'],
  ])('opened %i, finished %i, asks %i s -> %p (%s)', (openedAtMs, finishedAtMs, requiredSeconds, expected) => {
    expect(judgeReading({ openedAtMs, finishedAtMs, requiredSeconds })).toEqual(expected);
  });

  it('says how long is left so that waiting exactly that long is enough', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 30, max: 180 }), (elapsed, required) => {
        const v = judgeReading({ openedAtMs: 0, finishedAtMs: elapsed, requiredSeconds: required });
        if (v.kind === 'too-short') {
          const later = judgeReading({
            openedAtMs: 0,
            finishedAtMs: v.seconds * 1000 + v.remainingSeconds * 1000,
            requiredSeconds: required,
          });
          expect(later.kind).toBe('enough');
        }
      }),
    );
  });

  it('names a learnt article by article and member', () => {
    expect(articleReadId('art_1', 'm_1')).toBe('art_1:m_1');
    expect(articleReadId('art_1', 'm_1')).not.toBe(articleReadId('art_1', 'm_2'));
  });
});
