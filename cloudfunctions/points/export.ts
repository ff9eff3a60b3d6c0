// points.exportStars and points.exportOverview: Excel workbooks in cloud storage, answered with a download URL.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { PointsApi, PointsOverview, pointsSchemas, StarsView } from '@/domain/api/points';
import { uploadForDownload } from '../../server/xlsx';
import type { ActionContext } from '../../server/dispatch';
import { overviewOrCompute, viewsOrCompute } from './views';
import { scopedOrg } from './scope';
import { shanghaiStamp } from '../../server/time';

const STAR_TEXT = ['★', '★★', '★★★', '★★★★', '★★★★★'];
const num = (x: number | null) => (x === null ? '' : x);

/** 星级评定 sheet: one row per member, stars first (as the list shows), with the rule under the table. */
export async function starsWorkbook(v: StarsView): Promise<Buffer> {
  // Loaded on first use: exceljs is most of this bundle and the other actions should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const ws = wb.addWorksheet('星级评定');
  ws.addRow([`${v.orgName} ${v.year} 年度党员评星定级`]);
  ws.addRow([`统计时间：${v.computedAt.slice(0, 16).replace('T', ' ')}`]);
  ws.addRow([]);
  ws.addRow(['序号', '姓名', '年度积分', '积分星级', '民主评议', '评议说明', '评定星级']);
  v.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.name,
      r.points,
      r.pointsStars,
      r.review ?? '未评议',
      r.reviewNote ?? '',
      STAR_TEXT[r.stars - 1],
    ]),
  );
  ws.addRow([]);
  for (const line of v.rule.rule) ws.addRow([line]);
  ws.getColumn(2).width = 14;
  ws.getColumn(6).width = 30;
  ws.getColumn(7).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 达标创优 sheet: one row per branch. */
export async function overviewWorkbook(o: PointsOverview): Promise<Buffer> {
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const ws = wb.addWorksheet('达标创优');
  ws.addRow([`${o.year} 年度支部达标创优情况（截至 ${o.asOf}）`]);
  ws.addRow([]);
  ws.addRow([
    '支部',
    '党员数',
    '“三会一课”落实率(%)',
    '应开期数',
    '已开期数',
    '本月/本季度未开项数',
    '平均出勤率(%)',
    '学习答题参与率(%)',
    '人均积分',
  ]);
  for (const r of o.rows)
    ws.addRow([
      r.name,
      r.members,
      num(r.compliance),
      r.due,
      r.held,
      r.missingNow,
      num(r.attendanceRate),
      num(r.quizRate),
      num(r.averagePoints),
    ]);
  ws.getColumn(1).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(
  path: string,
  fileName: string,
  file: Buffer,
): Promise<{ fileID: string; url: string; fileName: string }> {
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/points/${path}-${stamp}`, fileName, file);
}

export async function exportStars(
  input: z.output<typeof pointsSchemas.exportStars>,
  ctx: ActionContext,
): Promise<PointsApi['exportStars']['output']> {
  await scopedOrg(ctx, input.orgId);
  const views = await viewsOrCompute(ctx, input.orgId, input.year, false);
  const name = `评星定级-${views.stars.orgName}-${input.year}.xlsx`;
  return upload(`stars-${input.orgId}-${input.year}`, name, await starsWorkbook(views.stars));
}

export async function exportOverview(
  input: z.output<typeof pointsSchemas.exportOverview>,
  ctx: ActionContext,
): Promise<PointsApi['exportOverview']['output']> {
  const overview = await overviewOrCompute(ctx, input.year, false);
  return upload(`overview-${input.year}`, `达标创优-${input.year}.xlsx`, await overviewWorkbook(overview));
}
