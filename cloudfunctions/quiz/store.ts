// 知识竞赛 storage of the `quiz` function: collections, stored shapes, the bank's pool document, roster sizes and the
// per-quiz branch sums. Other functions reach it only through ./public.ts (readers) and ./timer.ts (scheduled work).
import type { QuestionType } from '@/domain/api/quiz';
import type { DrawCandidate, OrgSums, QuizReservation } from '@/domain/quiz';
import {
  quizAddSums,
  quizOpenReservations,
  quizReservedIds,
  quizSameSums,
  quizTallySums,
  quizUsedUp,
} from '@/domain/quiz';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, PAGE_SIZE } from '../../server/db';
import { countMembersByOrg } from '../../server/members';
import { timeMs } from '../../server/time';

export const QUESTIONS = 'quiz_questions';
/** Small singleton documents: `bank` (the active questions' types and tags) and `rosters` (members per org). */
export const QUIZ_META = 'quiz_meta';
export const QUIZZES = 'quizzes';
/** One document per attempt, `_id` = `<quizId>:<memberId>:<n>` (n = 1..maxAttempts). */
export const ATTEMPTS = 'quiz_attempts';
/**
 * One document per member and quiz, `_id` = `<quizId>:<memberId>`: the member's best submitted attempt, with the
 * `shard` of the branch sums it counts in and a `version` bumped by every change.
 */
export const BEST = 'quiz_best';
/**
 * The branch sums of a quiz in shards (quizTallyShard), `_id` = `<quizId>:<shard>`: `orgs.<orgId>` = { participants,
 * scoreSum } of the best results of the shard's members, and a `version` bumped by every write. A best result and its
 * shard change in one transaction, so the sums always equal those of the best results.
 */
export const STATS = 'quiz_stats';
/** One document per member and day, `_id` = `<memberId>:<day>`: that day's practice questions and answers. */
export const PRACTICE = 'quiz_practice';
/** One document per member: the practice streak. */
export const STREAKS = 'quiz_streaks';
/** The 错题本: one document per member and question, `_id` = `<memberId>:<questionId>`. */
export const WRONG = 'quiz_wrong';

const BANK_ID = 'bank';
const ROSTERS_ID = 'rosters';

export const attemptDocId = (quizId: string, memberId: string, n: number) => `${quizId}:${memberId}:${n}`;
export const bestDocId = (quizId: string, memberId: string) => `${quizId}:${memberId}`;
export const tallyDocId = (quizId: string, shard: number) => `${quizId}:${shard}`;
export const practiceDocId = (memberId: string, day: string) => `${memberId}:${day}`;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** A bank question as stored. */
export interface StoredQuestion {
  questionId: string;
  type: QuestionType;
  stem: string;
  stemKey: string;
  options: string[];
  answer: number[];
  analysis: string | null;
  tags: string[];
  retired: boolean;
  updatedAt: unknown;
}

export function parseQuestion(doc: Doc): StoredQuestion {
  return {
    questionId: doc._id,
    type: doc.type as QuestionType,
    stem: String(doc.stem ?? ''),
    stemKey: String(doc.stemKey ?? ''),
    options: strings(doc.options),
    answer: numbers(doc.answer),
    analysis: typeof doc.analysis === 'string' ? doc.analysis : null,
    tags: strings(doc.tags),
    retired: doc.retired === true,
    updatedAt: doc.updatedAt ?? null,
  };
}

/** What a question asks and answers: what an attempt and a day's practice keep of a drawn bank question. */
export type QuestionContent = Pick<StoredQuestion, 'questionId' | 'type' | 'stem' | 'options' | 'answer' | 'analysis'>;

export function questionContent(q: StoredQuestion): QuestionContent {
  return {
    questionId: q.questionId,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    analysis: q.analysis,
  };
}

/**
 * The active bank as draw candidates and the competitions' reservations (one read): kept in one document so that a
 * draw does not page the bank. `reserved.<quizId>` = { untilMs, questionIds } (see src/domain/quiz/reserve.ts).
 */
