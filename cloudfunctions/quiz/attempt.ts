// Taking a competition: start (server-side draw and option order, resume, attempt cap), saveAnswers, submit (scored
// once on the server's clock), result (with 解析, after submitting).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { AttemptResult, QuestionView, QuizApi, quizSchemas, StartResult, SubmitResult } from '@/domain/api/quiz';
import { POINTS_CONFIG } from '@/domain/points';
import {
  QUIZ_GRACE_MS,
  quizAttemptDeadline,
  quizAttemptExpired,
  quizBetterResult,
  quizDraw,
  quizMoveTally,
  quizOptionOrder,
  quizPhase,
  quizRankKey,
  quizRevealsAnswers,
  quizScoreAttempt,
  quizShownOptions,
  quizSubmitTiming,
  quizTallyShard,
  quizToShown,
  quizTooFast,
} from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import { requireMember } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError, isTransactionConflict, runTransactionWithRetry } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { awardPoints } from '../points/public';
import type { AttemptQuestion, StoredAttempt, StoredQuiz } from './store';
import {
  ATTEMPTS,
  attemptDocId,
  BEST,
  bestDocId,
  parseAttempt,
  parseQuestion,
  questionContent,
  parseQuiz,
  parseSums,
  QUESTIONS,
  QUIZZES,
  readHeldQuestions,
  STATS,
  takesPart,
  tallyDocId,
} from './store';
import { recordWrong } from './practice';
import { shanghaiIso } from '../../server/time';

/** Redraws when drawn questions turned out retired since the competition was created. */
const DRAW_TRIES = 3;
/** Runs of the best-result transaction before giving up (it conflicts with submits of members sharing a shard). */
const BEST_TRIES = 20;

/** What a member sees of an attempt's question: the options in their order, never the answer or the 解析. */
function questionView(q: AttemptQuestion): QuestionView {
  return { questionId: q.questionId, type: q.type, stem: q.stem, options: quizShownOptions(q.options, q.order) };
}

function startResult(a: StoredAttempt, now: number, resumed: boolean): StartResult {
  return {
    attemptId: a.attemptId,
    deadline: shanghaiIso(a.deadlineMs),
    serverNow: shanghaiIso(now),
    questions: a.questions.map(questionView),
    resumed,
    kept: a.saved,
  };
}

async function readAttempt(db: Database, attemptId: string): Promise<StoredAttempt | null> {
  const { data } = await db.collection(ATTEMPTS).doc(attemptId).get();
  return data ? parseAttempt(data) : null;
}

/**
 * Makes a submitted attempt the member's best if it is better (higher score, then fewer whole seconds; an equal
 * result keeps the earlier one), and moves the branch sums in the member's shard with it, in one transaction: the
 * sums never count a best result that is not stored, or miss one that is. Concurrent submits of one member, or of
 * members sharing a shard, conflict; the loser runs again and sees the winner's write.
 */
async function updateBest(db: Database, a: StoredAttempt): Promise<void> {
  const id = bestDocId(a.quizId, a.memberId);
  const shard = quizTallyShard(a.memberId);
  const tallyId = tallyDocId(a.quizId, shard);
  try {
    await runTransactionWithRetry(
      db,
      async (tx) => {
        const { data: best } = await tx.collection(BEST).doc(id).get();
        const before = best ? { score: Number(best.score) || 0, durationMs: Number(best.durationMs) || 0 } : null;
        if (!quizBetterResult(a, before)) return;
        const { data: tally } = await tx.collection(STATS).doc(tallyId).get();
        const orgs = quizMoveTally(
          parseSums(tally?.orgs),
          best ? { orgId: String(best.orgId ?? ''), score: Number(best.score) || 0 } : null,
          { orgId: a.orgId, score: a.score },
        );
        await tx
          .collection(BEST)
          .doc(id)
          .set({
            data: {
              quizId: a.quizId,
              memberId: a.memberId,
              name: a.name,
              orgId: a.orgId,
              score: a.score,
              durationMs: a.durationMs,
              rankKey: quizRankKey(a.score, a.durationMs),
              submittedMs: a.submittedMs,
              attemptId: a.attemptId,
              shard,
              version: (Number(best?.version) || 0) + 1,
            },
          });
        await tx
          .collection(STATS)
          .doc(tallyId)
          .set({ data: { quizId: a.quizId, shard, orgs, version: (Number(tally?.version) || 0) + 1 } });
      },
      BEST_TRIES,
    );
  } catch (e) {
    // The attempt stays unapplied, so the timer applies it (applyPendingResults).
    if (isTransactionConflict(e)) throw new AppError('INTERNAL', '成绩保存繁忙，请稍后查看排行');
    throw e;
  }
}

