// The 12345 handling loop (issue 15): 退单 and 异议审核, 延期申请 and its review, 主办/协办, 回访 and re-opening an
// unsolved ticket, the one 追问 and its answer, the submitter's 催办, the 通报 list and the statistics export.
// Every step is a row of the workflow table (src/domain/hotline/workflow.ts) written with its timeline entry in one
// version-checked write (store.writeStep); department counters change in the same call.
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas, ReportedTicket } from '@/domain/api/hotline';
import type { HotlineCategory } from '@/domain/hotline';
import {
  HOTLINE_OPEN_STATUSES,
  hotlineAfterVisit,
  hotlineDue,
  hotlineExtendDue,
  hotlineExtensionProblem,
  hotlineMaskText,
  hotlineShanghaiDay,
  hotlineVisitDelta,
  hotlineWorkdaysBetween,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import { handlerScopes } from '../../server/caller';
import { hotlineDeadlines } from '../../server/config';
import { checkContent } from '../../server/content-check';
import type { Doc } from '../../server/db';
import { readPage } from '../../server/db';
import { readDirectory } from '../../server/directory';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiIso } from '../../server/time';
import { notifySubmitter, remindDepartment } from './notify';
import { ADMIN_ACTOR, adminStep, type Step, SUBMITTER } from './steps';
import type { Actor } from './store';
import {
  bumpStats,
  nextFlow,
  readTicket,
  requireSubmitter,
  strOrNull,
  SUMMARY_FIELDS,
  summaryOf,
  TICKETS,
  timelineEntry,
  viewersOf,
  writeStep,
} from './store';

/** The ticket and the lead department's handler acting on it (an admin too where `adminToo`). */
async function leadStep(ctx: ActionContext, ticketId: string, adminToo: boolean): Promise<{ t: Doc; actor: Actor }> {
  const openid = ctx.requireOpenid();
  const [t, caller] = await Promise.all([readTicket(ctx.db, ticketId), ctx.caller()]);
  const viewers = viewersOf(t, openid, caller);
  if (viewers.has('handler')) return { t, actor: { kind: 'handler', name: String(t.departmentName ?? ''), openid } };
  if (adminToo && viewers.has('admin')) return { t, actor: ADMIN_ACTOR(openid) };
  throw new AppError('PERMISSION_DENIED', '只有诉求交办（主办）部门的经办人可以这样做');
}

const replied = (t: Doc) => Array.isArray(t.replies) && t.replies.length > 0;

export async function returnTicket(
  input: z.output<typeof hotlineSchemas.returnTicket>,
  ctx: ActionContext,
): Promise<Step> {
  const { t, actor } = await leadStep(ctx, input.ticketId, false);
  const flow = nextFlow(t, 'return');
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'return', flow.status, actor, input.reason)], {
    returnRequest: {
      reason: input.reason,
      departmentId: t.departmentId,
      departmentName: t.departmentName,
      by: actor.openid,
      atMs: Date.now(),
    },
  });
  return { ticketId: t._id, status: flow.status };
}

export async function reviewReturn(
  input: z.output<typeof hotlineSchemas.reviewReturn>,
  ctx: ActionContext,
): Promise<Step> {
  const { db } = ctx;
  if (!input.accept) {
    const { t, actor } = await adminStep(ctx, input.ticketId);
    const flow = nextFlow(t, 'returnReject');
    const note = ['退单理由不成立，仍由原部门办理', input.note].filter(Boolean).join('：');
    await writeStep(db, t, flow, [timelineEntry(db, 'returnReject', flow.status, actor, note)], {
      returnRequest: null,
    });
    return { ticketId: t._id, status: flow.status };
  }
  if (!input.departmentId) throw new AppError('INVALID_ARGUMENT', '同意退单时请选择改派的部门');
  const [{ t, actor }, directory] = await Promise.all([adminStep(ctx, input.ticketId), readDirectory(db)]);
  const department = directory.departments.find((d) => d.departmentId === input.departmentId);
  if (!department) throw new AppError('NOT_FOUND', '部门不存在');
  const previous = strOrNull(t.departmentId);
  if (previous === department.departmentId) throw new AppError('FAILED_PRECONDITION', '请改派给退单部门以外的部门');
  const flow = nextFlow(t, 'returnAccept');
  const note = [`同意退单，改派至${department.name}（办理期限不变）`, input.note].filter(Boolean).join('：');
  const co = (Array.isArray(t.coDepartments) ? (t.coDepartments as Doc[]) : []).filter(
    (c) => c.departmentId !== department.departmentId,
  );
  await writeStep(db, t, flow, [timelineEntry(db, 'returnAccept', flow.status, actor, note)], {
    departmentId: department.departmentId,
    departmentName: department.name,
    returnRequest: null,
    extensionRequest: null,
    coDepartments: co,
    coDepartmentIds: co.map((c) => c.departmentId),
  });
  // 退单数 counts accepted returns of the department that returned it; the ticket moves to the new one's count.
  const moves = !replied(t);
  if (previous) await bumpStats(db, previous, { returned: 1, received: moves ? -1 : 0 });
  if (moves) await bumpStats(db, department.departmentId, { received: 1 });
  return { ticketId: t._id, status: flow.status };
}

