// The read actions: 我的诉求, one ticket with its timeline, the admin's triage list, a department's queue, the
// public board and the department statistics. Each reads a bounded number of documents.
import type { z } from 'zod';
import type { DepartmentStatsRow, HotlineApi, hotlineSchemas, PublicTicket, TicketDetail } from '@/domain/api/hotline';
import type { ProgrammeQuestion } from '@/domain/api/hotline-public';
import type { HotlineCategory, HotlineCounters } from '@/domain/hotline';
import {
  HOTLINE_EMPTY_COUNTERS,
  HOTLINE_OPEN_STATUSES,
  HOTLINE_REPLIED_STATUSES,
  hotlineDepartmentStats,
  hotlineMaskText,
  hotlineMonths,
  hotlinePublicSideStats,
  hotlineSearchTerms,
  hotlineShanghaiDay,
  hotlineSumCounters,
  hotlineTransition,
} from '@/domain/hotline';
import { loopDetail } from './loop-views';
import { AppError } from '../../server/app-error';
import { callerIsAdmin, handlerScopes } from '../../server/caller';
import type { Doc } from '../../server/db';
import { findIn, PAGE_SIZE, readPage } from '../../server/db';
import { readDirectory } from '../../server/directory';
import { filesWithUrls } from '../../server/files';
import type { ActionContext } from '../../server/dispatch';
import { parentProgress } from './merge';
import {
  flowOf,
  monthStatsId,
  numOrNull,
  readTicket,
  STATS,
  strOrNull,
  SUMMARY_FIELDS,
  summaryOf,
  TICKETS,
  timelineOf,
  viewersOf,
} from './store';
import { shanghaiIso } from '../../server/time';

/** Tickets per page of the public board. */
export const PUBLIC_PAGE_SIZE = 20;
/** Tickets per page of the triage list and a department's queue. */
export const QUEUE_PAGE_SIZE = 50;

/** How long a photo's temporary URL stays valid: long enough to look through a ticket, short enough not to leak. */
export const PHOTO_URL_MAX_AGE_S = 2 * 3600;

export async function mine(_input: unknown, ctx: ActionContext): Promise<HotlineApi['mine']['output']> {
  const openid = ctx.requireOpenid();
  const { data } = await ctx.db
    .collection(TICKETS)
    .where({ openid })
    .orderBy('createdAt', 'desc')
    .field(SUMMARY_FIELDS)
    .limit(PAGE_SIZE)
    .get();
  return { tickets: data.map(summaryOf) };
}

