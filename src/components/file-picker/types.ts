// Props of FilePicker, the one platform fork of the upload components (index.h5.tsx: a real file input;
// index.weapp.tsx: the album or camera, or a file from a WeChat chat). Checking and uploading are shared.
import type { ReactNode } from 'react';

/** A picked file, not yet uploaded. */
export interface PickedFile {
  /** The file's name (on WeChat's album or camera, its temporary path, which ends in the real extension). */
  name: string;
  size: number;
  /** A URL an Image can show now (made when asked for: on H5 an object URL, which only photos need). */
  preview(): string;
  /** Uploads the file to `cloudPath` in cloud storage; resolves with its fileID. */
  upload(cloudPath: string): Promise<string>;
}

export interface FilePickerProps {
  /** `photos`: the album or camera on WeChat; `files`: a file from a WeChat chat (a mini-program's only other source). */
  source: 'photos' | 'files';
  /** H5: the file input's accept list. */
  accept: string;
  /** WeChat chat files: the extensions offered. */
  extensions?: string[];
  /** Most files picked at once. */
  count: number;
  disabled?: boolean;
  /** Class of the tap target. */
  className: string;
  /** Class of the H5 file input (kept in the page but invisible). */
  inputClassName: string;
  onPick: (files: PickedFile[]) => void;
  /** The tap target's label. */
  children: ReactNode;
}
