// register.volExport: a year's 志愿服务 as an Excel workbook: each activity with its attendees and hours, and the
// hours per member (the caller's scope).
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { RegisterApi, registerSchemas } from '@/domain/api/register';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiIso, shanghaiStamp, shanghaiYear } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';
import type { VolunteerActivity } from './volunteer';
import { readYearActivities } from './volunteer';

const when = (a: VolunteerActivity) =>
  `${shanghaiIso(a.startAt).slice(0, 16).replace('T', ' ')}–${shanghaiIso(a.endAt).slice(11, 16)}`;

/** Two sheets: 活动及服务时长 (a row per attendee, or one per activity without hours) and 党员服务时长. */
export async function volunteerWorkbook(activities: readonly VolunteerActivity[], year: number): Promise<Buffer> {
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('活动及服务时长');
  sheet.addRow([`${year}年志愿服务台账`]);
  sheet.addRow([
    '活动',
    '类型',
    '服务社区/共建村（支部）',
    '组织',
    '时间',
    '地点',
    '名额',
    '报名',
    '候补',
    '党员',
    '服务时长（小时）',
  ]);
  const members = new Map<string, { name: string; orgName: string; times: number; hours: number }>();
  for (const a of activities) {
    const head = [
      a.title,
      a.mode,
      a.partner,
      a.orgName,
      when(a),
      a.place,
      a.capacity,
      a.signups.length,
      a.waiting.length,
    ];
    const hours = Object.entries(a.hours);
    if (hours.length === 0) sheet.addRow([...head, '（未登记）', '']);
    for (const [memberId, h] of hours) {
      sheet.addRow([...head, h.name, h.hours]);
      const m = members.get(memberId) ?? { name: h.name, orgName: a.orgName, times: 0, hours: 0 };
      if (h.hours > 0) m.times++;
      m.hours += h.hours;
      members.set(memberId, m);
    }
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(3).width = 24;
  sheet.getColumn(4).width = 28;
  sheet.getColumn(5).width = 22;
  const per = wb.addWorksheet('党员服务时长');
  per.addRow(['党员', '活动所属组织', '参加次数', '服务时长（小时）']);
  for (const m of [...members.values()].sort((x, y) => y.hours - x.hours))
    per.addRow([m.name, m.orgName, m.times, m.hours]);
  per.getColumn(2).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function volExport(
  input: z.output<typeof registerSchemas.volExport>,
  ctx: ActionContext,
): Promise<RegisterApi['volExport']['output']> {
  const year = input.year ?? shanghaiYear(new Date());
  const file = await volunteerWorkbook(await readYearActivities(ctx, year), year);
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/register/volunteer-${stamp}`, `志愿服务台账-${year}.xlsx`, file);
}
