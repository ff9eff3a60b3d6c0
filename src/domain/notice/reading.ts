// 学习资料: how long an article must be read to count, and whether the time between open and finish (both taken on
// the server) was long enough. Like 学习强国's 阅读文章: one credit per article, within a daily cap.

/** Characters a careful reader gets through per minute (Chinese prose, read attentively rather than skimmed). */
export const READING_CHARS_PER_MINUTE = 400;
/** Seconds each picture adds (looking at a photo or a chart). */
export const READING_SECONDS_PER_IMAGE = 5;
/** However short an article, it takes this long to count (a headline-and-a-paragraph notice still asks a moment). */
export const READING_MIN_SECONDS = 30;
/** However long, it never asks more than this: a member reading a long document should not have to wait it out. */
export const READING_MAX_SECONDS = 180;

/**
 * Seconds of reading an article needs to earn its points: its text at {@link READING_CHARS_PER_MINUTE}, plus a few
 * seconds per picture, kept between {@link READING_MIN_SECONDS} and {@link READING_MAX_SECONDS}.
 *
 * @example requiredReadingSeconds({ chars: 800, images: 2 }) // 130: two minutes of text and ten seconds of pictures
 * @example requiredReadingSeconds({ chars: 50, images: 0 }) // 30: the floor
 */
export function requiredReadingSeconds(a: { chars: number; images: number }): number {
  const seconds =
    Math.ceil((Math.max(0, a.chars) / READING_CHARS_PER_MINUTE) * 60) + a.images * READING_SECONDS_PER_IMAGE;
  return Math.min(READING_MAX_SECONDS, Math.max(READING_MIN_SECONDS, seconds));
}

export type ReadingVerdict =
  { kind: 'enough'; seconds: number } | { kind: 'too-short'; seconds: number; remainingSeconds: number };

/**
 * Whether a reading session was long enough. Both instants are the server's (the open and the finish call), so a
 * phone cannot claim time it did not spend; a clock that went backwards counts as no time.
 *
 * @example judgeReading({ openedAtMs: 0, finishedAtMs: 61_000, requiredSeconds: 60 }) // { kind: 'enough', seconds: 61 }
 * @example judgeReading({ openedAtMs: 0, finishedAtMs: 20_500, requiredSeconds: 60 })
 *   // { kind: 'too-short', seconds: 20, remainingSeconds: 40 }
 */
export function judgeReading(a: { openedAtMs: number; finishedAtMs: number; requiredSeconds: number }): ReadingVerdict {
  const seconds = Math.max(0, Math.floor((a.finishedAtMs - a.openedAtMs) / 1000));
  if (seconds >= a.requiredSeconds) return { kind: 'enough', seconds };
  return { kind: 'too-short', seconds, remainingSeconds: a.requiredSeconds - seconds };
}

/**
 * The id of a member's record of having learnt an article (one per member and article: the points come once).
 *
 * @example articleReadId('art_1', 'm_1') // 'art_1:m_1'
 */
export function articleReadId(articleId: string, memberId: string): string {
  return `${articleId}:${memberId}`;
}
