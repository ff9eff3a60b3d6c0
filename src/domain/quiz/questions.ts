// Question validation and normalisation for the bank: each raw object becomes a valid question or a Chinese error.
import type { QuestionType } from './limits';
import {
  ANALYSIS_MAX_CHARS,
  OPTION_MAX_CHARS,
  OPTIONS_MAX,
  QUESTION_TYPES,
  STEM_MAX_CHARS,
  TAG_MAX_CHARS,
  TAGS_MAX,
} from './limits';
import { sha256, toHex, utf8 } from '../hash';

/**
 * The options of every 判断 question, in this order.
 *
 * @example { type: 'judge', options: [...JUDGE_OPTIONS], answer: [1] } // the statement is 错误
 */
export const JUDGE_OPTIONS = ['正确', '错误'] as const;

/**
 * Option letters as the template and the pages show them.
 *
 * @example OPTION_LETTERS[2] // 'C' (option index 2)
 */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** @example QUESTION_TYPE_LABELS.multiple // '多选' */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断' };

/**
 * A question ready to store.
 *
 * @example { type: 'single', stem: '党的最高领导机关是（ ）。', options: ['党的全国代表大会和它所产生的中央委员会', '中央政治局'], answer: [0], analysis: null, tags: ['党章'] }
 */
export interface BankQuestion {
  type: QuestionType;
  stem: string;
  options: string[];
  /** Sorted, distinct 0-based option indexes. */
  answer: number[];
  analysis: string | null;
  tags: string[];
}

export type NormaliseResult = { ok: true; question: BankQuestion } | { ok: false; message: string };

/**
 * The key duplicates are found by: full-width letters/digits/punctuation folded (NFKC), whitespace removed,
 * trailing punctuation and blanks such as （ ） or ____ removed, Latin letters lower-cased.
 *
 * @example quizStemKey(' “五个基本”是指（  ）。') === quizStemKey('"五个基本"是指()') // true
 */
export function quizStemKey(stem: string): string {
  return stem
    .normalize('NFKC')
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, '')
    .replace(/\(\)|_+/g, '')
    .replace(/[。.?？!！:：;；,，]+$/u, '')
    .toLowerCase();
}

/**
 * The deterministic document id of a question: a hash of its stem key, so that two imports of the same stem, even
 * at the same moment, address one document.
 *
 * @example quizQuestionId('“五个基本”是指（ ）。') // 'q_' + 24 hex characters, the same for '"五个基本"是指()'
 */
