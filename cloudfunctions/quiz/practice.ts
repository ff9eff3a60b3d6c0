// 每日一练 and the 错题本: today's questions (the same all day), answers with immediate feedback, wrong answers
// collected until answered right, streaks, and practice points.
import type { z } from 'zod';
import type { PracticeToday, QuestionType, QuizApi, quizSchemas, WrongBookEntry } from '@/domain/api/quiz';
import { QUIZ_PAGE_SIZE } from '@/domain/api/quiz';
import { POINTS_CONFIG } from '@/domain/points';
import type { StreakState } from '@/domain/quiz';
import {
  QUIZ_PRACTICE_COUNT,
  quizCurrentStreak,
  quizIsCorrect,
  quizPracticeDraw,
  quizStreakAfter,
} from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import { requireMember } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { awardPoints } from '../points/public';
import type { QuestionContent } from './store';
import {
  parseQuestion,
  PRACTICE,
  questionContent,
  practiceDocId,
  QUESTIONS,
  readBankPool,
  readHeldQuestions,
  STREAKS,
  WRONG,
} from './store';
import { shanghaiDay, shanghaiIso } from '../../server/time';

/** A practice question as kept in the day's document (with its answer: never sent before it is answered). */
type PracticeQuestion = QuestionContent;

interface PracticeAnswer {
  chosen: number[];
  correct: boolean;
}

const wrongId = (memberId: string, questionId: string) => `${memberId}:${questionId}`;

function practiceQuestions(doc: Doc): PracticeQuestion[] {
  return Array.isArray(doc.questions) ? (doc.questions as PracticeQuestion[]) : [];
}

function practiceAnswers(doc: Doc): Record<string, PracticeAnswer> {
  return (typeof doc.answered === 'object' && doc.answered !== null ? doc.answered : {}) as Record<
    string,
    PracticeAnswer
  >;
}

function streakState(doc: Doc | null): StreakState {
  return { lastDay: typeof doc?.lastDay === 'string' ? doc.lastDay : null, streak: Number(doc?.streak) || 0 };
}

/**
 * Today's practice document, made on first open from the bank's active questions that no open competition holds
 * (deterministic per member and day).
 */
async function todaysPractice(db: Database, memberId: string, day: string, held: Set<string>): Promise<Doc> {
  const ref = db.collection(PRACTICE).doc(practiceDocId(memberId, day));
  const { data } = await ref.get();
  if (data) return data;
  const pool = await readBankPool(db);
  const ids = quizPracticeDraw(
    pool.filter((q) => !held.has(q.questionId)).map((q) => q.questionId),
    day,
    memberId,
    QUIZ_PRACTICE_COUNT,
  );
  const byId = new Map((await findIn(db, QUESTIONS, '_id', ids)).map((d) => [d._id, parseQuestion(d)]));
  const questions: PracticeQuestion[] = ids.flatMap((id) => {
    const q = byId.get(id);
    return q && !q.retired ? [questionContent(q)] : [];
  });
  const doc = { _id: practiceDocId(memberId, day), memberId, day, questions, answered: {}, done: false };
  try {
    await db.collection(PRACTICE).add({ data: { ...doc, createdAt: db.serverDate() } });
    return doc;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const again = await ref.get();
    if (!again.data) throw e;
    return again.data;
  }
}

async function wrongCount(db: Database, memberId: string): Promise<number> {
  return (await db.collection(WRONG).where({ memberId }).count()).total;
}

/**
 * Today's practice for the caller: the questions (no answers), what was answered already (with answers and 解析),
 * the streak and the 错题本 size. A question that a competition created since the morning holds is left out.
 * Reads: caller, the reservations (and the caller's attempts while a competition is open), the day's document, the
 * streak, the 错题本 count (plus the bank and the questions on the first open of the day, and one write).
 */
