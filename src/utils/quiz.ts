// Pure helpers of the 知识竞赛 pages: option letters, choice toggling, the server-corrected countdown and durations.
import type { QuestionType, QuizPhase } from '@/domain/api/quiz';

export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

export const PHASE_LABELS: Record<QuizPhase, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };

/**
 * Rows on one page of the leaderboard and the question bank: the contract's QUIZ_PAGE_SIZE (a value the app may
 * not import, it lives beside zod).
 */
export const QUIZ_PAGE_SIZE = 50;

const LETTERS = 'ABCDEF';

/** @example optionLetter(2) // 'C' */
export const optionLetter = (index: number): string => LETTERS[index] ?? '?';

/**
 * A choice as people read it; a judge question shows its option text (正确 / 错误).
 *
 * @example choiceText([0, 2]) // 'A、C'; choiceText([], …) // '未作答'
 */
export function choiceText(choice: readonly number[], type?: QuestionType, options?: readonly string[]): string {
  if (choice.length === 0) return '未作答';
  if (type === 'judge' && options) return choice.map((i) => options[i] ?? optionLetter(i)).join('、');
  return [...choice]
    .sort((a, b) => a - b)
    .map(optionLetter)
    .join('、');
}

/**
 * The choice after tapping option `index`: single and judge questions take one option, multiple ones toggle it
 * (kept sorted so that the saved draft and the request are stable).
 *
 * @example toggleChoice('multiple', [2], 0) // [0, 2]; toggleChoice('single', [2], 0) // [0]
 */
export function toggleChoice(type: QuestionType, current: readonly number[], index: number): number[] {
  if (type !== 'multiple') return [index];
  const next = current.includes(index) ? current.filter((i) => i !== index) : [...current, index];
  return next.sort((a, b) => a - b);
}

/**
 * The offset to add to the phone's clock to get the server's, measured when a response arrived: the countdown then
 * runs on the server's time even if the phone's clock is wrong.
 *
 * @example clockOffset('2020-07-01T09:00:00+08:00', Date.parse('2020-07-01T01:00:05Z')) // -5000
 */
export function clockOffset(serverNow: string, receivedAtMs: number): number {
  return Date.parse(serverNow) - receivedAtMs;
}

/**
 * Milliseconds left until `deadline` on the server's clock, never below 0.
 *
 * @example remainingMs('2020-07-01T09:10:00+08:00', Date.parse('2020-07-01T01:00:05Z'), -5000) // 600000
 */
export function remainingMs(deadline: string, phoneNowMs: number, offsetMs: number): number {
  return Math.max(0, Date.parse(deadline) - (phoneNowMs + offsetMs));
}

/**
 * A countdown as mm:ss (h:mm:ss from an hour), rounded up so that 00:00 means time is up.
 *
 * @example countdownText(61_500) // '01:02'
 */
export function countdownText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A duration as people say it.
 *
 * @example durationText(192_400) // '3分12秒'; durationText(8_000) // '8秒'
 */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}小时${m}分${s}秒`;
  return m > 0 ? `${m}分${s}秒` : `${s}秒`;
}

/** 0.625 -> '62.5%' */
export const percentText = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

/**
 * The ranks that are shared with a neighbour on the page (ties share a rank: 1, 2, 2, 4), to mark them 并列.
 *
 * @example tiedRanks([{ rank: 1 }, { rank: 2 }, { rank: 2 }]) // Set {2}
 */
export function tiedRanks(rows: ReadonlyArray<{ rank: number }>): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.rank)) tied.add(r.rank);
    seen.add(r.rank);
  }
  return tied;
}
