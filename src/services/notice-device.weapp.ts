// Mini-program: the 通知 未读提醒 subscribe message (template id from the build's settings) and attachments opened in
// WeChat's document viewer.
import Taro from '@tarojs/taro';

function templateId(): string {
  return process.env.TARO_APP_NOTICE_REMIND_TEMPLATE_ID ?? '';
}

export function remindNoticeAvailable(): boolean {
  return templateId() !== '';
}

export async function requestRemindNotice(): Promise<boolean> {
  const id = templateId();
  if (!id) return false;
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: [id],
    } as Taro.requestSubscribeMessage.Option)) as Taro.requestSubscribeMessage.SuccessCallbackResult;
    return res[id] === 'accept';
  } catch {
    // Closed, banned in settings, or an old WeChat: the unread mark on 首页 still shows.
    return false;
  }
}

export async function openAttachment(url: string, name: string): Promise<void> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  Taro.showLoading({ title: '正在打开…' });
  try {
    const { tempFilePath } = await Taro.downloadFile({ url });
    if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') await Taro.previewImage({ urls: [tempFilePath] });
    else await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
  } catch {
    Taro.showToast({ title: '附件打开失败，请稍后重试', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}