export async function practiceToday(
  _input: z.output<typeof quizSchemas.practiceToday>,
  ctx: ActionContext,
): Promise<QuizApi['practiceToday']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  const now = new Date();
  const day = shanghaiDay(now);
  const reserved = await readHeldQuestions(db, memberId, now.getTime());
  const [doc, streak, wrong] = await Promise.all([
    todaysPractice(db, memberId, day, reserved),
    db.collection(STREAKS).doc(memberId).get(),
    wrongCount(db, memberId),
  ]);
  const questions = practiceQuestions(doc).filter((q) => !reserved.has(q.questionId));
  const answers = practiceAnswers(doc);
  const answered: PracticeToday['answered'] = {};
  for (const q of questions) {
    const a = answers[q.questionId];
    if (a) answered[q.questionId] = { chosen: a.chosen, correct: a.correct, answer: q.answer, analysis: q.analysis };
  }
  return {
    day,
    questions: questions.map((q) => ({ questionId: q.questionId, type: q.type, stem: q.stem, options: q.options })),
    answered,
    streak: quizCurrentStreak(streakState(streak.data), day),
    done: doc.done === true,
    wrongCount: wrong,
  };
}

/** Adds a wrong answer to the 错题本 (or counts it again): one write, two when the entry is new. */
export async function recordWrong(db: Database, memberId: string, q: PracticeQuestion, now: Date): Promise<void> {
  const _ = db.command;
  const ref = db.collection(WRONG).doc(wrongId(memberId, q.questionId));
  const snapshot = { type: q.type, stem: q.stem, options: q.options, answer: q.answer, analysis: q.analysis };
  const { stats } = await ref.update({ data: { ...snapshot, wrongTimes: _.inc(1), lastWrongAt: now } });
  if (stats.updated > 0) return;
  try {
    await db.collection(WRONG).add({
      data: {
        _id: wrongId(memberId, q.questionId),
        memberId,
        questionId: q.questionId,
        ...snapshot,
        wrongTimes: 1,
        lastWrongAt: now,
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await ref.update({ data: { wrongTimes: _.inc(1), lastWrongAt: now } });
  }
}

async function awardPractice(
  db: Database,
  memberId: string,
  day: string,
  questionId: string,
  now: Date,
): Promise<void> {
  try {
    const { data: member } = await db.collection(MEMBERS).doc(memberId).get();
    await awardPoints(db, {
      source: 'practice',
      sourceId: `${day}.${questionId}`,
      memberId,
      orgId: typeof member?.orgId === 'string' ? member.orgId : '',
      points: POINTS_CONFIG.practiceCorrect,
      reason: '每日一练答对一题',
      now,
    });
  } catch (e) {
    // The answer stands; a missed points entry is logged rather than failing the practice.
    console.error('practice points award failed', memberId, questionId, e);
  }
}

/**
 * One practice answer with immediate feedback. `today`: a question of today's practice, once each; finishing the
 * last one finishes the day (streak). `wrong`: a question of the 错题本; answered right it leaves the book.
 * A wrong answer either way goes (again) into the book; a right one earns practice points (capped per day).
 */
export async function practiceAnswer(
  input: z.output<typeof quizSchemas.practiceAnswer>,
  ctx: ActionContext,
): Promise<QuizApi['practiceAnswer']['output']> {
  const { db } = ctx;
  const _ = db.command;
  const memberId = requireMember(await ctx.caller());
  const now = new Date();
  const day = shanghaiDay(now);
  const reserved = await readHeldQuestions(db, memberId, now.getTime());
  if (reserved.has(input.questionId))
    throw new AppError('FAILED_PRECONDITION', '这道题正被进行中的知识竞赛使用，竞赛结束后才能练习');
  let question: PracticeQuestion;
  let correct: boolean;
  let done: boolean;

  if (input.from === 'today') {
    const { data: doc } = await db.collection(PRACTICE).doc(practiceDocId(memberId, day)).get();
    if (!doc) throw new AppError('FAILED_PRECONDITION', '请先打开今日练习');
    const questions = practiceQuestions(doc);
    const found = questions.find((q) => q.questionId === input.questionId);
    if (!found) throw new AppError('NOT_FOUND', '这道题不在今日练习中');
    question = found;
    const answers = practiceAnswers(doc);
    if (answers[question.questionId]) throw new AppError('FAILED_PRECONDITION', '这道题今天已经答过了');
    correct = quizIsCorrect(question.answer, input.answer);
    const { stats } = await db
      .collection(PRACTICE)
      .where({ _id: doc._id, [`answered.${question.questionId}`]: _.exists(false) })
      .update({ data: { answered: { [question.questionId]: _.set({ chosen: input.answer, correct, at: now }) } } });
    if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '这道题今天已经答过了');
    const answeredNow = new Set([...Object.keys(answers), question.questionId]);
    done = doc.done === true;
    if (!done && questions.every((q) => answeredNow.has(q.questionId) || reserved.has(q.questionId))) {
      const finished = await db
        .collection(PRACTICE)
        .where({ _id: doc._id, done: false })
        .update({ data: { done: true, doneAt: now } });
      done = true;
      if (finished.stats.updated === 1) {
        const ref = db.collection(STREAKS).doc(memberId);
        const next = quizStreakAfter(streakState((await ref.get()).data), day);
        await ref.set({ data: { memberId, ...next, updatedAt: now } });
      }
    }
    if (!correct) await recordWrong(db, memberId, question, now);
  } else {
    const ref = db.collection(WRONG).doc(wrongId(memberId, input.questionId));
    const { data: entry } = await ref.get();
    if (!entry) throw new AppError('NOT_FOUND', '错题本中没有这道题');
    question = {
      questionId: input.questionId,
      type: entry.type as QuestionType,
      stem: String(entry.stem ?? ''),
      options: Array.isArray(entry.options) ? (entry.options as string[]) : [],
      answer: Array.isArray(entry.answer) ? (entry.answer as number[]) : [],
      analysis: typeof entry.analysis === 'string' ? entry.analysis : null,
    };
    correct = quizIsCorrect(question.answer, input.answer);
    if (correct) await ref.remove();
    else await ref.update({ data: { wrongTimes: _.inc(1), lastWrongAt: now } });
    const { data: today } = await db.collection(PRACTICE).doc(practiceDocId(memberId, day)).get();
    done = today?.done === true;
  }

  if (correct) await awardPractice(db, memberId, day, question.questionId, now);
  const [streak, wrong] = await Promise.all([db.collection(STREAKS).doc(memberId).get(), wrongCount(db, memberId)]);
  return {
    correct,
    answer: question.answer,
    analysis: question.analysis,
    done,
    streak: quizCurrentStreak(streakState(streak.data), day),
    wrongCount: wrong,
  };
}

/**
 * The caller's 错题本, most recently missed first (no answers: they are practised from here); a question an open
 * competition holds is `locked` until it closes or the caller has used up its attempts. Four or five reads.
 */
export async function wrongBook(
  input: z.output<typeof quizSchemas.wrongBook>,
  ctx: ActionContext,
): Promise<QuizApi['wrongBook']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  const page = input.page ?? 0;
  const [list, total, reserved] = await Promise.all([
    db
      .collection(WRONG)
      .where({ memberId })
      .field({ questionId: true, type: true, stem: true, options: true, wrongTimes: true, lastWrongAt: true })
      .orderBy('lastWrongAt', 'desc')
      .orderBy('_id', 'asc')
      .skip(page * QUIZ_PAGE_SIZE)
      .limit(QUIZ_PAGE_SIZE)
      .get(),
    db.collection(WRONG).where({ memberId }).count(),
    readHeldQuestions(db, memberId, Date.now()),
  ]);
  const entries: WrongBookEntry[] = list.data.map((d) => ({
    questionId: String(d.questionId),
    type: d.type as QuestionType,
    stem: String(d.stem ?? ''),
    options: Array.isArray(d.options) ? (d.options as string[]) : [],
    wrongTimes: Number(d.wrongTimes) || 1,
    lastWrongAt: d.lastWrongAt instanceof Date ? shanghaiIso(d.lastWrongAt) : '',
    locked: reserved.has(String(d.questionId)),
  }));
  return { entries, total: total.total };
}