export async function requestExtension(
  input: z.output<typeof hotlineSchemas.requestExtension>,
  ctx: ActionContext,
): Promise<HotlineApi['requestExtension']['output']> {
  const { t, actor } = await leadStep(ctx, input.ticketId, false);
  const flow = nextFlow(t, 'extend');
  const now = Date.now();
  const problem = hotlineExtensionProblem(now, Number(t.dueMs), input.days);
  if (problem) throw new AppError('FAILED_PRECONDITION', problem);
  const proposed = hotlineExtendDue(String(t.dueDay), input.days);
  const note = `申请延期 ${input.days} 个工作日（至 ${proposed.dueDay}）：${input.reason}`;
  await writeStep(ctx.db, t, flow, [timelineEntry(ctx.db, 'extend', flow.status, actor, note)], {
    extensionPending: true,
    extensionRequest: { days: input.days, reason: input.reason, by: actor.openid, atMs: now },
  });
  return { ticketId: t._id, status: flow.status, proposedDueAt: shanghaiIso(proposed.dueMs) };
}

export async function reviewExtension(
  input: z.output<typeof hotlineSchemas.reviewExtension>,
  ctx: ActionContext,
): Promise<HotlineApi['reviewExtension']['output']> {
  const { db } = ctx;
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const request = (t.extensionRequest ?? null) as Doc | null;
  const flow = nextFlow(t, input.approve ? 'extendApprove' : 'extendRefuse');
  if (!request) throw new AppError('FAILED_PRECONDITION', '该诉求没有待审核的延期申请');
  const days = Number(request.days);
  if (!input.approve) {
    const note = ['不同意延期，请按原期限办理', input.note].filter(Boolean).join('：');
    await writeStep(db, t, flow, [timelineEntry(db, 'extendRefuse', flow.status, actor, note)], {
      extensionPending: false,
      extensionRequest: null,
    });
    return { ticketId: t._id, status: flow.status, dueAt: shanghaiIso(t.dueMs) };
  }
  // Counted on from the deadline in force when it was asked for, across holidays and 调休.
  const due = hotlineExtendDue(String(t.dueDay), days);
  const note = [`同意延期 ${days} 个工作日，办理期限延至 ${due.dueDay}`, input.note].filter(Boolean).join('：');
  const _ = db.command;
  await writeStep(db, t, flow, [timelineEntry(db, 'extendApprove', flow.status, actor, note)], {
    extensionPending: false,
    extensionRequest: null,
    extendedDays: _.inc(days),
    dueMs: due.dueMs,
    dueDay: due.dueDay,
    overdue: due.dueMs < Date.now(),
    dueSoonReminded: false,
  });
  await bumpStats(db, String(t.departmentId), { extended: 1 });
  await notifySubmitter(db, t, 'extension', `您的诉求 ${String(t.ticketNo)} 办理期限经审核延至 ${due.dueDay}`, {
    phrase: '已延期',
    dueDay: due.dueDay,
    note: `办理期限延长${days}个工作日`,
  });
  return { ticketId: t._id, status: flow.status, dueAt: shanghaiIso(due.dueMs) };
}

