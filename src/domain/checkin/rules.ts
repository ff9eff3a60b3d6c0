// Check-in rules: the activity kinds, the window (opens before the start, late after it), where the scan came from,
// distance to the place with a tolerance, the flags the secretary sees, and the points an attendance earns.

export const ACTIVITY_KINDS = [
  '主题党日',
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '志愿服务',
  '培训',
  '其他',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type CheckInStatus = 'present' | 'late';
export type ScanSource = 'camera' | 'album' | 'link' | 'manual';
/** Accepted but shown to the secretary: scanned from a picture, outside the place, or no location given. */
export type CheckInFlag = 'album' | 'outside' | 'no-location';

/** Minutes before the start when scanning opens, unless the activity says otherwise. */
export const DEFAULT_OPENS_BEFORE_MINUTES = 30;
/** GPS indoors is often 50–100 m off: a scan within the radius plus this is not flagged. */
export const GEOFENCE_TOLERANCE_M = 100;

/** Points per attendance, by kind (the points-and-stars ledger reads these entries). */
export const ATTENDANCE_POINTS: Record<ActivityKind, number> = {
  主题党日: 2,
  支部党员大会: 2,
  支委会: 1,
  党小组会: 1,
  党课: 2,
  志愿服务: 1,
  培训: 2,
  其他: 1,
};

export interface ActivityWindow {
  opensAt: Date;
  startAt: Date;
  endAt: Date;
}

export type WindowState = 'not-open' | 'present' | 'late' | 'closed';

/**
 * Where `now` falls: before the window, on time (from opening to the start), late (from the start to the end), after.
 *
 * @example checkinWindowState({ opensAt: t('08:30'), startAt: t('09:00'), endAt: t('11:00') }, t('09:05')) // 'late'
 */
export function checkinWindowState(w: ActivityWindow, now: Date): WindowState {
  const t = now.getTime();
  if (t < w.opensAt.getTime()) return 'not-open';
  if (t > w.endAt.getTime()) return 'closed';
  return t < w.startAt.getTime() ? 'present' : 'late';
}

/**
 * What a list shows: 未开始, 签到中 (the window is open), 已结束, or 已取消 (an activity called off with its event, a
 * cancelled training class: the server says so, whatever the time).
 */
export type ActivityPhase = 'upcoming' | 'open' | 'ended' | 'cancelled';

/** @example activityPhase(w, w.startAt) // 'open' */
export function activityPhase(w: ActivityWindow, now: Date): Exclude<ActivityPhase, 'cancelled'> {
  const s = checkinWindowState(w, now);
  return s === 'not-open' ? 'upcoming' : s === 'closed' ? 'ended' : 'open';
}

/**
 * The scan source from the mini-program's launch scene: 1047/1011 scanned with the camera, 1048/1049/1012/1013 a
 * long-pressed or album picture (the code may have been forwarded), anything else (H5, a link) `link`.
 *
 * @example checkinScanSource(1047) // 'camera'
 * @example checkinScanSource(1049) // 'album'
 */
export function checkinScanSource(launchScene: number | undefined): Exclude<ScanSource, 'manual'> {
  if (launchScene === 1047 || launchScene === 1011) return 'camera';
  if (launchScene === 1048 || launchScene === 1049 || launchScene === 1012 || launchScene === 1013) return 'album';
  return 'link';
}

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Great-circle distance in metres (haversine on a 6,371 km sphere), rounded to a metre.
 *
 * @example distanceM({ latitude: 39.9042, longitude: 116.4074 }, { latitude: 39.9052, longitude: 116.4074 }) // 111
 */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

export interface CheckinPlace extends LatLng {
  radiusM: number;
}

/**
 * The flags of a scan and its distance to the place (null without a place or a location).
 *
 * @example checkInFlags({ source: 'album', place: null }) // { flags: ['album'], distanceM: null }
 */
export function checkInFlags(s: { source: ScanSource; place: CheckinPlace | null; location?: LatLng }): {
  flags: CheckInFlag[];
  distanceM: number | null;
} {
  const flags: CheckInFlag[] = [];
  if (s.source === 'album') flags.push('album');
  let d: number | null = null;
  if (s.place) {
    if (!s.location) flags.push('no-location');
    else {
      d = distanceM(s.place, s.location);
      if (d > s.place.radiusM + GEOFENCE_TOLERANCE_M) flags.push('outside');
    }
  }
  return { flags, distanceM: d };
}

/**
 * Whether a secretary of `scopes` runs an activity: every organisation it is for is the own org or below it, as
 * its stored ancestor chains (`orgChains`, the org first and its ancestors after) say. Admins run every activity.
 *
 * @example checkinRunsActivity(['p1'], [['b1', 'p1'], ['b2', 'p1']]) // true
 * @example checkinRunsActivity(['b1'], [['b1', 'p1'], ['b2', 'p1']]) // false: b2 is not b1's
 */
export function checkinRunsActivity(scopes: readonly string[], orgChains: readonly (readonly string[])[]): boolean {
  if (scopes.length === 0 || orgChains.length === 0) return false;
  return orgChains.every((chain) => chain.some((o) => scopes.includes(o)));
}

/**
 * How a check-in reads on the sign-in sheet: a 补签 says so (its time is when it was made), never 按时签到.
 *
 * @example checkInStatusText({ status: 'present', manual: true }) // '补签'
 * @example checkInStatusText({ status: 'late', manual: false })   // '迟到'
 */
export function checkInStatusText(r: { status: CheckInStatus; manual: boolean }): string {
  if (r.manual) return '补签';
  return r.status === 'late' ? '迟到' : '按时签到';
}

/** How the flags read on the attendance page and in the export. */
export const CHECKIN_FLAG_LABELS: Record<CheckInFlag, string> = {
  album: '相册/长按识别',
  outside: '不在活动地点',
  'no-location': '未提供位置',
};

/**
 * Deterministic id: one check-in per member and activity.
 *
 * @example checkInId('aB3dE5fG7', 'm_1') // 'aB3dE5fG7:m_1'
 */
export function checkInId(activityId: string, memberId: string): string {
  return `${activityId}:${memberId}`;
}

/**
 * Attendance rate in percent with one decimal; 0 when nobody is expected.
 *
 * @example attendanceRate(37, 40) // 92.5
 */
export function attendanceRate(present: number, expected: number): number {
  return expected > 0 ? Math.round((present / expected) * 1000) / 10 : 0;
}

/**
 * The activity's times checked together; null when fine, otherwise the problem in Chinese.
 *
 * @example activityTimesError(t('09:00'), t('08:00')) // '结束时间必须晚于开始时间'
 */
export function activityTimesError(startAt: Date, endAt: Date): string | null {
  if (endAt.getTime() <= startAt.getTime()) return '结束时间必须晚于开始时间';
  if (endAt.getTime() - startAt.getTime() > 24 * 3600_000) return '一次活动不能超过 24 小时';
  return null;
}
