// The 现场赛 run as a transition table: every host command in every phase, with the refusals, plus the events
// that are not commands (a 抢答 buzz winning, the deadline passing). Times are milliseconds passed in by the caller.
import type { HostCommand, LivePhase, RoundKind } from '../api/live';
import { LIVE_GRACE_MS } from '../api/live';

export interface LiveQuestionPlan {
  kind: RoundKind;
  /** 0-based round the question belongs to. */
  round: number;
  seconds: number;
}

/** What the transitions need to know about a session (kept by the function in its server-only run document). */
export interface LiveMachine {
  phase: LivePhase;
  pausedFrom: LivePhase | null;
  /** -1 before the first question. */
  index: number;
  questions: readonly LiveQuestionPlan[];
  /** Milliseconds the stem is shown before the options. */
  readMs: number;
  openedAt: number | null;
  optionsAt: number | null;
  unlockedAt: number | null;
  deadline: number | null;
  pausedAt: number | null;
  /** 抢答: the winner's memberId, and whether the host judged it. */
  buzzWinner: string | null;
  buzzCorrect: boolean | null;
}

export interface HostInput {
  command: HostCommand;
  now: number;
  memberId?: string;
  correct?: boolean;
  stake?: number;
}

export type LiveRefusalCode = 'FAILED_PRECONDITION' | 'INVALID_ARGUMENT';
export type LiveStep = { ok: true; machine: LiveMachine } | { ok: false; code: LiveRefusalCode; message: string };

/** A new session's machine: a draft before the host opens the lobby. */
export function liveInitial(questions: readonly LiveQuestionPlan[], readMs: number): LiveMachine {
  return {
    phase: 'draft',
    pausedFrom: null,
    index: -1,
    questions,
    readMs,
    openedAt: null,
    optionsAt: null,
    unlockedAt: null,
    deadline: null,
    pausedAt: null,
    buzzWinner: null,
    buzzCorrect: null,
  };
}

const PHASE_NAMES: Record<LivePhase, string> = {
  draft: '尚未开放',
  lobby: '等待开始',
  question: '答题中',
  locked: '已停止作答',
  revealed: '已揭晓答案',
  paused: '已暂停',
  ended: '已结束',
};

const refuse = (message: string, code: LiveRefusalCode = 'FAILED_PRECONDITION'): LiveStep => ({
  ok: false,
  code,
  message,
});
const go = (machine: LiveMachine): LiveStep => ({ ok: true, machine });
const outOfOrder = (m: LiveMachine, what: string) => refuse(`现场赛当前${PHASE_NAMES[m.phase]}，不能${what}`);

/** The kind of the current question (null before the first). */
export function liveCurrentKind(m: LiveMachine): RoundKind | null {
  return m.index >= 0 ? (m.questions[m.index]?.kind ?? null) : null;
}

function showQuestion(m: LiveMachine, now: number): LiveStep {
  const index = m.index + 1;
  const q = m.questions[index];
  if (!q) return refuse('已经是最后一题，请结束现场赛');
  const optionsAt = now + m.readMs;
  return go({
    ...m,
    phase: 'question',
    pausedFrom: null,
    index,
    openedAt: now,
    optionsAt,
    unlockedAt: null,
    // A 抢答 question's clock starts at the unlock.
    deadline: q.kind === '抢答' ? null : optionsAt + q.seconds * 1000,
    pausedAt: null,
    buzzWinner: null,
    buzzCorrect: null,
  });
}

type Handler = (m: LiveMachine, input: HostInput) => LiveStep;

