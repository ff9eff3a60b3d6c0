// register.exportTerms: the 换届选举台账 as an Excel workbook in cloud storage (the caller's scope, those due first).
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { RegisterApi, registerSchemas, TermRow } from '@/domain/api/register';
import { TERM_STATE_LABELS } from '@/domain/register';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { shanghaiDay, shanghaiStamp } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';
import { readTermSummary, registerScope, termRows } from './store';

const REMINDED = { 6: '到期前6个月', 3: '到期前3个月', 1: '到期前1个月' } as const;

/** One sheet 换届选举台账: a row per organisation with its term, state and the last reminder. */
export async function termsWorkbook(rows: readonly TermRow[], today: string): Promise<Buffer> {
  // Loaded on first use: exceljs is most of this bundle and the register views should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('换届选举台账');
  sheet.addRow([`换届选举台账（统计日期：${today}）`]);
  sheet.addRow(['组织', '类别', '书记', '选举日期', '任期（年）', '任期届满', '状态', '已提醒']);
  for (const r of rows) {
    sheet.addRow([
      r.orgName,
      r.orgKind ?? '',
      r.secretaryName ?? '',
      r.electedOn ?? '',
      r.termYears ?? '',
      r.endsOn ?? '',
      TERM_STATE_LABELS[r.state],
      r.remindedMonths ? `${REMINDED[r.remindedMonths]}（${r.remindedOn ?? ''}）` : '',
    ]);
  }
  sheet.getColumn(1).width = 32;
  for (const c of [4, 6, 8]) sheet.getColumn(c).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportTerms(
  _input: z.output<typeof registerSchemas.exportTerms>,
  ctx: ActionContext,
): Promise<RegisterApi['exportTerms']['output']> {
  const [caller, dir, summary] = await Promise.all([ctx.caller(), readDirectory(ctx.db), readTermSummary(ctx.db)]);
  const today = shanghaiDay();
  const { rows } = termRows(registerScope(caller, dir.orgs), summary.terms, today);
  const file = await termsWorkbook(rows, today);
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/register/terms-${stamp}`, `换届选举台账-${today}.xlsx`, file);
}
