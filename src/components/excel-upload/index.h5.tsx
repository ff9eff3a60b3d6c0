// H5: picks an .xlsx with a real file input and uploads it to the emulator's storage.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { View } from '@tarojs/components';
import { toCallError, CallError } from '@/services/call-error';
import { uploadBlob } from '@/services/storage.h5';
import type { ExcelUploadProps } from './types';
import { rosterCloudPath, XLSX_ONLY } from './types';
import './index.scss';

export type { ExcelUploadProps, UploadedFile } from './types';

export function ExcelUpload({ disabled, onUploaded, onError }: ExcelUploadProps) {
  const [busy, setBusy] = useState(false);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      onError(new CallError('INVALID_ARGUMENT', XLSX_ONLY));
      return;
    }
    setBusy(true);
    try {
      const fileID = await uploadBlob(rosterCloudPath(), file);
      onUploaded({ fileID, name: file.name });
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  const off = disabled || busy;
  return (
    <label className={`excel-upload${off ? ' excel-upload--disabled' : ''}`}>
      <input
        className="excel-upload__input"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={off}
        onChange={onChange}
      />
      <View className="excel-upload__button">{busy ? '正在上传…' : '选择 Excel 文件（.xlsx）'}</View>
    </label>
  );
}
