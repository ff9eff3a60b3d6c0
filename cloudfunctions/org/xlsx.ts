// Reading an uploaded roster workbook into plain rows with exceljs (the roster rules stay in src/domain).
import type * as ExcelJS from 'exceljs';
import type { SheetRow } from '@/domain/identity/roster-sheet';

/**
 * Every worksheet's non-empty rows, each cut off after `maxRows` rows so that a huge sheet is not held in full.
 * Throws when the file is not a readable .xlsx workbook.
 */
export async function readWorkbookRows(file: Buffer, maxRows: number): Promise<SheetRow[][]> {
  // Loaded on first use: exceljs is most of this bundle, and `list` (called by everyone) should not pay for it.
  // require, not import(): under Node's ESM loader exceljs (CommonJS) only has a default export.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  await workbook.xlsx.load(file as never);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rows.length >= maxRows) return;
      // exceljs keeps cell values 1-based (index 0 is empty).
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ rowNumber, cells: values });
    });
    return rows;
  });
}
