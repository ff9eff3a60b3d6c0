// Mini-program: picks an .xlsx from a WeChat chat (the only file source a mini-program has) and uploads it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { toCallError, CallError } from '@/services/call-error';
import { uploadTempFile } from '@/services/storage.weapp';
import type { ExcelUploadProps } from './types';
import { rosterCloudPath, XLSX_ONLY } from './types';
import './index.scss';

export type { ExcelUploadProps, UploadedFile } from './types';

export function ExcelUpload({ disabled, onUploaded, onError }: ExcelUploadProps) {
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    if (disabled || busy) return;
    let file: { path: string; name: string };
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      file = res.tempFiles[0];
    } catch {
      // Closing the picker is not an error.
      return;
    }
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      onError(new CallError('INVALID_ARGUMENT', XLSX_ONLY));
      return;
    }
    setBusy(true);
    try {
      const fileID = await uploadTempFile(rosterCloudPath(), file.path);
      onUploaded({ fileID, name: file.name });
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  const off = disabled || busy;
  return (
    <View className={`excel-upload${off ? ' excel-upload--disabled' : ''}`} onClick={pick}>
      <View className="excel-upload__button">{busy ? '正在上传…' : '从微信聊天中选择 Excel 文件'}</View>
    </View>
  );
}
