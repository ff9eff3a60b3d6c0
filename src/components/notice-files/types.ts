// Props and rules of NoticeFiles (index.tsx); the picking is FilePicker's, the one platform fork.
import { NOTICE_FILE_EXTENSIONS, NOTICE_FILE_MAX_BYTES, NOTICE_MAX_ATTACHMENTS, noticeFilePath } from '@/domain/notice';
import type { CallError } from '@/services/call-error';
import { dateText } from '@/utils/time';

export interface NoticeAttachmentInput {
  fileID: string;
  name: string;
}

/** `notice`: a notice's attachments (documents and pictures); `study`: an article's pictures. */
export type NoticeFileKind = 'notice' | 'study';

export interface NoticeFilesProps {
  kind?: NoticeFileKind;
  value: NoticeAttachmentInput[];
  onChange: (files: NoticeAttachmentInput[]) => void;
  onError: (error: CallError) => void;
  disabled?: boolean;
  /** Lists the picked files with 删除 (default); off where the page shows them itself (an article's pictures). */
  listed?: boolean;
}

export const FILES_MAX = NOTICE_MAX_ATTACHMENTS;
export const FILE_TOO_BIG = `每个附件不能超过 ${NOTICE_FILE_MAX_BYTES / 1024 / 1024} MB`;
export const FILE_WRONG_TYPE: Record<NoticeFileKind, string> = {
  notice: '附件只能是 PDF、Word、Excel、PPT 或 JPG/PNG 图片',
  study: '图片只能是 JPG、PNG 或 WebP 格式',
};
const EXTENSIONS: Record<NoticeFileKind, readonly string[]> = {
  notice: NOTICE_FILE_EXTENSIONS,
  study: ['jpg', 'jpeg', 'png', 'webp'],
};
export const FILE_ACCEPT: Record<NoticeFileKind, string> = {
  notice: '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png',
  study: 'image/jpeg,image/png,image/webp',
};

/** The file's extension when it is one of the kind's, else null. */
export function attachmentExtension(name: string, kind: NoticeFileKind = 'notice'): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[kind].includes(ext) ? ext : null;
}

/** A unique storage path in the kind's folder (the only folder the server accepts its files from). */
export function attachmentCloudPath(ext: string, kind: NoticeFileKind = 'notice'): string {
  const day = dateText(Date.now()).replace(/-/g, '');
  return noticeFilePath(kind, day, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, ext);
}

/** The name shown to members: the file's own name, cut to what the contract keeps. */
export function attachmentName(name: string): string {
  return name.trim().slice(-100) || '附件';
}
