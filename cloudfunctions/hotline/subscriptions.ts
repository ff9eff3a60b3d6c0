// Who allowed which 民声热线 subscribe message, and how one is spent. WeChat's subscriptions here are one-time: each
// "允许" in wx.requestSubscribeMessage lets the mini-program send that person one message of that template, so
// consent is kept as a count of messages still allowed and every send first takes one off (a conditional
// decrement, so two sends cannot spend the same one).
// - Handlers and admins: one document per openid in `hotline_subscriptions` (`remind` = 催办提醒 messages allowed),
//   with the departments they handled and whether they were an admin when they allowed it; their role is checked
//   again before a send, so a handler moved elsewhere is not told about the old department's tickets.
// - Submitters: on the ticket, `subscribe` (the reply notice) and `progressSubscribe` (one progress notice: an
//   approved 延期, a re-opened ticket, an answered 追问).
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import { effectiveGrants } from '@/domain/identity';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, handlerScopes, USERS } from '../../server/caller';
import { isConfigAdmin } from '../../server/config';
import type { Database, Doc, Query } from '../../server/db';
import { findIn, isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import type { SubscribeMessage } from '../../server/subscribe-message';
import { sendSubscribeMessage } from '../../server/subscribe-message';
import { TICKETS } from './store';

export const SUBSCRIPTIONS = 'hotline_subscriptions';

/** At most this many people per department (and admins) get a 催办 message about one ticket. */
export const MAX_REMIND_RECIPIENTS = 20;

/** What became of a message: sent, no template configured, WeChat refused it, nobody had allowed one. */
export type SendOutcome = 'sent' | 'no-template' | 'failed' | 'not-subscribed';

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}

/** Sends one message, reporting WeChat's refusal instead of throwing it. */
export async function trySend(message: SubscribeMessage): Promise<{ sent: 'sent' | 'failed'; error: string | null }> {
  try {
    await sendSubscribeMessage(message);
    return { sent: 'sent', error: null };
  } catch (e) {
    return { sent: 'failed', error: errorText(e) };
  }
}

function remindState(doc: Doc | null, caller: Caller): HotlineApi['remindSubscription']['output'] {
  return {
    credits: Math.max(0, Number(doc?.remind) || 0),
    departmentIds: handlerScopes(caller),
    admin: callerIsAdmin(caller),
  };
}

/** How many 催办提醒 messages the caller (a handler or an admin) has allowed and not yet received. */
export async function remindSubscription(
  _input: z.output<typeof hotlineSchemas.remindSubscription>,
  ctx: ActionContext,
): Promise<HotlineApi['remindSubscription']['output']> {
  const openid = ctx.requireOpenid();
  const [caller, { data }] = await Promise.all([ctx.caller(), ctx.db.collection(SUBSCRIPTIONS).doc(openid).get()]);
  return remindState(data, caller);
}

/**
 * The answer to wx.requestSubscribeMessage for the 催办提醒 template: accepted adds one message allowed (and records
 * the departments the caller handles now); refused turns the reminders off (no message is left allowed).
 */
export async function remindSubscribe(
  input: z.output<typeof hotlineSchemas.remindSubscribe>,
  ctx: ActionContext,
): Promise<HotlineApi['remindSubscribe']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const caller = await ctx.caller();
  const who = { departmentIds: handlerScopes(caller), admin: callerIsAdmin(caller), updatedAt: db.serverDate() };
  const ref = db.collection(SUBSCRIPTIONS).doc(openid);
  if (!input.accepted) {
    await ref.set({ data: { ...who, remind: 0 } });
    return remindState({ _id: openid, remind: 0 }, caller);
  }
  // Create with one; when there is a document already, add one to it (`_.inc` never loses a concurrent tap).
  const { stats } = await ref.update({ data: { ...who, remind: db.command.inc(1) } });
  if (stats.updated !== 1) {
    try {
      await db.collection(SUBSCRIPTIONS).add({ data: { _id: openid, ...who, remind: 1 } });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      await ref.update({ data: { ...who, remind: db.command.inc(1) } });
    }
  }
  const { data } = await ref.get();
  return remindState(data, caller);
}

