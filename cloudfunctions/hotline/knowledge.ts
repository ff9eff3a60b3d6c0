// 知识库: admins keep answers to common questions; the submit page shows the ones that fit before an appeal is sent
// (one indexed read of at most 30 candidates by stored bigram keys), a person may stop there (直接答复, counted once
// per person, answer and day), and at triage an admin answers a ticket with one (it becomes the ticket's reply).
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import type { KnowledgeAnswer, KnowledgeItem } from '@/domain/api/hotline-public';
import type { HotlineCategory } from '@/domain/hotline';
import {
  HOTLINE_KNOWLEDGE_CANDIDATES,
  hotlineKnowledgeKeys,
  hotlineKnowledgeQueryKeys,
  hotlineKnowledgeRank,
  hotlineShanghaiDay,
  hotlineWorkdaysBetween,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, readPage } from '../../server/db';
import { readDirectory } from '../../server/directory';
import type { ActionContext } from '../../server/dispatch';
import { newId } from '../../server/ids';
import { publication } from './steps';
import { bumpStats, COUNTERS, nextFlow, readTicket, strOrNull, timelineEntry, writeStep } from './store';
import { shanghaiIso } from '../../server/time';

/** The answers (`_id` = knowledgeId), with their lookup keys. */
export const KNOWLEDGE = 'hotline_knowledge';
/** Answers per page of the admin's list. */
export const KNOWLEDGE_PAGE_SIZE = 50;

function answerOf(k: Doc): KnowledgeAnswer {
  return {
    knowledgeId: k._id,
    title: String(k.title ?? ''),
    answer: String(k.answer ?? ''),
    departmentName: String(k.departmentName ?? ''),
  };
}

function itemOf(k: Doc): KnowledgeItem {
  return {
    ...answerOf(k),
    keywords: Array.isArray(k.keywords) ? (k.keywords as string[]) : [],
    category: (strOrNull(k.category) as HotlineCategory | null) ?? null,
    departmentId: String(k.departmentId ?? ''),
    active: k.active === true,
    helpful: Number(k.helpful) || 0,
    used: Number(k.used) || 0,
    updatedAt: shanghaiIso(k.updatedAt),
  };
}

async function readKnowledge(db: Database, knowledgeId: string): Promise<Doc> {
  const { data } = await db.collection(KNOWLEDGE).doc(knowledgeId).get();
  if (!data) throw new AppError('NOT_FOUND', '知识库条目不存在');
  return data;
}

export async function knowledgeSearch(
  input: z.output<typeof hotlineSchemas.knowledgeSearch>,
  ctx: ActionContext,
): Promise<HotlineApi['knowledgeSearch']['output']> {
  const content = input.content ?? '';
  const keys = hotlineKnowledgeQueryKeys(input.title, content);
  if (keys.length === 0) return { answers: [] };
  const { data } = await ctx.db
    .collection(KNOWLEDGE)
    .where({ active: true, keys: ctx.db.command.in(keys) })
    .field({ title: true, answer: true, keywords: true, category: true, departmentName: true })
    .limit(HOTLINE_KNOWLEDGE_CANDIDATES)
    .get();
  const items = data.map((d) => ({
    doc: d,
    title: String(d.title ?? ''),
    keywords: Array.isArray(d.keywords) ? (d.keywords as string[]) : [],
    category: strOrNull(d.category),
  }));
  const ranked = hotlineKnowledgeRank(items, `${input.title}\n${content}`, input.category ?? null);
  return { answers: ranked.map((r) => answerOf(r.doc)) };
}

export async function knowledgeHelpful(
  input: z.output<typeof hotlineSchemas.knowledgeHelpful>,
  ctx: ActionContext,
): Promise<HotlineApi['knowledgeHelpful']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const k = await readKnowledge(db, input.knowledgeId);
  if (k.active !== true) throw new AppError('FAILED_PRECONDITION', '该答复已停用');
  const day = hotlineShanghaiDay(Date.now());
  try {
    await db.collection(COUNTERS).add({
      data: { _id: `helpful:${day}:${k._id}:${openid}`, day, knowledgeId: k._id, openid, at: db.serverDate() },
    });
  } catch (e) {
    if (isDuplicateKeyError(e)) return { knowledgeId: k._id, counted: false };
    throw e;
  }
  await db
    .collection(KNOWLEDGE)
    .doc(k._id)
    .update({ data: { helpful: db.command.inc(1) } });
  await bumpStats(db, String(k.departmentId), { directSelf: 1 });
  return { knowledgeId: k._id, counted: true };
}

