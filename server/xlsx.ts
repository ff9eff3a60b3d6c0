// Reading an uploaded workbook (a roster, a question bank) into plain rows with exceljs; the rules that read the rows
// stay in src/domain.
import type * as ExcelJS from 'exceljs';
import type { SheetRow } from '@/domain/sheet';
import { AppError } from './app-error';
import { cloud } from './cloud';

/** The largest upload an import reads. */
export const IMPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Rows above the header (titles, notes) an import reads beyond its row limit. */
const TITLE_ROWS = 21;

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

/**
 * Downloads an uploaded .xlsx from cloud storage and reads its sheets, at most `maxDataRows` rows each (plus room
 * for a header and title rows). NOT_FOUND for a missing file; INVALID_ARGUMENT, naming the problem, for one too
 * large or not a workbook (`hint` is added to that message, e.g. where the template is).
 */
export async function readUploadedWorkbook(fileID: string, maxDataRows: number, hint = ''): Promise<SheetRow[][]> {
  let file: Buffer;
  try {
    file = (await cloud.downloadFile({ fileID })).fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '找不到上传的文件，请重新上传');
  }
  if (!file || file.length > IMPORT_FILE_MAX_BYTES)
    throw new AppError('INVALID_ARGUMENT', '文件过大（最大 5 MB），请分批导入');
  try {
    return await readWorkbookRows(file, maxDataRows + TITLE_ROWS);
  } catch {
    throw new AppError('INVALID_ARGUMENT', `无法读取该文件，请上传 .xlsx 格式的 Excel 文件${hint}`);
  }
}

/** Characters a file name may not carry on Windows, phones or in a cloud path, and whitespace. */
const UNSAFE_NAME = /[\\/:*?"<>|\s]+/g;

/**
 * Puts a generated file (an export, a template) in cloud storage under `<folder>/<fileName>` and returns it with a
 * temporary download link. The readable name is the path's last segment because that is the name a browser saves the
 * link under (the storage serves it as the attachment's filename); a timestamp in `folder` keeps exports apart.
 */
export async function uploadForDownload(
  folder: string,
  fileName: string,
  fileContent: Buffer,
): Promise<{ fileID: string; url: string; fileName: string }> {
  const name = fileName.replace(UNSAFE_NAME, '') || 'export.xlsx';
  const { fileID } = await cloud.uploadFile({ cloudPath: `${folder}/${name}`, fileContent });
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: Array<{ tempFileURL?: string }>;
  };
  const url = fileList[0]?.tempFileURL;
  if (!url) throw new AppError('INTERNAL', '文件的下载地址获取失败，请重试');
  return { fileID, url, fileName: name };
}

/** A sheet's title in row 1, merged across its first `columns` columns, bold and centred. */
export function sheetTitle(sheet: ExcelJS.Worksheet, text: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
}

/** A header row: the column names in bold on grey, ruled beneath. */
export function sheetHeader(sheet: ExcelJS.Worksheet, rowNumber: number, names: string[]): void {
  const row = sheet.getRow(rowNumber);
  row.values = names;
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
    c.border = { bottom: { style: 'thin' } };
  });
}
