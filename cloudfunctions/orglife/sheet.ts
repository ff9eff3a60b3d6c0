// 会议纪实 as the Excel inspectors ask for (exceljs): one meeting (纪实 and 出勤), or a branch's year as a 三会一课台账
// (one row per meeting: date, kind, topic, 主持/记录, 应到/实到, absentees with reasons, 纪实 state) plus the minutes.
import type * as ExcelJS from 'exceljs';
import type { MeetingAttendance } from '@/domain/orglife';
import { ATTENDANCE_LABELS, orglifeMinutesMissing } from '@/domain/orglife';
import type { ActivityInfo } from '../checkin/public';
import type { StoredMinutes } from './minutes';
import { sheetHeader, sheetTitle } from '../../server/xlsx';

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

function workbook(): ExcelJS.Workbook {
  // Loaded on first use: exceljs is most of the bundle and reading a 纪实 should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  return new Workbook();
}

/** What one meeting contributes to a sheet. */
export interface MeetingSheetInput {
  activity: ActivityInfo;
  orgNames: string[];
  /** e.g. "2020-07-01 09:00 至 11:00". */
  when: string;
  minutes: StoredMinutes | null;
  attendance: MeetingAttendance;
}

const absentText = (a: MeetingAttendance) =>
  a.rows
    .filter((r) => r.status === 'absent')
    .map((r) => `${r.name}（${r.reason || '未填写原因'}）`)
    .join('、');

/** One meeting: 会议纪实 (a form of label and value rows) and 出勤情况 (every expected member). */
export async function buildMeetingWorkbook(m: MeetingSheetInput): Promise<Buffer> {
  const wb = workbook();
  const sheet = wb.addWorksheet('会议纪实');
  sheet.columns = [{ width: 14 }, { width: 80 }];
  sheetTitle(sheet, `${m.activity.title} 会议纪实`, 2);
  const a = m.attendance;
  const rec = m.minutes;
  const rows: Array<[string, string]> = [
    ['组织', m.orgNames.join('、')],
    ['会议类型', m.activity.kind],
    ['会议时间', m.when],
    ['会议地点', m.activity.place ?? ''],
    ['会议主题', rec?.topic ?? ''],
    ['主持人', rec?.host ?? ''],
    ['记录人', rec?.recorder ?? ''],
    ['应到人数', String(a.expected)],
    ['实到人数', `${a.present}（其中迟到 ${a.late} 人，补签 ${a.manual} 人）`],
    ['缺席人员及原因', absentText(a) || '无'],
    ['会议记录', rec?.minutes ?? ''],
    ['会议决定', rec?.decisions ?? ''],
    ['会议照片', rec ? `${rec.photos.length} 张（见小程序会议纪实）` : ''],
    ['纪实状态', !rec ? '未填写' : rec.complete ? '已完成' : `未完成（缺：${orglifeMinutesMissing(rec).join('、')}）`],
  ];
  rows.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 3);
    row.values = [label, value];
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = WRAP;
  });

  const att = wb.addWorksheet('出勤情况');
  att.columns = [{ width: 6 }, { width: 14 }, { width: 10 }, { width: 40 }];
  sheetTitle(att, `${m.activity.title} 出勤情况`, 4);
  att.getCell(2, 1).value = `应到 ${a.expected} 人，实到 ${a.present} 人，缺席 ${a.absent} 人`;
  sheetHeader(att, 3, ['序号', '姓名', '出勤', '说明']);
  a.rows.forEach((r, i) => att.addRow([i + 1, r.name, ATTENDANCE_LABELS[r.status], r.reason]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A branch's year: 三会一课台账 (one row per meeting) and 会议记录 (the minutes and decisions of each). */
export async function buildYearWorkbook(orgName: string, year: number, meetings: MeetingSheetInput[]): Promise<Buffer> {
  const wb = workbook();
  const sheet = wb.addWorksheet('三会一课台账');
  sheet.columns = [
    { width: 6 },
    { width: 18 },
    { width: 12 },
    { width: 28 },
    { width: 10 },
    { width: 10 },
    { width: 8 },
    { width: 8 },
    { width: 36 },
    { width: 10 },
  ];
  sheetTitle(sheet, `${orgName} ${year} 年“三会一课”台账`, 10);
  const complete = meetings.filter((m) => m.minutes?.complete).length;
  sheet.getCell(2, 1).value =
    `共 ${meetings.length} 次会议，纪实完整 ${complete} 次，未录纪实或不完整 ${meetings.length - complete} 次`;
  sheetHeader(sheet, 3, [
    '序号',
    '会议时间',
    '会议类型',
    '会议主题',
    '主持人',
    '记录人',
    '应到',
    '实到',
    '缺席人员及原因',
    '纪实',
  ]);
  meetings.forEach((m, i) => {
    const row = sheet.addRow([
      i + 1,
      m.when,
      m.activity.kind,
      m.minutes?.topic || m.activity.title,
      m.minutes?.host ?? '',
      m.minutes?.recorder ?? '',
      m.attendance.expected,
      m.attendance.present,
      absentText(m.attendance),
      !m.minutes ? '未录' : m.minutes.complete ? '完整' : '不完整',
    ]);
    row.alignment = WRAP;
  });

  const notes = wb.addWorksheet('会议记录');
  notes.columns = [{ width: 18 }, { width: 12 }, { width: 24 }, { width: 70 }, { width: 40 }];
  sheetTitle(notes, `${orgName} ${year} 年会议记录`, 5);
  sheetHeader(notes, 3, ['会议时间', '会议类型', '会议主题', '会议记录', '会议决定']);
  for (const m of meetings) {
    const row = notes.addRow([
      m.when,
      m.activity.kind,
      m.minutes?.topic || m.activity.title,
      m.minutes?.minutes ?? '',
      m.minutes?.decisions ?? '',
    ]);
    row.alignment = WRAP;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