/** Which phases each command is allowed in, and what it does there (the table the tests walk through). */
const TABLE: Record<HostCommand, { from: readonly LivePhase[]; what: string; run: Handler }> = {
  open: { from: ['draft'], what: '开放入场', run: (m) => go({ ...m, phase: 'lobby' }) },
  next: { from: ['lobby', 'revealed'], what: '进入下一题', run: (m, i) => showQuestion(m, i.now) },
  reveal: {
    from: ['question', 'locked'],
    what: '揭晓答案',
    run: (m) => {
      if (liveCurrentKind(m) === '抢答' && m.buzzWinner && m.buzzCorrect === null) {
        return refuse('有选手抢到了答题权，请先判定对错');
      }
      return go({ ...m, phase: 'revealed' });
    },
  },
  unlock: {
    from: ['question'],
    what: '开始抢答',
    run: (m, i) => {
      const q = m.questions[m.index];
      if (q?.kind !== '抢答') return refuse('本题不是抢答题，不能开始抢答');
      if (m.unlockedAt !== null) return refuse('本题已经开始抢答');
      return go({ ...m, unlockedAt: i.now, deadline: i.now + q.seconds * 1000 });
    },
  },
  judge: {
    from: ['locked'],
    what: '判定抢答',
    run: (m, i) => {
      if (liveCurrentKind(m) !== '抢答' || !m.buzzWinner) return refuse('没有抢到答题权的选手，无需判定');
      if (i.correct === undefined) return refuse('判定时请说明答对还是答错（correct）', 'INVALID_ARGUMENT');
      if (i.memberId !== undefined && i.memberId !== m.buzzWinner) {
        return refuse('只能判定抢到答题权的选手', 'INVALID_ARGUMENT');
      }
      return go({ ...m, phase: 'revealed', buzzCorrect: i.correct });
    },
  },
  pause: {
    from: ['lobby', 'question', 'locked', 'revealed'],
    what: '暂停',
    run: (m, i) => go({ ...m, phase: 'paused', pausedFrom: m.phase, pausedAt: i.now }),
  },
  resume: {
    from: ['paused'],
    what: '继续',
    run: (m, i) => {
      // The clock of an open question stops while paused: its times move on by the pause.
      const shift = m.pausedFrom === 'question' && m.pausedAt !== null ? Math.max(0, i.now - m.pausedAt) : 0;
      const moved = (t: number | null) => (t === null ? null : t + shift);
      return go({
        ...m,
        phase: m.pausedFrom ?? 'lobby',
        pausedFrom: null,
        pausedAt: null,
        optionsAt: moved(m.optionsAt),
        unlockedAt: moved(m.unlockedAt),
        deadline: moved(m.deadline),
      });
    },
  },
  end: {
    from: ['draft', 'lobby', 'question', 'locked', 'revealed', 'paused'],
    what: '结束',
    run: (m) => go({ ...m, phase: 'ended', pausedFrom: null, pausedAt: null }),
  },
};

/**
 * Applies a host command. Out-of-order commands are FAILED_PRECONDITION; fields a command does not take
 * (`memberId`/`correct` outside `judge`, `stake` anywhere: stakes are the players' choice) are INVALID_ARGUMENT.
 * `end` during an open question ends without scoring it.
 *
 * @example liveHost(liveInitial(plan, 3000), { command: 'open', now: 0 }) // { ok: true, machine: { phase: 'lobby', ... } }
 * @example liveHost(lobby, { command: 'reveal', now: 0 }) // { ok: false, code: 'FAILED_PRECONDITION', message: '现场赛当前等待开始，不能揭晓答案' }
 */
export function liveHost(m: LiveMachine, input: HostInput): LiveStep {
  if (input.stake !== undefined) return refuse('风险题分值由选手在手机上选择，主持人无需填写', 'INVALID_ARGUMENT');
  if (input.command !== 'judge' && (input.memberId !== undefined || input.correct !== undefined)) {
    return refuse('只有“判定”需要选手和对错', 'INVALID_ARGUMENT');
  }
  const row = TABLE[input.command];
  if (!row.from.includes(m.phase)) return outOfOrder(m, row.what);
  return row.run(m, input);
}

