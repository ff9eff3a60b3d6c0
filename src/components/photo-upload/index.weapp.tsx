// Mini-program: picks photos from the album or camera, checks type and size, and uploads them to cloud storage.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { HOTLINE_PHOTO_MAX_BYTES } from '@/domain/hotline/limits';
import { CallError, toCallError } from '@/services/call-error';
import { uploadTempFile } from '@/services/storage.weapp';
import type { PhotoUploadProps } from './types';
import { PHOTO_MAX, PHOTO_TOO_BIG, PHOTO_TYPES, PHOTO_WRONG_TYPE, photoCloudPath } from './types';
import './index.scss';

export type { PhotoUploadProps } from './types';

export function PhotoUpload({
  value,
  onChange,
  onError,
  disabled,
  cloudPath = photoCloudPath,
  max = PHOTO_MAX,
  urls,
}: PhotoUploadProps) {
  const [busy, setBusy] = useState(false);
  const [added, setPreviews] = useState<Record<string, string>>({});
  const previews: Record<string, string> = { ...urls, ...added };

  const pick = async () => {
    if (disabled || busy || value.length >= max) return;
    let files: Array<{ tempFilePath: string; size: number }>;
    try {
      const res = await Taro.chooseMedia({
        count: max - value.length,
        mediaType: ['image'],
        sizeType: ['compressed'],
      });
      files = res.tempFiles;
    } catch {
      // Closing the picker is not an error.
      return;
    }
    if (files.some((f) => !PHOTO_TYPES.test(f.tempFilePath)))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_WRONG_TYPE));
    if (files.some((f) => f.size > HOTLINE_PHOTO_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_TOO_BIG));
    setBusy(true);
    try {
      const added: string[] = [];
      const shown: Record<string, string> = {};
      for (const f of files) {
        const fileID = await uploadTempFile(cloudPath(f.tempFilePath), f.tempFilePath);
        added.push(fileID);
        shown[fileID] = f.tempFilePath;
      }
      setPreviews((p) => ({ ...p, ...shown }));
      onChange([...value, ...added]);
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="photo-upload">
      {value.map((id, i) => (
        <View key={id} className="photo-upload__item">
          <Image className="photo-upload__img" src={previews[id] ?? id} mode="aspectFill" ariaLabel={`照片 ${i + 1}`} />
          <Text className="photo-upload__remove" onClick={() => onChange(value.filter((v) => v !== id))}>
            删除
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className="photo-upload__add" onClick={pick}>
          <Text>{busy ? '上传中…' : `+ 照片 ${value.length}/${max}`}</Text>
        </View>
      )}
    </View>
  );
}
