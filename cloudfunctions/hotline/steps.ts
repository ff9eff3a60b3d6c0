// The workflow actions: each reads the ticket, checks who may act, applies the transition table and writes the
// step with its timeline entry in one write; department counters change in the same call.
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import type { HotlineCategory, HotlineFlow, HotlineStatus } from '@/domain/hotline';
import {
  HOTLINE_OPEN_STATUSES,
  hotlineDue,
  hotlineMaskText,
  hotlineRatingCloses,
  hotlineRatingDelta,
  hotlinePhotosProblem,
  hotlineSearchKeys,
  hotlineTransition,
  hotlineWorkdaysBetween,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { readDirectory } from '../../server/directory';
import type { ActionContext } from '../../server/dispatch';
import { hotlineDeadlines } from '../../server/config';
import { checkContent } from '../../server/content-check';
import { notifyReply } from './notify';
import type { Actor } from './store';
import {
  bumpStats,
  TICKETS,
  nextFlow,
  numOrNull,
  readTicket,
  requireSubmitter,
  strOrNull,
  SYSTEM,
  timelineEntry,
  viewersOf,
  writeStep,
} from './store';

/** What every step answers: the ticket and its status after the step. */
export type Step = { ticketId: string; status: HotlineStatus };

export const ADMIN_ACTOR = (openid: string): Actor => ({ kind: 'admin', name: '机关工委', openid });
export const SUBMITTER = (openid: string): Actor => ({ kind: 'submitter', name: '诉求人', openid });

/** The ticket and the admin acting on it (the dispatch table already requires the admin role). */
export async function adminStep(ctx: ActionContext, ticketId: string): Promise<{ t: Doc; actor: Actor }> {
  const t = await readTicket(ctx.db, ticketId);
  return { t, actor: ADMIN_ACTOR(ctx.requireOpenid()) };
}

export async function accept(input: z.output<typeof hotlineSchemas.accept>, ctx: ActionContext): Promise<Step> {
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const flow = nextFlow(t, 'accept');
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'accept', flow.status, actor, input.note ?? null)], {
    flagged: false,
  });
  return { ticketId: t._id, status: flow.status };
}

export async function reject(input: z.output<typeof hotlineSchemas.reject>, ctx: ActionContext): Promise<Step> {
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const flow = nextFlow(t, 'reject');
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'reject', flow.status, actor, input.reason)], {
    rejectReason: input.reason,
  });
  return { ticketId: t._id, status: flow.status };
}

export async function assign(input: z.output<typeof hotlineSchemas.assign>, ctx: ActionContext): Promise<Step> {
  const [{ t, actor }, directory] = await Promise.all([adminStep(ctx, input.ticketId), readDirectory(ctx.db)]);
  const department = directory.departments.find((d) => d.departmentId === input.departmentId);
  if (!department) throw new AppError('NOT_FOUND', '部门不存在');
  const previous = strOrNull(t.departmentId);
  if (t.status === 'assigned' && previous === input.departmentId)
    throw new AppError('FAILED_PRECONDITION', `该诉求已交办给${department.name}`);
  const flow = nextFlow(t, 'assign');
  const note = [
    previous && previous !== input.departmentId ? `改派至${department.name}` : `交办至${department.name}`,
    input.note,
  ]
    .filter(Boolean)
    .join('：');
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'assign', flow.status, actor, note)], {
    departmentId: department.departmentId,
    departmentName: department.name,
    flagged: false,
  });
  // A ticket counts as received by the department that first answers it: before any reply it moves with a reassignment.
  const replied = Array.isArray(t.replies) && t.replies.length > 0;
  if (!replied) {
    if (previous && previous !== department.departmentId) await bumpStats(ctx.db, previous, { received: -1 });
    if (previous !== department.departmentId) await bumpStats(ctx.db, department.departmentId, { received: 1 });
  }
  return { ticketId: t._id, status: flow.status };
}

/** The public copy of a replied ticket: every text masked (also the contact name wherever it appears). */
function publicCopy(t: Doc, reply: string, score: number | null): Record<string, unknown> {
  const names = [strOrNull(t.contactName)].filter((n): n is string => n !== null);
  return {
    ticketNo: t.ticketNo,
    category: t.category,
    title: hotlineMaskText(String(t.title), names),
    content: hotlineMaskText(String(t.content), names),
    departmentName: t.departmentName,
    reply: hotlineMaskText(reply, names),
    repliedMs: Date.now(),
    createdAt: t.createdAt,
    score,
  };
}

/**
 * The fields that publish a replied ticket on the public board when its submitter allowed it and the content check
 * did not ask for a review: the masked copy and the board's search keys (bigrams of the masked texts). Empty
 * otherwise.
 */
export function publication(db: Database, t: Doc, reply: string): Record<string, unknown> {
  if (t.isPublic !== true || t.flagged === true) return {};
  const copy = publicCopy(t, reply, null);
  return {
    published: true,
    public: copy,
    searchKeys: hotlineSearchKeys([String(copy.title), String(copy.content), String(copy.reply)]),
    ...(t.published ? {} : { publishedAt: db.serverDate() }),
  };
}