/** Whether answers are over for the open question: past its deadline plus the grace. */
export function liveTimeUp(m: LiveMachine, now: number): boolean {
  return m.phase === 'question' && m.deadline !== null && now > m.deadline + LIVE_GRACE_MS;
}

/**
 * The deadline passing (the screen's `tick`): an open question whose time (plus grace) is up becomes `locked`;
 * anything else is unchanged (null).
 *
 * @example liveExpire(questionWithDeadline1000, 2600) // machine in phase 'locked'
 */
export function liveExpire(m: LiveMachine, now: number): LiveMachine | null {
  return liveTimeUp(m, now) ? { ...m, phase: 'locked' } : null;
}

export type AnswerCheck =
  | { ok: true; ms: number; kind: RoundKind; round: number }
  | { ok: false; code: 'FAILED_PRECONDITION'; message: string };

/**
 * Whether an answer to question `index` arriving at `now` is taken, and its time (ms from the options appearing,
 * at most the question's time). Refused: not the open question, a 抢答 question (those are buzzed), before the
 * options show, after the deadline plus LIVE_GRACE_MS, while paused.
 *
 * @example liveCheckAnswer(m, 0, 8000) // question 0 opened at 0, 3 s read, 20 s: { ok: true, ms: 5000, kind: '必答', round: 0 }
 */
export function liveCheckAnswer(m: LiveMachine, index: number, now: number): AnswerCheck {
  const fail = (message: string): AnswerCheck => ({ ok: false, code: 'FAILED_PRECONDITION', message });
  if (m.phase === 'paused') return fail('现场赛已暂停，请稍候');
  if (index !== m.index || m.phase !== 'question') return fail('该题已停止作答');
  const q = m.questions[index];
  if (q?.kind === '抢答') return fail('抢答题请点“抢答”');
  if (!q || m.optionsAt === null || m.deadline === null) return fail('该题已停止作答');
  if (now < m.optionsAt) return fail('选项尚未显示，请稍候');
  if (now > m.deadline + LIVE_GRACE_MS) return fail('作答时间已到');
  return { ok: true, ms: Math.min(now - m.optionsAt, q.seconds * 1000), kind: q.kind, round: q.round };
}

export type BuzzCheck = { ok: true; falseStart: boolean } | { ok: false; code: 'FAILED_PRECONDITION'; message: string };

/**
 * Whether a buzz for question `index` at `now` counts: before the unlock it is a false start (recorded, locks the
 * player out of the question); after the deadline plus grace, or on a question that is not an open 抢答, refused.
 * A buzz while another player already holds the answer (phase `locked`) is still recorded in order.
 *
 * @example liveCheckBuzz(m, 0, 500) // 抢答 not yet unlocked: { ok: true, falseStart: true }
 */
export function liveCheckBuzz(m: LiveMachine, index: number, now: number): BuzzCheck {
  const fail = (message: string): BuzzCheck => ({ ok: false, code: 'FAILED_PRECONDITION', message });
  if (m.phase === 'paused') return fail('现场赛已暂停，请稍候');
  if (index !== m.index || (m.phase !== 'question' && m.phase !== 'locked')) return fail('该题已停止抢答');
  if (m.questions[index]?.kind !== '抢答') return fail('本题不是抢答题');
  if (m.unlockedAt === null || now < m.unlockedAt) return { ok: true, falseStart: true };
  if (m.deadline !== null && now > m.deadline + LIVE_GRACE_MS) return fail('抢答时间已到');
  return { ok: true, falseStart: false };
}

/**
 * The first valid buzz: the question is locked for the winner, whom the host judges.
 *
 * @example liveBuzzWon(unlocked, 'm_1') // { ...unlocked, phase: 'locked', buzzWinner: 'm_1' }
 */
export function liveBuzzWon(m: LiveMachine, memberId: string): LiveMachine | null {
  if (m.phase !== 'question' || m.buzzWinner) return null;
  return { ...m, phase: 'locked', buzzWinner: memberId };
}
