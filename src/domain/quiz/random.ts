// A small seeded pseudo-random generator: draws and shuffles must be reproducible from a stored seed.

/**
 * A 32-bit hash of a string (FNV-1a over UTF-16 code units), used to turn a seed string into generator state.
 *
 * @example quizHash32('a') // 3826002220
 */
export function quizHash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A generator of floats in [0, 1) from a seed string (mulberry32). The same seed gives the same sequence.
 *
 * @example const next = quizRandom('seed'); next() === quizRandom('seed')() // true
 */
export function quizRandom(seed: string): () => number {
  let a = quizHash32(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded Fisher–Yates shuffle of a copy of `items`.
 *
 * @example quizShuffled([1, 2, 3], 's') // a permutation of [1, 2, 3], always the same one for 's'
 */
export function quizShuffled<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = quizRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
