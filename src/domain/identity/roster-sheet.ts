// Reading a roster from spreadsheet rows (姓名 / 手机号 / 所属组织): finding the header row and the columns.
import type { SheetRow } from '../sheet';
import { cellText } from '../sheet';
import type { RosterInputRow } from './roster';

/** Column titles accepted for each field, compared after removing spaces. */
const TITLES = {
  name: ['姓名', '党员姓名', '名字'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话'],
  org: ['所属组织', '所属党组织', '所属支部', '党组织', '组织', '组织编号'],
} as const;

/** Rows searched for the header (title rows above it are common). */
const HEADER_SEARCH_ROWS = 10;

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
