// What other functions may read of the 知识竞赛 storage (the `live` function draws its questions from the bank).
import type { Database } from '../../server/db';
import { findIn } from '../../server/db';
import type { StoredQuestion } from './store';
import { parseQuestion, QUESTIONS } from './store';

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