export async function readBank(db: Database): Promise<{ pool: DrawCandidate[]; reservations: QuizReservation[] }> {
  const { data } = await db.collection(QUIZ_META).doc(BANK_ID).get();
  const pool = (data?.pool ?? {}) as Record<string, { type?: unknown; tags?: unknown }>;
  const reserved = (data?.reserved ?? {}) as Record<
    string,
    { untilMs?: unknown; maxAttempts?: unknown; questionIds?: unknown }
  >;
  return {
    pool: Object.entries(pool)
      .filter(([, v]) => typeof v === 'object' && v !== null)
      .map(([questionId, v]) => ({ questionId, type: v.type as QuestionType, tags: strings(v.tags) })),
    reservations: Object.entries(reserved)
      .filter(([, v]) => typeof v === 'object' && v !== null)
      .map(([quizId, v]) => ({
        quizId,
        untilMs: Number(v.untilMs) || 0,
        maxAttempts: Number(v.maxAttempts) || 1,
        questionIds: strings(v.questionIds),
      })),
  };
}

/** The active bank as draw candidates (one read). */
export async function readBankPool(db: Database): Promise<DrawCandidate[]> {
  return (await readBank(db)).pool;
}

/** A member's attempts read to see which open competitions they can no longer take (10 per competition at most). */
const HELD_ATTEMPTS_MAX = 1000;

/**
 * The questions whose answers must not be shown to `memberId` now: those an open competition may draw that the
 * member can still take (`ownQuizId`: a competition's own result follows its own reveal rule). One read, and one
 * more for the member's attempts when a competition is open.
 */
export async function readHeldQuestions(
  db: Database,
  memberId: string,
  nowMs: number,
  ownQuizId?: string,
): Promise<Set<string>> {
  const open = quizOpenReservations((await readBank(db)).reservations, nowMs).filter((r) => r.quizId !== ownQuizId);
  if (open.length === 0) return new Set();
  const _ = db.command;
  const { data } = await db
    .collection(ATTEMPTS)
    .where({ memberId, quizId: _.in(open.map((r) => r.quizId)), status: 'submitted' })
    .field({ quizId: true })
    .limit(HELD_ATTEMPTS_MAX)
    .get();
  const submitted: Record<string, number> = {};
  for (const d of data) submitted[String(d.quizId)] = (submitted[String(d.quizId)] ?? 0) + 1;
  return quizReservedIds(open, nowMs, quizUsedUp(open, submitted));
}

/**
 * Records a new competition's reservation in the bank document and drops those that have closed (one write; the
 * bank document exists, since a competition needs questions).
 */
export async function putReservation(
  db: Database,
  reservation: QuizReservation,
  closed: readonly string[],
): Promise<void> {
  const _ = db.command;
  const reserved: Record<string, unknown> = Object.fromEntries(closed.map((quizId) => [quizId, _.remove()]));
  reserved[reservation.quizId] = _.set({
    untilMs: reservation.untilMs,
    maxAttempts: reservation.maxAttempts,
    questionIds: [...reservation.questionIds],
  });
  await db.collection(QUIZ_META).doc(BANK_ID).update({ data: { reserved } });
}

/**
 * Adds, replaces (`entry`) or removes (`null`) questions in the bank's pool document with one write. Each question
 * is its own field path, so concurrent imports do not overwrite each other.
 */
export async function putBankEntries(
  db: Database,
  entries: Record<string, { type: QuestionType; tags: string[] } | null>,
): Promise<void> {
  if (Object.keys(entries).length === 0) return;
  const _ = db.command;
  const ref = db.collection(QUIZ_META).doc(BANK_ID);
  const data = {
    pool: Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, e ? _.set(e) : _.remove()])),
  };
  const { stats } = await ref.update({ data });
  if (stats.updated > 0) return;
  const initial = Object.fromEntries(Object.entries(entries).filter(([, e]) => e !== null));
  try {
    await db.collection(QUIZ_META).add({ data: { _id: BANK_ID, pool: initial } });
  } catch (e) {
    // Another first import created it a moment ago.
    if (!isDuplicateKeyError(e)) throw e;
    await ref.update({ data });
  }
}

