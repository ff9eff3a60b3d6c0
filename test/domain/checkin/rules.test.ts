// Check-in rules: the window, the scan source, distance and flags, ids, points and the rate.
import {
  activityPhase,
  activityTimesError,
  ATTENDANCE_POINTS,
  attendanceRate,
  checkInFlags,
  checkInId,
  checkInStatusText,
  distanceM,
  GEOFENCE_TOLERANCE_M,
  checkinScanSource,
  checkinWindowState,
} from '@/domain/checkin';

const t = (hhmm: string) => new Date(`2020-07-01T${hhmm}:00+08:00`);
const W = { opensAt: t('08:30'), startAt: t('09:00'), endAt: t('11:00') };

describe('checkinWindowState and activityPhase', () => {
  it.each([
    ['08:29', 'not-open', 'upcoming'],
    ['08:30', 'present', 'open'],
    ['08:59', 'present', 'open'],
    ['09:00', 'late', 'open'],
    ['11:00', 'late', 'open'],
    ['11:01', 'closed', 'ended'],
  ] as const)('at %s is %s (%s)', (time, state, phase) => {
    expect(checkinWindowState(W, t(time))).toBe(state);
    expect(activityPhase(W, t(time))).toBe(phase);
  });
});

describe('checkinScanSource', () => {
  it.each([
    [1047, 'camera'],
    [1011, 'camera'],
    [1048, 'album'],
    [1049, 'album'],
    [1012, 'album'],
    [1013, 'album'],
    [1001, 'link'],
    [undefined, 'link'],
  ] as const)('launch scene %s is %s', (scene, source) => {
    expect(checkinScanSource(scene)).toBe(source);
  });
});

describe('distance and flags', () => {
  const place = { latitude: 39.9042, longitude: 116.4074, radiusM: 100 };

  it('measures about 111 m per 0.001 degree of latitude', () => {
    expect(distanceM(place, { latitude: 39.9052, longitude: 116.4074 })).toBe(111);
    expect(distanceM(place, place)).toBe(0);
  });

  it('does not flag a camera scan inside the radius plus the tolerance', () => {
    const near = { latitude: 39.9042 + 0.0015, longitude: 116.4074 }; // ~167 m, within 100 + 100
    expect(checkInFlags({ source: 'camera', place, location: near })).toEqual({ flags: [], distanceM: 167 });
  });

  it('flags a scan beyond the radius plus the tolerance, with its distance', () => {
    const far = { latitude: 39.9042 + 0.003, longitude: 116.4074 }; // ~334 m
    const r = checkInFlags({ source: 'camera', place, location: far });
    expect(r.flags).toEqual(['outside']);
    expect(r.distanceM).toBeGreaterThan(place.radiusM + GEOFENCE_TOLERANCE_M);
  });

  it('flags an album scan, and a scan without location when the activity has a place', () => {
    expect(checkInFlags({ source: 'album', place: null })).toEqual({ flags: ['album'], distanceM: null });
    expect(checkInFlags({ source: 'album', place })).toEqual({ flags: ['album', 'no-location'], distanceM: null });
    expect(checkInFlags({ source: 'link', place: null, location: place })).toEqual({ flags: [], distanceM: null });
  });
});

describe('ids, points, rate and times', () => {
  it('makes deterministic ids', () => {
    expect(checkInId('aX', 'm_1')).toBe('aX:m_1');
  });

  it('gives points for every kind', () => {
    expect(ATTENDANCE_POINTS['主题党日']).toBe(2);
    expect(Object.values(ATTENDANCE_POINTS).every((p) => p > 0)).toBe(true);
  });

  it('rounds the rate to one decimal and answers 0 with nobody expected', () => {
    expect(attendanceRate(37, 40)).toBe(92.5);
    expect(attendanceRate(2, 3)).toBe(66.7);
    expect(attendanceRate(0, 0)).toBe(0);
  });

  it('checks the times', () => {
    expect(activityTimesError(t('09:00'), t('11:00'))).toBeNull();
    expect(activityTimesError(t('09:00'), t('09:00'))).toBe('结束时间必须晚于开始时间');
    expect(activityTimesError(t('09:00'), new Date('2020-07-02T10:00:00+08:00'))).toBe('一次活动不能超过 24 小时');
  });
});

describe('checkInStatusText', () => {
  it.each([
    [{ status: 'present', manual: false }, '按时签到'],
    [{ status: 'late', manual: false }, '迟到'],
    [{ status: 'present', manual: true }, '补签'],
    [{ status: 'late', manual: true }, '补签'],
  ] as const)('%j reads %s', (r, text) => {
    expect(checkInStatusText(r)).toBe(text);
  });
});
