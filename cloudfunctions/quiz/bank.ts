// The question bank: import (action and Excel file, duplicates by stem updated), the template, list, edit, retire.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { ImportError, QuestionAdminRow, QuizApi, quizSchemas } from '@/domain/api/quiz';
import { IMPORT_MAX_QUESTIONS, QUIZ_PAGE_SIZE } from '@/domain/api/quiz';
import type { BankQuestion } from '@/domain/quiz';
import {
  QUIZ_SHEET_COLUMNS,
  QUIZ_SHEET_EXAMPLES,
  QUIZ_SHEET_NOTES,
  quizIsSample,
  quizNormaliseQuestion,
  quizQuestionId,
  quizSheetRows,
  quizStemKey,
} from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { containing, findIn, isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { parseQuestion, putBankEntries, QUESTIONS, questionContent, readBankPool } from './store';
import { readUploadedWorkbook, uploadForDownload } from '../../server/xlsx';
import { shanghaiIso } from '../../server/time';

/** Writes in flight at once during an import (the database takes them in parallel; 500 one by one is too slow). */
const WRITE_CONCURRENCY = 20;

interface Candidate {
  /** Where the question came from, for error messages. */
  index: number;
  question: BankQuestion;
  key: string;
}

function questionData(q: BankQuestion, key: string, db: Database): Record<string, unknown> {
  return {
    type: q.type,
    stem: q.stem,
    stemKey: key,
    options: q.options,
    answer: q.answer,
    analysis: q.analysis,
    tags: q.tags,
    updatedAt: db.serverDate(),
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(work));
}

/** Id suffixes tried when a stem's hashed id is held by a question whose stem was edited since. */
const ID_SUFFIXES = ['', '-1', '-2', '-3'];

/**
 * Adds a new question under the id hashed from its stem. If that insert collides: a question with the same stem key
 * now exists (a concurrent import; the unique stemKey index) -> `{ existing }`; otherwise the id belongs to a
 * question whose stem was edited away from this one, and the next suffixed id is tried.
 */
async function addQuestion(db: Database, q: BankQuestion, key: string): Promise<{ id: string } | { existing: Doc }> {
  for (const suffix of ID_SUFFIXES) {
    const id = `${quizQuestionId(q.stem)}${suffix}`;
    try {
      await db.collection(QUESTIONS).add({
        data: { _id: id, ...questionData(q, key, db), retired: false, createdAt: db.serverDate() },
      });
      return { id };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const { data } = await db.collection(QUESTIONS).where({ stemKey: key }).limit(1).get();
      if (data[0]) return { existing: data[0] };
    }
  }
  throw new AppError('INTERNAL', '题目编号冲突，请稍后重试');
}

/**
 * Stores validated questions: an existing question with the same stem key is updated in place (its retired state
 * kept); a new one is added under the id hashed from its stem, so that two imports of the same new stem at once
 * address one document (the loser of the race updates instead). Cost: one read per 100 stems, one write per
 * question, and one write of the bank's pool document.
 */
async function storeQuestions(db: Database, candidates: Candidate[]): Promise<{ imported: number; updated: number }> {
  const existing = await findIn(
    db,
    QUESTIONS,
    'stemKey',
    candidates.map((c) => c.key),
    { stemKey: true, retired: true },
  );
  const byKey = new Map(existing.map((d) => [String(d.stemKey), d]));
  let imported = 0;
  let updated = 0;
  const pool: Record<string, { type: BankQuestion['type']; tags: string[] }> = {};
  const update = async (doc: Doc, c: Candidate) => {
    await db
      .collection(QUESTIONS)
      .doc(doc._id)
      .update({ data: questionData(c.question, c.key, db) });
    updated++;
    if (doc.retired !== true) pool[doc._id] = { type: c.question.type, tags: c.question.tags };
  };
  await inBatches(candidates, WRITE_CONCURRENCY, async (c) => {
    const found = byKey.get(c.key);
    if (found) return update(found, c);
    const added = await addQuestion(db, c.question, c.key);
    if ('existing' in added) return update(added.existing, c);
    imported++;
    pool[added.id] = { type: c.question.type, tags: c.question.tags };
  });
  await putBankEntries(db, pool);
  return { imported, updated };
}

/** Validates raw questions into candidates; a repeated stem in the same batch is an error on the later one. */
function validate(
  raws: ReadonlyArray<{ index: number; raw: unknown }>,
  label: (index: number) => string,
): { candidates: Candidate[]; errors: ImportError[]; skippedSamples: number } {
  const candidates: Candidate[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  let skippedSamples = 0;
  for (const { index, raw } of raws) {
    // The template's own examples: left in by most people who fill it in, never meant as questions.
    if (quizIsSample(raw)) {
      skippedSamples++;
      continue;
    }
    const r = quizNormaliseQuestion(raw);
    if (!r.ok) {
      errors.push({ index, message: `${label(index)}：${r.message}` });
      continue;
    }
    const key = quizStemKey(r.question.stem);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ index, message: `${label(index)}：与${label(first)}题干相同，已跳过` });
      continue;
    }
    seen.set(key, index);
    candidates.push({ index, question: r.question, key });
  }
  return { candidates, errors, skippedSamples };
}

