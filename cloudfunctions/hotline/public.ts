// What other functions may read of 民声热线: whom a department served (servedOnly 测评 campaigns) and the tickets
// waiting for someone (the home page).
import type { Database } from '../../server/db';
import { str } from '../../server/db';
import { TICKETS } from './store';

/**
 * The departments that answered a 民声热线 ticket of `openid` (one read, at most 100 tickets): who may rate them in a
 * servedOnly campaign. `departmentId` narrows it to one department (then at most one ticket is read).
 */
export async function servedDepartments(db: Database, openid: string, departmentId?: string): Promise<Set<string>> {
  const _ = db.command;
  const where: Record<string, unknown> = { openid, repliedMs: _.gt(0) };
  if (departmentId) where.departmentId = departmentId;
  const { data } = await db
    .collection(TICKETS)
    .where(where)
    .field({ departmentId: true })
    .limit(departmentId ? 1 : 100)
    .get();
  return new Set(data.map((d) => String(d.departmentId ?? '')));
}

/** The submitter's replied tickets, waiting for them to read the reply and rate it (one read, at most `limit`). */
export async function readRepliedTickets(
  db: Database,
  openid: string,
  limit: number,
): Promise<Array<{ ticketId: string; ticketNo: string; title: string }>> {
  const { data } = await db
    .collection(TICKETS)
    .where({ openid, status: 'replied' })
    .limit(limit)
    .field({ ticketNo: true, title: true })
    .get();
  return data.map((t) => ({ ticketId: t._id, ticketNo: str(t, 'ticketNo') ?? '', title: str(t, 'title') ?? '' }));
}

/** How many tickets wait for the 工委 to accept and assign them (one count). */
export async function countTicketsToTriage(db: Database): Promise<number> {
  const { total } = await db
    .collection(TICKETS)
    .where({ status: db.command.in(['submitted', 'accepted']) })
    .count();
  return total;
}

/** The tickets a department must answer: how many, and the nearest deadline's ticket (a count and one read). */
export async function readDepartmentQueue(
  db: Database,
  departmentId: string,
): Promise<{ total: number; departmentName: string | null; nearestDueMs: number }> {
  const waiting = db.collection(TICKETS).where({ departmentId, status: 'assigned' });
  const [{ total }, { data }] = await Promise.all([
    waiting.count(),
    waiting.orderBy('dueMs', 'asc').limit(1).field({ dueMs: true, departmentName: true }).get(),
  ]);
  const first = data[0];
  return { total, departmentName: str(first, 'departmentName'), nearestDueMs: Number(first?.dueMs) };
}
