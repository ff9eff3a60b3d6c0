// Props of ExcelUpload; index.tsx checks and uploads, FilePicker (components/file-picker) picks.
import type { CallError } from '@/services/call-error';

export interface UploadedFile {
  fileID: string;
  name: string;
}

export interface ExcelUploadProps {
  disabled?: boolean;
  /** Called once the chosen .xlsx file is in cloud storage. */
  onUploaded: (file: UploadedFile) => void;
  onError: (error: CallError) => void;
}

/** A unique storage path for a roster upload; the server reads it once and may delete it. */
export function rosterCloudPath(): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `roster-import/${Date.now()}-${random}.xlsx`;
}

export const XLSX_ONLY = '请选择 .xlsx 格式的 Excel 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）';
