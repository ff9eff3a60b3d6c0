// The hourly timer: the 催办 ladder (a reminder to the department one working day before the deadline, the 催办通知书
// to its handlers and the admins once it has passed, the 通报 list at 5 working days late); closes answered tickets
// the submitter left alone.
import {
  HOTLINE_OPEN_STATUSES,
  hotlineAddWorkdays,
  hotlineEndOfDayMs,
  hotlineReportCutoffMs,
  hotlineShanghaiDay,
} from '@/domain/hotline';
import type { Database, Doc } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import { remindDepartment } from './notify';
import { RemindAudience } from './subscriptions';
import { bumpStats, SYSTEM, TICKETS, timelineEntry } from './store';

/** Pages of 100 tickets one run handles per kind; the next hourly run takes the rest. */
const MAX_PAGES = 10;

/** A poorly rated ticket not re-opened within this long is closed … */
export const CLOSE_AFTER_RATING_MS = 7 * 86400_000;
/** … as is an answered ticket never rated. */
export const CLOSE_AFTER_REPLY_MS = 15 * 86400_000;

export interface TimerResult {
  overdue: number;
  dueSoon: number;
  closed: number;
  /** Tickets put on the 通报 list (5 working days late) by this run. */
  reported: number;
}

async function sweep(
  db: Database,
  where: Record<string, unknown>,
  mark: Record<string, unknown>,
  each: (t: Doc) => Promise<unknown>,
): Promise<number> {
  const _ = db.command;
  let n = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    // Marked tickets drop out of the query, so each page reads from the start again.
    const { data } = await db
      .collection(TICKETS)
      .where(where)
      .field({ ticketNo: true, title: true, departmentId: true, dueDay: true, dueMs: true })
      .limit(PAGE_SIZE)
      .get();
    if (data.length === 0) break;
    for (const t of data) await each(t);
    await db
      .collection(TICKETS)
      .where({ _id: _.in(data.map((t) => t._id)), ...where })
      .update({ data: mark });
    n += data.length;
    if (data.length < PAGE_SIZE) break;
  }
  return n;
}

export async function runTimer(db: Database, at: Date): Promise<TimerResult> {
  const _ = db.command;
  const now = at.getTime();
  const open = _.in(HOTLINE_OPEN_STATUSES);
  // Who allowed 催办提醒 messages is read once per department for the whole run.
  const audience = new RemindAudience(db);
  let overdue = 0;
  // One sweep per status, so that the timeline entry added to many tickets at once names each one's status.
  for (const status of HOTLINE_OPEN_STATUSES) {
    overdue += await sweep(
      db,
      { status, overdue: false, dueMs: _.lt(now) },
      {
        overdue: true,
        timeline: _.push([
          timelineEntry(db, 'overdue', status, SYSTEM, '已超过办理期限，催办通知书已发送承办部门和机关工委'),
        ]),
      },
      (t) => remindDepartment(db, t, 'overdue', undefined, audience),
    );
  }
  // 5 working days late and still unanswered: the 通报 list (admin page, department statistics).
  const cutoff = hotlineReportCutoffMs(now);
  let reported = 0;
  for (const status of HOTLINE_OPEN_STATUSES) {
    reported += await sweep(
      db,
      { status, reported: _.neq(true), dueMs: _.lt(cutoff) },
      {
        reported: true,
        timeline: _.push([timelineEntry(db, 'report', status, SYSTEM, '超过办理期限满 5 个工作日仍未答复，列入通报')]),
      },
      async (t) => {
        await remindDepartment(db, t, 'report', undefined, audience);
        if (typeof t.departmentId === 'string') await bumpStats(db, t.departmentId, { reported: 1 });
      },
    );
  }
  // Due by the end of the next working day: the department has one working day left.
  const soon = hotlineEndOfDayMs(hotlineAddWorkdays(hotlineShanghaiDay(now), 1));
  const dueSoon = await sweep(
    db,
    { status: open, overdue: false, dueSoonReminded: false, dueMs: _.lte(soon) },
    { dueSoonReminded: true },
    (t) => remindDepartment(db, t, 'due-soon', undefined, audience),
  );
  const close = (note: string) => ({
    status: 'closed',
    // A new version, so that a step read before this close cannot land on top of it.
    version: _.inc(1),
    timeline: _.push([timelineEntry(db, 'close', 'closed', SYSTEM, note)]),
    updatedAt: db.serverDate(),
  });
  const none = async () => undefined;
  const closed =
    (await sweep(
      db,
      { status: 'rated', ratedMs: _.lt(now - CLOSE_AFTER_RATING_MS) },
      close('评价后 7 天未申请重新办理，自动办结'),
      none,
    )) +
    (await sweep(
      db,
      { status: 'replied', repliedMs: _.lt(now - CLOSE_AFTER_REPLY_MS) },
      close('答复后 15 天未评价，自动办结'),
      none,
    ));
  return { overdue, dueSoon, closed, reported };
}
