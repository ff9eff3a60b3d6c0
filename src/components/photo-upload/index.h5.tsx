// H5: picks photos with a real file input, checks type and size, and uploads them to the emulator's storage.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { HOTLINE_PHOTO_MAX_BYTES } from '@/domain/hotline/limits';
import { CallError, toCallError } from '@/services/call-error';
import { uploadBlob } from '@/services/storage.h5';
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

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const files = Array.from(input.files ?? []).slice(0, max - value.length);
    input.value = '';
    if (files.some((f) => !PHOTO_TYPES.test(f.name)))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_WRONG_TYPE));
    if (files.some((f) => f.size > HOTLINE_PHOTO_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_TOO_BIG));
    setBusy(true);
    try {
      const added: string[] = [];
      const shown: Record<string, string> = {};
      for (const f of files) {
        const fileID = await uploadBlob(cloudPath(f.name), f);
        added.push(fileID);
        shown[fileID] = URL.createObjectURL(f);
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
          {previews[id] && (
            <Image
              className="photo-upload__img"
              src={previews[id]}
              mode="aspectFill"
              ariaLabel={`照片 ${i + 1}`}
              nativeProps={{ alt: `照片 ${i + 1}` }}
            />
          )}
          <Text className="photo-upload__remove" onClick={() => onChange(value.filter((v) => v !== id))}>
            删除
          </Text>
          {!previews[id] && <Text className="muted photo-upload__placeholder">照片{i + 1}</Text>}
        </View>
      ))}
      {value.length < max && (
        <label className="photo-upload__add">
          <input
            className="photo-upload__input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={disabled || busy}
            onChange={onPick}
          />
          <Text>{busy ? '上传中…' : `+ 照片 ${value.length}/${max}`}</Text>
        </label>
      )}
    </View>
  );
}
