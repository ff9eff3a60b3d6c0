// Type of the NoticeFiles component for the type checker; the build picks index.h5.tsx or index.weapp.tsx.
import type { NoticeFilesProps } from './types';

export type { NoticeAttachmentInput, NoticeFilesProps } from './types';
export declare function NoticeFiles(props: NoticeFilesProps): JSX.Element;
