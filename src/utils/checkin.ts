// How activities and check-ins read on the pages: kinds, phases, statuses, flags and times (the server sends +08:00).
import type { ActivitySummary } from '@/domain/api';
import type { ActivityPhase, CheckInFlag, CheckInStatus } from '@/domain/checkin/rules';
import { FLAG_LABELS } from '@/domain/checkin/rules';

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  open: '签到中',
  ended: '已结束',
};

export const STATUS_LABELS: Record<CheckInStatus, string> = {
  present: '已签到',
  late: '迟到签到',
};

/** '2020-07-01T09:00:00+08:00' -> '7月1日 09:00' (times arrive in Asia/Shanghai already). */
export function dayTime(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : iso;
}

/** '7月1日 09:00–11:00', or both days when the activity ends on another day. */
export function timeRange(a: Pick<ActivitySummary, 'startAt' | 'endAt'>): string {
  const start = dayTime(a.startAt);
  const end = dayTime(a.endAt);
  return a.startAt.slice(0, 10) === a.endAt.slice(0, 10) ? `${start}–${end.slice(-5)}` : `${start} 至 ${end}`;
}

/** 'HH:mm' of an ISO time. */
export function clock(iso: string): string {
  return iso.slice(11, 16);
}

export function flagText(flags: readonly CheckInFlag[]): string {
  return flags.map((f) => FLAG_LABELS[f]).join('、');
}

/** Activities to show first: those open now, then upcoming (soonest first), then ended (newest first). */
export function sortForList(list: readonly ActivitySummary[]): ActivitySummary[] {
  const rank: Record<ActivityPhase, number> = { open: 0, upcoming: 1, ended: 2 };
  return [...list].sort(
    (a, b) =>
      rank[a.phase] - rank[b.phase] ||
      (a.phase === 'upcoming' ? a.startAt.localeCompare(b.startAt) : b.startAt.localeCompare(a.startAt)),
  );
}
