// Pure helpers of the 现场赛 pages: labels, the server-clock countdown, the join link, scores as people read them.
import type { LivePhase, LiveState, RoundKind, Scoring } from '@/domain/api';
import type { STAKES } from '@/domain/api/live';

export const LIVE_PHASE_LABELS: Record<LivePhase, string> = {
  draft: '未开放',
  lobby: '入场中',
  question: '答题中',
  locked: '停止作答',
  revealed: '已揭晓',
  paused: '已暂停',
  ended: '已结束',
};

export const SCORING_LABELS: Record<Scoring, string> = {
  accuracy: '按正确率（答对多者胜，用时短者优先）',
  speed: '按速度（答对得 500–1000 分，越快越多）',
};

export const ROUND_HINTS: Record<RoundKind, string> = {
  必答: '人人作答',
  抢答: '主持人宣布开始后抢答，提前抢答本题作废',
  风险: '每题选择 10、20 或 30 分的分值，答对加分、答错扣分',
};

/** 风险 stakes (the contract's STAKES; a value the app may not import, it lives beside zod). */
export const LIVE_STAKES: typeof STAKES = [10, 20, 30];

/** The player page a join code opens, as a path of the app. */
export const LIVE_PLAY_PAGE = 'live/play/index';
/** The big screen, in the admin subpackage. */
export const LIVE_SCREEN_PAGE = 'admin/live-screen/index';

/** Milliseconds from the phone's clock plus `offsetMs` until `iso`, never below 0; null without a time. */
export function msUntil(iso: string | null, phoneNowMs: number, offsetMs: number): number | null {
  if (!iso) return null;
  return Math.max(0, Date.parse(iso) - (phoneNowMs + offsetMs));
}

/**
 * Whole seconds left, rounded up, so that 0 means time is up.
 * @example secondsLeft(1200) // 2
 */
export function secondsLeft(ms: number): number {
  return Math.ceil(ms / 1000);
}

/**
 * 第 2 轮 · 抢答 · 第 5/12 题 for the current question.
 * @example questionLabel({ round: 1, kind: '抢答', index: 4, total: 12 }) // '第2轮 抢答 · 第 5/12 题'
 */
export function questionLabel(s: Pick<LiveState, 'round' | 'kind' | 'index' | 'total'>): string {
  const kind = s.kind ? ` ${s.kind}` : '';
  return `第${s.round + 1}轮${kind} · 第 ${s.index + 1}/${s.total} 题`;
}

/**
 * A score as shown: team averages keep one decimal, whole numbers none.
 * @example scoreText(12.5) // '12.5'; scoreText(30) // '30'
 */
export function scoreText(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** Points of one answer with their sign: +20 / −10 / 0. */
export function pointsText(points: number): string {
  if (points > 0) return `+${scoreText(points)}`;
  if (points < 0) return `−${scoreText(-points)}`;
  return '0';
}

/** Whether answers are being taken now: a question is shown, its options are out and its time is not up. */
export function isAnswering(s: LiveState, serverNowMs: number): boolean {
  if (s.phase !== 'question') return false;
  if (s.kind === '抢答') return false;
  if (s.optionsAt && serverNowMs < Date.parse(s.optionsAt)) return false;
  return !s.deadline || serverNowMs < Date.parse(s.deadline);
}
