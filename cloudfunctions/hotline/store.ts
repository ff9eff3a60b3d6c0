// 民声热线 storage: collections, the ticket document, who may see and do what, and one workflow step as one write.
import type { TicketSummary, TimelineEntry } from '@/domain/api/hotline';
import type { HotlineCategory, HotlineEvent, HotlineFlow, HotlineStatus, HotlineSystemEvent } from '@/domain/hotline';
import { HOTLINE_EVENT_NAMES, HOTLINE_STATUS_NAMES, hotlineShanghaiDay, hotlineTransition } from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, handlerScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { shanghaiIso } from '../../server/time';

export const TICKETS = 'hotline_tickets';
/** Per-day ticket sequences (`seq:<yyyy-mm-dd>`) and per-person daily submission counts (`limit:<day>:<openid>`). */
export const COUNTERS = 'hotline_counters';
/** One document per department (`_id` = departmentId) of counters kept on every write; `stats` reads only these. */
export const STATS = 'hotline_stats';
/** 催办 reminders for departments and reply notices for submitters, one document each (deterministic `_id`). */
export const REMINDERS = 'hotline_reminders';

export function strOrNull(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export async function readTicket(db: Database, ticketId: string): Promise<Doc> {
  const { data } = await db.collection(TICKETS).doc(ticketId).get();
  if (!data) throw new AppError('NOT_FOUND', '诉求不存在');
  return data;
}

export function flowOf(t: Doc): HotlineFlow {
  return {
    status: t.status as HotlineStatus,
    reopened: t.reopened === true,
    lastScore: numOrNull(t.lastScore),
    // 12345 handling loop (issue 15)
    extensionPending: t.extensionPending === true,
    asked: t.asked === true,
    visitUnsolved: t.visitUnsolved === true,
  };
}

export type Viewer = 'submitter' | 'admin' | 'handler' | 'cohandler';

/**
 * The caller's roles on one ticket: its submitter, an admin, a handler of the department it is assigned to (主办),
 * a handler of a co-handling department (协办).
 */
export function viewersOf(t: Doc, openid: string, caller: Caller | null): Set<Viewer> {
  const out = new Set<Viewer>();
  if (t.openid === openid) out.add('submitter');
  if (caller && callerIsAdmin(caller)) out.add('admin');
  const dept = strOrNull(t.departmentId);
  if (caller && dept && handlerScopes(caller).includes(dept)) out.add('handler');
  const co = Array.isArray(t.coDepartmentIds) ? (t.coDepartmentIds as unknown[]) : [];
  if (caller && handlerScopes(caller).some((d) => co.includes(d))) out.add('cohandler');
  return out;
}

/** Acting as the submitter: the ticket must be the caller's own. */
export function requireSubmitter(t: Doc, openid: string): void {
  if (t.openid !== openid) throw new AppError('PERMISSION_DENIED', '只有提交人可以这样做');
}

/** Applies a workflow event to the stored flow, or FAILED_PRECONDITION with the workflow's reason. */
export function nextFlow(t: Doc, event: HotlineEvent): HotlineFlow {
  const r = hotlineTransition(flowOf(t), event);
  if (!r.ok) throw new AppError('FAILED_PRECONDITION', r.message);
  return r.flow;
}

export interface Actor {
  kind: TimelineEntry['actor'];
  name: string;
  openid: string | null;
}

export const SYSTEM: Actor = { kind: 'system', name: '系统', openid: null };

export function timelineEntry(
  db: Database,
  event: HotlineEvent | HotlineSystemEvent,
  status: HotlineStatus,
  actor: Actor,
  note: string | null,
): Record<string, unknown> {
  return { event, status, actor: actor.kind, actorName: actor.name, by: actor.openid, note, at: db.serverDate() };
}

/**
 * Writes one step (one write): the new status and fields, the timeline entry, and a version bump. The write only
 * lands on the version that was read, so two admins acting at once cannot both move the same ticket.
 */
export async function writeStep(
  db: Database,
  t: Doc,
  flow: HotlineFlow,
  entries: Array<Record<string, unknown>>,
  fields: Record<string, unknown> = {},
): Promise<void> {
  const _ = db.command;
  const { stats } = await db
    .collection(TICKETS)
    .where({ _id: t._id, version: Number(t.version) || 0 })
    .update({
      data: {
        ...fields,
        status: flow.status,
        reopened: flow.reopened,
        lastScore: flow.lastScore,
        extensionPending: flow.extensionPending === true,
        asked: flow.asked === true,
        visitUnsolved: flow.visitUnsolved === true,
        version: _.inc(1),
        timeline: _.push(entries),
        updatedAt: db.serverDate(),
      },
    });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '诉求刚被他人处理过，请刷新后再试');
}

