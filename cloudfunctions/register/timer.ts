// The daily timer: for each term that has reached its 6-, 3- or 1-month reminder day, records the reminder once and
// sends it as a subscribe message (REGISTER_REMIND_TEMPLATE_ID) to the organisation's secretaries and the admins.
import { effectiveGrants } from '@/domain/identity';
import type { ReminderMonths } from '@/domain/register';
import { termReminderDue } from '@/domain/register';
import { readGrantHolders } from '../../server/caller';
import { adminOpenids, registerRemindTemplateId } from '../../server/config';
import type { Database } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { readDirectory } from '../../server/directory';
import { sendSubscribeMessage } from '../../server/subscribe-message';
import { shanghaiDay } from '../../server/time';
import { markReminded, readTermSummary, REGISTER_REMINDERS } from './store';

/** Pages of grant holders read per run (100 each): the 工委's admins and secretaries, never the whole roster. */
const MAX_GRANT_PAGES = 20;

export interface RegisterTimerResult {
  reminded: number;
  messages: number;
  failed: number;
}

/** Who holds which grants: admins, and secretaries by organisation (one read per 100 grant holders). */
async function recipients(db: Database): Promise<{ admins: Set<string>; secretaries: Map<string, string[]> }> {
  const admins = new Set(adminOpenids());
  const secretaries = new Map<string, string[]>();
  for (const u of await readGrantHolders(db, MAX_GRANT_PAGES, { _id: true, roles: true })) {
    for (const g of effectiveGrants(u.roles, false)) {
      if (g.role === 'admin') admins.add(u._id);
      if (g.role === 'secretary' && g.scopeId)
        secretaries.set(g.scopeId, [...(secretaries.get(g.scopeId) ?? []), u._id]);
    }
  }
  return { admins, secretaries };
}

const MONTH_TEXT: Readonly<Record<ReminderMonths, string>> = { 6: '6个月', 3: '3个月', 1: '1个月' };

export async function runTimer(db: Database, at: Date): Promise<RegisterTimerResult> {
  const today = shanghaiDay(at);
  const summary = await readTermSummary(db);
  const due = [...summary.terms]
    .map(([orgId, e]) => ({ orgId, e, months: termReminderDue(e.endsOn, today, e.remindedMonths) }))
    .filter((d): d is typeof d & { months: ReminderMonths } => d.months !== null);
  const result: RegisterTimerResult = { reminded: 0, messages: 0, failed: 0 };
  if (due.length === 0) return result;
  const [dir, people] = await Promise.all([readDirectory(db), recipients(db)]);
  const names = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  const templateId = registerRemindTemplateId();
  for (const { orgId, e, months } of due) {
    const orgName = names.get(orgId) ?? orgId;
    const reminderId = `${orgId}:${e.endsOn}:${months}`;
    // The record is claimed before any message goes out: a second run on the same day finds it and sends nothing.
    try {
      await db.collection(REGISTER_REMINDERS).add({
        data: {
          _id: reminderId,
          orgId,
          endsOn: e.endsOn,
          months,
          day: today,
          outcomes: [],
          createdAt: db.serverDate(),
        },
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await markReminded(db, orgId, months, today);
      continue;
    }
    const to = [...new Set([...(people.secretaries.get(orgId) ?? []), ...people.admins])];
    const outcomes: Array<{ openid: string; status: 'sent' | 'failed' | 'no-template'; error: string | null }> = [];
    for (const openid of to) {
      if (!templateId) {
        outcomes.push({ openid, status: 'no-template', error: null });
        continue;
      }
      try {
        await sendSubscribeMessage({
          touser: openid,
          templateId,
          page: 'admin/register-terms/index',
          data: {
            thing1: { value: orgName.slice(0, 20) },
            date2: { value: e.endsOn },
            thing3: { value: `任期将于${MONTH_TEXT[months]}内届满，请按期换届` },
          },
        });
        outcomes.push({ openid, status: 'sent', error: null });
        result.messages++;
      } catch (err) {
        const error = (err instanceof Error ? err.message : String(err)).slice(0, 200);
        outcomes.push({ openid, status: 'failed', error });
        result.failed++;
      }
    }
    await db
      .collection(REGISTER_REMINDERS)
      .doc(reminderId)
      .update({ data: { outcomes: db.command.set(outcomes) } });
    await markReminded(db, orgId, months, today);
    result.reminded++;
  }
  return result;
}
