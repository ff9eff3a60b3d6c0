// Mini-program: picks a notice's attachments from a WeChat chat (wx.chooseMessageFile, where office files arrive on a
// phone) or an article's pictures from the album or camera, checks type and size, uploads them to their folder.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_FILE_EXTENSIONS, NOTICE_FILE_MAX_BYTES } from '@/domain/notice';
import { CallError, toCallError } from '@/services/call-error';
import { uploadTempFile } from '@/services/storage.weapp';
import { PickedFiles } from './list';
import type { NoticeFilesProps } from './types';
import {
  attachmentCloudPath,
  attachmentExtension,
  attachmentName,
  FILE_TOO_BIG,
  FILE_WRONG_TYPE,
  FILES_MAX,
} from './types';
import './index.scss';

export type { NoticeAttachmentInput, NoticeFilesProps } from './types';

export function NoticeFiles({ kind = 'notice', value, onChange, onError, disabled, listed = true }: NoticeFilesProps) {
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    if (disabled || busy) return;
    let picked: Array<{ name: string; path: string; size: number }>;
    const count = FILES_MAX - value.length;
    try {
      picked =
        kind === 'study'
          ? (await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'] })).tempFiles.map(
              (f) => ({ name: f.tempFilePath.split('/').pop() ?? 'photo.jpg', path: f.tempFilePath, size: f.size }),
            )
          : (
              await Taro.chooseMessageFile({ count, type: 'file', extension: [...NOTICE_FILE_EXTENSIONS] })
            ).tempFiles.map((f) => ({ name: f.name, path: f.path, size: f.size }));
    } catch {
      return; // Cancelled.
    }
    if (picked.some((f) => !attachmentExtension(f.name, kind)))
      return onError(new CallError('INVALID_ARGUMENT', FILE_WRONG_TYPE[kind]));
    if (picked.some((f) => f.size > NOTICE_FILE_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', FILE_TOO_BIG));
    setBusy(true);
    try {
      const added = [];
      for (const f of picked) {
        const fileID = await uploadTempFile(
          attachmentCloudPath(attachmentExtension(f.name, kind) as string, kind),
          f.path,
        );
        added.push({ fileID, name: attachmentName(f.name) });
      }
      onChange([...value, ...added]);
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="notice-files">
      {listed && <PickedFiles value={value} onChange={onChange} />}
      {value.length < FILES_MAX && (
        <View className="notice-files__add" onClick={() => void pick()}>
          <Text>
            {busy ? '上传中…' : `+ ${kind === 'study' ? '添加图片' : '从聊天中选择附件'} ${value.length}/${FILES_MAX}`}
          </Text>
        </View>
      )}
    </View>
  );
}
