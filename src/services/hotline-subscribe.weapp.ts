// Mini-program: asks for the 民声热线 subscribe messages with wx.requestSubscribeMessage (template ids from the
// build's settings): the submitter's reply notice with, in the same dialog, one progress notice (延期, 重新办理),
// and a handler's or admin's 催办提醒. Each "允许" lets the functions send one message of that template.
import Taro from '@tarojs/taro';
import type { TicketNoticeAnswer } from './hotline-subscribe';

function templateId(): string {
  return process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID ?? '';
}

function progressTemplateId(): string {
  return process.env.TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID ?? '';
}

function remindTemplateId(): string {
  return process.env.TARO_APP_HOTLINE_REMIND_TEMPLATE_ID ?? '';
}

async function ask(ids: string[]): Promise<Record<string, unknown> | null> {
  try {
    return (await Taro.requestSubscribeMessage({
      tmplIds: ids,
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
  } catch {
    // Closed, banned in settings, or an old WeChat: the ticket is tracked in 我的诉求 either way.
    return null;
  }
}

export function replyNoticeAvailable(): boolean {
  return templateId() !== '';
}

export async function requestReplyNotice(): Promise<TicketNoticeAnswer> {
  const reply = templateId();
  const progress = progressTemplateId();
  if (!reply) return { reply: false, progress: null };
  const res = await ask(progress ? [reply, progress] : [reply]);
  return { reply: res?.[reply] === 'accept', progress: progress ? res?.[progress] === 'accept' : null };
}

export function remindNoticeAvailable(): boolean {
  return remindTemplateId() !== '';
}

export async function requestRemindNotice(): Promise<boolean> {
  const id = remindTemplateId();
  if (!id) return false;
  const res = await ask([id]);
  return res?.[id] === 'accept';
}
