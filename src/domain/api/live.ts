// Contract of the `live` cloud function (现场赛): input schemas, output shapes and the watched documents
// (`live_sessions/<id>`, `live_boards/<id>`: client read rule "all", written only by the function).
import { z } from 'zod';
import { id, input, text } from './common';
import { OPTIONS_MAX, QUESTION_TYPES, TAG_MAX_CHARS, TAGS_MAX } from '../quiz';
import type { QuestionType } from '../quiz';

/** Round kinds: everyone answers on the phone / the first valid buzz answers aloud / everyone answers with a stake. */
export const ROUND_KINDS = ['必答', '抢答', '风险'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** `accuracy`: 10 points per right answer, total answer time breaks ties; `speed`: 500–1000 per right answer by speed. */
export const SCORINGS = ['accuracy', 'speed'] as const;
export type Scoring = (typeof SCORINGS)[number];

/** The stakes of a 风险 round; each is used once per player per round, so such a round has at most 3 questions. */
export const STAKES = [10, 20, 30] as const;
export type Stake = (typeof STAKES)[number];

export const HOST_COMMANDS = ['open', 'next', 'reveal', 'unlock', 'judge', 'pause', 'resume', 'end'] as const;
export type HostCommand = (typeof HOST_COMMANDS)[number];

/**
 * `draft`: created, not yet shown; `lobby`: players join; `question`: a question is shown (and, in 抢答, buzzing
 * once `unlockedAt` is set); `locked`: no more answers (time is up, or a 抢答 buzz won) until reveal/judge;
 * `revealed`: the answer and scores are shown; `paused`; `ended`.
 */
export const LIVE_PHASES = ['draft', 'lobby', 'question', 'locked', 'revealed', 'paused', 'ended'] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export const LIVE_MAX_ROUNDS = 10;
export const LIVE_MAX_QUESTIONS_PER_ROUND = 50;
export const LIVE_MAX_QUESTIONS = 100;
export const LIVE_MIN_SECONDS = 5;
export const LIVE_MAX_SECONDS = 300;
/** Seconds the stem is shown alone before the options (Kahoot shows a question alone for about 5 s). */
export const LIVE_DEFAULT_READ_SECONDS = 3;
/** Answers are still taken this long after the deadline: a tap in the last second must not be lost on the way. */
export const LIVE_GRACE_MS = 1500;
/** Players on the public scoreboard. */
export const LIVE_TOP_PLAYERS = 10;

const round = input({
  kind: z.enum(ROUND_KINDS).describe('轮次类型'),
  questionCount: z.number().int().min(1).max(LIVE_MAX_QUESTIONS_PER_ROUND),
  secondsPerQuestion: z.number().int().min(LIVE_MIN_SECONDS).max(LIVE_MAX_SECONDS),
  /** Limits the round's draw to questions with any of these tags. */
  tags: z.array(text(TAG_MAX_CHARS)).min(1).max(TAGS_MAX).optional(),
  /** Limits the round's draw to these question types (all types when absent). */
  types: z.array(z.enum(QUESTION_TYPES)).min(1).max(QUESTION_TYPES.length).optional(),
});

const choice = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(OPTIONS_MAX - 1),
  )
  .min(1)
  .max(OPTIONS_MAX);

const questionIndex = z
  .number()
  .int()
  .min(0)
  .max(LIVE_MAX_QUESTIONS - 1);

