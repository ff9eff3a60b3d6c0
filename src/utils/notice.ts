// Words of the 通知公告 and 学习资料 pages: reading times, 确认收到 states and what a finished reading earned.
import type { FinishStatus } from '@/domain/api/notice';
import type { ConfirmState } from '@/domain/notice';

/**
 * The reading an article asks for, as its list row says it.
 *
 * @example readingTimeText(30) // '读满 30 秒得 1 分'
 * @example readingTimeText(130) // '读满 2 分 10 秒得 1 分'
 */
export function readingTimeText(seconds: number): string {
  return `读满 ${durationText(seconds)}得 1 分`;
}

/**
 * Seconds as 分/秒 for people.
 *
 * @example durationText(75) // '1 分 15 秒'
 * @example durationText(120) // '2 分钟'
 */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} 分钟` : `${m} 分 ${s % 60} 秒`;
}

/** 确认收到 as a member's row and the read list show it (empty when the notice does not ask). */
export const CONFIRM_TEXT: Record<ConfirmState, string> = {
  'not-asked': '',
  pending: '待确认',
  overdue: '逾期未确认',
  confirmed: '已确认',
  'confirmed-late': '逾期后确认',
};

/**
 * What the article page says after finishReading answered.
 *
 * @example finishText({ status: 'credited', awarded: 1, remainingSeconds: 0 }, 6) // '已获得 1 积分'
 * @example finishText({ status: 'credited', awarded: 0, remainingSeconds: 0 }, 6) // '今日学习积分已达上限（6 分），本篇记为已学习'
 */
export function finishText(
  r: { status: FinishStatus; awarded: number; remainingSeconds: number },
  dailyCap: number | null,
): string {
  if (r.status === 'already') return '这篇文章已学习过，积分只计一次';
  if (r.status === 'too-short') return `阅读时间不够，还需 ${durationText(r.remainingSeconds)}`;
  if (r.awarded > 0) return `已获得 ${r.awarded} 积分`;
  return `今日学习积分已达上限${dailyCap === null ? '' : `（${dailyCap} 分）`}，本篇记为已学习`;
}
