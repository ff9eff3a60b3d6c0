// H5 (office PCs and browsers): a real file input inside the label that is the tap target.
import type { ChangeEvent } from 'react';
import { uploadBlob } from '@/services/storage.h5';
import type { FilePickerProps, PickedFile } from './types';

export type { FilePickerProps, PickedFile } from './types';

/** A stored fileID is not something a browser can show; a preview URL is needed. */
export const FILE_ID_SHOWS_AS_IMAGE = false;
/** Files come from the computer's own file chooser. */
export const FILES_FROM_CHAT = false;

export function FilePicker({ accept, count, disabled, className, inputClassName, onPick, children }: FilePickerProps) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const files = Array.from(input.files ?? []).slice(0, count);
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!files.length) return;
    onPick(
      files.map((f): PickedFile => ({
        name: f.name,
        size: f.size,
        preview: () => URL.createObjectURL(f),
        upload: (cloudPath) => uploadBlob(cloudPath, f),
      })),
    );
  };
  return (
    <label className={className}>
      <input
        className={inputClassName}
        type="file"
        accept={accept}
        multiple={count > 1}
        disabled={disabled}
        onChange={onChange}
      />
      {children}
    </label>
  );
}
