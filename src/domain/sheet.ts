// Spreadsheet rows as the server reads them from an Excel file (server/xlsx.ts) or the app from pasted text: shared by
// the roster import (identity) and the question bank import (quiz).

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
