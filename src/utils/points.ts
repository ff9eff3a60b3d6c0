// How the points views read for people: source names, stars, signed points, the cadence grid and chart rows.
import type { CadenceGridRow, CadenceStatus, BarDatum } from '@/components/chart';
import type {
  ActivityAttendance,
  CadenceRow,
  LedgerEntry,
  PointsBucket,
  PointsSource,
  ReviewGrade,
} from '@/domain/api';
import { monthDayText } from './time';

export const SOURCE_LABELS: Record<PointsSource, string> = {
  checkin: '活动签到',
  quiz: '知识竞赛',
  practice: '每日一练',
  adjust: '积分调整',
  live: '现场赛',
  study: '学习资料',
  volunteer: '志愿服务',
};

/** The 民主评议 grades, best first (as in the contract; repeated here so that no schema code reaches the app). */
export const REVIEW_GRADES: readonly ReviewGrade[] = ['优秀', '合格', '基本合格', '不合格'];

export const MAX_STARS = 5;

/** "★★★☆☆" for 3 of 5 stars. */
export function starGlyphs(stars: number): string {
  const n = Math.max(0, Math.min(MAX_STARS, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(MAX_STARS - n);
}

/** "+3", "-10", "0". */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** "90.5%" or "—" for a rate that does not exist yet. */
export function pct(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}

/** Why an entry has the points it has, beyond its reason: the daily cap or a reversal. */
export function entryNote(e: LedgerEntry): string | null {
  if (e.reverses) return '冲正（撤销一笔记录）';
  if (e.capped) return `已达当日上限，原应得 ${e.requested} 分`;
  return null;
}

/** The years a picker offers: this year and the four before it, newest first. */
export function recentYears(current: number, count = 5): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

const PERIOD_RULE = { month: '每月', quarter: '每季度' } as const;

function cellStatus(count: number, state: 'past' | 'current' | 'future'): CadenceStatus {
  if (count > 0) return 'done';
  if (state === 'past') return 'missing';
  return state === 'current' ? 'due' : 'upcoming';
}

/** The dashboard's cadence rows as grid rows: a quarterly kind has four cells of three months each. */
export function cadenceGridRows(rows: readonly CadenceRow[]): CadenceGridRow[] {
  return rows.map((r) => ({
    key: r.kind,
    label: r.kind,
    rule: `${PERIOD_RULE[r.period]} · ${r.held}/${r.due}`,
    cells: r.periods.map((p) => ({
      key: `${r.kind}-${p.index}`,
      span: r.period === 'quarter' ? 3 : 1,
      status: cellStatus(p.count, p.state),
      count: p.count,
      period: p.label,
    })),
  }));
}

/** Attendance per activity as bars of 0–100 %, with "18/20人 90%" beside each; activities nobody was expected at are grey. */
export function attendanceBars(activities: readonly ActivityAttendance[]): BarDatum[] {
  return activities.map((a) => ({
    key: a.activityId,
    label: `${monthDayText(a.startAt)} ${a.title}`,
    value: a.rate ?? 0,
    valueText: a.rate === null ? '无应到' : `${a.present}/${a.expected}人 ${a.rate}%`,
    tone: a.rate === null ? 'muted' : a.rate >= 80 ? 'primary' : 'warn',
  }));
}

/** The points distribution as columns: how many members fall in each band. */
export function distributionColumns(buckets: readonly PointsBucket[]): BarDatum[] {
  return buckets.map((b) => ({ key: b.label, label: b.label, value: b.count, valueText: `${b.count}人` }));
}

/** Members per star count as columns, one star to five. */
export function starColumns(counts: readonly number[]): BarDatum[] {
  return counts.map((n, i) => ({ key: String(i + 1), label: `${i + 1}星`, value: n, valueText: `${n}人` }));
}

/** Tab pages open with switchTab and take no query; everything else with navigateTo. */
export const TAB_PAGES = ['/pages/index/index', '/pages/study/index', '/pages/hotline/index', '/pages/mine/index'];

export function isTabPath(path: string): boolean {
  return TAB_PAGES.includes(path.split('?')[0]);
}