/**
 * What follows a scored attempt: the member's best result (with the branch sums) and the competition's points
 * entry, then the attempt is marked applied. Each step is idempotent, so the timer can run it again for an attempt
 * whose function stopped half-way (applyPendingResults). The title comes from the attempt (copied at start).
 */
async function applyResult(db: Database, done: StoredAttempt): Promise<void> {
  await updateBest(db, done);
  try {
    await awardPoints(db, {
      source: 'quiz',
      sourceId: done.quizId,
      memberId: done.memberId,
      orgId: done.orgId,
      points: POINTS_CONFIG.quizParticipation + (done.score === 100 ? POINTS_CONFIG.quizFullScoreBonus : 0),
      reason: `参加知识竞赛：${done.title}`,
      now: new Date(done.submittedMs),
    });
  } catch (e) {
    // The score stands; a missed points entry is logged and left for the timer (the attempt stays unapplied).
    console.error('quiz points award failed', done.attemptId, e);
    return;
  }
  await db
    .collection(ATTEMPTS)
    .doc(done.attemptId)
    .update({ data: { applied: true } });
}

/** How long a scored attempt may stay unapplied before the timer takes it over from its submit. */
const APPLY_AFTER_MS = 60_000;
/** Attempts the timer closes or applies per run (the next run takes the rest). */
const CLOSE_BATCH = 100;

/**
 * The timer's repair: attempts scored more than a minute ago but not marked applied (their function stopped between
 * the scoring and the best result or points) get both now. Returns how many it applied.
 */
export async function applyPendingResults(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(ATTEMPTS)
    .where({ status: 'submitted', applied: false, submittedMs: _.lt(now.getTime() - APPLY_AFTER_MS) })
    .limit(CLOSE_BATCH)
    .get();
  for (const doc of data) await applyResult(db, parseAttempt(doc));
  return data.length;
}

/**
 * Scores an open attempt with `answers` (shown indexes) and closes it, only if it is still open (a conditional
 * write: of many concurrent submits exactly one lands). Then the best result, the branch sums and the
 * competition's points (one entry per member and competition). Returns null when another submit won.
 */
async function finish(
  db: Database,
  a: StoredAttempt,
  answers: Record<string, number[]>,
  timing: { late: boolean; timeUp: boolean; durationMs: number },
  now: Date,
): Promise<SubmitResult | null> {
  const onPaper = new Set(a.questions.map((q) => q.questionId));
  const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => onPaper.has(id)));
  const scored = quizScoreAttempt(a.questions, kept);
  const flagged = quizTooFast(timing.durationMs, scored.total);
  // What the attempt keeps and the member is told.
  const outcome: SubmitResult = {
    score: scored.score,
    correct: scored.correct,
    total: scored.total,
    durationMs: timing.durationMs,
    late: timing.late,
    timeUp: timing.timeUp,
  };
  const { stats } = await db
    .collection(ATTEMPTS)
    .where({ _id: a.attemptId, status: 'open' })
    .update({
      data: {
        status: 'submitted',
        answers: db.command.set(kept),
        results: scored.results,
        ...outcome,
        flagged,
        submittedAt: now,
        submittedMs: now.getTime(),
        // Set once the best result and the points follow; the timer finishes what a crash in between left.
        applied: false,
      },
    });
  if (stats.updated !== 1) return null;
  await applyResult(db, {
    ...a,
    status: 'submitted',
    score: scored.score,
    durationMs: timing.durationMs,
    submittedMs: now.getTime(),
  });
  return outcome;
}

/**
 * Closes an attempt whose deadline and grace have passed, scored with the answers saved on the server. False when
 * a submit closed it first.
 */
