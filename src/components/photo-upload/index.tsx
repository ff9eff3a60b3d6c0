// Photos for an appeal or a 纪实: checks type and size, uploads them one by one, shows them as thumbnails. Only the
// picking differs by platform (FilePicker: a file input on H5, the album or camera on WeChat).
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { FILE_ID_SHOWS_AS_IMAGE, FilePicker } from '@/components/file-picker';
import type { PickedFile } from '@/components/file-picker';
import { HOTLINE_PHOTO_MAX_BYTES } from '@/domain/hotline/limits';
import { CallError, toCallError } from '@/services/call-error';
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

  const onPick = async (files: PickedFile[]) => {
    if (files.some((f) => !PHOTO_TYPES.test(f.name)))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_WRONG_TYPE));
    if (files.some((f) => f.size > HOTLINE_PHOTO_MAX_BYTES))
      return onError(new CallError('INVALID_ARGUMENT', PHOTO_TOO_BIG));
    setBusy(true);
    try {
      const uploaded: string[] = [];
      const shown: Record<string, string> = {};
      for (const f of files) {
        const fileID = await f.upload(cloudPath(f.name));
        uploaded.push(fileID);
        shown[fileID] = f.preview();
      }
      setPreviews((p) => ({ ...p, ...shown }));
      onChange([...value, ...uploaded]);
    } catch (err) {
      onError(toCallError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="photo-upload">
      {value.map((id, i) => {
        const src = previews[id] ?? (FILE_ID_SHOWS_AS_IMAGE ? id : undefined);
        return (
          <View key={id} className="photo-upload__item">
            {src && (
              <Image
                className="photo-upload__img"
                src={src}
                mode="aspectFill"
                ariaLabel={`照片 ${i + 1}`}
                nativeProps={{ alt: `照片 ${i + 1}` }}
              />
            )}
            <Text className="photo-upload__remove" onClick={() => onChange(value.filter((v) => v !== id))}>
              删除
            </Text>
            {!src && <Text className="muted photo-upload__placeholder">照片{i + 1}</Text>}
          </View>
        );
      })}
      {value.length < max && (
        <FilePicker
          source="photos"
          accept="image/jpeg,image/png,image/webp"
          count={max - value.length}
          disabled={disabled || busy}
          className="photo-upload__add"
          inputClassName="photo-upload__input"
          onPick={onPick}
        >
          <Text>{busy ? '上传中…' : `+ 照片 ${value.length}/${max}`}</Text>
        </FilePicker>
      )}
    </View>
  );
}
