// Per-member option order: a seeded permutation, and the mapping between shown and original option indexes.
import type { QuestionType } from '../api/quiz';
import { quizShuffled } from './random';

/**
 * The order a member sees a question's options in: `order[shown] = original`. 判断 keeps 正确/错误 in place
 * (shuffling two fixed words only confuses); other types are shuffled by the seed.
 *
 * @example quizOptionOrder('judge', 2, 's')  // [0, 1]
 * @example quizOptionOrder('single', 4, 's') // e.g. [2, 0, 3, 1], always the same for 's'
 */
export function quizOptionOrder(type: QuestionType, optionCount: number, seed: string): number[] {
  const identity = Array.from({ length: optionCount }, (_, i) => i);
  return type === 'judge' ? identity : quizShuffled(identity, seed);
}

/**
 * The options in the member's order.
 *
 * @example quizShownOptions(['甲', '乙', '丙'], [2, 0, 1]) // ['丙', '甲', '乙']
 */
export function quizShownOptions<T>(options: readonly T[], order: readonly number[]): T[] {
  return order.map((o) => options[o]);
}

/**
 * Shown indexes (what the member tapped) back to original indexes, sorted and distinct; an index that was not
 * shown maps to -1, which matches no answer.
 *
 * @example quizToOriginal([0, 2], [2, 0, 1]) // [1, 2]
 * @example quizToOriginal([5], [2, 0, 1])    // [-1]
 */
export function quizToOriginal(shown: readonly number[], order: readonly number[]): number[] {
  return [...new Set(shown.map((s) => order[s] ?? -1))].sort((a, b) => a - b);
}

/**
 * Original indexes to the member's shown indexes (for the result page), sorted.
 *
 * @example quizToShown([1, 2], [2, 0, 1]) // [0, 2]
 */
export function quizToShown(original: readonly number[], order: readonly number[]): number[] {
  return original
    .map((o) => order.indexOf(o))
    .filter((s) => s >= 0)
    .sort((a, b) => a - b);
}