export const liveSchemas = {
  createSession: input({
    title: text(64),
    orgIds: z.array(id).min(1).max(200).optional(),
    teams: z.boolean(),
    rounds: z.array(round).min(1).max(LIVE_MAX_ROUNDS),
    scoring: z.enum(SCORINGS),
    /** Kahoot-like streak bonus in `speed` scoring (+100 per right answer in a row after the first, at most +500). */
    streakBonus: z.boolean().optional(),
    /** Seconds the stem is shown before the options; default LIVE_DEFAULT_READ_SECONDS. */
    readSeconds: z.number().int().min(0).max(10).optional(),
  }),
  join: input({ sessionId: id }),
  host: input({
    sessionId: id,
    command: z.enum(HOST_COMMANDS),
    /** `judge`: the 抢答 winner being judged (must be the winner shown on the screen). */
    memberId: id.optional(),
    /** `judge`: whether the winner's spoken answer was right. */
    correct: z.boolean().optional(),
    /** Not used by any command (风险 stakes are chosen by each player with `answer`); giving it is INVALID_ARGUMENT. */
    stake: z.number().int().optional(),
  }),
  state: input({ sessionId: id }),
  answer: input({
    sessionId: id,
    index: questionIndex,
    choice,
    /** 风险 rounds only, required there: one of STAKES not yet used by this player in this round. */
    stake: z
      .number()
      .int()
      .refine((s) => (STAKES as readonly number[]).includes(s), { message: '风险分值只能是 10、20 或 30' })
      .optional(),
  }),
  buzz: input({ sessionId: id, index: questionIndex }),
  scoreboard: input({ sessionId: id }),
  export: input({ sessionId: id }),
  /** The big screen / host console calls this about once a second while a question is open. */
  tick: input({ sessionId: id }),
  /** Sessions for 首页/学习 (members) and the host console (hosts). */
  list: input({}),
  /** The caller's own place and last answer (right/wrong and points once revealed). */
  mine: input({ sessionId: id }),
  /** The host's view with every question's answer and the flagged (implausibly fast) answers. */
  hostView: input({ sessionId: id }),
  /** The big screen's join code in the mini-program (only the server can make a mini-program code). */
  joinCode: input({ sessionId: id }),
};

/** A question as the screen and phones see it: never its answer before reveal. */
export interface LiveQuestionView {
  stem: string;
  type: QuestionType;
  options: string[];
}

/** The 抢答 winner as shown on the big screen. */
export interface LiveBuzzWinner {
  memberId: string;
  name: string;
  teamId: string | null;
}

/**
 * The public state (the `state` action's answer), also the watched document `live_sessions/<sessionId>` (plus `_id`).
 * Written only by the `live` function; never holds the answer before `revealed`.
 */
export interface LiveState {
  sessionId: string;
  title: string;
  phase: LivePhase;
  /** The phase `pause` left (null unless paused). */
  pausedFrom: LivePhase | null;
  /** 0-based round of the current question (0 in the lobby). */
  round: number;
  /** The current round's kind (null before the first question). */
  kind: RoundKind | null;
  /** 0-based index of the current question over the whole session, -1 before the first. */
  index: number;
  /** Questions in the session. */
  total: number;
  rounds: Array<{ kind: RoundKind; questionCount: number; secondsPerQuestion: number }>;
  scoring: Scoring;
  teams: boolean;
  orgIds: string[] | null;
  question: LiveQuestionView | null;
  /** When the question was shown (ISO, server time) and when its options appear (after the read time). */
  openedAt: string | null;
  optionsAt: string | null;
  /** 抢答: when the host unlocked buzzing (null before). */
  unlockedAt: string | null;
  /** When answers stop (before the grace); in 抢答 counted from the unlock; null while not running. */
  deadline: string | null;
  /** Answers (or valid buzzes) to the current question, refreshed at most about once a second and at reveal. */
  answered: number;
  /** Players joined, refreshed like `answered`. */
  joined: number;
  /** The right option indexes, null until `revealed`. */
  answer: number[] | null;
  /** Answers per option at reveal (null before): a multiple-choice answer counts for each option chosen. */
  distribution: number[] | null;
  /** Right answers to the current question at reveal (null before). */
  rightCount: number | null;
  /** 抢答: the first valid buzz (null before / none); `buzzCorrect` once judged. */
  buzzWinner: LiveBuzzWinner | null;
  buzzCorrect: boolean | null;
  /** Server time of the last write; a client takes `serverNow - Date.now()` from `state` to correct its clock. */
  updatedAt: string;
  /** Increases with every write, so a client can drop an older document that arrives late. */
  seq: number;
}

export interface LivePlayerRow {
  rank: number;
  memberId: string;
  name: string;
  teamId: string | null;
  score: number;
}

