// Type of the PhotoUpload component for the type checker; the build picks index.h5.tsx or index.weapp.tsx.
import type { PhotoUploadProps } from './types';

export type { PhotoUploadProps } from './types';
export declare function PhotoUpload(props: PhotoUploadProps): JSX.Element;
