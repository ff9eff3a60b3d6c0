// Messages about tickets: 催办 reminders to departments and reply notices to submitters, recorded one document each.
// A reply notice is also sent as a WeChat subscribe message when the submitter allowed it (the `subscribe` action)
// and a template is configured (HOTLINE_REPLY_TEMPLATE_ID); the local cloud's subscribeMessage.send stand-in
// checks the message like WeChat and records it instead of delivering it.
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { hotlineReplyTemplateId } from '../../server/config';
import type { SubscribeMessage } from '../../server/subscribe-message';
import { sendSubscribeMessage } from '../../server/subscribe-message';
import { REMINDERS } from './store';

export type ReminderKind = 'due-soon' | 'overdue' | 'reply-notice' | 'report' | 'urge' | 'extension' | 'answer';

/** Stores a message once (deterministic `_id`); a repeat of the same message is ignored. */
async function record(db: Database, id: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(REMINDERS).add({ data: { _id: id, ...data, createdAt: db.serverDate() } });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

/** The subscribe message for a reply, in `subscribeMessage.send`'s shape (thing = ≤20 chars, phrase = ≤5). */
export function replyMessage(t: Doc, departmentName: string, templateId: string): SubscribeMessage {
  return {
    touser: String(t.openid),
    templateId,
    page: `pages/hotline-ticket/index?id=${t._id}`,
    data: {
      character_string1: { value: String(t.ticketNo) },
      thing2: { value: String(t.title).slice(0, 20) },
      thing3: { value: departmentName.slice(0, 20) || '承办部门' },
      phrase4: { value: '已答复' },
    },
  };
}

/** Records (and where configured, sends) the notice that a ticket was answered. */
export async function notifyReply(db: Database, t: Doc, departmentName: string): Promise<void> {
  const templateId = hotlineReplyTemplateId();
  const message = replyMessage(t, departmentName, templateId);
  const replies = Array.isArray(t.replies) ? t.replies.length : 0;
  let sent: 'sent' | 'no-template' | 'failed' = 'no-template';
  let error: string | null = null;
  if (templateId) {
    try {
      await sendSubscribeMessage(message);
      sent = 'sent';
    } catch (e) {
      sent = 'failed';
      error = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
    }
  }
  await record(db, `${t._id}:reply-notice:${replies + 1}`, {
    kind: 'reply-notice',
    ticketId: t._id,
    ticketNo: t.ticketNo,
    departmentId: t.departmentId ?? null,
    openid: t.openid,
    message,
    sent,
    error,
  });
}

/** What each rung of the 催办 ladder (and the submitter's 催办) says, and to whom it goes. */
function ladderMessage(t: Doc, kind: 'due-soon' | 'overdue' | 'report' | 'urge'): { message: string; to: string[] } {
  const no = String(t.ticketNo);
  const due = String(t.dueDay);
  const handlers = `handlers:${typeof t.departmentId === 'string' ? t.departmentId : 'unassigned'}`;
  switch (kind) {
    case 'due-soon':
      return { message: `诉求 ${no} 将于 ${due} 到期，请按期答复`, to: [handlers] };
    case 'overdue':
      return { message: `催办通知书：诉求 ${no} 已超过办理期限（${due}），请尽快答复`, to: [handlers, 'admin'] };
    case 'report':
      return { message: `超期通报：诉求 ${no} 超过办理期限（${due}）已满 5 个工作日仍未答复`, to: [handlers, 'admin'] };
    case 'urge':
      return { message: `诉求人催办：诉求 ${no} 已超过办理期限（${due}），请尽快答复`, to: [handlers] };
  }
}

/**
 * Records a 催办 reminder (one working day before the deadline, the 催办通知书 the day after, the 通报 at 5 working
 * days late, the submitter's 催办) for the department's handlers and, from the 催办通知书 on, the admins; false
 * when already recorded. `day` makes a repeatable reminder (the submitter's daily 催办) unique per day.
 */
export async function remindDepartment(
  db: Database,
  t: Doc,
  kind: 'due-soon' | 'overdue' | 'report' | 'urge',
  day?: string,
): Promise<boolean> {
  const { message, to } = ladderMessage(t, kind);
  return record(db, `${t._id}:${kind}:${String(t.dueDay)}${day ? `:${day}` : ''}`, {
    kind,
    ticketId: t._id,
    ticketNo: t.ticketNo,
    departmentId: typeof t.departmentId === 'string' ? t.departmentId : 'unassigned',
    dueDay: t.dueDay,
    dueMs: t.dueMs,
    to,
    message,
  });
}

/** Records a notice for the submitter (an approved extension, an answered 追问), shown on the ticket's timeline too. */
export async function notifySubmitter(
  db: Database,
  t: Doc,
  kind: 'extension' | 'answer',
  message: string,
): Promise<void> {
  await record(db, `${t._id}:${kind}:${Number(t.version) || 0}`, {
    kind,
    ticketId: t._id,
    ticketNo: t.ticketNo,
    departmentId: typeof t.departmentId === 'string' ? t.departmentId : 'unassigned',
    openid: t.openid,
    to: ['submitter'],
    message,
  });
}
