// The Excel template of the question bank: its columns, and reading its rows into raw questions.
import type { SheetRow } from '../sheet';
import { cellText } from '../sheet';
import { JUDGE_OPTIONS, OPTION_LETTERS, quizQuestionType } from './questions';

/**
 * The template's header row, in column order.
 *
 * @example QUIZ_SHEET_COLUMNS.indexOf('答案') // 8 (column I)
 */
export const QUIZ_SHEET_COLUMNS = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '答案',
  '解析',
  '标签',
] as const;

/**
 * The notes written above the header of the template.
 *
 * @example QUIZ_SHEET_NOTES.join(' ') // the merged first row of 题库导入模板.xlsx
 */
export const QUIZ_SHEET_NOTES = [
  '题型填 单选 / 多选 / 判断；判断题不填选项（固定为 正确 / 错误）。',
  '答案填选项字母，如 B 或 ACD；判断题填 对 或 错。多选题至少两个正确答案。',
  '标签可填多个，用 、 或 , 分隔，如 党规党纪、七一。题干相同的题目再次导入时会更新原题。',
];

/** Starts the stem of the template's example rows, so that importing the template unedited adds nothing. */
export const QUIZ_SAMPLE_MARK = '【示例】';

/**
 * Whether a raw question is one of the template's examples (its stem starts with 【示例】).
 *
 * @example quizIsSample({ stem: ' 【示例】党员应按规定按月交纳党费。' }) // true
 */
export function quizIsSample(raw: unknown): boolean {
  const stem = (raw as { stem?: unknown } | null)?.stem;
  return typeof stem === 'string' && stem.trim().startsWith(QUIZ_SAMPLE_MARK);
}

/**
 * One example row per type, for the template (each marked 【示例】 and skipped on import).
 *
 * @example QUIZ_SHEET_EXAMPLES[2][0] // '判断'
 */
export const QUIZ_SHEET_EXAMPLES: string[][] = [
  [
    '单选',
    `${QUIZ_SAMPLE_MARK}党的最高领导机关是（ ）。`,
    '党的全国代表大会和它所产生的中央委员会',
    '中央政治局',
    '中央书记处',
    '中央纪律检查委员会',
    '',
    '',
    'A',
    '见《中国共产党章程》第十条。',
    '党章',
  ],
  [
    '多选',
    `${QUIZ_SAMPLE_MARK}“三会一课”中的“三会”包括（ ）。`,
    '支部党员大会',
    '支部委员会',
    '党小组会',
    '民主生活会',
    '',
    '',
    'ABC',
    '“三会”指支部党员大会、支部委员会和党小组会。',
    '组织生活、三会一课',
  ],
  ['判断', `${QUIZ_SAMPLE_MARK}党员应按规定按月交纳党费。`, '', '', '', '', '', '', '对', '', '党费'],
];

/** Rows searched for the header (a title row above it is common). */
const HEADER_SEARCH_ROWS = 10;

export interface QuizSheetHeader {
  rowNumber: number;
  /** Column index (0-based) of each template column found. */
  columns: Partial<Record<(typeof QUIZ_SHEET_COLUMNS)[number], number>>;
}

const squash = (s: string) => s.replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');

/**
 * Finds the header row: the first of the first 10 rows holding both 题型 and 题干 (titles compared without spaces
 * and without a trailing note in brackets, e.g. "题型(单选/多选/判断)").
 *
 * @example quizFindHeader([{ rowNumber: 2, cells: ['题型', '题干', '选项A'] }])?.columns // { 题型: 0, 题干: 1, 选项A: 2 }
 */
export function quizFindHeader(rows: readonly SheetRow[]): QuizSheetHeader | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const titles = row.cells.map((c) => squash(cellText(c)));
    const columns: QuizSheetHeader['columns'] = {};
    for (const name of QUIZ_SHEET_COLUMNS) {
      const at = titles.indexOf(name);
      if (at >= 0) columns[name] = at;
    }
    if (columns['题型'] !== undefined && columns['题干'] !== undefined) return { rowNumber: row.rowNumber, columns };
  }
  return null;
}

const TRUE_WORDS = new Set(['对', '正确', '√', '✓', '✔', 'T', 'TRUE', '是', 'Y', 'A']);
const FALSE_WORDS = new Set(['错', '错误', '×', '✗', '✘', 'X', 'F', 'FALSE', '否', 'N', 'B']);

