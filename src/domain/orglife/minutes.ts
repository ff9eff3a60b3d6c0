// 三会一课 会议纪实 rules: which activities have one, when a 纪实 is complete, and the attendance it shows (from the
// check-in: present, late, 补签, and absent with the reason the secretary entered on the absentee sheet).

/** Activities that are 组织生活 meetings and so need a 纪实 (check-in kinds other than 其他). */
export const MEETING_KINDS = ['支部党员大会', '支委会', '党小组会', '党课', '主题党日'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** @example orglifeIsMeetingKind('党课') // true */
export function orglifeIsMeetingKind(kind: string): kind is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(kind);
}

export interface MinutesFields {
  topic: string;
  host: string;
  recorder: string;
  minutes: string;
}

/** What inspectors look for first, in the order a 纪实 lists it. */
const REQUIRED: ReadonlyArray<[keyof MinutesFields, string]> = [
  ['topic', '会议主题'],
  ['host', '主持人'],
  ['recorder', '记录人'],
  ['minutes', '会议记录'],
];

/**
 * The required parts a 纪实 still lacks (empty when complete). Decisions and photos are kept when given but a
 * meeting without a decision (e.g. a 党课) is still complete.
 *
 * @example orglifeMinutesMissing({ topic: '学习党章', host: '张伟', recorder: '', minutes: '' }) // ['记录人', '会议记录']
 */
export function orglifeMinutesMissing(m: MinutesFields): string[] {
  return REQUIRED.filter(([key]) => m[key].trim() === '').map(([, label]) => label);
}

export type AttendanceStatus = 'present' | 'late' | 'manual' | 'absent';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  manual: '补签',
  absent: '缺席',
};

export interface MeetingAttendanceRow {
  memberId: string;
  name: string;
  status: AttendanceStatus;
  /** 补签: its reason; absent: the reason entered by the secretary ('' when none yet). */
  reason: string;
}

export interface MeetingAttendance {
  expected: number;
  present: number;
  late: number;
  manual: number;
  absent: number;
  /** Absentees still without a reason. */
  absentWithoutReason: number;
  rows: MeetingAttendanceRow[];
}

/**
 * The attendance of a meeting in roster order: each expected member with the check-in's status (a 补签 shows as
 * such, with its reason) or absent with the reason given. `present` counts everyone who came, late and 补签 included.
 *
 * @example
 * orglifeMeetingAttendance([{ memberId: 'm1', name: '张伟' }], [], { m1: '出差' }).rows[0]
 *   // { memberId: 'm1', name: '张伟', status: 'absent', reason: '出差' }
 */
export function orglifeMeetingAttendance(
  roster: ReadonlyArray<{ memberId: string; name: string }>,
  checkIns: ReadonlyArray<{ memberId: string; status: 'present' | 'late'; manualReason: string | null }>,
  absenceReasons: Readonly<Record<string, string>>,
): MeetingAttendance {
  const byMember = new Map(checkIns.map((c) => [c.memberId, c]));
  const rows = roster.map(({ memberId, name }): MeetingAttendanceRow => {
    const c = byMember.get(memberId);
    if (!c) return { memberId, name, status: 'absent', reason: absenceReasons[memberId] ?? '' };
    if (c.manualReason !== null) return { memberId, name, status: 'manual', reason: c.manualReason };
    return { memberId, name, status: c.status, reason: '' };
  });
  const count = (s: AttendanceStatus) => rows.filter((r) => r.status === s).length;
  return {
    expected: rows.length,
    present: rows.length - count('absent'),
    late: count('late'),
    manual: count('manual'),
    absent: count('absent'),
    absentWithoutReason: rows.filter((r) => r.status === 'absent' && r.reason === '').length,
    rows,
  };
}

/** Photos of one meeting (a 纪实 shows the room, the screen and the sign-in; nine fill a phone's grid). */
export const MINUTES_MAX_PHOTOS = 9;
/** The storage folder pages upload 纪实 photos to; the server accepts photos only from it. */
export const MINUTES_PHOTO_FOLDER = 'orglife/';
const PHOTO_FILE_ID = /^cloud:\/\/[A-Za-z0-9_.-]+\/orglife\/[A-Za-z0-9_\-/]{1,160}\.(jpe?g|png|webp)$/i;

/**
 * The storage path a page uploads a 纪实 photo to.
 *
 * @example orglifeMinutesPhotoPath('20200701', 'k3x9', 'JPEG') // 'orglife/20200701/k3x9.jpg'
 */
export function orglifeMinutesPhotoPath(day: string, unique: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const e = ext.toLowerCase();
  return `${MINUTES_PHOTO_FOLDER}${safe(day)}/${safe(unique)}.${e === 'jpeg' ? 'jpg' : e}`;
}

/**
 * Why a list of photo fileIDs is not acceptable for a 纪实, or null: at most nine, no repeats, each an image
 * uploaded to the 纪实 folder.
 *
 * @example orglifeMinutesPhotosProblem(['cloud://env.b/orglife/20200701/a.jpg']) // null
 * @example orglifeMinutesPhotosProblem(['cloud://env.b/hotline/o1/a.jpg'])      // '第 1 张照片不是上传到会议纪实目录的图片'
 */
export function orglifeMinutesPhotosProblem(fileIDs: readonly string[]): string | null {
  if (fileIDs.length > MINUTES_MAX_PHOTOS) return `最多上传 ${MINUTES_MAX_PHOTOS} 张照片`;
  if (new Set(fileIDs).size !== fileIDs.length) return '照片重复';
  const bad = fileIDs.findIndex((f) => !PHOTO_FILE_ID.test(f) || f.includes('..'));
  return bad >= 0 ? `第 ${bad + 1} 张照片不是上传到会议纪实目录的图片` : null;
}