export async function importQuestions(
  input: z.output<typeof quizSchemas.importQuestions>,
  ctx: ActionContext,
): Promise<QuizApi['importQuestions']['output']> {
  const { candidates, errors, skippedSamples } = validate(
    input.questions.map((raw, index) => ({ index, raw })),
    (i) => `第 ${i + 1} 题`,
  );
  const counts = candidates.length ? await storeQuestions(ctx.db, candidates) : { imported: 0, updated: 0 };
  return { ...counts, errors, skippedSamples };
}

export async function importQuestionsFile(
  input: z.output<typeof quizSchemas.importQuestionsFile>,
  ctx: ActionContext,
): Promise<QuizApi['importQuestionsFile']['output']> {
  const sheets = await readUploadedWorkbook(input.fileID, IMPORT_MAX_QUESTIONS, '（可先下载模板）');
  let problem = '表格是空的';
  for (const sheet of sheets) {
    const rows = quizSheetRows(sheet);
    if ('error' in rows) {
      if (sheet.length) problem = rows.error;
      continue;
    }
    if (rows.length === 0) throw new AppError('INVALID_ARGUMENT', '表格中没有题目');
    if (rows.length > IMPORT_MAX_QUESTIONS)
      throw new AppError('INVALID_ARGUMENT', `一次最多导入 ${IMPORT_MAX_QUESTIONS} 题，请分批导入`);
    const sheetErrors: ImportError[] = rows.flatMap((r) => (r.ok ? [] : [{ index: r.rowNumber, message: r.message }]));
    const { candidates, errors, skippedSamples } = validate(
      rows.flatMap((r) => (r.ok ? [{ index: r.rowNumber, raw: r.raw }] : [])),
      (row) => `第 ${row} 行`,
    );
    const counts = candidates.length ? await storeQuestions(ctx.db, candidates) : { imported: 0, updated: 0 };
    return { ...counts, errors: [...sheetErrors, ...errors].sort((a, b) => a.index - b.index), skippedSamples };
  }
  throw new AppError('INVALID_ARGUMENT', problem);
}

/** The template workbook: notes, the header, one example per type. */
export async function templateWorkbook(): Promise<Buffer> {
  // Loaded on first use: exceljs is most of this bundle and `start` should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('题库');
  sheet.addRow([`题库导入模板：${QUIZ_SHEET_NOTES.join(' ')}`]);
  sheet.mergeCells(1, 1, 1, QUIZ_SHEET_COLUMNS.length);
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).height = 48;
  sheet.addRow([...QUIZ_SHEET_COLUMNS]).font = { bold: true };
  for (const row of QUIZ_SHEET_EXAMPLES) sheet.addRow(row);
  sheet.getColumn(2).width = 40;
  for (let c = 3; c <= 8; c++) sheet.getColumn(c).width = 18;
  sheet.getColumn(10).width = 30;
  sheet.getColumn(11).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function questionTemplate(): Promise<QuizApi['questionTemplate']['output']> {
  return uploadForDownload('templates/quiz', '题库导入模板.xlsx', await templateWorkbook());
}