export interface LiveTeamRow {
  rank: number;
  teamId: string;
  name: string;
  players: number;
  /** The average of its players' scores, one decimal. */
  score: number;
}

/** The watched document `live_boards/<sessionId>` (plus `_id`): the scoreboard without `me`, written at reveal/end. */
export interface LiveBoard {
  sessionId: string;
  /** Top LIVE_TOP_PLAYERS players; ties share a rank. */
  players: LivePlayerRow[];
  /** Every team (empty without teams). */
  teams: LiveTeamRow[];
  /** The last question counted (-1 before any reveal). */
  index: number;
  ended: boolean;
  updatedAt: string;
  seq: number;
}

export interface LiveScoreboard extends LiveBoard {
  me: { rank: number; score: number } | null;
  /** The caller's team place. */
  myTeam: { rank: number; score: number; teamId: string } | null;
}

export interface LiveSessionSummary {
  sessionId: string;
  title: string;
  phase: LivePhase;
  joined: number;
  total: number;
  teams: boolean;
  scoring: Scoring;
  createdAt: string;
  /** The caller may run it (its host, or an admin). */
  canHost: boolean;
  /** The caller may join it (a bound member of a session org, not ended). */
  canJoin: boolean;
}

export interface LiveMine {
  joined: boolean;
  memberId: string | null;
  teamId: string | null;
  /** Score and ranks as of the last reveal. */
  score: number;
  rank: number | null;
  teamRank: number | null;
  /** The caller's answer to the current question (or the last revealed), with its result once revealed. */
  current: {
    index: number;
    choice: number[];
    stake: number | null;
    /** null until the question is revealed. */
    correct: boolean | null;
    points: number | null;
  } | null;
  /** 风险 stakes still unused in the current round. */
  stakesLeft: number[];
  /** 抢答: the caller buzzed too early and is locked out of the current question. */
  falseStart: boolean;
}

export interface LiveHostQuestion extends LiveQuestionView {
  index: number;
  round: number;
  kind: RoundKind;
  answer: number[];
  analysis: string | null;
}

export interface LiveFlag {
  index: number;
  memberId: string;
  name: string;
  /** Milliseconds from the options appearing to the answer (server time). */
  ms: number;
  /** The plausibility floor for that question. */
  floorMs: number;
  correct: boolean;
}

export interface LiveApi {
  createSession: { input: z.input<typeof liveSchemas.createSession>; output: { sessionId: string } };
  join: {
    input: z.input<typeof liveSchemas.join>;
    output: { sessionId: string; memberId: string; teamId: string | null; score: number; name: string };
  };
  host: { input: z.input<typeof liveSchemas.host>; output: { state: LiveState } };
  state: { input: z.input<typeof liveSchemas.state>; output: { state: LiveState; serverNow: string } };
  answer: { input: z.input<typeof liveSchemas.answer>; output: { accepted: true } };
  buzz: { input: z.input<typeof liveSchemas.buzz>; output: { accepted: boolean; order: number | null } };
  scoreboard: { input: z.input<typeof liveSchemas.scoreboard>; output: LiveScoreboard };
  export: { input: z.input<typeof liveSchemas.export>; output: { fileId: string; url: string; fileName: string } };
  tick: { input: z.input<typeof liveSchemas.tick>; output: { state: LiveState; serverNow: string } };
  list: { input: z.input<typeof liveSchemas.list>; output: { sessions: LiveSessionSummary[] } };
  mine: { input: z.input<typeof liveSchemas.mine>; output: LiveMine };
  hostView: {
    input: z.input<typeof liveSchemas.hostView>;
    output: { state: LiveState; questions: LiveHostQuestion[]; flags: LiveFlag[] };
  };
  joinCode: {
    input: z.input<typeof liveSchemas.joinCode>;
    /** `image`: a data: URL of the PNG that opens `page` with `scene` (the session id) on WeChat; locally a QR code. */
    output: { scene: string; page: string; image: string };
  };
}

/** Collections the phones and the big screen watch (read by all clients, written only by the function). */
export const LIVE_WATCHED = { sessions: 'live_sessions', boards: 'live_boards' } as const;
