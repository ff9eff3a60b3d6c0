// notice.sent, receipts, remind and subscribe: what a sender sees of a notice (counters on the notice, read rows one
// page at a time) and the reminder to the unread, sent as a subscribe message to those who allowed one.
import type { z } from 'zod';
import type { NoticeApi, noticeSchemas } from '@/domain/api/notice';
import { NOTICE_PAGE_SIZE, RECEIPTS_PAGE_SIZE } from '@/domain/api/notice';
import { NOTICE_REMIND_INTERVAL_MS, noticeRemindAllowed } from '@/domain/notice';
import { AppError } from '../../server/app-error';
import { callerIsAdmin, requireMember, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError, PAGE_SIZE, readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { managesNotice, ms, NOTICE_RECEIPTS, NOTICE_SUBSCRIPTIONS, NOTICES, receiptRow, sentNotice } from './store';
import { shanghaiIso } from '../../server/time';
import { noticeRemindTemplateId } from '../../server/config';
import type { SubscribeMessage } from '../../server/subscribe-message';
import { sendSubscribeMessage } from '../../server/subscribe-message';

/** Most unread members one reminder reaches (ten pages); a larger audience is reminded by its branches' secretaries. */
export const REMIND_MAX = 1000;

export async function sent(
  input: z.output<typeof noticeSchemas.sent>,
  ctx: ActionContext,
): Promise<NoticeApi['sent']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const page = input.page ?? 0;
  const all = db.collection(NOTICES);
  const mine = callerIsAdmin(caller) ? all : all.where({ managerOrgIds: db.command.in(secretaryScopes(caller)) });
  const { rows, hasMore } = await readPage(
    mine.orderBy('publishedAt', 'desc').field({ body: false }),
    page,
    NOTICE_PAGE_SIZE,
  );
  return { notices: rows.map(sentNotice), hasMore };
}

async function managedNotice(ctx: ActionContext, noticeId: string): Promise<Doc> {
  const caller = await ctx.caller();
  const { data } = await ctx.db.collection(NOTICES).doc(noticeId).get();
  if (!data) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
  if (!managesNotice(caller, data)) throw new AppError('PERMISSION_DENIED', '只有发送人和上级组织可以查看阅读情况');
  return data;
}

/** One page of the read or the unread, in roster order: the notice (one read) and the page (one read). */
export async function receipts(
  input: z.output<typeof noticeSchemas.receipts>,
  ctx: ActionContext,
): Promise<NoticeApi['receipts']['output']> {
  const notice = await managedNotice(ctx, input.noticeId);
  const page = input.page ?? 0;
  const { data } = await ctx.db
    .collection(NOTICE_RECEIPTS)
    .where({ noticeId: notice._id, read: input.status === 'read' })
    .orderBy('order', 'asc')
    .skip(page * RECEIPTS_PAGE_SIZE)
    .limit(RECEIPTS_PAGE_SIZE)
    .get();
  const confirmByMs = ms(notice.confirmBy);
  const nowMs = Date.now();
  // One extra row would cost a second page read; a full page says "maybe more", the next page answers.
  return {
    notice: sentNotice(notice),
    rows: data.map((r) => receiptRow(r, confirmByMs, nowMs)),
    hasMore: data.length === RECEIPTS_PAGE_SIZE,
  };
}

/** The subscribe message for a reminder (thing = at most 20 characters, phrase = at most 5). */
export function reminderMessage(notice: Doc, openid: string, templateId: string): SubscribeMessage {
  return {
    touser: openid,
    templateId,
    page: `notice/detail/index?id=${notice._id}`,
    data: {
      thing1: { value: (str(notice, 'title') ?? '通知').slice(0, 20) },
      thing2: { value: (str(notice, 'senderName') ?? '机关工委').slice(0, 20) },
      phrase3: { value: '请阅读' },
    },
  };
}

/** Uses one of the member's subscribe credits (a conditional decrement, so two reminders cannot spend one twice). */
async function spendCredit(db: Database, openid: string): Promise<boolean> {
  const { stats } = await db
    .collection(NOTICE_SUBSCRIPTIONS)
    .where({ _id: openid, credits: db.command.gt(0) })
    .update({ data: { credits: db.command.inc(-1) } });
  return stats.updated === 1;
}