async function closeExpired(db: Database, a: StoredAttempt, now: Date): Promise<boolean> {
  return (await finish(db, a, a.saved, quizSubmitTiming(now.getTime(), a.startedMs, a.deadlineMs), now)) !== null;
}

/**
 * The timer's sweep: attempts left open past their deadline and grace (the phone was closed for good) are closed
 * and scored as they stood, so that they count on the boards. Returns how many it closed.
 */
export async function closeExpiredAttempts(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(ATTEMPTS)
    .where({ status: 'open', deadlineMs: _.lt(now.getTime() - QUIZ_GRACE_MS) })
    .limit(CLOSE_BATCH)
    .get();
  let closed = 0;
  for (const doc of data) if (await closeExpired(db, parseAttempt(doc), now)) closed++;
  return closed;
}

/** Draws the paper: retired questions found at the read are left out and the draw is made again without them. */
async function drawQuestions(db: Database, quiz: StoredQuiz, seed: string): Promise<AttemptQuestion[]> {
  const excluded = new Set<string>();
  for (let i = 0; i < DRAW_TRIES; i++) {
    const pool = quiz.pool.filter((q) => !excluded.has(q.questionId));
    const drawn = quizDraw(pool, { count: quiz.questionCount, perType: quiz.perType, tags: quiz.tags }, `${seed}:${i}`);
    if (!drawn.ok) throw new AppError('FAILED_PRECONDITION', `本次竞赛暂时无法抽题：${drawn.message}，请联系管理员`);
    const docs = await findIn(db, QUESTIONS, '_id', drawn.questionIds);
    const byId = new Map(docs.map((d) => [d._id, parseQuestion(d)]));
    const missing = drawn.questionIds.filter((id) => !byId.get(id) || byId.get(id)?.retired);
    if (missing.length === 0) {
      return drawn.questionIds.map((id) => {
        const q = byId.get(id) as ReturnType<typeof parseQuestion>;
        return {
          ...questionContent(q),
          tags: q.tags,
          order: quizOptionOrder(q.type, q.options.length, `${seed}:${id}`),
        };
      });
    }
    for (const id of missing) excluded.add(id);
  }
  throw new AppError('FAILED_PRECONDITION', '题库中可用的题目不足，请联系管理员');
}

/**
 * Starts (or resumes) the caller's attempt. The attempt's id is `<quizId>:<memberId>:<n>`, so two starts at once
 * make one attempt and the cap holds. Reads: caller, quiz, member and the member's attempts at once, then the
 * drawn questions (usually one read); one write.
 */
