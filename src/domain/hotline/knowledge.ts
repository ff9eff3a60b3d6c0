// 知识库: answers to common questions that the public sees before submitting (直接答复) and that an admin may answer a
// ticket with at triage. Matching is on keywords the admin sets and on the question's wording; the database finds
// the candidates by stored bigram keys (an index), and this ranks them.
import { hotlineBigrams, hotlineNormalize } from './similarity';

export const HOTLINE_KNOWLEDGE_TITLE_MAX = 60;
export const HOTLINE_KNOWLEDGE_ANSWER_MAX = 2000;
export const HOTLINE_KNOWLEDGE_KEYWORDS_MAX = 10;
export const HOTLINE_KNOWLEDGE_KEYWORD_MAX = 12;
/** Suggestions shown at submit. */
export const HOTLINE_KNOWLEDGE_SHOWN = 3;
/** Candidates the search reads at most. */
export const HOTLINE_KNOWLEDGE_CANDIDATES = 30;
/** Bigrams of the appeal the search looks up at most (title first, then content). */
export const HOTLINE_KNOWLEDGE_QUERY_KEYS = 80;
/** A question's wording shared this much (of its own bigrams) counts as a match without a keyword. */
export const HOTLINE_KNOWLEDGE_TITLE_MIN = 0.5;

export interface HotlineKnowledgeText {
  title: string;
  keywords: readonly string[];
}

/**
 * The keys stored on an answer: the bigrams of its keywords and of its question.
 *
 * @example hotlineKnowledgeKeys({ title: '路灯报修', keywords: ['路灯'] }) // ['路灯', '灯报', '报修']
 */
export function hotlineKnowledgeKeys(k: HotlineKnowledgeText): string[] {
  return [...new Set([...k.keywords.flatMap((w) => hotlineBigrams(w)), ...hotlineBigrams(k.title)])];
}

/**
 * The keys an appeal is looked up by: its bigrams, title first, at most 80.
 *
 * @example hotlineKnowledgeQueryKeys('路灯', '不亮') // ['路灯', '不亮']
 */
export function hotlineKnowledgeQueryKeys(title: string, content: string): string[] {
  return [...new Set([...hotlineBigrams(title), ...hotlineBigrams(content)])].slice(0, HOTLINE_KNOWLEDGE_QUERY_KEYS);
}

export interface HotlineKnowledgeScore {
  /** Keywords found whole in the appeal. */
  keywords: number;
  /** Share of the question's bigrams found in the appeal, 0..1. */
  wording: number;
}

/**
 * How well an answer fits an appeal, or null when it does not: at least one keyword found whole in the appeal,
 * or half of the question's wording.
 *
 * @example hotlineKnowledgeScore({ title: '公积金怎样提取', keywords: ['公积金', '提取'] }, '我想提取住房公积金')
 *   // { keywords: 2, wording: 0.5 }
 * @example hotlineKnowledgeScore({ title: '公积金怎样提取', keywords: ['公积金'] }, '路灯不亮') // null
 */
export function hotlineKnowledgeScore(k: HotlineKnowledgeText, appeal: string): HotlineKnowledgeScore | null {
  const text = hotlineNormalize(appeal);
  const keywords = k.keywords.filter((w) => {
    const n = hotlineNormalize(w);
    return n.length > 0 && text.includes(n);
  }).length;
  const mine = new Set(hotlineBigrams(appeal));
  const title = hotlineBigrams(k.title);
  const wording = title.length ? Math.round((title.filter((g) => mine.has(g)).length / title.length) * 100) / 100 : 0;
  if (keywords === 0 && wording < HOTLINE_KNOWLEDGE_TITLE_MIN) return null;
  return { keywords, wording };
}

/**
 * The answers that fit an appeal, best first (more keywords, then wording; the appeal's category before others),
 * at most 3.
 *
 * @example hotlineKnowledgeRank([{ id: 'a', title: '路灯报修', keywords: ['路灯'], category: null }], '路灯不亮', '求助')
 *   // [{ id: 'a', ... }]
 */
export function hotlineKnowledgeRank<T extends HotlineKnowledgeText & { category: string | null }>(
  items: readonly T[],
  appeal: string,
  category: string | null,
): T[] {
  return items
    .map((item) => ({ item, score: hotlineKnowledgeScore(item, appeal) }))
    .filter((x): x is { item: T; score: HotlineKnowledgeScore } => x.score !== null)
    .map((x) => ({ ...x, sameCategory: category !== null && x.item.category === category ? 1 : 0 }))
    .sort(
      (a, b) =>
        b.score.keywords - a.score.keywords ||
        b.sameCategory - a.sameCategory ||
        b.score.wording - a.score.wording ||
        a.item.title.localeCompare(b.item.title),
    )
    .slice(0, HOTLINE_KNOWLEDGE_SHOWN)
    .map((x) => x.item);
}

/**
 * 直接答复率: appeals answered from the knowledge base (the public stopping at a suggested answer, or an admin
 * answering a ticket with one) over all appeals that reached the department (tickets received plus those who
 * stopped). Null with nothing.
 *
 * @example hotlineDirectRate({ directSelf: 2, directTriage: 1, received: 8 }) // 0.3
 */
export function hotlineDirectRate(c: { directSelf: number; directTriage: number; received: number }): number | null {
  const all = c.directSelf + c.received;
  return all > 0 ? Math.round(((c.directSelf + c.directTriage) / all) * 10000) / 10000 : null;
}

/**
 * 重复诉求率: appeals merged into an earlier one over all appeals that reached the department (merged ones are not
 * counted as received). Null with nothing.
 *
 * @example hotlineDuplicateRate({ merged: 1, received: 9 }) // 0.1
 */
export function hotlineDuplicateRate(c: { merged: number; received: number }): number | null {
  const all = c.merged + c.received;
  return all > 0 ? Math.round((c.merged / all) * 10000) / 10000 : null;
}

/**
 * The public side's numbers of one department from its counters: 直接答复 and 并单 with their rates.
 *
 * @example hotlinePublicSideStats({ received: 9, directSelf: 1, directTriage: 0, merged: 1 })
 *   // { directAnswers: 1, directRate: 0.1, merged: 1, duplicateRate: 0.1 }
 */
export function hotlinePublicSideStats(c: {
  received: number;
  directSelf?: number;
  directTriage?: number;
  merged?: number;
}): { directAnswers: number; directRate: number | null; merged: number; duplicateRate: number | null } {
  const directSelf = c.directSelf ?? 0;
  const directTriage = c.directTriage ?? 0;
  const merged = c.merged ?? 0;
  return {
    directAnswers: directSelf + directTriage,
    directRate: hotlineDirectRate({ directSelf, directTriage, received: c.received }),
    merged,
    duplicateRate: hotlineDuplicateRate({ merged, received: c.received }),
  };
}
