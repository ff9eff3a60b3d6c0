// 民声热线 storage: collections, the ticket document, who may see and do what, and one workflow step as one write.
import dayjs from 'dayjs';
import type { TicketSummary, TimelineEntry } from '@/domain/api/hotline';
import type { HotlineCategory, HotlineDeadlines, HotlineEvent, HotlineFlow, HotlineStatus } from '@/domain/hotline';
import { HOTLINE_EVENT_NAMES, HOTLINE_STATUS_NAMES, hotlineParseDeadlines, hotlineTransition } from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, handlerScopes } from '../../server/caller';
import { cloud } from '../../server/cloud';
import type { Command, Database, Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { APP_TIME_ZONE } from '../../server/time';

export const TICKETS = 'hotline_tickets';
/** Per-day ticket sequences (`seq:<yyyy-mm-dd>`) and per-person daily submission counts (`limit:<day>:<openid>`). */
export const COUNTERS = 'hotline_counters';
/** One document per department (`_id` = departmentId) of counters kept on every write; `stats` reads only these. */
export const STATS = 'hotline_stats';
/** 催办 reminders for departments and reply notices for submitters, one document each (deterministic `_id`). */
export const REMINDERS = 'hotline_reminders';

/** The commands beyond the shared typed subset that the hotline needs. */
export interface HotlineCommand {
  in(values: readonly unknown[]): Command;
  lt(value: number): Command;
  lte(value: number): Command;
  gte(value: number): Command;
  all(values: readonly unknown[]): Command;
  inc(by: number): Command;
  push(values: unknown): Command;
}

export function commands(db: Database): HotlineCommand {
  return db.command as unknown as HotlineCommand;
}

/** Deadlines from `HOTLINE_DEADLINES` (e.g. `咨询:3,投诉:10`), else the defaults; a malformed value is a setup error. */
export function configuredDeadlines(): HotlineDeadlines {
  const parsed = hotlineParseDeadlines(process.env.HOTLINE_DEADLINES);
  if (!parsed) throw new Error('环境变量 HOTLINE_DEADLINES 格式错误，应为“咨询:3,求助:3,投诉:10,建议:10,表扬:10”');
  return parsed;
}

/** A stored time (or epoch ms) as ISO 8601 in Asia/Shanghai, e.g. 2020-07-01T09:00:00+08:00. */
export function isoTime(value: unknown): string {
  return dayjs(value as Date)
    .tz(APP_TIME_ZONE)
    .format('YYYY-MM-DDTHH:mm:ssZ');
}

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
  return { status: t.status as HotlineStatus, reopened: t.reopened === true, lastScore: numOrNull(t.lastScore) };
}

export type Viewer = 'submitter' | 'admin' | 'handler';

/** The caller's roles on one ticket: its submitter, an admin, a handler of the department it is assigned to. */
export function viewersOf(t: Doc, openid: string, caller: Caller | null): Set<Viewer> {
  const out = new Set<Viewer>();
  if (t.openid === openid) out.add('submitter');
  if (caller && callerIsAdmin(caller)) out.add('admin');
  const dept = strOrNull(t.departmentId);
  if (caller && dept && handlerScopes(caller).includes(dept)) out.add('handler');
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
  event: HotlineEvent | 'submit' | 'overdue',
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
  const _ = commands(db);
  const { stats } = await db
    .collection(TICKETS)
    .where({ _id: t._id, version: Number(t.version) || 0 })
    .update({
      data: {
        ...fields,
        status: flow.status,
        reopened: flow.reopened,
        lastScore: flow.lastScore,
        version: _.inc(1),
        timeline: _.push(entries),
        updatedAt: db.serverDate(),
      },
    });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '诉求刚被他人处理过，请刷新后再试');
}

/** Adds increments to a department's counters (one write; a first write creates the document). */
export async function bumpStats(db: Database, departmentId: string, deltas: Record<string, number>): Promise<void> {
  const changes = Object.entries(deltas).filter(([, v]) => v !== 0);
  if (changes.length === 0) return;
  const _ = commands(db);
  const ref = db.collection(STATS).doc(departmentId);
  const update = () => ref.update({ data: Object.fromEntries(changes.map(([k, v]) => [k, _.inc(v)])) });
  if ((await update()).stats.updated === 1) return;
  try {
    await db.collection(STATS).add({ data: { _id: departmentId, ...Object.fromEntries(changes) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await update();
  }
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
    createdAt: isoTime(t.createdAt),
    dueAt: isoTime(t.dueMs),
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
    const event = String(e.event) as HotlineEvent | 'submit' | 'overdue';
    const out: TimelineEntry = {
      event,
      eventName: HOTLINE_EVENT_NAMES[event] ?? event,
      status: e.status as HotlineStatus,
      actor: e.actor as TimelineEntry['actor'],
      actorName: String(e.actorName ?? ''),
      note: strOrNull(e.note),
      at: isoTime(e.at),
    };
    if (privileged && typeof e.by === 'string') out.by = e.by;
    return out;
  });
}

type CommentCheck = 'pass' | 'review';

/**
 * WeChat's content check (msgSecCheck v2; scene 1 = 资料). Risky text is refused with `refusal`; text WeChat wants
 * reviewed, or that could not be checked, is accepted and flagged for an admin.
 */
export async function checkText(openid: string, content: string, refusal: string): Promise<CommentCheck> {
  let suggest: unknown;
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ version: 2, scene: 1, openid, content } as never)) as {
      result?: { suggest?: unknown };
    };
    suggest = res.result?.suggest;
  } catch {
    return 'review';
  }
  if (suggest === 'risky') throw new AppError('INVALID_ARGUMENT', refusal);
  return suggest === 'pass' ? 'pass' : 'review';
}
