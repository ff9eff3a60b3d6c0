// Messages about tickets: 催办 reminders to departments and reply notices to submitters, recorded one document each.
// A reply notice is also sent as a WeChat subscribe message when the submitter allowed it (the `subscribe` action)
// and a template is configured (HOTLINE_REPLY_TEMPLATE_ID); the local cloud's subscribeMessage.send stand-in
// checks the message like WeChat and records it instead of delivering it.
// The 催办 ladder's reminders go as subscribe messages (HOTLINE_REMIND_TEMPLATE_ID) to the department's handlers,
// and from the 催办通知书 on to the admins, who allowed them (`remindSubscribe`); an approved 延期 and a re-opened
// ticket go to the submitter who allowed a progress notice (HOTLINE_PROGRESS_TEMPLATE_ID). Each record says what
// became of its message: sent, no-template, failed or not-subscribed. A refused send never fails the step.
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { hotlineProgressTemplateId, hotlineRemindTemplateId, hotlineReplyTemplateId } from '../../server/config';
import type { SubscribeMessage } from '../../server/subscribe-message';
import { REMINDERS } from './store';
import type { Delivery, SendOutcome } from './subscriptions';
import { errorText, RemindAudience, sendReminders, spendProgress, trySend } from './subscriptions';

export type ReminderKind =
  'due-soon' | 'overdue' | 'reply-notice' | 'report' | 'urge' | 'extension' | 'answer' | 'reopen';

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

/** A subscribe message to the ticket's submitter that opens the ticket; the ticket number is its first field. */
function submitterMessage(t: Doc, templateId: string, data: SubscribeMessage['data']): SubscribeMessage {
  return {
    touser: String(t.openid),
    templateId,
    page: `pages/hotline-ticket/index?id=${t._id}`,
    data: { character_string1: { value: String(t.ticketNo) }, ...data },
  };
}

/** The subscribe message for a reply, in `subscribeMessage.send`'s shape (thing = ≤20 chars, phrase = ≤5). */
export function replyMessage(t: Doc, departmentName: string, templateId: string): SubscribeMessage {
  return submitterMessage(t, templateId, {
    thing2: { value: String(t.title).slice(0, 20) },
    thing3: { value: departmentName.slice(0, 20) || '承办部门' },
    phrase4: { value: '已答复' },
  });
}

/** Sends a message when its template is configured, saying what became of it (WeChat's refusal is not thrown). */
export async function sendIfConfigured(
  message: SubscribeMessage,
): Promise<{ sent: 'sent' | 'no-template' | 'failed'; error: string | null }> {
  return message.templateId ? trySend(message) : { sent: 'no-template', error: null };
}