function adminRow(doc: Doc): QuestionAdminRow {
  const q = parseQuestion(doc);
  return {
    ...questionContent(q),
    tags: q.tags,
    retired: q.retired,
    updatedAt: q.updatedAt instanceof Date ? shanghaiIso(q.updatedAt) : '',
  };
}

/** Admins: a page of the bank, newest edits first, by words in the stem, tag, type and status (three reads). */
export async function listQuestions(
  input: z.output<typeof quizSchemas.listQuestions>,
  ctx: ActionContext,
): Promise<QuizApi['listQuestions']['output']> {
  const { db } = ctx;
  const where: Record<string, unknown> = {};
  if (input.query) where.stem = containing(input.query, 'i');
  if (input.tag) where.tags = input.tag;
  if (input.type) where.type = input.type;
  if (input.status) where.retired = input.status === 'retired';
  const page = input.page ?? 0;
  const [list, count, pool] = await Promise.all([
    db
      .collection(QUESTIONS)
      .where(where)
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'asc')
      .skip(page * QUIZ_PAGE_SIZE)
      .limit(QUIZ_PAGE_SIZE)
      .get(),
    db.collection(QUESTIONS).where(where).count(),
    readBankPool(db),
  ]);
  const tags = [...new Set(pool.flatMap((q) => q.tags))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { questions: list.data.map(adminRow), total: count.total, tags };
}

/** Admins: adds a question or edits one; a stem another question already has is refused. */
export async function saveQuestion(
  input: z.output<typeof quizSchemas.saveQuestion>,
  ctx: ActionContext,
): Promise<QuizApi['saveQuestion']['output']> {
  const { db } = ctx;
  const { questionId, ...raw } = input;
  const r = quizNormaliseQuestion(raw);
  if (!r.ok) throw new AppError('INVALID_ARGUMENT', r.message);
  const key = quizStemKey(r.question.stem);
  const [current, same] = await Promise.all([
    questionId ? db.collection(QUESTIONS).doc(questionId).get() : Promise.resolve({ data: null }),
    db.collection(QUESTIONS).where({ stemKey: key }).limit(1).get(),
  ]);
  if (questionId && !current.data) throw new AppError('NOT_FOUND', '题目不存在');
  const clash = same.data.find((d) => d._id !== questionId);
  if (clash) throw new AppError('ALREADY_EXISTS', '题库中已有题干相同的题目，请直接编辑那道题');
  const data = questionData(r.question, key, db);
  let id: string;
  let retired = false;
  if (current.data) {
    id = current.data._id;
    retired = current.data.retired === true;
    await db.collection(QUESTIONS).doc(id).update({ data });
  } else {
    const added = await addQuestion(db, r.question, key);
    if ('existing' in added) throw new AppError('ALREADY_EXISTS', '题库中已有题干相同的题目，请直接编辑那道题');
    id = added.id;
  }
  if (!retired) await putBankEntries(db, { [id]: { type: r.question.type, tags: r.question.tags } });
  return { questionId: id };
}

/** Admins: takes a question out of new draws and practice (or puts it back); attempts already drawn keep it. */
export async function retireQuestion(
  input: z.output<typeof quizSchemas.retireQuestion>,
  ctx: ActionContext,
): Promise<QuizApi['retireQuestion']['output']> {
  const { db } = ctx;
  const { data } = await db.collection(QUESTIONS).doc(input.questionId).get();
  if (!data) throw new AppError('NOT_FOUND', '题目不存在');
  const q = parseQuestion(data);
  await db
    .collection(QUESTIONS)
    .doc(q.questionId)
    .update({ data: { retired: input.retired, updatedAt: db.serverDate() } });
  await putBankEntries(db, { [q.questionId]: input.retired ? null : { type: q.type, tags: q.tags } });
  return { retired: input.retired };
}