export async function start(
  input: z.output<typeof quizSchemas.start>,
  ctx: ActionContext,
): Promise<QuizApi['start']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  const [quizDoc, memberDoc, mine] = await Promise.all([
    db.collection(QUIZZES).doc(input.quizId).get(),
    db.collection(MEMBERS).doc(memberId).get(),
    db
      .collection(ATTEMPTS)
      .where({ quizId: input.quizId, memberId })
      .field({ n: true, status: true, deadlineMs: true })
      .limit(100)
      .get(),
  ]);
  if (!quizDoc.data) throw new AppError('NOT_FOUND', '竞赛不存在');
  const quiz = parseQuiz(quizDoc.data);
  const member = memberDoc.data;
  if (!member || typeof member.orgId !== 'string')
    throw new AppError('PERMISSION_DENIED', '未找到您的党员信息，请重新绑定');
  if (!takesPart(quiz, member.orgId)) throw new AppError('PERMISSION_DENIED', '您所在的组织不在本次竞赛范围内');

  const now = new Date();
  const open = mine.data.find((d) => d.status === 'open');
  if (open) {
    const a = await readAttempt(db, open._id);
    if (a && a.status === 'open') {
      if (!quizAttemptExpired(a.deadlineMs, now.getTime())) return startResult(a, now.getTime(), true);
      await closeExpired(db, a, now);
    }
  }
  switch (quizPhase(quiz.startMs, quiz.endMs, now.getTime())) {
    case 'upcoming':
      throw new AppError(
        'FAILED_PRECONDITION',
        `竞赛尚未开始，开始时间：${shanghaiIso(quiz.startMs).slice(0, 16).replace('T', ' ')}`,
      );
    case 'closed':
      throw new AppError('FAILED_PRECONDITION', '竞赛已结束');
    case 'open':
      break;
  }
  const used = mine.data.reduce((m, d) => Math.max(m, Number(d.n) || 0), 0);
  if (used >= quiz.maxAttempts)
    throw new AppError('RESOURCE_EXHAUSTED', `每人最多答 ${quiz.maxAttempts} 次，您的次数已用完`);

  const n = used + 1;
  const seed = randomBytes(12).toString('hex');
  const questions = await drawQuestions(db, quiz, seed);
  const attempt: StoredAttempt = {
    attemptId: attemptDocId(quiz.quizId, memberId, n),
    quizId: quiz.quizId,
    title: quiz.title,
    memberId,
    name: String(member.name ?? ''),
    orgId: member.orgId,
    n,
    status: 'open',
    startedMs: now.getTime(),
    deadlineMs: quizAttemptDeadline(now.getTime(), quiz.timeLimitSec, quiz.endMs),
    questions,
    saved: {},
    score: 0,
    correct: 0,
    total: questions.length,
    durationMs: 0,
    late: false,
    timeUp: false,
    flagged: false,
    submittedMs: 0,
    results: [],
  };
  try {
    await db.collection(ATTEMPTS).add({
      data: {
        _id: attempt.attemptId,
        quizId: attempt.quizId,
        title: attempt.title,
        memberId,
        openid: ctx.openid,
        name: attempt.name,
        orgId: attempt.orgId,
        n,
        status: 'open',
        seed,
        startedAt: now,
        startedMs: attempt.startedMs,
        deadlineMs: attempt.deadlineMs,
        questions,
        saved: {},
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // A start a moment ago (another tab, a retried request) made this attempt: resume it.
    const other = await readAttempt(db, attempt.attemptId);
    if (other && other.status === 'open' && other.memberId === memberId) return startResult(other, Date.now(), true);
    throw new AppError('FAILED_PRECONDITION', '答题状态已变化，请刷新后重试');
  }
  return startResult(attempt, now.getTime(), false);
}

/**
 * The caller's own attempt as stored and parsed, or NOT_FOUND / PERMISSION_DENIED, and FAILED_PRECONDITION with
 * `otherwise` when it is not `status`.
 */
async function ownAttempt(
  ctx: ActionContext,
  attemptId: string,
  status: StoredAttempt['status'],
  otherwise: string,
): Promise<{ doc: Doc; a: StoredAttempt }> {
  const memberId = requireMember(await ctx.caller());
  const { data } = await ctx.db.collection(ATTEMPTS).doc(attemptId).get();
  if (!data) throw new AppError('NOT_FOUND', '答题记录不存在');
  if (data.memberId !== memberId) throw new AppError('PERMISSION_DENIED', '这不是您的答题记录');
  const a = parseAttempt(data);
  if (a.status !== status) throw new AppError('FAILED_PRECONDITION', otherwise);
  return { doc: data, a };
}

/** Keeps the answers given so far (merged over earlier ones) while the attempt is open. Two reads, one write. */
export async function saveAnswers(
  input: z.output<typeof quizSchemas.saveAnswers>,
  ctx: ActionContext,
): Promise<QuizApi['saveAnswers']['output']> {
  const { a } = await ownAttempt(ctx, input.attemptId, 'open', '本次答题已提交');
  const now = Date.now();
  if (quizAttemptExpired(a.deadlineMs, now)) throw new AppError('FAILED_PRECONDITION', '答题时间已到，请提交');
  const onPaper = new Set(a.questions.map((q) => q.questionId));
  const saved = { ...a.saved };
  for (const [id, choice] of Object.entries(input.answers)) if (onPaper.has(id)) saved[id] = choice;
  const { stats } = await ctx.db
    .collection(ATTEMPTS)
    .where({ _id: a.attemptId, status: 'open' })
    .update({ data: { saved: ctx.db.command.set(saved), savedMs: now } });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '本次答题已提交');
  return { answered: Object.keys(saved).length, deadline: shanghaiIso(a.deadlineMs), serverNow: shanghaiIso(now) };
}

/**
 * Scores the attempt on the server's clock. Within the deadline plus the grace the submitted answers count (over
 * any saved ones); after it the attempt is closed with the answers saved before and `late: true`. A second
 * submit, or the losers of concurrent ones, get FAILED_PRECONDITION.
 */
export async function submit(
  input: z.output<typeof quizSchemas.submit>,
  ctx: ActionContext,
): Promise<QuizApi['submit']['output']> {
  const { a } = await ownAttempt(ctx, input.attemptId, 'open', '本次答题已提交，不能重复提交');
  const now = new Date();
  const timing = quizSubmitTiming(now.getTime(), a.startedMs, a.deadlineMs);
  const answers = timing.inTime ? { ...a.saved, ...input.answers } : a.saved;
  const result = await finish(ctx.db, a, answers, timing, now);
  if (!result) throw new AppError('FAILED_PRECONDITION', '本次答题已提交，不能重复提交');
  return result;
}

/**
 * Once an attempt's answers are out, its wrong questions go into the member's 错题本 — once per attempt (the mark is
 * set first, so a repeated view adds nothing): one write, plus one or two per wrong question the first time.
 */
async function bookMistakes(db: Database, a: StoredAttempt, now: Date): Promise<void> {
  const right = new Set(a.results.filter((r) => r.correct).map((r) => r.questionId));
  const wrong = a.questions.filter((q) => !right.has(q.questionId));
  if (wrong.length === 0) return;
  const _ = db.command;
  const { stats } = await db
    .collection(ATTEMPTS)
    .where({ _id: a.attemptId, booked: _.neq(true) })
    .update({ data: { booked: true } });
  if (stats.updated !== 1) return;
  for (const q of wrong) await recordWrong(db, a.memberId, q, now);
}

/**
 * The caller's submitted attempt with their choice and whether it was right, in their option order; the right
 * answers and 解析 only once they cannot help another attempt (quizRevealsAnswers), when its wrong questions also go
 * into the 错题本; a question another open competition may draw is `withheld` (quizReservedIds). Reads: the caller,
 * the attempt, the competition, the reservations (plus the member's attempts while another competition is open), and
 * the member's last allowed attempt unless this is it.
 */
export async function result(
  input: z.output<typeof quizSchemas.result>,
  ctx: ActionContext,
): Promise<QuizApi['result']['output']> {
  const { doc, a } = await ownAttempt(ctx, input.attemptId, 'submitted', '提交后才能查看成绩');
  const quizDoc = (await ctx.db.collection(QUIZZES).doc(a.quizId).get()).data;
  if (!quizDoc) throw new AppError('NOT_FOUND', '竞赛不存在');
  const quiz = parseQuiz(quizDoc);
  const lastId = attemptDocId(a.quizId, a.memberId, quiz.maxAttempts);
  const last = a.attemptId === lastId ? doc : (await ctx.db.collection(ATTEMPTS).doc(lastId).get()).data;
  const nowMs = Date.now();
  // Questions another open competition may draw keep their answers (and right/wrong) hidden until it closes.
  const withheld = await readHeldQuestions(ctx.db, a.memberId, nowMs, a.quizId);
  const revealed = quizRevealsAnswers({
    nowMs,
    endMs: quiz.endMs,
    lastAttemptSubmitted: last?.status === 'submitted',
  });
  if (revealed) await bookMistakes(ctx.db, a, new Date());
  const byId = new Map(a.results.map((r) => [r.questionId, r]));
  const out: AttemptResult = {
    attemptId: a.attemptId,
    quizId: a.quizId,
    title: String(doc.title ?? ''),
    submittedAt: shanghaiIso(a.submittedMs),
    score: a.score,
    correct: a.correct,
    total: a.total,
    durationMs: a.durationMs,
    late: a.late,
    timeUp: a.timeUp,
    revealed,
    revealAt: shanghaiIso(quiz.endMs),
    questions: a.questions.map((q) => {
      const r = byId.get(q.questionId);
      const hidden = withheld.has(q.questionId);
      return {
        ...questionView(q),
        answer: revealed && !hidden ? quizToShown(q.answer, q.order) : [],
        analysis: revealed && !hidden ? q.analysis : null,
        tags: q.tags,
        chosen: quizToShown(r?.chosen ?? [], q.order),
        correct: !hidden && r?.correct === true,
        withheld: hidden,
      };
    }),
  };
  return out;
}
