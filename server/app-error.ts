// Expected failures: thrown as AppError anywhere in a handler, answered as `{ ok: false, error }` by dispatch.
import type { ApiError, ErrorCode, ErrorReason } from '@/domain/errors';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;

  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.reason = reason;
  }

  /** The envelope's `error`: the reason only when there is one. */
  toApiError(): ApiError {
    return this.reason
      ? { code: this.code, message: this.message, reason: this.reason }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
