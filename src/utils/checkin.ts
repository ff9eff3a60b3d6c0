// How activities and check-ins read on the pages: kinds, phases, statuses, flags and times (the server sends +08:00).
import type { ActivitySummary } from '@/domain/api';
import type { ActivityPhase, CheckInFlag, CheckInStatus } from '@/domain/checkin';
import { CHECKIN_FLAG_LABELS } from '@/domain/checkin';
import { clockText, dateText, dayTimeText } from './time';

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  open: '签到中',
  ended: '已结束',
  cancelled: '已取消',
};

export const STATUS_LABELS: Record<CheckInStatus, string> = {
  present: '已签到',
  late: '迟到签到',
};

/** '7月1日 09:00–11:00', or both days when the activity ends on another day. */
export function timeRange(a: Pick<ActivitySummary, 'startAt' | 'endAt'>): string {
  const start = dayTimeText(a.startAt);
  return dateText(a.startAt) === dateText(a.endAt)
    ? `${start}–${clockText(a.endAt)}`
    : `${start} 至 ${dayTimeText(a.endAt)}`;
}

/** The code is shown before and while the window is open; not once it has ended or the activity is cancelled. */
export function showsCode(phase: ActivityPhase): boolean {
  return phase === 'upcoming' || phase === 'open';
}

/** 补签 once the activity has begun, not before it nor for a cancelled one (the server refuses both). */
export function takesMakeUp(phase: ActivityPhase): boolean {
  return phase === 'open' || phase === 'ended';
}

export function flagText(flags: readonly CheckInFlag[]): string {
  return flags.map((f) => CHECKIN_FLAG_LABELS[f]).join('、');
}

/** Activities to show first: those open now, then upcoming (soonest first), then ended (newest first), then cancelled. */
export function sortForList(list: readonly ActivitySummary[]): ActivitySummary[] {
  const rank: Record<ActivityPhase, number> = { open: 0, upcoming: 1, ended: 2, cancelled: 3 };
  return [...list].sort(
    (a, b) =>
      rank[a.phase] - rank[b.phase] ||
      (a.phase === 'upcoming' ? a.startAt.localeCompare(b.startAt) : b.startAt.localeCompare(a.startAt)),
  );
}
