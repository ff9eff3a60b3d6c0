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

/**
 * A finer reason under a code, for a client that shows a different screen for it (the code alone says what kind of
 * failure it is; the message is for people and is never parsed).
 */
export type ErrorReason =
  /** `checkin.checkIn` (FAILED_PRECONDITION): the scanned code's window has passed; scanning the screen again helps. */
  'CHECKIN_CODE_EXPIRED';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, for people. */
  message: string;
  /** Present only where a client needs to tell this failure apart from others of the same code. */
  reason?: ErrorReason;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The event `wx.cloud.callFunction({ name, data })` sends as `data`. */
export interface CallEvent {
  action: string;
  data?: unknown;
}
