// H5 (office PCs): picks attachments with a real file input, checks type and size, uploads to the notice folder.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { Text, View } from '@tarojs/components';
import { NOTICE_FILE_MAX_BYTES } from '@/domain/notice';
import { CallError, toCallError } from '@/services/call-error';
import { uploadBlob } from '@/services/storage.h5';
import { PickedFiles } from './list';
import type { NoticeFilesProps } from './types';
import {
  attachmentCloudPath,
  attachmentExtension,
  attachmentName,
  FILE_ACCEPT,
  FILE_TOO_BIG,
  FILE_WRONG_TYPE,
  FILES_MAX,
} from './types';
import './index.scss';

export type { NoticeAttachmentInput, NoticeFilesProps } from './types';

export function NoticeFiles({ kind = 'notice', value, onChange, onError, disabled, listed = true }: NoticeFilesProps) {
  const [busy, setBusy] = useState(false);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const files = Array.from(input.files ?? []).slice(0, FILES_MAX - value.length);
    input.value = '';
    if (files.some((f) => !attachmentExtension(f.name, kind)))
      return onError(new CallError('INVALID_ARGUMENT', FILE_WRONG_TYPE[kind]));
    if (files.some((f) => f.size > NOTICE_FILE_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', FILE_TOO_BIG));
    setBusy(true);
    try {
      const added = [];
      for (const f of files) {
        const fileID = await uploadBlob(attachmentCloudPath(attachmentExtension(f.name, kind) as string, kind), f);
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
        <label className="notice-files__add">
          <input
            className="notice-files__input"
            type="file"
            multiple
            accept={FILE_ACCEPT[kind]}
            disabled={disabled || busy}
            onChange={onPick}
          />
          <Text>
            {busy ? '上传中…' : `+ ${kind === 'study' ? '添加图片' : '添加附件'} ${value.length}/${FILES_MAX}`}
          </Text>
        </label>
      )}
    </View>
  );
}
