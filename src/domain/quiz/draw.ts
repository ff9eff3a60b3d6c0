// Drawing a competition's questions per member: deterministic from an injected seed, per type and by tags.
import type { QuestionType } from './limits';
import { QUESTION_TYPES } from './limits';
import { QUESTION_TYPE_LABELS } from './questions';
import { quizShuffled } from './random';

export interface DrawCandidate {
  questionId: string;
  type: QuestionType;
  tags: readonly string[];
}

export interface DrawSpec {
  count: number;
  /** Counts per type adding up to `count`; absent = any mix. */
  perType?: Partial<Record<QuestionType, number>> | null;
  /** Only questions with any of these tags; absent = the whole bank. */
  tags?: readonly string[] | null;
}

export type DrawResult = { ok: true; questionIds: string[] } | { ok: false; message: string };

/**
 * The candidates a spec may draw from: those with any of its tags (all when it has none).
 *
 * @example quizEligible([{ questionId: 'a', type: 'single', tags: ['党章'] }, { questionId: 'b', type: 'judge', tags: [] }], ['党章']) // [a]
 */
export function quizEligible<T extends DrawCandidate>(pool: readonly T[], tags?: readonly string[] | null): T[] {
  if (!tags || tags.length === 0) return [...pool];
  return pool.filter((q) => q.tags.some((t) => tags.includes(t)));
}

/**
 * Why a spec cannot be drawn from a pool (a Chinese message), or null when it can: the per-type counts must add
 * up to `count` and the eligible questions must suffice, overall and per type.
 *
 * @example quizDrawProblem([{ questionId: 'a', type: 'single', tags: [] }], { count: 2 }) // '题库中符合条件的题目只有 1 道，不够抽取 2 道'
 */
export function quizDrawProblem(pool: readonly DrawCandidate[], spec: DrawSpec): string | null {
  const eligible = quizEligible(pool, spec.tags);
  if (spec.perType) {
    const sum = QUESTION_TYPES.reduce((s, t) => s + (spec.perType?.[t] ?? 0), 0);
    if (sum !== spec.count) return `各题型数量之和（${sum}）应等于题目数量（${spec.count}）`;
    for (const t of QUESTION_TYPES) {
      const want = spec.perType[t] ?? 0;
      const have = eligible.filter((q) => q.type === t).length;
      if (want > have) return `题库中符合条件的${QUESTION_TYPE_LABELS[t]}题只有 ${have} 道，不够抽取 ${want} 道`;
    }
    return null;
  }
  if (eligible.length < spec.count) return `题库中符合条件的题目只有 ${eligible.length} 道，不够抽取 ${spec.count} 道`;
  return null;
}

const typeOrder = (t: QuestionType) => QUESTION_TYPES.indexOf(t);

/**
 * Draws `count` distinct questions for one member. The same pool (in any order), spec and seed always give the
 * same questions; the result is grouped as a paper is (单选, then 多选, then 判断), shuffled within each group.
 *
 * @example
 * quizDraw(pool, { count: 10, perType: { single: 6, judge: 4 }, tags: ['党章'] }, 'qz_1:m_7:1')
 * // { ok: true, questionIds: [6 single ids..., 4 judge ids...] }, the same every time for that seed
 */
export function quizDraw(pool: readonly DrawCandidate[], spec: DrawSpec, seed: string): DrawResult {
  const problem = quizDrawProblem(pool, spec);
  if (problem) return { ok: false, message: problem };
  // Sorted first so that the stored pool's order does not change the draw.
  const eligible = [...new Map(quizEligible(pool, spec.tags).map((q) => [q.questionId, q])).values()].sort((a, b) =>
    a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
  );
  let chosen: DrawCandidate[];
  if (spec.perType) {
    chosen = QUESTION_TYPES.flatMap((t) =>
      quizShuffled(
        eligible.filter((q) => q.type === t),
        `${seed}:${t}`,
      ).slice(0, spec.perType?.[t] ?? 0),
    );
  } else {
    chosen = quizShuffled(eligible, seed)
      .slice(0, spec.count)
      .map((q, i) => ({ q, i }))
      .sort((a, b) => typeOrder(a.q.type) - typeOrder(b.q.type) || a.i - b.i)
      .map(({ q }) => q);
  }
  return { ok: true, questionIds: chosen.map((q) => q.questionId) };
}