export async function cohandle(
  input: z.output<typeof hotlineSchemas.cohandle>,
  ctx: ActionContext,
): Promise<HotlineApi['cohandle']['output']> {
  const { db } = ctx;
  const [{ t, actor }, directory] = await Promise.all([adminStep(ctx, input.ticketId), readDirectory(db)]);
  const flow = nextFlow(t, 'cohandle');
  const ids = [...new Set(input.departmentIds)];
  if (ids.includes(String(t.departmentId))) throw new AppError('INVALID_ARGUMENT', '主办部门不能同时是协办部门');
  const names = new Map(directory.departments.map((d) => [d.departmentId, d.name]));
  const unknown = ids.find((id) => !names.has(id));
  if (unknown) throw new AppError('NOT_FOUND', '协办部门不存在');
  const before = new Map(
    (Array.isArray(t.coDepartments) ? (t.coDepartments as Doc[]) : []).map((c) => [String(c.departmentId), c]),
  );
  const co = ids.map(
    (id) => before.get(id) ?? { departmentId: id, name: names.get(id), part: null, atMs: null, by: null },
  );
  const note = co.length ? `协办部门：${co.map((c) => String(c.name)).join('、')}` : '取消协办部门';
  await writeStep(db, t, flow, [timelineEntry(db, 'cohandle', flow.status, actor, note)], {
    coDepartments: co,
    coDepartmentIds: ids,
  });
  return { ticketId: t._id, status: flow.status, departmentIds: ids };
}

export async function coReply(input: z.output<typeof hotlineSchemas.coReply>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const [t, caller] = await Promise.all([readTicket(db, input.ticketId), ctx.caller()]);
  const co = Array.isArray(t.coDepartments) ? (t.coDepartments as Doc[]) : [];
  const mine = co.filter((c) => handlerScopes(caller).includes(String(c.departmentId)));
  if (mine.length === 0) throw new AppError('PERMISSION_DENIED', '只有该诉求协办部门的经办人可以填写协办意见');
  const entry = input.departmentId ? mine.find((c) => c.departmentId === input.departmentId) : mine[0];
  if (!entry) throw new AppError('PERMISSION_DENIED', '只有该诉求协办部门的经办人可以填写协办意见');
  if (!input.departmentId && mine.length > 1)
    throw new AppError('INVALID_ARGUMENT', '您是多个协办部门的经办人，请选择部门 departmentId');
  const flow = nextFlow(t, 'coReply');
  const now = Date.now();
  const next = co.map((c) => (c === entry ? { ...c, part: input.content, atMs: now, by: openid } : c));
  const actor: Actor = { kind: 'handler', name: String(entry.name), openid };
  await writeStep(db, t, flow, [timelineEntry(db, 'coReply', flow.status, actor, input.content)], {
    coDepartments: next,
  });
  return { ticketId: t._id, status: flow.status };
}

export async function visit(input: z.output<typeof hotlineSchemas.visit>, ctx: ActionContext): Promise<Step> {
  const { db } = ctx;
  if (!input.reached && input.solved) throw new AppError('INVALID_ARGUMENT', '未联系上诉求人时不能确认问题已解决');
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const stepped = nextFlow(t, 'visit');
  // A visit that did not reach the submitter is on the timeline but decides nothing.
  const flow = input.reached ? hotlineAfterVisit(stepped, input.solved) : stepped;
  const result = input.reached ? (input.solved ? '已联系，问题已解决' : '已联系，问题未解决') : '未联系上诉求人';
  const _ = db.command;
  await writeStep(
    db,
    t,
    flow,
    [timelineEntry(db, 'visit', flow.status, actor, [result, input.note].filter(Boolean).join('：'))],
    {
      visits: _.push([{ reached: input.reached, solved: input.solved, note: input.note ?? null, atMs: Date.now() }]),
      visitUnsolved: flow.visitUnsolved === true,
      ...(input.reached ? { lastVisitSolved: input.solved } : {}),
    },
  );
  const department = strOrNull(t.departmentId);
  if (input.reached && department) {
    const previous = typeof t.lastVisitSolved === 'boolean' ? t.lastVisitSolved : null;
    await bumpStats(db, department, hotlineVisitDelta(input.solved, previous));
  }
  return { ticketId: t._id, status: flow.status };
}