/** Takes one allowed 催办提醒 message off a person; false when none was left (spent meanwhile or turned off). */
async function spendRemind(db: Database, openid: string): Promise<boolean> {
  const { stats } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: openid, remind: db.command.gt(0) })
    .update({ data: { remind: db.command.inc(-1) } });
  return stats.updated === 1;
}

/** Takes the submitter's one allowed progress notice off the ticket; false when there was none. */
export async function spendProgress(db: Database, ticketId: string): Promise<boolean> {
  const { stats } = await db
    .collection(TICKETS)
    .where({ _id: ticketId, progressSubscribe: true })
    .update({ data: { progressSubscribe: false } });
  return stats.updated === 1;
}

/**
 * The people who allowed 催办提醒 messages, per department and the admins, read once per timer run or action (two
 * queries and one read of their roles per department, at most MAX_REMIND_RECIPIENTS each).
 */
export class RemindAudience {
  private readonly handlers = new Map<string, Promise<string[]>>();
  private admins: Promise<string[]> | null = null;

  constructor(private readonly db: Database) {}

  /** Handlers of the department (and the admins when `admins`) who still have a message allowed. */
  async of(departmentId: string | null, admins: boolean): Promise<string[]> {
    const lists = await Promise.all([
      departmentId ? this.department(departmentId) : Promise.resolve([]),
      admins ? this.adminList() : Promise.resolve([]),
    ]);
    return [...new Set(lists.flat())];
  }

  private department(departmentId: string): Promise<string[]> {
    let list = this.handlers.get(departmentId);
    if (!list) {
      const query = this.db
        .collection(SUBSCRIPTIONS)
        .where({ departmentIds: departmentId, remind: this.db.command.gt(0) });
      list = this.load(query, (grants) => grants.some((g) => g.role === 'handler' && g.scopeId === departmentId));
      this.handlers.set(departmentId, list);
    }
    return list;
  }

  private adminList(): Promise<string[]> {
    const query = this.db.collection(SUBSCRIPTIONS).where({ admin: true, remind: this.db.command.gt(0) });
    this.admins ??= this.load(query, (grants) => grants.some((g) => g.role === 'admin'));
    return this.admins;
  }

  private async load(query: Query, holds: (grants: ReturnType<typeof effectiveGrants>) => boolean): Promise<string[]> {
    const { data } = await query.field({ _id: true }).limit(MAX_REMIND_RECIPIENTS).get();
    if (data.length === 0) return [];
    const openids = data.map((d) => d._id);
    const users = new Map((await findIn(this.db, USERS, '_id', openids, { roles: true })).map((u) => [u._id, u]));
    // The role now, not when the reminders were allowed.
    return openids.filter((o) => holds(effectiveGrants(users.get(o)?.roles, isConfigAdmin(o))));
  }
}

export interface Delivery {
  openid: string;
  sent: 'sent' | 'failed';
  error: string | null;
}

/**
 * Sends a 催办 message to each of `openids` who still has one allowed (each send spends one), and sums it up: sent
 * when anyone got it, failed when every send was refused, not-subscribed when nobody had one left.
 */
export async function sendReminders(
  db: Database,
  openids: readonly string[],
  message: (openid: string) => SubscribeMessage,
): Promise<{ sent: SendOutcome; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  for (const openid of openids) {
    if (!(await spendRemind(db, openid))) continue;
    deliveries.push({ openid, ...(await trySend(message(openid))) });
  }
  const sent: SendOutcome =
    deliveries.length === 0 ? 'not-subscribed' : deliveries.some((d) => d.sent === 'sent') ? 'sent' : 'failed';
  return { sent, deliveries };
}