export async function knowledgeList(
  input: z.output<typeof hotlineSchemas.knowledgeList>,
  ctx: ActionContext,
): Promise<HotlineApi['knowledgeList']['output']> {
  const page = input.page ?? 1;
  const query = ctx.db.collection(KNOWLEDGE);
  const filtered = input.includeInactive ? query.where({ kind: 'answer' }) : query.where({ active: true });
  const { rows, hasMore } = await readPage(filtered.orderBy('updatedAt', 'desc'), page - 1, KNOWLEDGE_PAGE_SIZE);
  return { items: rows.map(itemOf), hasMore };
}

export async function knowledgeSave(
  input: z.output<typeof hotlineSchemas.knowledgeSave>,
  ctx: ActionContext,
): Promise<HotlineApi['knowledgeSave']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const directory = await readDirectory(db);
  const department = directory.departments.find((d) => d.departmentId === input.departmentId);
  if (!department) throw new AppError('NOT_FOUND', '答复部门不存在');
  const keywords = [...new Set(input.keywords)];
  const fields = {
    kind: 'answer',
    title: input.title,
    answer: input.answer,
    keywords,
    keys: hotlineKnowledgeKeys({ title: input.title, keywords }),
    category: input.category ?? null,
    departmentId: department.departmentId,
    departmentName: department.name,
    active: input.active,
    updatedBy: openid,
    updatedAt: db.serverDate(),
  };
  if (input.knowledgeId) {
    const { stats } = await db.collection(KNOWLEDGE).doc(input.knowledgeId).update({ data: fields });
    if (stats.updated !== 1) throw new AppError('NOT_FOUND', '知识库条目不存在');
    return { knowledgeId: input.knowledgeId };
  }
  const knowledgeId = newId('kb');
  await db.collection(KNOWLEDGE).add({
    data: { _id: knowledgeId, ...fields, helpful: 0, used: 0, createdAt: db.serverDate() },
  });
  return { knowledgeId };
}

/**
 * Answers a ticket at triage with a knowledge answer: the answer becomes the reply of the answer's department
 * (received and replied on time there, and a 直接答复), published like a reply when allowed; the submitter rates it.
 */
export async function answerWithKnowledge(
  input: z.output<typeof hotlineSchemas.answerWithKnowledge>,
  ctx: ActionContext,
): Promise<HotlineApi['answerWithKnowledge']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const [t, k] = await Promise.all([readTicket(db, input.ticketId), readKnowledge(db, input.knowledgeId)]);
  if (k.active !== true) throw new AppError('FAILED_PRECONDITION', '该答复已停用');
  const flow = nextFlow(t, 'answer');
  const now = Date.now();
  const departmentId = String(k.departmentId);
  const departmentName = String(k.departmentName ?? '');
  const content = input.note ? `${String(k.answer)}\n\n${input.note}` : String(k.answer);
  const _ = db.command;
  await writeStep(
    db,
    t,
    flow,
    [
      timelineEntry(
        db,
        'answer',
        flow.status,
        { kind: 'admin', name: '机关工委', openid },
        `依据知识库“${String(k.title)}”答复（${departmentName}口径）`,
      ),
    ],
    {
      departmentId,
      departmentName,
      knowledgeId: k._id,
      replies: _.push([
        { content, departmentName, by: openid, at: db.serverDate(), atMs: now, onTime: true, knowledgeId: k._id },
      ]),
      repliedMs: now,
      ...publication(db, { ...t, departmentName }, content),
    },
  );
  await db
    .collection(KNOWLEDGE)
    .doc(k._id)
    .update({ data: { used: _.inc(1) } });
  await bumpStats(db, departmentId, {
    received: 1,
    replied: 1,
    repliedOnTime: 1,
    replyWorkdays: hotlineWorkdaysBetween(Number(t.createdMs), now),
    directTriage: 1,
  });
  return { ticketId: t._id, status: flow.status };
}
