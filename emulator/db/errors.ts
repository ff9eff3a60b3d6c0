// The service's error answers: the `code` strings the SDK maps to errCodes (-502001, -502005 ...) and their messages.

/** A failure the service reports as `{ code, message, requestId }` instead of a result. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** Maps to errCode -502001; callers detect duplicates by that and /E11000/ in errMsg, as on WeChat. */
export function duplicateKey(collection: string, index: string, key: Record<string, unknown>): DbError {
  const shown = Object.entries(key)
    .map(([k, v]) => `${k}: ${JSON.stringify(v) ?? 'null'}`)
    .join(', ');
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`,
  );
}

/** Maps to errCode -502005, with the text the real service sends. */
export function collectionNotExist(): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  );
}

/** The commit-time conflict that `db.runTransaction` retries (the SDK compares this exact code). */
export function transactionConflict(): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflicted. Please retry.',
  );
}

/** An unknown, finished or expired transaction id; unmapped by the SDK, so it surfaces as -501001. */
export function transactionGone(id: unknown): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionNotExist] Transaction ${String(id)} does not exist or has expired.`,
  );
}

/** A malformed request (bad query, bad operator, immutable _id ...): -502001 like the service's own rejections. */
export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}
