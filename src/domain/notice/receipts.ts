// 通知公告: who a notice reaches, who manages it, read receipts and confirmations, and how often the unread may be
// reminded. Pure: the organisation tree, times and counts come in as arguments.
import type { OrgNode } from '../identity';
import { orgAncestry, orgSubtree } from '../identity';

/** A sender may remind the unread of one notice at most this often (a reminder is a message on their phone). */
export const NOTICE_REMIND_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The organisations whose members receive a notice sent to `orgIds`: those organisations and everything below them,
 * in the tree's order (a notice to a 机关党委 reaches its branches).
 *
 * @example noticeAudience([{ orgId: 'p', name: '党委', parentId: null, seq: 1 }, { orgId: 'b', name: '支部', parentId: 'p', seq: 2 }], ['p'])
 *   // ['p', 'b']
 */
export function noticeAudience(orgs: readonly OrgNode[], orgIds: readonly string[]): string[] {
  const reached = orgSubtree(orgs, orgIds);
  return orgs.filter((o) => reached.has(o.orgId)).map((o) => o.orgId);
}

/**
 * The organisations whose secretaries manage a notice sent to `orgIds` (see its read list, remind the unread): each
 * organisation that is, or is above, every one of them. A notice to two branches of one 党委 is managed by that
 * 党委's secretary, not by either branch's.
 *
 * @example noticeManagers(ORGS, ['b1']) // ['b1', 'p1', 'gw']
 * @example noticeManagers(ORGS, ['b1', 'b2']) // ['p1', 'gw']
 */
export function noticeManagers(orgs: readonly OrgNode[], orgIds: readonly string[]): string[] {
  const byId = new Map(orgs.map((o) => [o.orgId, o]));
  const [first, ...rest] = orgIds.map((o) => orgAncestry(byId, o));
  if (!first) return [];
  return first.filter((o) => rest.every((chain) => chain.includes(o)));
}

/**
 * The id of one member's receipt of one notice (written for each member when the notice is published).
 *
 * @example noticeReceiptId('n_1', 'm_1') // 'n_1:m_1'
 */
export function noticeReceiptId(noticeId: string, memberId: string): string {
  return `${noticeId}:${memberId}`;
}

export type ConfirmState = 'not-asked' | 'pending' | 'overdue' | 'confirmed' | 'confirmed-late';

/**
 * Where a member stands with a notice's 确认收到: not asked (no deadline set), pending, overdue (deadline passed,
 * not confirmed), confirmed, or confirmed after the deadline (a late confirmation is still recorded, and shown as late).
 *
 * @example confirmState({ confirmByMs: 100, confirmedAtMs: null, nowMs: 50 }) // 'pending'
 * @example confirmState({ confirmByMs: 100, confirmedAtMs: 120, nowMs: 130 }) // 'confirmed-late'
 */
export function confirmState(a: {
  confirmByMs: number | null;
  confirmedAtMs: number | null;
  nowMs: number;
}): ConfirmState {
  if (a.confirmByMs === null) return 'not-asked';
  if (a.confirmedAtMs !== null) return a.confirmedAtMs <= a.confirmByMs ? 'confirmed' : 'confirmed-late';
  return a.nowMs > a.confirmByMs ? 'overdue' : 'pending';
}

/**
 * Whether the unread may be reminded now, and if not, from when.
 *
 * @example noticeRemindAllowed({ lastRemindedAtMs: null, nowMs: 0 }) // { ok: true }
 * @example noticeRemindAllowed({ lastRemindedAtMs: 0, nowMs: 600_000 }) // { ok: false, nextAtMs: 3_600_000 }
 */
export function noticeRemindAllowed(a: {
  lastRemindedAtMs: number | null;
  nowMs: number;
}): { ok: true } | { ok: false; nextAtMs: number } {
  if (a.lastRemindedAtMs === null) return { ok: true };
  const nextAtMs = a.lastRemindedAtMs + NOTICE_REMIND_INTERVAL_MS;
  return a.nowMs >= nextAtMs ? { ok: true } : { ok: false, nextAtMs };
}

/**
 * Share of the recipients who have read, in whole percent (0 with nobody to read it).
 *
 * @example readRate({ read: 2, expected: 3 }) // 67
 */
export function readRate(a: { read: number; expected: number }): number {
  return a.expected > 0 ? Math.round((a.read / a.expected) * 100) : 0;
}
