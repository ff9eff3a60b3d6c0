// Roster rows pasted from Excel (or typed): cells, the optional header, and the same row checks the server runs.
import type { OrgRow } from '@/domain/api';
import { validateRosterRows, findRosterHeader } from '@/domain/identity';
import type { RosterInputRow } from '@/domain/identity';
import type { SheetRow } from '@/domain/sheet';
import { toOrgNodes } from './org-tree';

export interface LineIssue {
  /** 1-based line of the pasted text: the Excel row number when the copy starts at row 1. */
  line: number;
  message: string;
}

export interface RosterLine {
  line: number;
  name: string;
  phone: string;
  orgId: string;
}

export interface PasteResult {
  /** Rows ready for org.importMembers. */
  rows: RosterLine[];
  /** Lines that will not be sent, with the reason. */
  issues: LineIssue[];
  /** True when a header row (姓名, 手机号 …) was found and not read as data. */
  hasHeader: boolean;
}

export interface PasteRules {
  orgs: readonly OrgRow[];
  /** The orgs the caller may import into (a secretary's own subtree); null for an admin. */
  allowedOrgIds: readonly string[] | null;
  /** Used for rows that leave 组织 empty. */
  defaultOrgId?: string;
}

/**
 * Cells of one pasted line: Excel copies tab-separated cells; a CSV or a hand-typed list uses commas (also the
 * full-width one) or spaces.
 * @example splitCells('张三，13800138000，第一党支部') // ['张三', '13800138000', '第一党支部']
 */
export function splitCells(line: string): string[] {
  const sep = line.includes('\t') ? /\t/ : /[,，]/.test(line) ? /[,，]/ : /\s+/;
  return line.split(sep).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** Excel shows long numbers as 1.38001E+10 unless the column is text; copying then loses the digits. */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/**
 * Reads pasted roster text. Columns are 姓名, 手机号, 组织 (a name or an orgId) in that order, unless a header row
 * (e.g. 手机号 / 所属组织 / 姓名) gives another order; title rows above the header are skipped. Blank lines are skipped
 * but counted, so that line numbers match Excel's rows. Every row is checked as the server would check it (names,
 * phone numbers, repeated phones, the org and the caller's scope); a bad line does not stop the others.
 * @example parseRosterPaste('姓名\t手机号\t组织\n张三\t13800138000\t第一党支部', { orgs: [{ orgId: 'o1', name: '第一党支部', parentId: null }], allowedOrgIds: null })
 *          // -> { rows: [{ line: 2, name: '张三', phone: '13800138000', orgId: 'o1' }], issues: [], hasHeader: true }
 */
export function parseRosterPaste(text: string, rules: PasteRules): PasteResult {
  const sheet: SheetRow[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    if (raw.replace(/[\s,，]/g, '')) sheet.push({ rowNumber: i + 1, cells: splitCells(raw) });
  });
  const header = findRosterHeader(sheet);
  const cols = header ?? { index: -1, name: 0, phone: 1, org: 2 };
  const cell = (row: SheetRow, col: number) => (col >= 0 ? String(row.cells[col] ?? '') : '');

  const issues: LineIssue[] = [];
  const inputs: RosterInputRow[] = [];
  for (const row of sheet.slice(cols.index + 1)) {
    const phone = cell(row, cols.phone);
    if (SCIENTIFIC.test(phone)) {
      issues.push({ line: row.rowNumber, message: '手机号被 Excel 显示成了科学计数法，请把该列设为“文本”后重新复制' });
      continue;
    }
    inputs.push({ row: row.rowNumber, name: cell(row, cols.name), phone, org: cell(row, cols.org) });
  }

  const { valid, errors } = validateRosterRows(inputs, {
    orgs: toOrgNodes(rules.orgs),
    allowedOrgIds: rules.allowedOrgIds ? new Set(rules.allowedOrgIds) : null,
    orgByName: true,
    defaultOrgId: rules.defaultOrgId,
  });
  issues.push(...errors.map((e) => ({ line: e.row, message: e.message })));
  issues.sort((a, b) => a.line - b.line);
  return {
    rows: valid.map((r) => ({ line: r.row, name: r.name, phone: r.phone, orgId: r.orgId })),
    issues,
    hasHeader: header !== null,
  };
}

/** Splits rows into batches no larger than one importMembers call takes (IMPORT_MAX_ROWS in the contract). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