/** A competition as stored. */
export interface StoredQuiz {
  quizId: string;
  title: string;
  description: string | null;
  startMs: number;
  endMs: number;
  questionCount: number;
  perType: Partial<Record<QuestionType, number>> | null;
  timeLimitSec: number;
  maxAttempts: number;
  orgIds: string[] | null;
  /** orgIds and all their descendants at creation; null = every organisation. */
  takingPart: string[] | null;
  tags: string[] | null;
  pool: DrawCandidate[];
}

export function parseQuiz(doc: Doc): StoredQuiz {
  return {
    quizId: doc._id,
    title: String(doc.title ?? ''),
    description: typeof doc.description === 'string' ? doc.description : null,
    startMs: timeMs(doc.startAt),
    endMs: timeMs(doc.endAt),
    questionCount: Number(doc.questionCount) || 0,
    perType: (doc.perType ?? null) as StoredQuiz['perType'],
    timeLimitSec: Number(doc.timeLimitSec) || 0,
    maxAttempts: Number(doc.maxAttempts) || 1,
    orgIds: Array.isArray(doc.orgIds) ? strings(doc.orgIds) : null,
    takingPart: Array.isArray(doc.takingPart) ? strings(doc.takingPart) : null,
    tags: Array.isArray(doc.tags) ? strings(doc.tags) : null,
    pool: Array.isArray(doc.pool) ? (doc.pool as DrawCandidate[]) : [],
  };
}

/** Whether a member of `orgId` takes part in the quiz. */
export function takesPart(quiz: Pick<StoredQuiz, 'takingPart'>, orgId: string): boolean {
  return quiz.takingPart === null || quiz.takingPart.includes(orgId);
}

/** One question of an attempt: the bank question as drawn, and the member's option order. */
export interface AttemptQuestion extends QuestionContent {
  tags: string[];
  /** `order[shown] = original`. */
  order: number[];
}

export interface StoredAttempt {
  attemptId: string;
  quizId: string;
  /** The competition's title, copied at start (for the points entry's reason). */
  title: string;
  memberId: string;
  name: string;
  orgId: string;
  n: number;
  status: 'open' | 'submitted';
  startedMs: number;
  deadlineMs: number;
  questions: AttemptQuestion[];
  /** Answers kept on the server by saveAnswers (shown indexes). */
  saved: Record<string, number[]>;
  score: number;
  correct: number;
  total: number;
  durationMs: number;
  late: boolean;
  /** Arrived at or after the deadline (auto-submitted at zero, or closed later). */
  timeUp: boolean;
  flagged: boolean;
  submittedMs: number;
  results: Array<{ questionId: string; chosen: number[]; correct: boolean }>;
}

export function parseAttempt(doc: Doc): StoredAttempt {
  return {
    attemptId: doc._id,
    quizId: String(doc.quizId ?? ''),
    title: String(doc.title ?? ''),
    memberId: String(doc.memberId ?? ''),
    name: String(doc.name ?? ''),
    orgId: String(doc.orgId ?? ''),
    n: Number(doc.n) || 0,
    status: doc.status === 'submitted' ? 'submitted' : 'open',
    startedMs: Number(doc.startedMs) || 0,
    deadlineMs: Number(doc.deadlineMs) || 0,
    questions: Array.isArray(doc.questions) ? (doc.questions as AttemptQuestion[]) : [],
    saved: (typeof doc.saved === 'object' && doc.saved !== null ? doc.saved : {}) as Record<string, number[]>,
    score: Number(doc.score) || 0,
    correct: Number(doc.correct) || 0,
    total: Number(doc.total) || 0,
    durationMs: Number(doc.durationMs) || 0,
    late: doc.late === true,
    // Attempts stored before timeUp was kept: a late one certainly ran out of time.
    timeUp: doc.timeUp === true || doc.late === true,
    flagged: doc.flagged === true,
    submittedMs: Number(doc.submittedMs) || 0,
    results: Array.isArray(doc.results) ? (doc.results as StoredAttempt['results']) : [],
  };
}

/** Members per organisation, as the ranking timer (or an org board finding it missing or stale) counts them. */
export interface RosterCounts {
  counts: Record<string, number>;
  computedMs: number;
}

/** Roster sizes older than this are recounted when an org board is opened (the timer recounts every 10 minutes). */
export const ROSTER_STALE_MS = 3600_000;