/** The month document of a department's counters: `<departmentId>:<YYYY-MM>` (Shanghai month of the event). */
export function monthStatsId(departmentId: string, month: string): string {
  return `${departmentId}:${month}`;
}

async function bumpDoc(
  db: Database,
  id: string,
  changes: Array<[string, number]>,
  extra: Record<string, unknown> | null,
): Promise<void> {
  const _ = db.command;
  const ref = db.collection(STATS).doc(id);
  const update = () => ref.update({ data: Object.fromEntries(changes.map(([k, v]) => [k, _.inc(v)])) });
  if ((await update()).stats.updated === 1) return;
  try {
    await db.collection(STATS).add({ data: { _id: id, ...(extra ?? {}), ...Object.fromEntries(changes) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await update();
  }
}

/**
 * Adds increments to a department's counters: the all-time document and the month's (two writes; a first write
 * creates a document), so that statistics of any period read one document per department and month.
 */
export async function bumpStats(db: Database, departmentId: string, deltas: Record<string, number>): Promise<void> {
  const changes = Object.entries(deltas).filter(([, v]) => v !== 0);
  if (changes.length === 0) return;
  await bumpDoc(db, departmentId, changes, null);
  const month = hotlineShanghaiDay(Date.now()).slice(0, 7);
  await bumpDoc(db, monthStatsId(departmentId, month), changes, { departmentId, month });
}

export function summaryOf(t: Doc): TicketSummary {
  const status = t.status as HotlineStatus;
  return {
    ticketId: t._id,
    ticketNo: String(t.ticketNo),
    category: t.category as HotlineCategory,
    title: String(t.title ?? ''),
    status,
    statusName: HOTLINE_STATUS_NAMES[status],
    departmentId: strOrNull(t.departmentId),
    departmentName: strOrNull(t.departmentName),
    createdAt: shanghaiIso(t.createdAt),
    dueAt: shanghaiIso(t.dueMs),
    overdue: t.overdue === true,
    flagged: t.flagged === true,
    similar: similarOf(t),
    programmeId: strOrNull(t.programmeId),
  };
}

/** 并单 suggestions stored on a ticket at submit. */
function similarOf(t: Doc): TicketSummary['similar'] {
  if (!Array.isArray(t.similar)) return [];
  return (t.similar as Doc[]).map((s) => ({
    ticketId: String(s.ticketId),
    ticketNo: String(s.ticketNo),
    title: String(s.title ?? ''),
    similarity: Number(s.similarity) || 0,
  }));
}

/** The fields a list needs (a projection keeps list reads small). */
export const SUMMARY_FIELDS: Record<string, boolean> = {
  ticketNo: true,
  category: true,
  title: true,
  status: true,
  departmentId: true,
  departmentName: true,
  createdAt: true,
  dueMs: true,
  overdue: true,
  flagged: true,
  similar: true,
  programmeId: true,
};

export function timelineOf(t: Doc, privileged: boolean): TimelineEntry[] {
  const raw = Array.isArray(t.timeline) ? (t.timeline as Array<Record<string, unknown>>) : [];
  return raw.map((e) => {
    const event = String(e.event) as HotlineEvent | HotlineSystemEvent;
    const out: TimelineEntry = {
      event,
      eventName: HOTLINE_EVENT_NAMES[event] ?? event,
      status: e.status as HotlineStatus,
      actor: e.actor as TimelineEntry['actor'],
      actorName: String(e.actorName ?? ''),
      note: strOrNull(e.note),
      at: shanghaiIso(e.at),
    };
    if (privileged && typeof e.by === 'string') out.by = e.by;
    return out;
  });
}
