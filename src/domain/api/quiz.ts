// Contract of the `quiz` cloud function (知识竞赛, 每日一练, 错题本): input schemas and output shapes, including the
// bank management, result, practice and flag views.
import { z } from 'zod';
import { id, input, text } from './common';

/** ISO 8601 with an offset, e.g. 2020-07-01T09:00:00+08:00. */
const isoTime = z.iso.datetime({ offset: true });

// The question limits live with the quiz rules (no zod there, so pages can import them); the contract uses them.
import type { QuestionType } from '../quiz';
import {
  ANALYSIS_MAX_CHARS,
  OPTION_MAX_CHARS,
  OPTIONS_MAX,
  QUESTION_TYPES,
  STEM_MAX_CHARS,
  TAG_MAX_CHARS,
  TAGS_MAX,
} from '../quiz';

export type { QuestionType };
export { ANALYSIS_MAX_CHARS, OPTION_MAX_CHARS, OPTIONS_MAX, QUESTION_TYPES, STEM_MAX_CHARS, TAG_MAX_CHARS, TAGS_MAX };
/** Most questions one importQuestions call takes; the admin page splits larger banks. */
export const IMPORT_MAX_QUESTIONS = 500;
/** Most questions in one competition attempt. */
export const QUIZ_MAX_QUESTIONS = 100;
/** Question bank and leaderboard pages hold this many rows. */
export const QUIZ_PAGE_SIZE = 50;

const questionType = z.enum(QUESTION_TYPES);
const tag = text(TAG_MAX_CHARS);
/** The chosen option indexes (0-based). */
const choice = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(OPTIONS_MAX - 1),
  )
  .max(OPTIONS_MAX);

export const quizSchemas = {
  // Questions are validated one by one in the handler so that a bad one yields an error entry, not a failed call.
  importQuestions: input({
    questions: z.array(z.record(z.string(), z.unknown())).min(1).max(IMPORT_MAX_QUESTIONS),
  }),
  /** An Excel file (the documented template) already uploaded to cloud storage. */
  importQuestionsFile: input({ fileID: z.string().trim().min(1).max(512) }),
  /** The Excel template with the column headers and one example per type, written to cloud storage. */
  questionTemplate: input({}),
  listQuestions: input({
    query: z.string().trim().max(50).optional(),
    tag: tag.optional(),
    type: questionType.optional(),
    status: z.enum(['active', 'retired']).optional(),
    page: z.number().int().min(0).max(1000).optional(),
  }),
  saveQuestion: input({
    questionId: id.optional(),
    type: questionType,
    stem: text(STEM_MAX_CHARS),
    options: z.array(text(OPTION_MAX_CHARS)).min(2).max(OPTIONS_MAX),
    answer: choice.min(1),
    analysis: z.string().trim().max(ANALYSIS_MAX_CHARS).optional(),
    tags: z.array(tag).max(TAGS_MAX).optional(),
  }),
  retireQuestion: input({ questionId: id, retired: z.boolean() }),
  createQuiz: input({
    title: text(64),
    description: z.string().trim().max(500).optional(),
    startAt: isoTime,
    endAt: isoTime,
    questionCount: z.number().int().min(1).max(QUIZ_MAX_QUESTIONS),
    /** Optional split by type; when given, its counts add up to questionCount. */
    perType: input({
      single: z.number().int().min(0).max(QUIZ_MAX_QUESTIONS).optional(),
      multiple: z.number().int().min(0).max(QUIZ_MAX_QUESTIONS).optional(),
      judge: z.number().int().min(0).max(QUIZ_MAX_QUESTIONS).optional(),
    }).optional(),
    timeLimitSec: z
      .number()
      .int()
      .min(30)
      .max(3 * 3600),
    maxAttempts: z.number().int().min(1).max(10),
    orgIds: z.array(id).min(1).max(200).optional(),
    tags: z.array(tag).min(1).max(TAGS_MAX).optional(),
  }),
  listQuizzes: input({}),
  start: input({ quizId: id }),
  /**
   * Keeps the answers given so far on the server (the page sends them after each question and when the network
   * comes back), so that an attempt closed by its deadline is scored with them.
   */
  saveAnswers: input({
    attemptId: id,
    answers: z.record(id, choice),
  }),
  submit: input({
    attemptId: id,
    answers: z.record(id, choice),
  }),
  /** The caller's submitted attempt with every question's answer and 解析. */
  result: input({ attemptId: id }),
  leaderboard: input({
    quizId: id,
    by: z.enum(['member', 'org']),
    page: z.number().int().min(0).max(1000).optional(),
  }),
  /** Admins: attempts flagged as suspiciously fast. */
  flagged: input({ quizId: id }),
  /** Today's practice (Asia/Shanghai day) with what the caller already answered. */
  practiceToday: input({}),
  /** One practice answer with immediate feedback; `from: 'wrong'` practises a question of the 错题本. */
  practiceAnswer: input({ questionId: id, answer: choice.min(1), from: z.enum(['today', 'wrong']) }),
  wrongBook: input({ page: z.number().int().min(0).max(1000).optional() }),
};

