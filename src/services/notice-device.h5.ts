// H5 (the local cloud and office PCs): no WeChat subscribe messages in a browser; attachments open in a new tab.

export function remindNoticeAvailable(): boolean {
  return false;
}

export async function requestRemindNotice(): Promise<boolean> {
  return false;
}

export async function openAttachment(url: string): Promise<void> {
  window.open(url, '_blank', 'noopener');
}