/**
 * The answer cell as 0-based option indexes: letters for 单选/多选 (any separators: "AC", "A,C", "A、C"),
 * 对/错 (or 正确/错误, √/×, T/F) for 判断. Null when it cannot be read.
 *
 * @example quizParseAnswer('a、c', 'multiple') // [0, 2]
 * @example quizParseAnswer('对', 'judge')      // [0]
 * @example quizParseAnswer('G', 'single')      // null
 */
export function quizParseAnswer(cell: string, type: 'single' | 'multiple' | 'judge'): number[] | null {
  const text = cell.normalize('NFKC').trim().toUpperCase();
  if (!text) return null;
  if (type === 'judge') {
    if (TRUE_WORDS.has(text)) return [0];
    if (FALSE_WORDS.has(text)) return [1];
    return null;
  }
  const letters = text.replace(/[\s,，、;；/]+/g, '');
  if (!/^[A-F]+$/.test(letters)) return null;
  return [...letters].map((l) => OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number]));
}

/**
 * Splits a tag cell on 、 , ， ; ； and blanks.
 *
 * @example quizSplitTags('党规党纪、七一, 党章') // ['党规党纪', '七一', '党章']
 */
export function quizSplitTags(cell: string): string[] {
  return cell
    .split(/[、,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export type QuizSheetRow =
  { rowNumber: number; ok: true; raw: Record<string, unknown> } | { rowNumber: number; ok: false; message: string };

/**
 * Reads the template's data rows (below the header; blank rows skipped) into raw questions for
 * `quizNormaliseQuestion`, or per-row errors naming the row (1-based, as Excel shows it). Options are taken in
 * column order up to the last filled one; a gap (选项C empty but 选项D filled) is an error.
 *
 * @example
 * quizSheetRows([{ rowNumber: 1, cells: ['题型', '题干', '选项A', '选项B', '答案'] },
 *                { rowNumber: 2, cells: ['单选', '一加一等于几', '1', '2', 'B'] }])
 * // [{ rowNumber: 2, ok: true, raw: { type: 'single', stem: '一加一等于几', options: ['1', '2'], answer: [1], analysis: null, tags: [] } }]
 */
export function quizSheetRows(rows: readonly SheetRow[]): QuizSheetRow[] | { error: string } {
  const header = quizFindHeader(rows);
  if (!header) return { error: `未找到表头：请使用模板，表头应包含 ${QUIZ_SHEET_COLUMNS.join('、')}` };
  const col = header.columns;
  if (col['答案'] === undefined) return { error: '表头缺少“答案”列' };
  const at = (row: SheetRow, i: number | undefined) => (i === undefined ? '' : cellText(row.cells[i]));
  const out: QuizSheetRow[] = [];
  for (const row of rows) {
    if (row.rowNumber <= header.rowNumber) continue;
    if (row.cells.every((c) => cellText(c) === '')) continue;
    const typeText = at(row, col['题型']);
    const type = quizQuestionType(typeText);
    if (!type) {
      out.push({
        rowNumber: row.rowNumber,
        ok: false,
        message: `第 ${row.rowNumber} 行：题型“${typeText}”无效，应为 单选 / 多选 / 判断`,
      });
      continue;
    }
    const cells = OPTION_LETTERS.map((l) => at(row, col[`选项${l}`]));
    const last = cells.reduce((m, c, i) => (c ? i : m), -1);
    const gap = cells.slice(0, last + 1).findIndex((c) => !c);
    if (type !== 'judge' && gap >= 0) {
      out.push({
        rowNumber: row.rowNumber,
        ok: false,
        message: `第 ${row.rowNumber} 行：选项${OPTION_LETTERS[gap]}为空，但后面的选项有内容`,
      });
      continue;
    }
    const answerText = at(row, col['答案']);
    const answer = quizParseAnswer(answerText, type);
    if (!answer) {
      const hint = type === 'judge' ? '判断题填 对 或 错' : '填选项字母，如 B 或 ACD';
      out.push({
        rowNumber: row.rowNumber,
        ok: false,
        message: answerText.trim()
          ? `第 ${row.rowNumber} 行：答案“${answerText}”无法识别，${hint}`
          : `第 ${row.rowNumber} 行：没有填答案，${hint}`,
      });
      continue;
    }
    out.push({
      rowNumber: row.rowNumber,
      ok: true,
      raw: {
        type,
        stem: at(row, col['题干']),
        ...(type === 'judge' ? { options: [...JUDGE_OPTIONS] } : { options: cells.slice(0, last + 1) }),
        answer,
        analysis: at(row, col['解析']) || null,
        tags: quizSplitTags(at(row, col['标签'])),
      },
    });
  }
  return out;
}