/** A question as a member sees it before submitting: never the answer or the 解析. */
export interface QuestionView {
  questionId: string;
  type: QuestionType;
  stem: string;
  options: string[];
}

/** A question with its answer, as admins manage it and as a member sees it after submitting. */
export interface QuestionFull extends QuestionView {
  answer: number[];
  analysis: string | null;
  tags: string[];
}

export interface QuestionAdminRow extends QuestionFull {
  retired: boolean;
  updatedAt: string;
}

export interface ImportError {
  /** 0-based index in the questions array (importQuestions) or the 1-based sheet row (importQuestionsFile). */
  index: number;
  message: string;
}

export type QuizPhase = 'upcoming' | 'open' | 'closed';

export interface QuizSummary {
  quizId: string;
  title: string;
  description: string | null;
  startAt: string;
  endAt: string;
  phase: QuizPhase;
  questionCount: number;
  timeLimitSec: number;
  maxAttempts: number;
  orgIds: string[] | null;
  tags: string[] | null;
  /** The caller's own state; null for a caller who is not a member taking part. */
  mine: {
    attemptsUsed: number;
    bestScore: number | null;
    /** An attempt started and not yet submitted, to resume. */
    openAttemptId: string | null;
    /** The latest submitted attempt, for its result page. */
    lastAttemptId: string | null;
  } | null;
}

export interface StartResult {
  attemptId: string;
  /** When the server stops accepting answers (start + time limit, or the quiz's end if earlier). */
  deadline: string;
  /** The server's clock at the response, so the countdown does not trust the phone's clock. */
  serverNow: string;
  questions: QuestionView[];
  /** True when an open attempt was resumed instead of a new one started. */
  resumed: boolean;
  /**
   * The caller's own choices kept on the server by saveAnswers (shown indexes, by questionId), so that a resumed
   * attempt on another phone or after clearing storage shows them again; {} for a new attempt.
   */
  kept: Record<string, number[]>;
}

export interface SubmitResult {
  /** 0..100, rounded to an integer: 100 × correct / total. */
  score: number;
  correct: number;
  total: number;
  durationMs: number;
  /** True when the attempt was closed by the deadline and scored with the answers that came in time. */
  late: boolean;
  /** True when the time limit ran out before the submit arrived (the phone submits by itself at zero). */
  timeUp: boolean;
}

export interface AttemptResult extends SubmitResult {
  attemptId: string;
  quizId: string;
  title: string;
  submittedAt: string;
  /**
   * Whether the right answers and 解析 are included: only once the member has used their last attempt or the
   * competition has closed. Until then each question's `answer` is [] and `analysis` null; `correct` is always there.
   */
  revealed: boolean;
  /** When the answers will be shown if not yet: the competition's end. */
  revealAt: string;
  /**
   * `withheld`: another competition that is still open may draw this question, so its answer, 解析 and whether the
   * choice was right are not shown until that one closes.
   */
  questions: Array<QuestionFull & { chosen: number[]; correct: boolean; withheld: boolean }>;
}

export interface MemberRankRow {
  rank: number;
  memberId: string;
  name: string;
  orgId: string;
  score: number;
  durationMs: number;
}