/**
 * Reminds the unread: marks their receipts 催阅 (shown on their 首页) and sends a subscribe message to each who
 * allowed one (when a template is configured: NOTICE_REMIND_TEMPLATE_ID). At most once an hour per notice; the
 * claim on the notice is a conditional update, so two senders pressing at once remind once.
 */
export async function remind(
  input: z.output<typeof noticeSchemas.remind>,
  ctx: ActionContext,
): Promise<NoticeApi['remind']['output']> {
  const { db } = ctx;
  const notice = await managedNotice(ctx, input.noticeId);
  const now = new Date();
  const last = ms(notice.lastRemindedAt);
  const allowed = noticeRemindAllowed({ lastRemindedAtMs: last, nowMs: now.getTime() });
  if (!allowed.ok)
    throw new AppError(
      'RESOURCE_EXHAUSTED',
      `一小时内只能提醒一次，请于 ${shanghaiIso(new Date(allowed.nextAtMs)).slice(11, 16)} 后再试`,
    );
  const { stats } = await db
    .collection(NOTICES)
    .where({ _id: notice._id, lastRemindedAt: notice.lastRemindedAt ?? null })
    .update({ data: { lastRemindedAt: now } });
  if (stats.updated !== 1) throw new AppError('RESOURCE_EXHAUSTED', '刚刚已提醒过，请稍后再试');

  const templateId = noticeRemindTemplateId();
  let unread = 0;
  let messaged = 0;
  for (let page = 0; unread < REMIND_MAX; page++) {
    // Marking a row reminded keeps it unread, so the pages do not shift under the loop.
    const { data: rows } = await db
      .collection(NOTICE_RECEIPTS)
      .where({ noticeId: notice._id, read: false })
      .orderBy('order', 'asc')
      .skip(page * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .field({ _id: true, memberId: true })
      .get();
    if (rows.length === 0) break;
    unread += rows.length;
    await db
      .collection(NOTICE_RECEIPTS)
      .where({ _id: db.command.in(rows.map((r) => r._id)), read: false })
      .update({ data: { remindedAt: now } });
    if (templateId) {
      const members = await findIn(
        db,
        MEMBERS,
        '_id',
        rows.map((r) => String(r.memberId)),
        { _id: true, openid: true },
      );
      const openids = members.map((m) => str(m, 'openid')).filter((o): o is string => !!o);
      const subs = await findIn(db, NOTICE_SUBSCRIPTIONS, '_id', openids, { _id: true, credits: true });
      for (const s of subs) {
        if (!(Number(s.credits) > 0) || !(await spendCredit(db, s._id))) continue;
        try {
          await sendSubscribeMessage(reminderMessage(notice, s._id, templateId));
          messaged++;
        } catch {
          // Unsubscribed since, or blocked by WeChat: the 首页 mark still tells them.
        }
      }
    }
    if (rows.length < PAGE_SIZE) break;
  }
  return {
    unread,
    messaged,
    withoutSubscription: unread - messaged,
    nextRemindAt: shanghaiIso(new Date(now.getTime() + NOTICE_REMIND_INTERVAL_MS)),
  };
}

/** The member allowed one more reminder message (or refused: nothing to store). */
export async function subscribe(
  input: z.output<typeof noticeSchemas.subscribe>,
  ctx: ActionContext,
): Promise<NoticeApi['subscribe']['output']> {
  const { db } = ctx;
  requireMember(await ctx.caller());
  const openid = ctx.requireOpenid();
  const ref = db.collection(NOTICE_SUBSCRIPTIONS).doc(openid);
  if (input.accepted) {
    // Create with one credit; when there is a document already, add one to it (`_.inc` never loses a concurrent tap).
    try {
      await db.collection(NOTICE_SUBSCRIPTIONS).add({ data: { _id: openid, credits: 1, updatedAt: db.serverDate() } });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      await ref.update({ data: { credits: db.command.inc(1), updatedAt: db.serverDate() } });
    }
  }
  const { data } = await ref.get();
  return { credits: Number(data?.credits) || 0 };
}