export async function reply(
  input: z.output<typeof hotlineSchemas.reply>,
  ctx: ActionContext,
): Promise<HotlineApi['reply']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const [t, caller] = await Promise.all([readTicket(db, input.ticketId), ctx.caller()]);
  const viewers = viewersOf(t, openid, caller);
  if (!viewers.has('handler') && !viewers.has('admin'))
    throw new AppError('PERMISSION_DENIED', '只有诉求交办部门的经办人可以答复');
  const flow = nextFlow(t, 'reply');
  const photos = input.photos ?? [];
  const photoProblem = hotlinePhotosProblem(photos);
  if (photoProblem) throw new AppError('INVALID_ARGUMENT', photoProblem);
  const now = Date.now();
  const dueMs = Number(t.dueMs);
  const onTime = now <= dueMs;
  const departmentName = String(t.departmentName ?? '');
  const first = !(Array.isArray(t.replies) && t.replies.length > 0);
  const actor: Actor = viewers.has('handler') ? { kind: 'handler', name: departmentName, openid } : ADMIN_ACTOR(openid);
  const _ = db.command;
  await writeStep(db, t, flow, [timelineEntry(db, 'reply', flow.status, actor, null)], {
    replies: _.push([
      { content: input.content, departmentName, by: openid, at: db.serverDate(), atMs: now, onTime, photos },
    ]),
    repliedMs: now,
    // A subscription allows one message: this reply uses it up (a re-opened ticket needs a new one).
    ...(t.subscribe === true ? { subscribe: false } : {}),
    ...publication(db, t, input.content),
  });
  const department = strOrNull(t.departmentId);
  if (first && department) {
    await bumpStats(db, department, {
      replied: 1,
      repliedOnTime: onTime ? 1 : 0,
      replyWorkdays: hotlineWorkdaysBetween(Number(t.createdMs), now),
    });
  }
  if (t.subscribe === true) await notifyReply(db, t, departmentName);
  return { ticketId: t._id, status: flow.status, onTime };
}

export async function rate(input: z.output<typeof hotlineSchemas.rate>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const t = await readTicket(db, input.ticketId);
  requireSubmitter(t, openid);
  const rated = nextFlow(t, 'rate');
  const comment = input.comment ?? null;
  const check = comment
    ? await checkContent(openid, comment, { scene: 'profile', refusal: '评价内容含有不适宜的内容，请修改后再提交' })
    : null;
  const previous = Array.isArray(t.ratings) && t.ratings.length > 0 ? numOrNull(t.lastScore) : null;
  const flow = { ...rated, lastScore: input.score };
  const entries = [
    timelineEntry(db, 'rate', flow.status, SUBMITTER(openid), `${input.score} 分${comment ? `：${comment}` : ''}`),
  ];
  let final: HotlineFlow = flow;
  if (hotlineRatingCloses(input.score, flow.reopened)) {
    const closed = hotlineTransition(flow, 'close');
    if (closed.ok) {
      final = closed.flow;
      entries.push(timelineEntry(db, 'close', final.status, SYSTEM, '评价后自动办结'));
    }
  }
  const _ = db.command;
  const lastReply = Array.isArray(t.replies) && t.replies.length ? (t.replies[t.replies.length - 1] as Doc) : null;
  await writeStep(db, t, final, entries, {
    ratings: _.push([{ score: input.score, comment, commentCheck: check, at: db.serverDate() }]),
    ratedMs: Date.now(),
    ...(t.published === true && lastReply ? { public: publicCopy(t, String(lastReply.content), input.score) } : {}),
  });
  const department = strOrNull(t.departmentId);
  if (department) await bumpStats(db, department, hotlineRatingDelta(input.score, previous));
  return { ticketId: t._id, status: final.status };
}

export async function reopen(input: z.output<typeof hotlineSchemas.reopen>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const t = await readTicket(db, input.ticketId);
  requireSubmitter(t, openid);
  const flow = nextFlow(t, 'reopen');
  await checkContent(openid, input.reason, { scene: 'profile', refusal: '申请理由含有不适宜的内容，请修改后再提交' });
  // The department gets a fresh deadline for the second answer.
  const due = hotlineDue(Date.now(), t.category as HotlineCategory, hotlineDeadlines());
  await writeStep(db, t, flow, [timelineEntry(db, 'reopen', flow.status, SUBMITTER(openid), input.reason)], {
    dueMs: due.dueMs,
    dueDay: due.dueDay,
    overdue: false,
    dueSoonReminded: false,
  });
  return { ticketId: t._id, status: flow.status };
}

export async function withdraw(input: z.output<typeof hotlineSchemas.withdraw>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const t = await readTicket(ctx.db, input.ticketId);
  requireSubmitter(t, openid);
  const flow = nextFlow(t, 'withdraw');
  await writeStep(ctx.db, t, flow, [
    timelineEntry(ctx.db, 'withdraw', flow.status, SUBMITTER(openid), input.reason ?? null),
  ]);
  return { ticketId: t._id, status: flow.status };
}

/**
 * Records whether the submitter allowed the reply notice (wx.requestSubscribeMessage's answer). Only while a reply
 * is still awaited: the update is conditional on that, so it cannot land after a reply already went out.
 */
export async function subscribe(
  input: z.output<typeof hotlineSchemas.subscribe>,
  ctx: ActionContext,
): Promise<HotlineApi['subscribe']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const t = await readTicket(db, input.ticketId);
  requireSubmitter(t, openid);
  const awaiting = db.command.in(HOTLINE_OPEN_STATUSES);
  const { stats } = await db
    .collection(TICKETS)
    .where({ _id: t._id, openid, status: awaiting })
    .update({
      data: {
        subscribe: input.accepted,
        ...(input.progress === undefined ? {} : { progressSubscribe: input.progress }),
        subscribedAt: db.serverDate(),
      },
    });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '该诉求已答复或已结束，无需再订阅答复通知');
  return { ticketId: t._id, subscribed: input.accepted };
}

export async function close(input: z.output<typeof hotlineSchemas.close>, ctx: ActionContext): Promise<Step> {
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const flow = nextFlow(t, 'close');
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'close', flow.status, actor, input.note ?? null)]);
  return { ticketId: t._id, status: flow.status };
}
