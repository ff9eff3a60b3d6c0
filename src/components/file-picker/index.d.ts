// Type of the FilePicker component for the type checker; the build picks index.h5.tsx or index.weapp.tsx.
import type { FilePickerProps } from './types';

export type { FilePickerProps, PickedFile } from './types';
export declare const FILE_ID_SHOWS_AS_IMAGE: boolean;
export declare const FILES_FROM_CHAT: boolean;
export declare function FilePicker(props: FilePickerProps): JSX.Element;
