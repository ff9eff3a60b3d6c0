// The 现场赛 collections and stored shapes: the public watched documents, the server-only run (with the answers),
// players, answers and scores; and the public state built from a run.
import type { LiveBoard, LiveBuzzWinner, LivePhase, LiveState, RoundKind, Scoring } from '@/domain/api/live';
import { LIVE_WATCHED } from '@/domain/api/live';
import type { LiveMachine } from '@/domain/live';
import type { QuestionType } from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { shanghaiIso } from '../../server/time';

/** Watched by phones and the big screen (client read rule: everyone; written only by this function). */
export const SESSIONS = LIVE_WATCHED.sessions;
export const BOARDS = LIVE_WATCHED.boards;
/** Server-only: one document per session with the questions and their answers, the phase machine, the host. */
export const RUNS = 'live_runs';
/** Server-only: `<sessionId>:<openid>`, one per joined player. */
export const PLAYERS = 'live_players';
/** Server-only: `<sessionId>:<index>:<memberId>`, one answer or buzz per player per question. */
export const ANSWERS = 'live_answers';
/** Server-only: one document per session with every player's totals and rank, updated at each reveal. */
export const SCORES = 'live_scores';

/** Rows read per page of players or answers (the service returns at most 1000). */
export const PAGE = 1000;

export const playerDocId = (sessionId: string, openid: string) => `${sessionId}:${openid}`;
export const answerDocId = (sessionId: string, index: number, memberId: string) => `${sessionId}:${index}:${memberId}`;

export interface RunQuestion {
  questionId: string;
  kind: RoundKind;
  round: number;
  seconds: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  analysis: string | null;
  floorMs: number;
}

export interface Run {
  sessionId: string;
  title: string;
  hostOpenid: string;
  /** As given at creation (null = all orgs). */
  orgIds: string[] | null;
  /** The orgs whose members may join: orgIds and everything below, at creation (null = everyone). */
  takingPart: string[] | null;
  teams: boolean;
  scoring: Scoring;
  streakBonus: boolean;
  rounds: Array<{ kind: RoundKind; questionCount: number; secondsPerQuestion: number }>;
  questions: RunQuestion[];
  machine: LiveMachine;
  /** Increases with every phase change (host commands, a buzz winning, time up). */
  seq: number;
  /** When answered/joined were last pushed to the public document (ms). */
  aggAt: number;
  joined: number;
  answered: number;
  /** Org names for team rows (the taking-part orgs, at creation). */
  orgNames: Record<string, string>;
  /** The last question whose scores are in live_scores (-1 before any). */
  settledIndex: number;
  /** The points ledger was credited after `end`. */
  ledgerDone: boolean;
  /** 抢答: the player holding the answer (shown on the screen). */
  buzz: LiveBuzzWinner | null;
  /** The last reveal's numbers, kept for states written after it (pause, end). */
  reveal: { index: number; distribution: number[] | null; rightCount: number | null } | null;
  createdAt: number;
}

export function toRun(doc: Doc): Run {
  const d = doc as unknown as Omit<Run, 'sessionId'> & { machine: Omit<LiveMachine, 'questions'> };
  const questions = (d.questions ?? []) as RunQuestion[];
  return {
    ...d,
    sessionId: doc._id,
    questions,
    machine: { ...d.machine, questions: questions.map((q) => ({ kind: q.kind, round: q.round, seconds: q.seconds })) },
    createdAt: Number(d.createdAt) || 0,
  };
}

/** The machine as stored (its question plan is derived from `questions`). */
export function storedMachine(m: LiveMachine): Omit<LiveMachine, 'questions'> {
  const { questions: _plan, ...rest } = m;
  void _plan;
  return rest;
}

export async function readRun(db: Database, sessionId: string): Promise<Run> {
  const { data } = await db.collection(RUNS).doc(sessionId).get();
  if (!data) throw new AppError('NOT_FOUND', '现场赛不存在');
  return toRun(data);
}

/** Whether the caller may run the session: its host, an admin, or a secretary of every org it is for. */
export function canHost(caller: Caller, run: Pick<Run, 'hostOpenid' | 'orgIds'>): boolean {
  if (callerIsAdmin(caller) || caller.openid === run.hostOpenid) return true;
  const scopes = secretaryScopes(caller);
  return run.orgIds !== null && run.orgIds.length > 0 && run.orgIds.every((o) => scopes.includes(o));
}

export function requireHost(caller: Caller, run: Run): void {
  if (!canHost(caller, run)) throw new AppError('PERMISSION_DENIED', '只有本场现场赛的主持人可以操作');
}

const iso = (ms: number | null) => (ms === null ? null : shanghaiIso(ms));

/** The public state of a run (what `state` returns and `live_sessions/<id>` holds); the answer only once revealed. */
export function publicState(run: Run, now: number): LiveState {
  const m = run.machine;
  const q = m.index >= 0 ? run.questions[m.index] : undefined;
  const shown: LivePhase = m.phase === 'paused' ? (m.pausedFrom ?? 'lobby') : m.phase;
  const revealed = q !== undefined && (shown === 'revealed' || (m.phase === 'ended' && run.settledIndex >= m.index));
  const numbers = revealed && run.reveal?.index === m.index ? run.reveal : null;
  const showQuestion = q !== undefined && (['question', 'locked', 'revealed'].includes(shown) || revealed);
  return {
    sessionId: run.sessionId,
    title: run.title,
    phase: m.phase,
    pausedFrom: m.pausedFrom,
    round: q?.round ?? 0,
    kind: q?.kind ?? null,
    index: m.index,
    total: run.questions.length,
    rounds: run.rounds,
    scoring: run.scoring,
    teams: run.teams,
    orgIds: run.orgIds,
    question: showQuestion && q ? { stem: q.stem, type: q.type, options: q.options } : null,
    openedAt: iso(m.openedAt),
    optionsAt: iso(m.optionsAt),
    unlockedAt: iso(m.unlockedAt),
    deadline: iso(m.deadline),
    answered: run.answered,
    joined: run.joined,
    answer: revealed && q ? q.answer : null,
    distribution: numbers?.distribution ?? null,
    rightCount: numbers?.rightCount ?? null,
    buzzWinner: m.buzzWinner ? run.buzz : null,
    buzzCorrect: revealed ? m.buzzCorrect : null,
    updatedAt: shanghaiIso(now),
    seq: run.seq,
  };
}

/** Reads the watched state document (one read). */
export async function readState(db: Database, sessionId: string): Promise<LiveState> {
  const { data } = await db.collection(SESSIONS).doc(sessionId).get();
  if (!data) throw new AppError('NOT_FOUND', '现场赛不存在');
  const { _id: _ignored, createdAt: _created, ...state } = data;
  void _ignored;
  void _created;
  return state as unknown as LiveState;
}

/**
 * Writes the whole public state unless a newer one (higher seq) is already there, so two writers finishing out of
 * order cannot step the screens back. Object fields go in with `set` (an update would merge them).
 */
export async function pushState(db: Database, state: LiveState): Promise<void> {
  const _ = db.command;
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) data[k] = v !== null && typeof v === 'object' ? _.set(v) : v;
  await db
    .collection(SESSIONS)
    .where({ _id: state.sessionId, seq: _.lt(state.seq) })
    .update({ data });
}

export function emptyBoard(sessionId: string, now: number): LiveBoard {
  return { sessionId, players: [], teams: [], index: -1, ended: false, updatedAt: shanghaiIso(now), seq: 0 };
}
