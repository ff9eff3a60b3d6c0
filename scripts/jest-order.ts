// The order of `npm test`'s jest stage (issue 21): the test files and the tests in each file run in a random order
// every time, so a test that only passes after another one fails sooner or later; the seed is printed in the summary
// and `JEST_SEED=<n> npm test` replays that order.

/** The range Jest accepts for `--seed`. */
export const SEED_MIN = -0x80000000;
export const SEED_MAX = 0x7fffffff;

/** The seed of this run: JEST_SEED when it is set, otherwise a new one (1 … 2^31−1, short to type back). */
export function jestSeed(env: NodeJS.ProcessEnv, random: () => number = Math.random): number {
  const given = env.JEST_SEED?.trim();
  if (!given) return 1 + Math.floor(random() * SEED_MAX);
  const seed = /^-?\d{1,10}$/.test(given) ? Number(given) : NaN;
  if (!Number.isSafeInteger(seed) || seed < SEED_MIN || seed > SEED_MAX) {
    throw new Error(`JEST_SEED 须为 ${SEED_MIN} 到 ${SEED_MAX} 之间的整数（收到 "${given}"）`);
  }
  return seed;
}

/** Jest's arguments for a random order that this seed fixes. */
export function randomOrderArgs(seed: number): string[] {
  return ['--randomize', '--showSeed', `--seed=${seed}`];
}

/** What the summary line says about the order, with the command that replays it. */
export function seedNote(seed: number): string {
  return `seed ${seed}; replay: JEST_SEED=${seed} npm test`;
}
