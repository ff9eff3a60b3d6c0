// 并单: at submit a new appeal is compared with the open ones of the same category and department from the last 30
// days (one indexed read of at most 20 candidates, found by shared MinHash keys, never a scan), and the similar ones
// are stored on it as suggestions; at triage the admin merges it into one. A merged ticket follows its parent's
// progress and reply, and its submitter is told.
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import type { ParentProgress } from '@/domain/api/hotline-public';
import type { HotlineSimilarMatch, HotlineStatus } from '@/domain/hotline';
import {
  HOTLINE_OPEN_STATUSES,
  HOTLINE_SIMILAR_CANDIDATES,
  HOTLINE_SIMILAR_DAYS,
  HOTLINE_STATUS_NAMES,
  hotlineMinhashKeys,
  hotlineSimilarMatches,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { replyMessage, sendIfConfigured } from './notify';
import { bumpStats, nextFlow, readTicket, REMINDERS, strOrNull, TICKETS, timelineEntry, writeStep } from './store';
import { shanghaiIso } from '../../server/time';
import { hotlineReplyTemplateId } from '../../server/config';

const DAY_MS = 24 * 3600 * 1000;

/** What submit stores for the duplicate check: the keys, the department it is compared within, the suggestions. */
export interface SimilarityFields {
  simKeys: string[];
  simDept: string;
  similar: HotlineSimilarMatch[];
}

/**
 * The duplicate check of a new appeal: one query on (category, department, MinHash keys, last 30 days, open), at
 * most 20 candidates, then the exact bigram comparison on those.
 */
export async function similarityCheck(
  db: Database,
  appeal: { category: string; title: string; content: string; departmentId: string | null },
  nowMs: number,
): Promise<SimilarityFields> {
  const simKeys = hotlineMinhashKeys(`${appeal.title}\n${appeal.content}`);
  const simDept = appeal.departmentId ?? '';
  if (simKeys.length === 0) return { simKeys, simDept, similar: [] };
  const _ = db.command;
  const { data } = await db
    .collection(TICKETS)
    .where({
      category: appeal.category,
      simDept,
      simKeys: _.in(simKeys),
      createdMs: _.gte(nowMs - HOTLINE_SIMILAR_DAYS * DAY_MS),
      status: _.in(HOTLINE_OPEN_STATUSES),
    })
    .field({ ticketNo: true, title: true, content: true })
    .limit(HOTLINE_SIMILAR_CANDIDATES)
    .get();
  const similar = hotlineSimilarMatches(
    `${appeal.title}\n${appeal.content}`,
    data.map((d) => ({
      ticketId: d._id,
      ticketNo: String(d.ticketNo),
      title: String(d.title ?? ''),
      content: String(d.content ?? ''),
    })),
  );
  return { simKeys, simDept, similar };
}

/** Records (and where configured, sends) the notice that a ticket was merged into another. */
async function notifyMerged(db: Database, t: Doc, parent: Doc): Promise<void> {
  const message = replyMessage(t, String(parent.departmentName ?? '') || '机关工委', hotlineReplyTemplateId());
  message.data.phrase4 = { value: '已并单' };
  const { sent, error } =
    t.subscribe === true ? await sendIfConfigured(message) : { sent: 'not-subscribed', error: null };
  try {
    await db.collection(REMINDERS).add({
      data: {
        _id: `${t._id}:merge-notice`,
        kind: 'merge-notice',
        ticketId: t._id,
        ticketNo: t.ticketNo,
        parentId: parent._id,
        parentNo: parent.ticketNo,
        departmentId: t.departmentId ?? null,
        openid: t.openid,
        message,
        sent,
        error,
        createdAt: db.serverDate(),
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

/** Parents a ticket may be merged into: one still being handled or already answered. */
const PARENT_STATUSES: readonly HotlineStatus[] = [...HOTLINE_OPEN_STATUSES, 'replied', 'rated', 'closed'];

export async function merge(
  input: z.output<typeof hotlineSchemas.merge>,
  ctx: ActionContext,
): Promise<HotlineApi['merge']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  if (input.ticketId === input.parentId) throw new AppError('INVALID_ARGUMENT', '不能把诉求并入它自己');
  const [t, parent] = await Promise.all([readTicket(db, input.ticketId), readTicket(db, input.parentId)]);
  if (!PARENT_STATUSES.includes(parent.status as HotlineStatus))
    throw new AppError('FAILED_PRECONDITION', `诉求 ${String(parent.ticketNo)} 已不予受理、撤回或已并单，不能再并入`);
  const flow = nextFlow(t, 'merge');
  const actor = { kind: 'admin' as const, name: '机关工委', openid };
  await writeStep(
    db,
    t,
    flow,
    [timelineEntry(db, 'merge', flow.status, actor, `与诉求 ${String(parent.ticketNo)} 反映的是同一问题，已并入办理`)],
    {
      parentId: parent._id,
      parentNo: parent.ticketNo,
      mergedMs: Date.now(),
      // The merge notice below uses up the one message the submitter allowed.
      ...(t.subscribe === true ? { subscribe: false } : {}),
    },
  );
  // The parent records its duplicates with atomic pushes (its status and version do not change).
  const _ = db.command;
  await db
    .collection(TICKETS)
    .doc(parent._id)
    .update({
      data: {
        mergedIds: _.push([t._id]),
        mergedNos: _.push([t.ticketNo]),
        timeline: _.push([
          timelineEntry(db, 'merge', parent.status as HotlineStatus, actor, `并入诉求 ${String(t.ticketNo)}`),
        ]),
      },
    });
  // Counted as a duplicate of the parent's department; a child already received by a department leaves its count.
  const childDept = strOrNull(t.departmentId);
  const repliedChild = Array.isArray(t.replies) && t.replies.length > 0;
  if (childDept && !repliedChild) await bumpStats(db, childDept, { received: -1 });
  const parentDept = strOrNull(parent.departmentId) ?? strOrNull(parent.requestedDepartmentId) ?? childDept;
  if (parentDept) await bumpStats(db, parentDept, { merged: 1 });
  await notifyMerged(db, t, parent);
  return { ticketId: t._id, status: flow.status, parentId: parent._id, parentNo: String(parent.ticketNo) };
}

/** What a merged ticket shows of its parent (one more read in `get`). */
export async function parentProgress(db: Database, t: Doc): Promise<ParentProgress | null> {
  const parentId = strOrNull(t.parentId);
  if (t.status !== 'merged' || !parentId) return null;
  const { data: p } = await db.collection(TICKETS).doc(parentId).get();
  if (!p) return null;
  const status = p.status as HotlineStatus;
  return {
    ticketId: p._id,
    ticketNo: String(p.ticketNo),
    status,
    statusName: HOTLINE_STATUS_NAMES[status],
    departmentName: strOrNull(p.departmentName),
    replies: (Array.isArray(p.replies) ? (p.replies as Doc[]) : []).map((r) => ({
      content: String(r.content ?? ''),
      departmentName: String(r.departmentName ?? ''),
      at: shanghaiIso(r.at),
    })),
  };
}
