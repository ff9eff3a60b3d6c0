// H5 (the local cloud and office PCs): there are no WeChat subscribe messages in a browser.
import type { TicketNoticeAnswer } from './hotline-subscribe';

export function replyNoticeAvailable(): boolean {
  return false;
}

export async function requestReplyNotice(): Promise<TicketNoticeAnswer> {
  return { reply: false, progress: null };
}

export function remindNoticeAvailable(): boolean {
  return false;
}

export async function requestRemindNotice(): Promise<boolean> {
  return false;
}
