// Reading a roster from spreadsheet rows (姓名 / 手机号 / 所属组织): finding the header row and the columns.
import type { RosterInputRow } from './roster';

/** Column titles accepted for each field, compared after removing spaces. */
const TITLES = {
  name: ['姓名', '党员姓名', '名字'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话'],
  org: ['所属组织', '所属党组织', '所属支部', '党组织', '组织', '组织编号'],
} as const;

/** Rows searched for the header (title rows above it are common). */
const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** The spreadsheet's own 1-based row number. */
  rowNumber: number;
  /** Cell values from column A on, as read from the file. */
  cells: readonly unknown[];
}

/**
 * Plain text of a spreadsheet cell value as exceljs reports it (string, number, rich text, hyperlink, formula).
 *
 * @example cellText({ richText: [{ text: '张' }, { text: '伟' }] }) // '张伟'
 * @example cellText({ formula: 'A1', result: 13800000001 })        // '13800000001'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text.trim();
    if (typeof v.text === 'object') return cellText(v.text);
  }
  return '';
}

export interface RosterHeader {
  /** Index into the rows array (not the spreadsheet row number). */
  index: number;
  name: number;
  phone: number;
  /** -1 when the sheet has no 所属组织 column. */
  org: number;
}

/**
 * Finds the header row: the first of the top rows with both a 姓名 and a 手机号 column.
 *
 * @example findRosterHeader([{ rowNumber: 1, cells: ['党员名册'] }, { rowNumber: 2, cells: ['姓名', '手机号', '所属组织'] }])
 *   // { index: 1, name: 0, phone: 1, org: 2 }
 */
export function findRosterHeader(rows: readonly SheetRow[]): RosterHeader | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const titles = rows[i].cells.map((c) => cellText(c).replace(/[\s*＊:：]/g, ''));
    const col = (names: readonly string[]) => titles.findIndex((t) => names.includes(t));
    const name = col(TITLES.name);
    const phone = col(TITLES.phone);
    if (name >= 0 && phone >= 0) return { index: i, name, phone, org: col(TITLES.org) };
  }
  return null;
}

/**
 * Turns the rows under the header into roster rows, skipping blank rows; row numbers stay the spreadsheet's.
 *
 * @example rosterRowsFromSheet([{ rowNumber: 1, cells: ['姓名', '手机号', '所属组织'] }, { rowNumber: 2, cells: ['张伟', 13800000001, 'o1'] }])
 *   // { ok: true, rows: [{ row: 2, name: '张伟', phone: '13800000001', org: 'o1' }] }
 */
export function rosterRowsFromSheet(
  rows: readonly SheetRow[],
): { ok: true; rows: RosterInputRow[] } | { ok: false; message: string } {
  const header = findRosterHeader(rows);
  if (!header) return { ok: false, message: '未找到表头：请在前 10 行内放置“姓名”“手机号”“所属组织”三列标题' };
  const out: RosterInputRow[] = [];
  for (const r of rows.slice(header.index + 1)) {
    const name = cellText(r.cells[header.name]);
    const phone = cellText(r.cells[header.phone]);
    const org = header.org >= 0 ? cellText(r.cells[header.org]) : '';
    if (!name && !phone && !org) continue;
    out.push({ row: r.rowNumber, name, phone, org });
  }
  return { ok: true, rows: out };
}
