// Competitions: creating one (window, counts checked against the bank) and listing them with the caller's state.
import type { z } from 'zod';
import type { QuizApi, QuizSummary, quizSchemas } from '@/domain/api/quiz';
import { orgSubtree } from '@/domain/identity';
import { quizAttemptExpired, quizPhase, quizReservedIds, quizReservePool } from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import { callerIsAdmin } from '../../server/caller';
import type { Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { newId } from '../../server/ids';
import { MEMBERS } from '../../server/members';
import type { StoredQuiz } from './store';
import { ATTEMPTS, parseQuiz, putReservation, QUIZZES, readBank, takesPart } from './store';
import { shanghaiIso } from '../../server/time';

/** Competitions listed: the latest this many by start (a city runs a handful a year). */
const LIST_MAX = 100;
/** A member's attempts read for the list: 10 per competition at most. */
const ATTEMPTS_MAX = 1000;

export async function createQuiz(
  input: z.output<typeof quizSchemas.createQuiz>,
  ctx: ActionContext,
): Promise<QuizApi['createQuiz']['output']> {
  const { db } = ctx;
  const startMs = new Date(input.startAt).getTime();
  const endMs = new Date(input.endAt).getTime();
  if (endMs <= startMs) throw new AppError('INVALID_ARGUMENT', '结束时间必须晚于开始时间');
  if (endMs - startMs < input.timeLimitSec * 1000)
    throw new AppError('INVALID_ARGUMENT', '答题时限不能长于竞赛的开放时间');
  const perType = input.perType ? { ...input.perType } : null;
  if (perType) {
    const sum = (perType.single ?? 0) + (perType.multiple ?? 0) + (perType.judge ?? 0);
    if (sum !== input.questionCount)
      throw new AppError('INVALID_ARGUMENT', `各题型数量之和（${sum}）应等于题目数量（${input.questionCount}）`);
  }
  const [bank, directory] = await Promise.all([readBank(db), input.orgIds ? readDirectory(db) : Promise.resolve(null)]);
  let takingPart: string[] | null = null;
  if (input.orgIds && directory) {
    const known = new Set(directory.orgs.map((o) => o.orgId));
    const unknown = input.orgIds.filter((o) => !known.has(o));
    if (unknown.length) throw new AppError('NOT_FOUND', `组织不存在：${unknown.slice(0, 5).join('、')}`);
    takingPart = [...orgSubtree(directory.orgs, input.orgIds)].sort();
  }
  const quizId = newId('qz');
  // The competition reserves what it may draw until it closes; practice keeps the rest (src/domain/quiz/reserve.ts).
  const nowMs = Date.now();
  const reserved = quizReservePool(
    bank.pool,
    quizReservedIds(bank.reservations, nowMs),
    { count: input.questionCount, perType, tags: input.tags ?? null },
    quizId,
  );
  if (!reserved.ok) throw new AppError('FAILED_PRECONDITION', reserved.message);
  if (endMs > nowMs)
    await putReservation(
      db,
      {
        quizId,
        untilMs: endMs,
        maxAttempts: input.maxAttempts,
        questionIds: reserved.pool.map((q) => q.questionId),
      },
      bank.reservations.filter((r) => r.untilMs <= nowMs).map((r) => r.quizId),
    );
  await db.collection(QUIZZES).add({
    data: {
      _id: quizId,
      title: input.title,
      description: input.description || null,
      startAt: new Date(startMs),
      endAt: new Date(endMs),
      questionCount: input.questionCount,
      perType,
      timeLimitSec: input.timeLimitSec,
      maxAttempts: input.maxAttempts,
      orgIds: input.orgIds ?? null,
      takingPart,
      tags: input.tags ?? null,
      pool: reserved.pool.map((q) => ({ questionId: q.questionId, type: q.type, tags: q.tags })),
      createdBy: ctx.openid,
      createdAt: db.serverDate(),
    },
  });
  return { quizId };
}

function summary(q: StoredQuiz, now: number, mine: QuizSummary['mine']): QuizSummary {
  return {
    quizId: q.quizId,
    title: q.title,
    description: q.description,
    startAt: shanghaiIso(q.startMs),
    endAt: shanghaiIso(q.endMs),
    phase: quizPhase(q.startMs, q.endMs, now),
    questionCount: q.questionCount,
    timeLimitSec: q.timeLimitSec,
    maxAttempts: q.maxAttempts,
    orgIds: q.orgIds,
    tags: q.tags,
    mine,
  };
}

/** The member's state in each quiz from their attempts (no questions read). */
function mineOf(quizId: string, attempts: readonly Doc[], now: number): NonNullable<QuizSummary['mine']> {
  const own = attempts.filter((a) => a.quizId === quizId).sort((a, b) => Number(a.n) - Number(b.n));
  const submitted = own.filter((a) => a.status === 'submitted');
  // An open attempt past its deadline and grace is closed at the next start or submit; it is not offered again.
  const open = own.find((a) => a.status === 'open' && !quizAttemptExpired(Number(a.deadlineMs), now));
  const last = [...submitted].sort((a, b) => Number(b.submittedMs) - Number(a.submittedMs))[0];
  return {
    attemptsUsed: own.length,
    bestScore: submitted.length ? Math.max(...submitted.map((a) => Number(a.score) || 0)) : null,
    openAttemptId: open ? open._id : null,
    lastAttemptId: last ? last._id : null,
  };
}

/**
 * Admins see every competition; a bound member those their organisation takes part in, with their own state;
 * anyone else none. Reads: the caller, the member, the competitions, the member's attempts (four at most).
 */
export async function listQuizzes(
  _input: z.output<typeof quizSchemas.listQuizzes>,
  ctx: ActionContext,
): Promise<QuizApi['listQuizzes']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const admin = callerIsAdmin(caller);
  if (!admin && !caller.memberId) return { quizzes: [] };
  const [list, member] = await Promise.all([
    db.collection(QUIZZES).field({ pool: false }).orderBy('startAt', 'desc').limit(LIST_MAX).get(),
    caller.memberId ? db.collection(MEMBERS).doc(caller.memberId).get() : Promise.resolve({ data: null }),
  ]);
  const now = Date.now();
  const quizzes = list.data.map(parseQuiz);
  const orgId = typeof member.data?.orgId === 'string' ? member.data.orgId : null;
  const mineFor = quizzes.filter((q) => orgId !== null && takesPart(q, orgId));
  let attempts: Doc[] = [];
  if (caller.memberId && mineFor.length) {
    const _ = db.command;
    ({ data: attempts } = await db
      .collection(ATTEMPTS)
      .where({ memberId: caller.memberId, quizId: _.in(mineFor.map((q) => q.quizId)) })
      .field({ quizId: true, n: true, status: true, score: true, submittedMs: true, deadlineMs: true })
      .limit(ATTEMPTS_MAX)
      .get());
  }
  const visible = admin ? quizzes : mineFor;
  return {
    quizzes: visible.map((q) => summary(q, now, mineFor.includes(q) ? mineOf(q.quizId, attempts, now) : null)),
  };
}