/** Records (and where configured, sends) the notice that a ticket was answered. */
export async function notifyReply(db: Database, t: Doc, departmentName: string): Promise<void> {
  const message = replyMessage(t, departmentName, hotlineReplyTemplateId());
  const replies = Array.isArray(t.replies) ? t.replies.length : 0;
  const { sent, error } = await sendIfConfigured(message);
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

type LadderKind = 'due-soon' | 'overdue' | 'report' | 'urge';

/** What each rung of the 催办 ladder (and the submitter's 催办) says, and to whom it goes. */
function ladderMessage(t: Doc, kind: LadderKind): { message: string; to: string[] } {
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

/** A day 'YYYY-MM-DD' as a subscribe message's `date` keyword wants it: 2026年12月8日. */
export function wxDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

const LADDER_WX: Readonly<Record<LadderKind, { phrase: string; note: string }>> = {
  'due-soon': { phrase: '即将到期', note: '请于办理期限前答复诉求人' },
  overdue: { phrase: '已超期', note: '催办通知书：请尽快答复' },
  report: { phrase: '超期通报', note: '超期满5个工作日，已列入通报' },
  urge: { phrase: '群众催办', note: '诉求人催办，请尽快答复' },
};

/** The 催办提醒 subscribe message (thing ≤ 20 characters, phrase ≤ 5, date as 年月日). */
export function remindMessage(t: Doc, kind: LadderKind, openid: string, templateId: string): SubscribeMessage {
  const { phrase, note } = LADDER_WX[kind];
  return {
    touser: openid,
    templateId,
    page: `pages/hotline-ticket/index?id=${t._id}`,
    data: {
      character_string1: { value: String(t.ticketNo) },
      thing2: { value: String(t.title ?? '').slice(0, 20) || '民声热线诉求' },
      date3: { value: wxDate(String(t.dueDay)) },
      phrase4: { value: phrase },
      thing5: { value: note },
    },
  };
}

/**
 * Records a 催办 reminder (one working day before the deadline, the 催办通知书 the day after, the 通报 at 5 working
 * days late, the submitter's 催办) for the department's handlers and, from the 催办通知书 on, the admins, and sends
 * it to each of them who allowed a 催办提醒 message; false when already recorded (nothing is sent twice: the
 * record is claimed before any message goes out). `day` makes a repeatable reminder (the submitter's daily 催办)
 * unique per day; `audience` shares the reading of who allowed messages across one timer run.
 */
export async function remindDepartment(
  db: Database,
  t: Doc,
  kind: LadderKind,
  day?: string,
  audience?: RemindAudience,
): Promise<boolean> {
  const { message, to } = ladderMessage(t, kind);
  const departmentId = typeof t.departmentId === 'string' ? t.departmentId : null;
  const id = `${t._id}:${kind}:${String(t.dueDay)}${day ? `:${day}` : ''}`;
  const base = {
    kind,
    ticketId: t._id,
    ticketNo: t.ticketNo,
    departmentId: departmentId ?? 'unassigned',
    dueDay: t.dueDay,
    dueMs: t.dueMs,
    to,
    message,
  };
  const templateId = hotlineRemindTemplateId();
  if (!templateId) return record(db, id, { ...base, sent: 'no-template', deliveries: [], error: null });
  let openids: string[];
  try {
    openids = await (audience ?? new RemindAudience(db)).of(departmentId, to.includes('admin'));
  } catch (e) {
    return record(db, id, { ...base, sent: 'failed', deliveries: [], error: errorText(e) });
  }
  if (openids.length === 0) return record(db, id, { ...base, sent: 'not-subscribed', deliveries: [], error: null });
  if (!(await record(db, id, { ...base, sent: 'sending', deliveries: [], error: null }))) return false;
  let outcome: { sent: SendOutcome; deliveries: Delivery[]; error: string | null };
  try {
    outcome = { ...(await sendReminders(db, openids, (o) => remindMessage(t, kind, o, templateId))), error: null };
  } catch (e) {
    outcome = { sent: 'failed', deliveries: [], error: errorText(e) };
  }
  try {
    await db.collection(REMINDERS).doc(id).update({ data: outcome });
  } catch {
    // The reminder is recorded and its messages are out; only the summary of the sends is missing.
  }
  return true;
}

/** What the submitter's progress notice says: the new state, the deadline in force, a note (≤ 20 characters). */
export interface Progress {
  phrase: string;
  dueDay: string;
  note: string;
}

/** The progress subscribe message to the submitter (thing ≤ 20 characters, phrase ≤ 5, date as 年月日). */
export function progressMessage(t: Doc, progress: Progress, templateId: string): SubscribeMessage {
  return submitterMessage(t, templateId, {
    thing2: { value: String(t.title ?? '').slice(0, 20) || '民声热线诉求' },
    phrase3: { value: progress.phrase },
    date4: { value: wxDate(progress.dueDay) },
    thing5: { value: progress.note.slice(0, 20) },
  });
}

/**
 * Records a notice for the submitter (an approved extension, a re-opened ticket, an answered 追问), shown on the
 * ticket's timeline too; with `progress`, also sends it as a subscribe message when the submitter allowed one
 * (which spends it).
 */
export async function notifySubmitter(
  db: Database,
  t: Doc,
  kind: 'extension' | 'answer' | 'reopen',
  message: string,
  progress?: Progress,
): Promise<void> {
  let wx: Record<string, unknown> = {};
  if (progress) {
    const templateId = hotlineProgressTemplateId();
    const wxMessage = progressMessage(t, progress, templateId);
    let sent: SendOutcome = 'no-template';
    let error: string | null = null;
    if (templateId) {
      try {
        if (t.progressSubscribe === true && (await spendProgress(db, t._id)))
          ({ sent, error } = await trySend(wxMessage));
        else sent = 'not-subscribed';
      } catch (e) {
        sent = 'failed';
        error = errorText(e);
      }
    }
    wx = { wxMessage, sent, error };
  }
  await record(db, `${t._id}:${kind}:${Number(t.version) || 0}`, {
    kind,
    ticketId: t._id,
    ticketNo: t.ticketNo,
    departmentId: typeof t.departmentId === 'string' ? t.departmentId : 'unassigned',
    openid: t.openid,
    to: ['submitter'],
    message,
    ...wx,
  });
}