export function quizQuestionId(stem: string): string {
  return `q_${toHex(sha256(utf8(quizStemKey(stem)))).slice(0, 24)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TYPE_WORDS: Record<string, QuestionType> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  judge: 'judge',
  判断: 'judge',
  判断题: 'judge',
};

/**
 * A question type from its code or Chinese name; null when unknown.
 *
 * @example quizQuestionType('判断题') // 'judge'
 * @example quizQuestionType('填空')   // null
 */
export function quizQuestionType(value: unknown): QuestionType | null {
  return typeof value === 'string' ? (TYPE_WORDS[value.trim()] ?? null) : null;
}

function plainText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Validates one raw question (as `importQuestions` receives it) and normalises it. Rules:
 * - `type` is single | multiple | judge (or 单选/多选/判断);
 * - `stem` 1..300 characters;
 * - single/multiple: 2..6 distinct options (A–F) of 1..120 characters; judge: the options are always
 *   ["正确","错误"] (given ones must be exactly those, or may be omitted);
 * - `answer`: 0-based indexes within the options, no repeats; single and judge exactly one; multiple at least two
 *   (a 多选 with one right option would tell the member nothing a 单选 does not, and is usually a typing error);
 * - `analysis` optional, at most 600 characters; `tags` at most 5 distinct, each 1..16 characters.
 *
 * @example quizNormaliseQuestion({ type: 'judge', stem: '党费按月交纳', answer: [0] })
 *   // { ok: true, question: { type: 'judge', stem: '党费按月交纳', options: ['正确', '错误'], answer: [0], analysis: null, tags: [] } }
 * @example quizNormaliseQuestion({ type: 'single', stem: '题', options: ['甲', '乙'], answer: [0, 1] })
 *   // { ok: false, message: '单选题只能有一个答案' }
 */
export function quizNormaliseQuestion(raw: unknown): NormaliseResult {
  const fail = (message: string): NormaliseResult => ({ ok: false, message });
  if (!isRecord(raw)) return fail('题目格式错误：应为对象');
  const type = quizQuestionType(raw.type);
  if (!type) return fail(`题型无效：应为 ${QUESTION_TYPES.join(' / ')}（单选/多选/判断）`);
  const label = QUESTION_TYPE_LABELS[type];

  const stem = plainText(raw.stem);
  if (!stem) return fail('缺少题干');
  if (stem.length > STEM_MAX_CHARS) return fail(`题干过长：最多 ${STEM_MAX_CHARS} 字`);

  let options: string[];
  if (type === 'judge') {
    if (raw.options !== undefined && raw.options !== null) {
      const given = Array.isArray(raw.options) ? raw.options.map(plainText) : null;
      if (!given || given.length !== 2 || given[0] !== JUDGE_OPTIONS[0] || given[1] !== JUDGE_OPTIONS[1])
        return fail('判断题的选项必须是“正确”“错误”（可省略）');
    }
    options = [...JUDGE_OPTIONS];
  } else {
    if (!Array.isArray(raw.options)) return fail(`${label}题缺少选项`);
    const texts = raw.options.map(plainText);
    const bad = texts.findIndex((t) => !t);
    if (bad >= 0) return fail(`选项${OPTION_LETTERS[bad] ?? bad + 1}为空`);
    options = texts as string[];
    if (options.length < 2) return fail(`${label}题至少需要 2 个选项`);
    if (options.length > OPTIONS_MAX) return fail(`选项最多 ${OPTIONS_MAX} 个（A–F）`);
    const long = options.findIndex((o) => o.length > OPTION_MAX_CHARS);
    if (long >= 0) return fail(`选项${OPTION_LETTERS[long]}过长：最多 ${OPTION_MAX_CHARS} 字`);
    const dup = options.findIndex((o, i) => options.indexOf(o) !== i);
    if (dup >= 0) return fail(`选项${OPTION_LETTERS[dup]}与选项${OPTION_LETTERS[options.indexOf(options[dup])]}重复`);
  }

  if (!Array.isArray(raw.answer) || raw.answer.length === 0) return fail('缺少答案');
  if (!raw.answer.every((a) => Number.isInteger(a))) return fail('答案应为选项序号（从 0 开始的整数）');
  const answer = [...new Set(raw.answer as number[])].sort((a, b) => a - b);
  if (answer.length !== raw.answer.length) return fail('答案中有重复的选项');
  const outside = answer.find((a) => a < 0 || a >= options.length);
  if (outside !== undefined)
    return fail(`答案超出选项范围：共 ${options.length} 个选项（${OPTION_LETTERS.slice(0, options.length).join('')}）`);
  if (type !== 'multiple' && answer.length !== 1) return fail(`${label}题只能有一个答案`);
  if (type === 'multiple' && answer.length < 2) return fail('多选题至少需要两个正确答案（只有一个时请改为单选题）');

  let analysis: string | null = null;
  if (raw.analysis !== undefined && raw.analysis !== null) {
    const a = plainText(raw.analysis);
    if (a === null) return fail('解析应为文字');
    if (a.length > ANALYSIS_MAX_CHARS) return fail(`解析过长：最多 ${ANALYSIS_MAX_CHARS} 字`);
    analysis = a || null;
  }

  let tags: string[] = [];
  if (raw.tags !== undefined && raw.tags !== null) {
    const list = Array.isArray(raw.tags) ? raw.tags.map(plainText) : null;
    if (!list || list.some((t) => t === null)) return fail('标签应为文字列表');
    tags = [...new Set((list as string[]).filter((t) => t !== ''))];
    if (tags.length > TAGS_MAX) return fail(`标签最多 ${TAGS_MAX} 个`);
    const long = tags.find((t) => t.length > TAG_MAX_CHARS);
    if (long) return fail(`标签“${long.slice(0, 20)}”过长：最多 ${TAG_MAX_CHARS} 字`);
  }
  return { ok: true, question: { type, stem, options, answer, analysis, tags } };
}
