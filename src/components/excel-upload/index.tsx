// One .xlsx for an import: checks the extension and uploads it. Only the picking differs by platform (FilePicker: a
// file input on H5, a file from a WeChat chat in the mini-program, the only file source it has).
import { useState } from 'react';
import { View } from '@tarojs/components';
import { FilePicker, FILES_FROM_CHAT } from '@/components/file-picker';
import type { PickedFile } from '@/components/file-picker';
import { CallError, toCallError } from '@/services/call-error';
import type { ExcelUploadProps } from './types';
import { rosterCloudPath, XLSX_ONLY } from './types';
import './index.scss';

export type { ExcelUploadProps, UploadedFile } from './types';

const EXCEL_PICK_LABEL = FILES_FROM_CHAT ? '从微信聊天中选择 Excel 文件' : '选择 Excel 文件（.xlsx）';

export function ExcelUpload({ disabled, onUploaded, onError }: ExcelUploadProps) {
  const [busy, setBusy] = useState(false);

  const onPick = async ([file]: PickedFile[]) => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      onError(new CallError('INVALID_ARGUMENT', XLSX_ONLY));
      return;
    }
    setBusy(true);
    try {
      const fileID = await file.upload(rosterCloudPath());
      onUploaded({ fileID, name: file.name });
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  const off = disabled || busy;
  return (
    <FilePicker
      source="files"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      extensions={['xlsx']}
      count={1}
      disabled={off}
      className={`excel-upload${off ? ' excel-upload--disabled' : ''}`}
      inputClassName="excel-upload__input"
      onPick={onPick}
    >
      <View className="excel-upload__button">{busy ? '正在上传…' : EXCEL_PICK_LABEL}</View>
    </FilePicker>
  );
}