export interface OrgRankRow {
  rank: number;
  orgId: string;
  name: string;
  participants: number;
  expected: number;
  /** 0..1 */
  participationRate: number;
  averageScore: number;
}

export interface LeaderboardResult {
  rows: MemberRankRow[] | OrgRankRow[];
  /** The caller's own place (member board: their best; org board: their org), null when not on it. */
  me: { rank: number; score: number } | null;
  /** Rows on the board in total, for paging. */
  total: number;
  /** The formula lines the page shows (how ranks are made). */
  formula: string[];
  /** When org aggregates were last recomputed (member board: null, it is always current). */
  computedAt: string | null;
}

export interface FlaggedAttempt {
  attemptId: string;
  memberId: string;
  name: string;
  orgId: string;
  score: number;
  durationMs: number;
  /** Average milliseconds per question. */
  msPerQuestion: number;
  submittedAt: string;
}

export interface PracticeToday {
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  questions: QuestionView[];
  /** What the caller already answered today, by questionId. */
  answered: Record<string, { chosen: number[]; correct: boolean; answer: number[]; analysis: string | null }>;
  /** Consecutive days with today's practice finished (today counts once finished). */
  streak: number;
  done: boolean;
  wrongCount: number;
}

export interface PracticeAnswerResult {
  correct: boolean;
  answer: number[];
  analysis: string | null;
  /** Today's practice finished with this answer. */
  done: boolean;
  streak: number;
  /** Questions left in the 错题本 after this answer. */
  wrongCount: number;
}

export interface WrongBookEntry extends QuestionView {
  wrongTimes: number;
  lastWrongAt: string;
  /** An open competition may draw this question: it cannot be practised (nor its answer shown) until that closes. */
  locked: boolean;
}

export interface QuizApi {
  importQuestions: {
    input: z.input<typeof quizSchemas.importQuestions>;
    output: {
      imported: number;
      updated: number;
      errors: ImportError[];
      /** Rows skipped as the template's examples (stem starting with 【示例】). */
      skippedSamples: number;
    };
  };
  importQuestionsFile: {
    input: z.input<typeof quizSchemas.importQuestionsFile>;
    output: {
      imported: number;
      updated: number;
      errors: ImportError[];
      /** Rows skipped as the template's examples (stem starting with 【示例】). */
      skippedSamples: number;
    };
  };
  questionTemplate: {
    input: z.input<typeof quizSchemas.questionTemplate>;
    output: { fileID: string; url: string; fileName: string };
  };
  listQuestions: {
    input: z.input<typeof quizSchemas.listQuestions>;
    output: { questions: QuestionAdminRow[]; total: number; tags: string[] };
  };
  saveQuestion: { input: z.input<typeof quizSchemas.saveQuestion>; output: { questionId: string } };
  retireQuestion: { input: z.input<typeof quizSchemas.retireQuestion>; output: { retired: boolean } };
  createQuiz: { input: z.input<typeof quizSchemas.createQuiz>; output: { quizId: string } };
  listQuizzes: { input: z.input<typeof quizSchemas.listQuizzes>; output: { quizzes: QuizSummary[] } };
  start: { input: z.input<typeof quizSchemas.start>; output: StartResult };
  saveAnswers: {
    input: z.input<typeof quizSchemas.saveAnswers>;
    /** `answered`: questions with an answer kept on the server now. */
    output: { answered: number; deadline: string; serverNow: string };
  };
  submit: { input: z.input<typeof quizSchemas.submit>; output: SubmitResult };
  result: { input: z.input<typeof quizSchemas.result>; output: AttemptResult };
  leaderboard: { input: z.input<typeof quizSchemas.leaderboard>; output: LeaderboardResult };
  flagged: { input: z.input<typeof quizSchemas.flagged>; output: { attempts: FlaggedAttempt[] } };
  practiceToday: { input: z.input<typeof quizSchemas.practiceToday>; output: PracticeToday };
  practiceAnswer: { input: z.input<typeof quizSchemas.practiceAnswer>; output: PracticeAnswerResult };
  wrongBook: { input: z.input<typeof quizSchemas.wrongBook>; output: { entries: WrongBookEntry[]; total: number } };
}
