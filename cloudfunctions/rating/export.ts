// rating.export: the result table, indicator statistics and flags as an Excel workbook in cloud storage.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { RatingApi, RatingComment, RatingResults, ratingSchemas } from '@/domain/api/rating';
import { RATING_SOURCE_LABELS } from '@/domain/rating';
import { uploadForDownload } from '../../server/xlsx';
import type { ActionContext } from '../../server/dispatch';
import { PAGE_SIZE } from '../../server/db';
import { readCampaign } from './store';
import { EXPORT_MAX_COMMENTS, readComments } from './comments';
import { buildResults } from './results';
import { shanghaiIso, shanghaiStamp } from '../../server/time';

const num = (x: number | null) => (x === null ? '' : x);

/** Builds the workbook: 结果 (one row per department), 指标 (per indicator), 异常标记 (flags), 群众意见 (comments). */
export async function resultsWorkbook(r: RatingResults, comments: RatingComment[] = []): Promise<Buffer> {
  // Loaded on first use: exceljs is most of this bundle and `rate` should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const names = new Map(r.rows.map((row) => [row.departmentId, row.name]));

  const main = wb.addWorksheet('结果');
  main.addRow([r.title]);
  main.addRow([`计算时间：${r.computedAt ?? '尚未计算'}；最低样本量：${r.minVotes}`]);
  for (const line of r.formula) main.addRow([line]);
  main.addRow([]);
  main.addRow(['名次', '部门', '微信测评人数', '微信测评', '明察暗访', '第三方', '综合得分', '说明']);
  for (const row of r.rows) {
    main.addRow([
      row.rank ?? '',
      row.name,
      row.votes,
      num(row.sources.wechat),
      num(row.sources.inspection),
      num(row.sources.survey),
      num(row.score),
      [row.sufficient ? '' : '样本不足', ...row.missing.map((s) => `缺${RATING_SOURCE_LABELS[s]}`)]
        .filter(Boolean)
        .join('；'),
    ]);
  }
  main.getColumn(2).width = 24;

  const ind = wb.addWorksheet('指标');
  ind.addRow(['部门', '指标', '权重', '人数', '平均分', '95%区间下限', '95%区间上限']);
  for (const row of r.rows) {
    for (const i of row.indicators) {
      const weight = r.indicators.find((x) => x.key === i.key)?.weight ?? '';
      ind.addRow([row.name, i.name, weight, i.n, num(i.mean), num(i.low), num(i.high)]);
    }
  }
  ind.getColumn(1).width = 24;

  const flags = wb.addWorksheet('异常标记');
  flags.addRow(['部门', '类型', '说明']);
  for (const b of r.flags?.bursts ?? []) {
    flags.addRow([
      names.get(b.departmentId) ?? b.departmentId,
      '短时集中评价',
      `${shanghaiIso(new Date(b.startMs))} 起 10 分钟内 ${b.count} 条，占该部门 ${Math.round(b.share * 100)}%`,
    ]);
  }
  for (const n of r.flags?.nearIdentical ?? []) {
    flags.addRow([
      names.get(n.departmentId) ?? n.departmentId,
      '评价高度雷同',
      `${n.votes} 条中 ${Math.round(n.share * 100)}% 完全相同（${n.pattern}）`,
    ]);
  }

  const notes = wb.addWorksheet('群众意见');
  notes.addRow(['部门', '时间', ...r.indicators.map((i) => i.name), '意见', '内容安全']);
  for (const c of comments) {
    notes.addRow([
      c.departmentName,
      c.updatedAt.slice(0, 16).replace('T', ' '),
      ...r.indicators.map((i) => c.scores[i.key] ?? ''),
      c.comment,
      c.status === 'pass' ? '' : '待人工审核',
    ]);
  }
  notes.getColumn(1).width = 24;
  notes.getColumn(r.indicators.length + 3).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every comment of a campaign, newest first, up to EXPORT_MAX_COMMENTS (one read per 100). */
async function allComments(ctx: ActionContext, campaignId: string): Promise<RatingComment[]> {
  const campaign = await readCampaign(ctx.db, campaignId);
  if (!campaign) return [];
  const out: RatingComment[] = [];
  while (out.length < EXPORT_MAX_COMMENTS) {
    const page = await readComments(ctx.db, campaign, { skip: out.length, limit: PAGE_SIZE });
    out.push(...page);
    if (page.length < PAGE_SIZE) break;
  }
  return out;
}

export async function exportResults(
  input: z.output<typeof ratingSchemas.export>,
  ctx: ActionContext,
): Promise<RatingApi['export']['output']> {
  const r = await buildResults(ctx, input.campaignId, true);
  const file = await resultsWorkbook(r, await allComments(ctx, input.campaignId));
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/rating/${input.campaignId}-${stamp}`, `${r.title}-测评结果.xlsx`, file);
}
