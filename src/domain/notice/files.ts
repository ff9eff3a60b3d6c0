// Files of notices and articles: attachments in cloud storage's `notice/` folder, article pictures in `study/`.

export const NOTICE_FILE_FOLDER = 'notice/';
export const STUDY_IMAGE_FOLDER = 'study/';
/** Attachments a notice may carry (a 通知 with its 附件: the document, a form to fill in, a schedule). */
export const NOTICE_MAX_ATTACHMENTS = 6;
/** The page checks size before uploading (WeChat's chooseMessageFile and cloud storage handle far more). */
export const NOTICE_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const NOTICE_FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png'];

const fileIdPattern = (folder: string, exts: readonly string[]) =>
  new RegExp(`^cloud://[A-Za-z0-9_.-]+/${folder}[A-Za-z0-9_\\-/]{1,160}\\.(${exts.join('|')})$`, 'i');
const ATTACHMENT_FILE_ID = fileIdPattern(NOTICE_FILE_FOLDER, NOTICE_FILE_EXTENSIONS);
const STUDY_IMAGE_FILE_ID = fileIdPattern(STUDY_IMAGE_FOLDER, ['jpg', 'jpeg', 'png', 'webp']);

/**
 * The cloud-storage path a page uploads a file to (`notice/<day>/<unique>.<ext>` or `study/…`); the server accepts
 * files only from these folders, so a notice cannot point at another feature's (or person's) uploads.
 *
 * @example noticeFilePath('notice', '20200701', 'ab12', 'PDF') // 'notice/20200701/ab12.pdf'
 */
export function noticeFilePath(kind: 'notice' | 'study', day: string, unique: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const folder = kind === 'notice' ? NOTICE_FILE_FOLDER : STUDY_IMAGE_FOLDER;
  return `${folder}${safe(day)}/${safe(unique)}.${ext.toLowerCase() === 'jpeg' ? 'jpg' : ext.toLowerCase()}`;
}

/**
 * Why a notice's attachments are not acceptable, or null.
 *
 * @example noticeAttachmentsProblem(['cloud://env.b/notice/20200701/a.pdf']) // null
 * @example noticeAttachmentsProblem(['cloud://env.b/hotline/o1/a.jpg']) // '第 1 个附件不是上传到通知目录的文件'
 */
export function noticeAttachmentsProblem(fileIDs: readonly string[]): string | null {
  if (fileIDs.length > NOTICE_MAX_ATTACHMENTS) return `最多 ${NOTICE_MAX_ATTACHMENTS} 个附件`;
  if (new Set(fileIDs).size !== fileIDs.length) return '附件重复';
  const bad = fileIDs.findIndex((f) => !ATTACHMENT_FILE_ID.test(f) || f.includes('..'));
  return bad >= 0 ? `第 ${bad + 1} 个附件不是上传到通知目录的文件` : null;
}

/**
 * Why an article's pictures are not acceptable, or null.
 *
 * @example studyImagesProblem(['cloud://env.b/study/20200701/a.png']) // null
 */
export function studyImagesProblem(fileIDs: readonly string[]): string | null {
  const bad = fileIDs.findIndex((f) => !STUDY_IMAGE_FILE_ID.test(f) || f.includes('..'));
  return bad >= 0 ? `第 ${bad + 1} 张图片不是上传到学习资料目录的图片` : null;
}