/** More organisations than a city's agencies have; one aggregation answers for all of them. */
const GROUP_LIMIT = 5000;

/** Counts the roster by organisation (one aggregation) and stores it (one write). */
export async function recountRosters(db: Database, now: Date): Promise<RosterCounts> {
  const counts = await countMembersByOrg(db);
  await db
    .collection(QUIZ_META)
    .doc(ROSTERS_ID)
    .set({ data: { counts, computedMs: now.getTime(), computedAt: now } });
  return { counts, computedMs: now.getTime() };
}

/** The stored roster sizes (one read), recounted when missing or stale (one aggregation and one write more). */
export async function readRosters(db: Database, now: Date): Promise<RosterCounts> {
  const { data } = await db.collection(QUIZ_META).doc(ROSTERS_ID).get();
  const computedMs = Number(data?.computedMs) || 0;
  if (!data || now.getTime() - computedMs > ROSTER_STALE_MS) return recountRosters(db, now);
  return { counts: (data.counts ?? {}) as Record<string, number>, computedMs };
}

/** Stored branch sums, anything malformed left out. */
export function parseSums(value: unknown): OrgSums {
  const out: OrgSums = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [orgId, v] of Object.entries(value as Record<string, { participants?: unknown; scoreSum?: unknown }>)) {
    const participants = Number(v?.participants) || 0;
    if (participants > 0) out[orgId] = { participants, scoreSum: Number(v?.scoreSum) || 0 };
  }
  return out;
}

/** A quiz's shards of the branch sums (one read: there are fewer shards than a page). */
async function readTallyShards(db: Database, quizId: string): Promise<Doc[]> {
  const { data } = await db.collection(STATS).where({ quizId }).limit(PAGE_SIZE).get();
  // Documents of the single-document layout (`_id` = quizId) have no shard and are not counted.
  return data.filter((d) => typeof d.shard === 'number');
}

/** The branch sums of a quiz: its shards added up (one read). */
export async function readQuizSums(db: Database, quizId: string): Promise<OrgSums> {
  return quizAddSums((await readTallyShards(db, quizId)).map((d) => parseSums(d.orgs)));
}

/**
 * Recounts a quiz's branch sums from the members' best results and corrects a shard that differs (e.g. after the
 * best results were repaired by hand), but only if no submit has changed that shard since it was read: the write
 * is conditional on the shard's version, so a recount racing submits can neither drop nor double one. Reads: the
 * shards and one aggregation; one write per corrected shard. Returns how many shards it corrected.
 */
export async function recomputeQuizStats(db: Database, quizId: string, now: Date): Promise<number> {
  const stored = new Map((await readTallyShards(db, quizId)).map((d) => [Number(d.shard), d]));
  const { list } = await db
    .collection(BEST)
    .aggregate()
    .match({ quizId })
    .group({ _id: '$shard', entries: { $push: { orgId: '$orgId', score: '$score' } } })
    .limit(GROUP_LIMIT)
    .end();
  const counted = new Map<number, OrgSums>();
  for (const g of list) {
    if (typeof g._id !== 'number' || !Array.isArray(g.entries)) continue;
    const entries = (g.entries as Array<{ orgId?: unknown; score?: unknown }>).map((e) => ({
      orgId: String(e.orgId ?? ''),
      score: Number(e.score) || 0,
    }));
    counted.set(g._id, quizTallySums(entries));
  }
  let corrected = 0;
  for (const shard of new Set([...stored.keys(), ...counted.keys()])) {
    const orgs = counted.get(shard) ?? {};
    const doc = stored.get(shard);
    if (quizSameSums(parseSums(doc?.orgs), orgs)) continue;
    if (doc) {
      const version = Number(doc.version) || 0;
      const { stats } = await db
        .collection(STATS)
        .where({ _id: doc._id, version })
        .update({ data: { orgs: db.command.set(orgs), version: version + 1, recountedAt: now } });
      corrected += stats.updated;
      continue;
    }
    try {
      await db.collection(STATS).add({
        data: { _id: tallyDocId(quizId, shard), quizId, shard, orgs, version: 1, recountedAt: now },
      });
      corrected++;
    } catch (e) {
      // A submit created the shard since it was read; its count is exact.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
  return corrected;
}
