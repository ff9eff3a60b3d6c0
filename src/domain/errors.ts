// The envelope and error codes every cloud function answers with.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, for people. */
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The event `wx.cloud.callFunction({ name, data })` sends as `data`. */
export interface CallEvent {
  action: string;
  data?: unknown;
}
