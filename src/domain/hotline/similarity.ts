// Text keys for 并单 (duplicate appeals), 知识库 matching and the public board's keyword search. Everything is on
// character bigrams of the normalised text (Chinese has no spaces to split words on): a few stored keys let the
// database find candidates through an index, and the exact comparison then runs on those few candidates only.

/** How similar two appeals must be (Jaccard of their bigram sets, 0..1) to be suggested for merging. */
export const HOTLINE_SIMILAR_MIN = 0.25;
/** Only open appeals submitted within this many days are merge candidates. */
export const HOTLINE_SIMILAR_DAYS = 30;
/** How many candidates the submit-time query reads at most (the check's cost does not grow with the tickets). */
export const HOTLINE_SIMILAR_CANDIDATES = 20;
/** How many suggestions a ticket keeps. */
export const HOTLINE_SIMILAR_KEEP = 3;
/** MinHash keys stored per ticket: two appeals share one with probability 1 − (1 − J)^8 (J = 0.25 → 90 %). */
export const HOTLINE_MINHASH_KEYS = 8;
/** The most search keys stored for one published ticket (title, content and reply). */
export const HOTLINE_SEARCH_KEYS_MAX = 400;
/** The most keyword bigrams one board search requires (all of them must be on the ticket). */
export const HOTLINE_SEARCH_TERMS_MAX = 6;

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;

/**
 * Lower-case, full-width letters and digits as ASCII, and only letters, digits and Chinese characters kept.
 *
 * @example hotlineNormalize('幸福路，路灯 不亮！ＡＢ１') // '幸福路路灯不亮ab1'
 */
export function hotlineNormalize(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[^0-9a-z\u3400-\u9fff]/g, '');
}

/**
 * The distinct character bigrams of a text, in first-seen order (a one-character text gives itself).
 *
 * @example hotlineBigrams('路灯不亮') // ['路灯', '灯不', '不亮']
 */
export function hotlineBigrams(text: string): string[] {
  const chars = [...hotlineNormalize(text)];
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/**
 * Jaccard similarity of two key sets: shared / all, 0..1 (0 when both are empty).
 *
 * @example hotlineJaccard(['a', 'b', 'c'], ['b', 'c', 'd']) // 0.5
 */
export function hotlineJaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const k of sa) if (sb.has(k)) shared++;
  const all = sa.size + sb.size - shared;
  return all === 0 ? 0 : shared / all;
}

/**
 * The bigrams two appeals are compared on: digits left out (phone numbers, house numbers and dates differ between
 * people reporting the same problem and would only dilute the comparison).
 *
 * @example hotlineAppealGrams('电话138，路灯') // ['电话', '话路', '路灯']
 */
export function hotlineAppealGrams(text: string): string[] {
  return hotlineBigrams(text.replace(/[0-9\uff10-\uff19]/g, ''));
}

/** 32-bit FNV-1a of a string under a seed. */
function fnv(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final mix, so that seeds differing by one give unrelated orders.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * The MinHash keys of an appeal (title and content): for each of 8 seeded hashes, the smallest hash over its
 * bigrams, as `<i>:<hash>`. Similar texts share keys with high probability, so an `in` query on the stored keys
 * finds the candidates through an index; an empty text has no keys.
 *
 * @example hotlineMinhashKeys('小区路灯不亮').length // 8
 */
export function hotlineMinhashKeys(text: string): string[] {
  const grams = hotlineAppealGrams(text);
  if (grams.length === 0) return [];
  const keys: string[] = [];
  for (let i = 0; i < HOTLINE_MINHASH_KEYS; i++) {
    let min = Infinity;
    for (const g of grams) min = Math.min(min, fnv(i, g));
    keys.push(`${i}:${min.toString(36)}`);
  }
  return keys;
}

/** An open ticket found by the candidate query, with the text to compare. */
export interface HotlineSimilarCandidate {
  ticketId: string;
  ticketNo: string;
  title: string;
  content: string;
}

export interface HotlineSimilarMatch {
  ticketId: string;
  ticketNo: string;
  title: string;
  /** Jaccard of the bigram sets, rounded to 2 decimals. */
  similarity: number;
}

/**
 * The candidates similar enough to a new appeal (Jaccard of their digit-free bigrams ≥ 0.25), most similar first,
 * at most 3.
 *
 * @example hotlineSimilarMatches('路灯不亮\n幸福路小区门口路灯坏了', [{ ticketId: 't1', ticketNo: 'MS1', title: '路灯坏了', content: '幸福路小区门口路灯坏了一周' }])
 *   // [{ ticketId: 't1', ticketNo: 'MS1', title: '路灯坏了', similarity: 0.6 }]
 */
export function hotlineSimilarMatches(
  text: string,
  candidates: readonly HotlineSimilarCandidate[],
): HotlineSimilarMatch[] {
  const mine = hotlineAppealGrams(text);
  return candidates
    .map((c) => ({
      ticketId: c.ticketId,
      ticketNo: c.ticketNo,
      title: c.title,
      similarity: Math.round(hotlineJaccard(mine, hotlineAppealGrams(`${c.title}\n${c.content}`)) * 100) / 100,
    }))
    .filter((m) => m.similarity >= HOTLINE_SIMILAR_MIN)
    .sort((a, b) => b.similarity - a.similarity || a.ticketNo.localeCompare(b.ticketNo))
    .slice(0, HOTLINE_SIMILAR_KEEP);
}

/**
 * The search keys stored on a published ticket: the distinct bigrams of its (masked) texts, at most 400.
 *
 * @example hotlineSearchKeys(['路灯', '已修复']) // ['路灯', '已修', '修复']
 */
export function hotlineSearchKeys(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const g of hotlineBigrams(t)) {
      if (out.size >= HOTLINE_SEARCH_KEYS_MAX) return [...out];
      out.add(g);
    }
  }
  return [...out];
}

/**
 * The keys a board search requires on a ticket: the bigrams of each word of the keyword (words split by spaces;
 * every key must be on the ticket), at most 6; null when no word has 2 letters or characters to search by.
 *
 * @example hotlineSearchTerms('路灯 维修') // ['路灯', '维修']
 * @example hotlineSearchTerms('灯') // null
 */
export function hotlineSearchTerms(keyword: string): string[] | null {
  const out = new Set<string>();
  for (const word of keyword.split(/[\s,，、]+/)) {
    if ([...hotlineNormalize(word)].length < 2) continue;
    for (const g of hotlineBigrams(word)) out.add(g);
  }
  return out.size === 0 ? null : [...out].slice(0, HOTLINE_SEARCH_TERMS_MAX);
}
