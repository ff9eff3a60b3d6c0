// Limits on a submission: photos (count, storage location, type) and how many tickets a person may file a day.

/** Tickets one person may submit per Shanghai day. */
export const HOTLINE_DAILY_LIMIT = 5;
export const HOTLINE_MAX_PHOTOS = 6;
/** The page checks size before uploading; the server checks the stored files are in the hotline folder. */
export const HOTLINE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const HOTLINE_PHOTO_FOLDER = 'hotline/';
export const HOTLINE_TITLE_MAX = 50;
export const HOTLINE_CONTENT_MAX = 2000;
export const HOTLINE_REPLY_MAX = 2000;
export const HOTLINE_COMMENT_MAX = 300;
export const HOTLINE_REASON_MAX = 200;
/** The most working days one 延期申请 may ask for. */
export const HOTLINE_MAX_EXTENSION_DAYS = 15;

/** `cloud://<env>.<bucket>/hotline/<path>.<jpg|jpeg|png|webp>` */
const PHOTO_FILE_ID = /^cloud:\/\/[A-Za-z0-9_.-]+\/hotline\/[A-Za-z0-9_\-/]{1,160}\.(jpe?g|png|webp)$/i;

/**
 * The cloud-storage path a page uploads a photo to (the server accepts photos only from this folder).
 *
 * @example hotlinePhotoPath('o1', 'ab12', 'jpg') // 'hotline/o1/ab12.jpg'
 */
export function hotlinePhotoPath(openid: string, unique: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return `${HOTLINE_PHOTO_FOLDER}${safe(openid)}/${safe(unique)}.${ext.toLowerCase() === 'jpeg' ? 'jpg' : ext.toLowerCase()}`;
}

/**
 * Why a list of photo fileIDs is not acceptable, or null: at most 6, no repeats, each a file uploaded to the
 * hotline folder of cloud storage as an image.
 *
 * @example hotlinePhotosProblem(['cloud://env.b/hotline/o1/a.jpg']) // null
 * @example hotlinePhotosProblem(['https://example.com/a.jpg'])      // '第 1 张照片不是上传到诉求目录的图片'
 */
export function hotlinePhotosProblem(fileIDs: readonly string[]): string | null {
  if (fileIDs.length > HOTLINE_MAX_PHOTOS) return `最多上传 ${HOTLINE_MAX_PHOTOS} 张照片`;
  if (new Set(fileIDs).size !== fileIDs.length) return '照片重复';
  const bad = fileIDs.findIndex((f) => !PHOTO_FILE_ID.test(f) || f.includes('..'));
  return bad >= 0 ? `第 ${bad + 1} 张照片不是上传到诉求目录的图片` : null;
}

/**
 * Whether a person who already submitted `today` tickets today may submit another.
 *
 * @example hotlineWithinDailyLimit(4) // true
 * @example hotlineWithinDailyLimit(5) // false
 */
export function hotlineWithinDailyLimit(today: number, limit: number = HOTLINE_DAILY_LIMIT): boolean {
  return today < limit;
}
