// What other functions may read of the 知识竞赛 storage: the bank (the `live` function draws its questions from it),
// and a member's open competitions and today's practice (the home page).
import type { Database } from '../../server/db';
import { findIn, str } from '../../server/db';
import type { StoredQuestion } from './store';
import { ATTEMPTS, parseQuestion, PRACTICE, practiceDocId, QUESTIONS, QUIZZES } from './store';

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export type { StoredQuestion } from './store';
export { readBankPool } from './store';

/** The bank's questions with these ids (one read per 100 ids); ids not found are missing from the map. */
export async function readQuestions(
  db: Database,
  questionIds: readonly string[],
): Promise<Map<string, StoredQuestion>> {
  const docs = await findIn(db, QUESTIONS, '_id', questionIds);
  return new Map(docs.map((d) => [d._id, parseQuestion(d)] as const));
}

/** Today's 每日一练 of a member: questions drawn and answered so far, and whether it is finished (one read). */
export async function readPracticeProgress(
  db: Database,
  memberId: string,
  day: string,
): Promise<{ started: boolean; total: number; answered: number; done: boolean }> {
  const { data } = await db.collection(PRACTICE).doc(practiceDocId(memberId, day)).get();
  return {
    started: !!data,
    total: Array.isArray(data?.questions) ? data.questions.length : 0,
    answered: typeof data?.answered === 'object' && data.answered !== null ? Object.keys(data.answered).length : 0,
    done: data?.done === true,
  };
}

/**
 * Competitions open at `now` for the member's org that the member has not submitted, at most `limit` of those open
 * (two reads).
 */
export async function readOpenQuizzesToTake(
  db: Database,
  memberId: string,
  orgId: string,
  now: Date,
  limit: number,
): Promise<Array<{ quizId: string; title: string; endAt: Date }>> {
  const _ = db.command;
  const { data } = await db
    .collection(QUIZZES)
    .where({ startAt: _.lte(now), endAt: _.gt(now) })
    .limit(limit)
    .field({ title: true, endAt: true, takingPart: true })
    .get();
  const open = data.filter((q) => !Array.isArray(q.takingPart) || q.takingPart.includes(orgId));
  if (!open.length) return [];
  const { data: attempts } = await db
    .collection(ATTEMPTS)
    .where({ memberId, quizId: _.in(open.map((q) => q._id)), status: 'submitted' })
    .limit(100)
    .field({ quizId: true })
    .get();
  const done = new Set(attempts.map((a) => str(a, 'quizId')));
  return open
    .filter((q) => !done.has(q._id))
    .map((q) => ({ quizId: q._id, title: str(q, 'title') ?? '', endAt: date(q.endAt) }));
}
