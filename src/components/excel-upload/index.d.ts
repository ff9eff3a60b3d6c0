// Type of the ExcelUpload component for the type checker; the build picks index.h5.tsx or index.weapp.tsx.
import type { ExcelUploadProps } from './types';

export type { ExcelUploadProps, UploadedFile } from './types';
export declare function ExcelUpload(props: ExcelUploadProps): JSX.Element;
