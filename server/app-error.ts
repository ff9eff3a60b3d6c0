// Expected failures: thrown as AppError anywhere in a handler, answered as `{ ok: false, error }` by dispatch.
import type { ErrorCode } from '@/domain/errors';

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
