// Mini-program: asks for the 民声热线 reply notice with wx.requestSubscribeMessage (template id from the build's settings).
import Taro from '@tarojs/taro';

function templateId(): string {
  return process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID ?? '';
}

export function replyNoticeAvailable(): boolean {
  return templateId() !== '';
}

export async function requestReplyNotice(): Promise<boolean> {
  const id = templateId();
  if (!id) return false;
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: [id],
    } as Taro.requestSubscribeMessage.Option)) as Taro.requestSubscribeMessage.SuccessCallbackResult;
    return res[id] === 'accept';
  } catch {
    // Closed, banned in settings, or an old WeChat: the ticket is tracked in 我的诉求 either way.
    return false;
  }
}
