// A notice's (or a contest entry's) attachments, or an article's pictures: lists those picked with 删除, checks type
// and size, uploads them one by one to their folder. Only the picking differs by platform (FilePicker: a file input
// on H5; on WeChat a file from a chat, where office files arrive on a phone, or the album or camera for pictures).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { FILES_FROM_CHAT, FilePicker } from '@/components/file-picker';
import type { PickedFile } from '@/components/file-picker';
import { NOTICE_FILE_EXTENSIONS, NOTICE_FILE_MAX_BYTES } from '@/domain/notice';
import { CallError, toCallError } from '@/services/call-error';
import type { NoticeAttachmentInput, NoticeFilesProps } from './types';
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

/** The attachments picked so far, each with 删除. */
function PickedFiles({
  value,
  onChange,
}: {
  value: NoticeAttachmentInput[];
  onChange: (files: NoticeAttachmentInput[]) => void;
}) {
  return (
    <>
      {value.map((f) => (
        <View key={f.fileID} className="notice-files__item">
          <Text className="notice-files__name">{f.name}</Text>
          <Text className="notice-files__remove" onClick={() => onChange(value.filter((v) => v.fileID !== f.fileID))}>
            删除
          </Text>
        </View>
      ))}
    </>
  );
}

export function NoticeFiles({ kind = 'notice', value, onChange, onError, disabled, listed = true }: NoticeFilesProps) {
  const [busy, setBusy] = useState(false);

  const onPick = async (picked: PickedFile[]) => {
    // WeChat names a picture by its temporary path: keep the file's own name.
    const files = picked.map((f) => ({ file: f, name: f.name.split('/').pop() ?? f.name }));
    if (files.some((f) => !attachmentExtension(f.name, kind)))
      return onError(new CallError('INVALID_ARGUMENT', FILE_WRONG_TYPE[kind]));
    if (files.some((f) => f.file.size > NOTICE_FILE_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', FILE_TOO_BIG));
    setBusy(true);
    try {
      const added: NoticeAttachmentInput[] = [];
      for (const f of files) {
        const fileID = await f.file.upload(attachmentCloudPath(attachmentExtension(f.name, kind) as string, kind));
        added.push({ fileID, name: attachmentName(f.name) });
      }
      onChange([...value, ...added]);
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  const adds = kind === 'study' ? '添加图片' : FILES_FROM_CHAT ? '从聊天中选择附件' : '添加附件';
  return (
    <View className="notice-files">
      {listed && <PickedFiles value={value} onChange={onChange} />}
      {value.length < FILES_MAX && (
        <FilePicker
          source={kind === 'study' ? 'photos' : 'files'}
          accept={FILE_ACCEPT[kind]}
          extensions={[...NOTICE_FILE_EXTENSIONS]}
          count={FILES_MAX - value.length}
          disabled={disabled || busy}
          className="notice-files__add"
          inputClassName="notice-files__input"
          onPick={onPick}
        >
          <Text>{busy ? '上传中…' : `+ ${adds} ${value.length}/${FILES_MAX}`}</Text>
        </FilePicker>
      )}
    </View>
  );
}
