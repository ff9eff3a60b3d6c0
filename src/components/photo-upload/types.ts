// Props shared by PhotoUpload's users; index.tsx checks and uploads, FilePicker (components/file-picker) picks.
import { HOTLINE_MAX_PHOTOS, HOTLINE_PHOTO_MAX_BYTES, hotlinePhotoPath } from '@/domain/hotline/limits';
import type { CallError } from '@/services/call-error';
import { dateText } from '@/utils/time';

export interface PhotoUploadProps {
  /** fileIDs uploaded so far. */
  value: string[];
  onChange: (fileIDs: string[]) => void;
  onError: (error: CallError) => void;
  disabled?: boolean;
  /** Where a photo goes in storage (the folder the server accepts): the hotline folder when left out. */
  cloudPath?: (fileName: string) => string;
  /** Most photos (default: the hotline's 6). */
  max?: number;
  /** Temporary URLs of photos uploaded earlier (a saved 纪实 opened again), to show them as thumbnails. */
  urls?: Readonly<Record<string, string>>;
}

export const PHOTO_TYPES = /\.(jpe?g|png|webp)$/i;
export const PHOTO_TOO_BIG = `每张照片不能超过 ${HOTLINE_PHOTO_MAX_BYTES / 1024 / 1024} MB`;
export const PHOTO_WRONG_TYPE = '只能上传 JPG、PNG 或 WebP 格式的照片';
export const PHOTO_MAX = HOTLINE_MAX_PHOTOS;

type PathBuilder = (day: string, unique: string, ext: string) => string;

/** A unique storage path built by `build` (a feature's folder) from today's date, a random name and the extension. */
export function uniquePhotoPath(fileName: string, build: PathBuilder): string {
  const ext = (/\.([A-Za-z]+)$/.exec(fileName)?.[1] ?? 'jpg').toLowerCase();
  const day = dateText(Date.now()).replace(/-/g, '');
  return build(day, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, ext);
}

/** A unique storage path in the hotline folder (the only folder the server accepts appeal photos from). */
export function photoCloudPath(fileName: string): string {
  return uniquePhotoPath(fileName, hotlinePhotoPath);
}
