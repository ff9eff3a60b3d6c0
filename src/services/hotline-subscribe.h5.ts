// H5 (the local cloud and office PCs): there are no WeChat subscribe messages in a browser.

export function replyNoticeAvailable(): boolean {
  return false;
}

export async function requestReplyNotice(): Promise<boolean> {
  return false;
}