export async function visitReopen(
  input: z.output<typeof hotlineSchemas.visitReopen>,
  ctx: ActionContext,
): Promise<HotlineApi['visitReopen']['output']> {
  const { db } = ctx;
  const { t, actor } = await adminStep(ctx, input.ticketId);
  const flow = nextFlow(t, 'visitReopen');
  // The department gets a fresh deadline for the re-do.
  const due = hotlineDue(Date.now(), t.category as HotlineCategory, hotlineDeadlines());
  const note = [`回访未解决，交${String(t.departmentName ?? '原部门')}重新办理，期限至 ${due.dueDay}`, input.note]
    .filter(Boolean)
    .join('：');
  await writeStep(db, t, flow, [timelineEntry(db, 'visitReopen', flow.status, actor, note)], {
    visitUnsolved: false,
    dueMs: due.dueMs,
    dueDay: due.dueDay,
    overdue: false,
    dueSoonReminded: false,
    reported: false,
  });
  await notifySubmitter(
    db,
    t,
    'reopen',
    `您的诉求 ${String(t.ticketNo)} 回访未解决，已交${String(t.departmentName ?? '原部门')}重新办理，期限至 ${due.dueDay}`,
    { phrase: '重新办理', dueDay: due.dueDay, note: '回访未解决，已交部门重新办理' },
  );
  return { ticketId: t._id, status: flow.status, dueAt: shanghaiIso(due.dueMs) };
}

export async function ask(input: z.output<typeof hotlineSchemas.ask>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const t = await readTicket(db, input.ticketId);
  requireSubmitter(t, openid);
  const flow = nextFlow(t, 'ask');
  await checkContent(openid, input.content, { scene: 'comment', refusal: '追问内容含有不适宜的内容，请修改后再提交' });
  await writeStep(db, t, flow, [timelineEntry(db, 'ask', flow.status, SUBMITTER(openid), input.content)], {
    asked: true,
    followUp: { question: input.content, askedAtMs: Date.now(), answer: null, answeredAtMs: null },
  });
  return { ticketId: t._id, status: flow.status };
}

export async function answerAsk(input: z.output<typeof hotlineSchemas.answerAsk>, ctx: ActionContext): Promise<Step> {
  const { db } = ctx;
  const { t, actor } = await leadStep(ctx, input.ticketId, true);
  const flow = nextFlow(t, 'answerAsk');
  const followUp = (t.followUp ?? {}) as Doc;
  await writeStep(db, t, flow, [timelineEntry(db, 'answerAsk', flow.status, actor, input.content)], {
    followUp: { ...followUp, answer: input.content, answeredAtMs: Date.now(), answeredBy: actor.openid },
  });
  await notifySubmitter(db, t, 'answer', `您对诉求 ${String(t.ticketNo)} 的追问已答复`);
  return { ticketId: t._id, status: flow.status };
}

export async function urge(input: z.output<typeof hotlineSchemas.urge>, ctx: ActionContext): Promise<Step> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const t = await readTicket(db, input.ticketId);
  requireSubmitter(t, openid);
  const flow = nextFlow(t, 'urge');
  const now = Date.now();
  if (!(Number(t.dueMs) < now)) throw new AppError('FAILED_PRECONDITION', '诉求尚在办理期限内，超期后才能催办');
  const today = hotlineShanghaiDay(now);
  if (t.urgedDay === today) throw new AppError('FAILED_PRECONDITION', '今天已经催办过，请明天再试');
  await writeStep(db, t, flow, [timelineEntry(db, 'urge', flow.status, SUBMITTER(openid), null)], {
    urgedDay: today,
    urgeCount: db.command.inc(1),
  });
  await remindDepartment(db, t, 'urge', today);
  return { ticketId: t._id, status: flow.status };
}

/** Tickets per page of the 通报 list. */
export const REPORTS_PAGE_SIZE = 50;

export async function reports(
  input: z.output<typeof hotlineSchemas.reports>,
  ctx: ActionContext,
): Promise<HotlineApi['reports']['output']> {
  const page = input.page ?? 1;
  const { rows, hasMore } = await readPage(
    ctx.db
      .collection(TICKETS)
      .where({ reported: true, status: ctx.db.command.in(HOTLINE_OPEN_STATUSES) })
      .orderBy('dueMs', 'asc')
      .field({ ...SUMMARY_FIELDS, dueDay: true, contactName: true }),
    page - 1,
    REPORTS_PAGE_SIZE,
  );
  const now = Date.now();
  // The list is read out and circulated: the title is masked as on the public board (also the contact name).
  const tickets: ReportedTicket[] = rows.map((t) => ({
    ...summaryOf(t),
    title: hotlineMaskText(
      String(t.title ?? ''),
      [strOrNull(t.contactName)].filter((n): n is string => n !== null),
    ),
    dueDay: String(t.dueDay),
    lateWorkdays: hotlineWorkdaysBetween(Number(t.dueMs), now),
  }));
  return { tickets, hasMore };
}
