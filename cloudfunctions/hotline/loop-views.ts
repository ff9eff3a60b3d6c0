// Views of the 12345 handling loop (issue 15): the loop's part of a ticket's detail and the statistics workbook.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { DepartmentStatsRow, HotlineApi, hotlineSchemas, TicketDetail } from '@/domain/api/hotline';
import { hotlineExtendDue, hotlineShanghaiDay } from '@/domain/hotline';
import type { Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiIso } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';
import { strOrNull } from './store';
import { stats } from './views';

type LoopDetail = Pick<
  TicketDetail,
  'returnRequest' | 'extensionRequest' | 'extendedDays' | 'coDepartments' | 'visits' | 'followUp' | 'reported'
>;

const time = (ms: unknown): string | null => (typeof ms === 'number' ? shanghaiIso(ms) : null);

/** The loop's fields of a ticket as `get` shows them. */
export function loopDetail(t: Doc): LoopDetail {
  const ret = (t.returnRequest ?? null) as Doc | null;
  const ext = (t.extensionRequest ?? null) as Doc | null;
  const fu = (t.followUp ?? null) as Doc | null;
  return {
    returnRequest:
      t.status === 'returned' && ret
        ? {
            reason: String(ret.reason ?? ''),
            departmentName: String(ret.departmentName ?? ''),
            at: shanghaiIso(ret.atMs),
          }
        : null,
    extensionRequest:
      t.extensionPending === true && ext
        ? {
            days: Number(ext.days),
            reason: String(ext.reason ?? ''),
            at: shanghaiIso(ext.atMs),
            proposedDueAt: shanghaiIso(hotlineExtendDue(String(t.dueDay), Number(ext.days)).dueMs),
          }
        : null,
    extendedDays: Number(t.extendedDays) || 0,
    coDepartments: (Array.isArray(t.coDepartments) ? (t.coDepartments as Doc[]) : []).map((c) => ({
      departmentId: String(c.departmentId),
      name: String(c.name ?? ''),
      part: strOrNull(c.part),
      at: time(c.atMs),
    })),
    visits: (Array.isArray(t.visits) ? (t.visits as Doc[]) : []).map((v) => ({
      reached: v.reached === true,
      solved: v.solved === true,
      note: strOrNull(v.note),
      at: shanghaiIso(v.atMs),
    })),
    followUp: fu
      ? {
          question: String(fu.question ?? ''),
          askedAt: shanghaiIso(fu.askedAtMs),
          answer: strOrNull(fu.answer),
          answeredAt: time(fu.answeredAtMs),
        }
      : null,
    reported: t.reported === true,
  };
}

const pct = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10);

/** The monthly report's workbook: one row per department and the total, rates in per cent. */
export async function statsWorkbook(s: HotlineApi['stats']['output']): Promise<Buffer> {
  // Loaded on first use: exceljs is large and the other actions should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('部门统计');
  sheet.addRow([`民声热线部门办理情况（${s.period ? `${s.period.from} 至 ${s.period.to}` : '全部'}）`]);
  sheet.addRow([
    '部门',
    '受理数',
    '答复数',
    '回复率(%)',
    '按时办结率(%)',
    '满意率(%)',
    '平均分',
    '平均答复工作日',
    '解决率(%)',
    '回访率(%)',
    '直接答复数',
    '直接答复率(%)',
    '并单数',
    '重复诉求率(%)',
    '退单数',
    '延期数',
    '通报数',
  ]);
  const row = (name: string, r: Omit<DepartmentStatsRow, 'departmentId' | 'name'>) => [
    name,
    r.received,
    r.replied,
    pct(r.replyRate),
    pct(r.onTimeRate),
    pct(r.satisfaction),
    r.averageScore ?? '',
    r.averageReplyWorkdays ?? '',
    pct(r.solveRate),
    pct(r.visitRate),
    r.directAnswers,
    pct(r.directRate),
    r.merged,
    pct(r.duplicateRate),
    r.returned,
    r.extended,
    r.reported,
  ];
  for (const d of s.departments) sheet.addRow(row(d.name, d));
  sheet.addRow(row('合计', s.total));
  sheet.getColumn(1).width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function statsExport(
  input: z.output<typeof hotlineSchemas.statsExport>,
  ctx: ActionContext,
): Promise<HotlineApi['statsExport']['output']> {
  const s = await stats(input, ctx);
  const period = s.period
    ? s.period.from === s.period.to
      ? s.period.from
      : `${s.period.from}_${s.period.to}`
    : '全部';
  const stamp = hotlineShanghaiDay(Date.now()).replace(/-/g, '');
  return uploadForDownload('exports/hotline', `民声热线部门统计_${period}_${stamp}.xlsx`, await statsWorkbook(s));
}