export async function get(input: z.output<typeof hotlineSchemas.get>, ctx: ActionContext): Promise<TicketDetail> {
  const openid = ctx.requireOpenid();
  const t = await readTicket(ctx.db, input.ticketId);
  // The submitter reading the own ticket costs no second read; everyone else is checked against their grants.
  const viewers = viewersOf(t, openid, t.openid === openid ? null : await ctx.caller());
  if (viewers.size === 0) throw new AppError('PERMISSION_DENIED', '只有提交人、机关工委和承办部门可以查看该诉求');
  const privileged = viewers.has('admin') || viewers.has('handler') || viewers.has('cohandler');
  const flow = flowOf(t);
  const can = (event: Parameters<typeof hotlineTransition>[1]) => hotlineTransition(flow, event).ok;
  const submitter = viewers.has('submitter');
  const admin = viewers.has('admin');
  const rawReplies = Array.isArray(t.replies) ? (t.replies as Doc[]) : [];
  const replyPhotoIds = rawReplies.map((r) => (Array.isArray(r.photos) ? (r.photos as string[]) : []));
  const ticketPhotoIds = Array.isArray(t.photos) ? (t.photos as string[]) : [];
  // The ticket's and the replies' photos in one storage call; a merged ticket also reads its parent.
  const [allPhotos, parent] = await Promise.all([
    // Storage is private (only cloud functions read it): these URLs, handed out only here, are the only way to see a
    // photo; one storage cannot serve leaves its URL null rather than failing the ticket.
    filesWithUrls([...ticketPhotoIds, ...replyPhotoIds.flat()], PHOTO_URL_MAX_AGE_S),
    parentProgress(ctx.db, t),
  ]);
  let photoAt = ticketPhotoIds.length;
  const replies = rawReplies.map((r, i) => {
    const photos = allPhotos.slice(photoAt, photoAt + replyPhotoIds[i].length);
    photoAt += replyPhotoIds[i].length;
    return {
      content: String(r.content ?? ''),
      departmentName: String(r.departmentName ?? ''),
      at: shanghaiIso(r.at),
      onTime: r.onTime === true,
      photos,
    };
  });
  const ratings = (Array.isArray(t.ratings) ? (t.ratings as Doc[]) : []).map((r) => ({
    score: Number(r.score),
    comment: strOrNull(r.comment),
    at: shanghaiIso(r.at),
  }));
  const detail: TicketDetail = {
    ...summaryOf(t),
    content: String(t.content ?? ''),
    photos: allPhotos.slice(0, ticketPhotoIds.length),
    subscribed: submitter && t.subscribe === true,
    isPublic: t.isPublic === true,
    published: t.published === true,
    requestedDepartmentId: strOrNull(t.requestedDepartmentId),
    contactName: strOrNull(t.contactName),
    contactPhone: strOrNull(t.contactPhone),
    replies,
    ratings,
    reopened: flow.reopened,
    rejectReason: strOrNull(t.rejectReason),
    parent,
    mergedNos: Array.isArray(t.mergedNos) ? (t.mergedNos as unknown[]).map(String) : [],
    timeline: timelineOf(t, privileged),
    ...loopDetail(t),
    can: {
      withdraw: submitter && can('withdraw'),
      rate: submitter && can('rate'),
      reopen: submitter && can('reopen'),
      accept: admin && can('accept'),
      assign: admin && can('assign'),
      reject: admin && can('reject'),
      reply: (viewers.has('handler') || admin) && can('reply'),
      close: admin && can('close'),
      subscribe: submitter && HOTLINE_OPEN_STATUSES.includes(flow.status),
      merge: admin && can('merge'),
      answer: admin && can('answer'),
      // 12345 handling loop (issue 15)
      returnTicket: viewers.has('handler') && can('return'),
      reviewReturn: admin && (can('returnAccept') || can('returnReject')),
      requestExtension: viewers.has('handler') && can('extend') && Number(t.dueMs) >= Date.now(),
      reviewExtension: admin && can('extendApprove'),
      cohandle: admin && can('cohandle'),
      coReply: viewers.has('cohandler') && can('coReply'),
      visit: admin && can('visit'),
      visitReopen: admin && can('visitReopen'),
      ask: submitter && can('ask'),
      answerAsk: (viewers.has('handler') || admin) && can('answerAsk'),
      urge: submitter && can('urge') && Number(t.dueMs) < Date.now() && t.urgedDay !== hotlineShanghaiDay(Date.now()),
    },
  };
  if (privileged) detail.openid = String(t.openid);
  return detail;
}

export async function triage(
  input: z.output<typeof hotlineSchemas.triage>,
  ctx: ActionContext,
): Promise<HotlineApi['triage']['output']> {
  const page = input.page ?? 1;
  const { rows, hasMore } = await readPage(
    ctx.db
      .collection(TICKETS)
      .where({ status: ctx.db.command.in(['submitted', 'accepted', 'returned']) })
      .orderBy('createdAt', 'asc')
      .field(SUMMARY_FIELDS),
    page - 1,
    QUEUE_PAGE_SIZE,
  );
  return { tickets: rows.map(summaryOf), hasMore };
}

export async function queue(
  input: z.output<typeof hotlineSchemas.queue>,
  ctx: ActionContext,
): Promise<HotlineApi['queue']['output']> {
  const caller = await ctx.caller();
  const scopes = handlerScopes(caller);
  const departmentId = input.departmentId ?? (scopes.length === 1 ? scopes[0] : null);
  if (!departmentId) throw new AppError('INVALID_ARGUMENT', '请指定部门 departmentId');
  if (!callerIsAdmin(caller) && !scopes.includes(departmentId))
    throw new AppError('PERMISSION_DENIED', '只能查看本部门的诉求');
  const page = input.page ?? 1;
  const { rows, hasMore } = await readPage(
    ctx.db
      .collection(TICKETS)
      .where({ departmentId, status: ctx.db.command.in(['assigned', 'returned', 'asked']) })
      .orderBy('dueMs', 'asc')
      .field(SUMMARY_FIELDS),
    page - 1,
    QUEUE_PAGE_SIZE,
  );
  // 协办: tickets another department leads that this one helps with (bounded, first page only).
  const { data: co } =
    page === 1
      ? await ctx.db
          .collection(TICKETS)
          .where({ coDepartmentIds: departmentId, status: 'assigned' })
          .orderBy('dueMs', 'asc')
          .field(SUMMARY_FIELDS)
          .limit(QUEUE_PAGE_SIZE)
          .get()
      : { data: [] as Doc[] };
  return {
    departmentId,
    tickets: rows.map(summaryOf),
    hasMore,
    cohandling: co.map(summaryOf),
  };
}

