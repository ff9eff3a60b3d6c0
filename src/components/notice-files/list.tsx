// The attachments picked so far, each with 删除 (both platforms).
import { Text, View } from '@tarojs/components';
import type { NoticeAttachmentInput } from './types';

export function PickedFiles({
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
