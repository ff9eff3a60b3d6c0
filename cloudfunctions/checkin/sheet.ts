// The Excel sign-in sheet (exceljs): 签到表 with every expected member in roster order, and 缺勤名单.
import type * as ExcelJS from 'exceljs';
import { checkInStatusText, CHECKIN_FLAG_LABELS } from '@/domain/checkin';
import type { Activity, CheckInRecord, RosterEntry } from './store';
import { shanghaiText } from '../../server/time';
import { sheetHeader, sheetTitle } from '../../server/xlsx';

/** The workbook as a Buffer. */
export async function buildSignInWorkbook(
  activity: Activity,
  roster: RosterEntry[],
  records: CheckInRecord[],
): Promise<Buffer> {
  // Loaded on first use: exceljs is most of the bundle and a scan should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const byMember = new Map(records.map((r) => [r.memberId, r]));
  const subtitle = `${activity.kind} · ${shanghaiText(activity.startAt)} 至 ${shanghaiText(activity.endAt)}${activity.place ? ` · ${activity.place}` : ''}`;
  const present = roster.filter((m) => byMember.has(m.memberId)).length;

  const sheet = wb.addWorksheet('签到表');
  sheet.columns = [{ width: 6 }, { width: 14 }, { width: 12 }, { width: 18 }, { width: 22 }, { width: 30 }];
  sheetTitle(sheet, `${activity.title} 签到表`, 6);
  sheet.getCell(2, 1).value = `${subtitle}，应到 ${roster.length} 人，实到 ${present} 人`;
  sheetHeader(sheet, 3, ['序号', '姓名', '签到情况', '签到时间', '标记', '补签说明']);
  roster.forEach((m, i) => {
    const r = byMember.get(m.memberId);
    sheet.addRow([
      i + 1,
      m.name,
      r ? checkInStatusText({ status: r.status, manual: r.manual !== null }) : '缺勤',
      r ? shanghaiText(r.checkedInAt) : '',
      r
        ? r.flags.map((f) => CHECKIN_FLAG_LABELS[f]).join('、') +
          (r.distanceM !== null ? `（距离 ${r.distanceM} 米）` : '')
        : '',
      r?.manual ? `${shanghaiText(r.checkedInAt)} 补签：${r.manual.reason}（${r.manual.byName}）` : '',
    ]);
  });

  const absent = wb.addWorksheet('缺勤名单');
  absent.columns = [{ width: 6 }, { width: 14 }, { width: 30 }];
  sheetTitle(absent, `${activity.title} 缺勤名单`, 3);
  absent.getCell(2, 1).value = `缺勤 ${roster.length - present} 人`;
  sheetHeader(absent, 3, ['序号', '姓名', '缺勤原因（请填写）']);
  roster
    .filter((m) => !byMember.has(m.memberId))
    .forEach((m, i) => {
      absent.addRow([i + 1, m.name, '']);
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
