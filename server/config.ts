// Deployment settings: every environment variable a cloud function reads is read here, through getters called at
// call time (WeChat lets an admin change them without a redeploy). A malformed value fails the call with the
// variable's name, so a setup mistake is found on the first call, not guessed around. `npx tsx scripts/deploy.ts`
// finds the variables each function needs from the getters it calls.
// The module itself, not the part's index: every function bundles this file, and the index would bring the
// holiday calendar along.
import type { HotlineDeadlines } from '@/domain/hotline/categories';
import { hotlineParseDeadlines } from '@/domain/hotline/categories';
import { parseAdminOpenids } from '@/domain/identity';

/** A setting that cannot be used as it is: thrown, logged by WeChat, answered as INTERNAL. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`环境变量 ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Openids that are admins from the start: ADMIN_OPENIDS, comma-separated (none when unset). */
export function adminOpenids(): string[] {
  return parseAdminOpenids(process.env.ADMIN_OPENIDS);
}

/** Whether an openid is named in ADMIN_OPENIDS. */
export function isConfigAdmin(openid: string): boolean {
  return adminOpenids().includes(openid);
}

/** 民声热线 deadlines in working days: HOTLINE_DEADLINES (e.g. `咨询:3,投诉:10`), else the defaults. */
export function hotlineDeadlines(): HotlineDeadlines {
  const parsed = hotlineParseDeadlines(process.env.HOTLINE_DEADLINES);
  if (!parsed) throw new ConfigError('HOTLINE_DEADLINES', '格式错误，应为“咨询:3,求助:3,投诉:10,建议:10,表扬:10”');
  return parsed;
}

/** The subscribe-message template of the 民声热线 reply notice: HOTLINE_REPLY_TEMPLATE_ID; '' when not set up. */
export function hotlineReplyTemplateId(): string {
  return templateId('HOTLINE_REPLY_TEMPLATE_ID', process.env.HOTLINE_REPLY_TEMPLATE_ID);
}

/**
 * The subscribe-message template of the 民声热线 催办 reminder to handlers and admins (one working day before the
 * deadline, the 催办通知书 after it, the 通报, the submitter's 催办): HOTLINE_REMIND_TEMPLATE_ID; '' when not set up.
 */
export function hotlineRemindTemplateId(): string {
  return templateId('HOTLINE_REMIND_TEMPLATE_ID', process.env.HOTLINE_REMIND_TEMPLATE_ID);
}

/**
 * The subscribe-message template of the 民声热线 progress notice to the submitter (an approved 延期 with the new
 * deadline, a re-opened ticket, an answered 追问): HOTLINE_PROGRESS_TEMPLATE_ID; '' when not set up.
 */
export function hotlineProgressTemplateId(): string {
  return templateId('HOTLINE_PROGRESS_TEMPLATE_ID', process.env.HOTLINE_PROGRESS_TEMPLATE_ID);
}

/** The subscribe-message template of the 通知公告 reminder: NOTICE_REMIND_TEMPLATE_ID; '' when not set up. */
export function noticeRemindTemplateId(): string {
  return templateId('NOTICE_REMIND_TEMPLATE_ID', process.env.NOTICE_REMIND_TEMPLATE_ID);
}

/** The subscribe-message template of the 换届 reminder (register function): REGISTER_REMIND_TEMPLATE_ID; '' when not set up. */
export function registerRemindTemplateId(): string {
  return templateId('REGISTER_REMIND_TEMPLATE_ID', process.env.REGISTER_REMIND_TEMPLATE_ID);
}

/** WeChat template ids are letters, digits, `-` and `_`; anything else (a pasted title, spaces inside) is a mistake. */
function templateId(variable: string, raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value !== '' && !/^[\w-]+$/.test(value))
    throw new ConfigError(variable, '应为订阅消息模板编号（字母、数字、-、_）');
  return value;
}
