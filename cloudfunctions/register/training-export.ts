// register.exportTrainingClass and exportTrainingCoverage: a class roster with attendance, and this quarter's
// coverage per organisation, as Excel workbooks in cloud storage (the caller's scope).
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { TrainingApi, trainingSchemas, TrainingRosterRow } from '@/domain/api/training';
import type { CoverageRow } from '@/domain/register';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiDay, shanghaiStamp, shanghaiText } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';
import { trainingClass, trainingCoverage } from './training';

const ATTENDANCE = { present: '已签到', late: '迟到' } as const;
/** Pages of the roster an export reads (100 each): a class holds at most 1,000 enrolled and some walk-ins. */
const ROSTER_PAGES_MAX = 15;

export async function exportTrainingClass(
  input: z.output<typeof trainingSchemas.exportTrainingClass>,
  ctx: ActionContext,
): Promise<TrainingApi['exportTrainingClass']['output']> {
  const first = await trainingClass({ classId: input.classId, page: 0 }, ctx);
  const roster: TrainingRosterRow[] = [...first.roster];
  let more = first.hasMore;
  for (let page = 1; more && page < ROSTER_PAGES_MAX; page++) {
    const next = await trainingClass({ classId: input.classId, page }, ctx);
    roster.push(...next.roster);
    more = next.hasMore;
  }
  const c = first.class;
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('培训花名册');
  sheet.addRow([`${c.title}（${c.kind}）`]);
  sheet.addRow([`时间：${shanghaiText(c.startAt)} 至 ${shanghaiText(c.endAt)}，地点：${c.place}，名额：${c.capacity}`]);
  const attended = roster.filter((r) => r.attendance !== null).length;
  sheet.addRow([`报名 ${roster.filter((r) => !r.walkIn).length} 人，签到 ${attended} 人`]);
  sheet.addRow(['序号', '姓名', '所在组织', '报名方式', '签到']);
  roster.forEach((r, i) =>
    sheet.addRow([
      i + 1,
      r.name,
      r.orgName,
      r.walkIn ? '未报名，现场签到' : '报名',
      r.attendance ? ATTENDANCE[r.attendance] : '未签到',
    ]),
  );
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 32;
  sheet.getColumn(4).width = 18;
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  return uploadForDownload(
    `exports/register/training-${shanghaiStamp(new Date())}`,
    `培训花名册-${c.title}.xlsx`,
    file,
  );
}

export async function coverageWorkbook(label: string, rows: readonly CoverageRow[]): Promise<Buffer> {
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('培训覆盖情况');
  sheet.addRow([`${label}培训覆盖情况（统计日期：${shanghaiDay()}）`]);
  sheet.addRow(['组织', '党员人数', '本季度已培训', '未培训', '覆盖率']);
  for (const r of rows) sheet.addRow([r.orgName, r.members, r.trained, r.untrained, `${r.rate}%`]);
  sheet.getColumn(1).width = 32;
  for (const c of [2, 3, 4, 5]) sheet.getColumn(c).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportTrainingCoverage(
  _input: z.output<typeof trainingSchemas.exportTrainingCoverage>,
  ctx: ActionContext,
): Promise<TrainingApi['exportTrainingCoverage']['output']> {
  const { label, rows } = await trainingCoverage({}, ctx);
  const file = await coverageWorkbook(label, rows);
  return uploadForDownload(
    `exports/register/coverage-${shanghaiStamp(new Date())}`,
    `培训覆盖情况-${label}.xlsx`,
    file,
  );
}