/** A published ticket's question and answer as the public sees them (on the board and in a 节目's questions). */
export function publicQuestion(p: Doc): ProgrammeQuestion {
  // Masked when stored; masked again on the way out, so a rule added later also covers older tickets.
  const mask = (v: unknown) => hotlineMaskText(String(v ?? ''));
  return {
    ticketNo: String(p.ticketNo),
    category: p.category as HotlineCategory,
    title: mask(p.title),
    content: mask(p.content),
    departmentName: mask(p.departmentName),
    reply: mask(p.reply),
    repliedAt: shanghaiIso(p.repliedMs),
  };
}

function publicTicket(p: Doc): PublicTicket {
  return { ...publicQuestion(p), createdAt: shanghaiIso(p.createdAt), score: numOrNull(p.score) };
}

export async function publicList(
  input: z.output<typeof hotlineSchemas.publicList>,
  ctx: ActionContext,
): Promise<HotlineApi['publicList']['output']> {
  const page = input.page ?? 1;
  // Search and filters stay on the published-tickets index: equality on category and department, and every
  // bigram of the keyword among the ticket's stored search keys (no text scan).
  const _ = ctx.db.command;
  const terms = input.keyword ? hotlineSearchTerms(input.keyword) : null;
  if (input.keyword && !terms) throw new AppError('INVALID_ARGUMENT', '搜索关键词至少要有两个字');
  const { rows, hasMore } = await readPage(
    ctx.db
      .collection(TICKETS)
      .where({
        published: true,
        status: _.in(HOTLINE_REPLIED_STATUSES),
        ...(input.category ? { category: input.category } : {}),
        ...(input.departmentId ? { departmentId: input.departmentId } : {}),
        ...(terms ? { searchKeys: _.all(terms) } : {}),
      })
      .orderBy('publishedAt', 'desc')
      .field({ public: true }),
    page - 1,
    PUBLIC_PAGE_SIZE,
  );
  const tickets = rows
    .map((d) => d.public)
    .filter((p): p is Doc => typeof p === 'object' && p !== null)
    .map(publicTicket);
  return { tickets, page, hasMore };
}

function countersOf(doc: Doc | undefined): HotlineCounters {
  const out: HotlineCounters = { ...HOTLINE_EMPTY_COUNTERS };
  for (const k of Object.keys(out) as Array<keyof HotlineCounters>) out[k] = Number(doc?.[k]) || 0;
  return out;
}

/**
 * Department statistics from counters: all time (one document per department), or a period of months (one document
 * per department and month, at most 12 months), never a scan of tickets.
 */
export async function stats(
  input: z.output<typeof hotlineSchemas.stats>,
  ctx: ActionContext,
): Promise<HotlineApi['stats']['output']> {
  const directory = await readDirectory(ctx.db);
  let months: string[] | null = null;
  if (input.from || input.to) {
    const from = input.from ?? input.to!;
    const to = input.to ?? input.from!;
    const list = hotlineMonths(from, to);
    if (typeof list === 'string') throw new AppError('INVALID_ARGUMENT', list);
    months = list;
  }
  const ids = directory.departments.flatMap((d) =>
    months ? months.map((m) => monthStatsId(d.departmentId, m)) : [d.departmentId],
  );
  const docs = ids.length ? await findIn(ctx.db, STATS, '_id', ids) : [];
  const byId = new Map(docs.map((d) => [d._id, d]));
  const total: HotlineCounters[] = [];
  const departments: DepartmentStatsRow[] = directory.departments.map((d) => {
    const c = hotlineSumCounters(
      (months ? months.map((m) => monthStatsId(d.departmentId, m)) : [d.departmentId]).map((id) =>
        countersOf(byId.get(id)),
      ),
    );
    total.push(c);
    return { departmentId: d.departmentId, name: d.name, ...hotlineDepartmentStats(c), ...hotlinePublicSideStats(c) };
  });
  const sum = hotlineSumCounters(total);
  return {
    departments,
    total: { ...hotlineDepartmentStats(sum), ...hotlinePublicSideStats(sum) },
    period: months ? { from: months[0], to: months[months.length - 1] } : null,
  };
}
