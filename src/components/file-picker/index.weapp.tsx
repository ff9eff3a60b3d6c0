// Mini-program: the album or camera (photos), or a file from a WeChat chat (the only other file source it has).
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { uploadTempFile } from '@/services/storage.weapp';
import type { FilePickerProps, PickedFile } from './types';

export type { FilePickerProps, PickedFile } from './types';

/** An Image in the mini-program shows a cloud fileID as it is. */
export const FILE_ID_SHOWS_AS_IMAGE = true;
/** Files (other than photos) come only from a WeChat chat. */
export const FILES_FROM_CHAT = true;

const picked = (name: string, size: number, path: string): PickedFile => ({
  name,
  size,
  preview: () => path,
  upload: (cloudPath) => uploadTempFile(cloudPath, path),
});

export function FilePicker({ source, extensions, count, disabled, className, onPick, children }: FilePickerProps) {
  const pick = async () => {
    if (disabled || count < 1) return;
    let files: PickedFile[];
    try {
      if (source === 'photos') {
        const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'] });
        files = res.tempFiles.map((f) => picked(f.tempFilePath, f.size, f.tempFilePath));
      } else {
        const res = await Taro.chooseMessageFile({ count, type: 'file', extension: extensions });
        files = res.tempFiles.map((f) => picked(f.name, f.size, f.path));
      }
    } catch {
      // Closing the picker is not an error.
      return;
    }
    if (files.length) onPick(files);
  };
  return (
    <View className={className} onClick={pick}>
      {children}
    </View>
  );
}
