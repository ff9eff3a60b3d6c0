// The one error type the client throws: a contract error code (or UNAVAILABLE for transport failures) and a Chinese message.
import type { ErrorCode, ErrorReason } from '@/domain/errors';

/** The server's codes plus UNAVAILABLE: the service could not be reached (offline, timeout, gateway down). */
export type CallErrorCode = ErrorCode | 'UNAVAILABLE';

/** Messages shown when the server gives none (or for transport failures); written for people, not developers. */
export const DEFAULT_MESSAGES: Record<CallErrorCode, string> = {
  INVALID_ARGUMENT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '未能识别您的身份，请重新进入小程序',
  PERMISSION_DENIED: '您没有进行此操作的权限',
  NOT_FOUND: '要找的内容不存在或已被删除',
  ALREADY_EXISTS: '该内容已存在',
  FAILED_PRECONDITION: '当前状态下不能进行此操作',
  RESOURCE_EXHAUSTED: '操作太频繁，请稍后再试',
  INTERNAL: '服务出错了，请稍后重试',
  UNAVAILABLE: '无法连接到服务器，请检查网络后重试',
};

export class CallError extends Error {
  readonly code: CallErrorCode;
  /** The server's finer reason under the code, where it gives one (pages decide screens by code and reason). */
  readonly reason: ErrorReason | undefined;

  constructor(code: CallErrorCode, message?: string, reason?: ErrorReason) {
    super(message && message.trim() ? message : DEFAULT_MESSAGES[code]);
    this.name = 'CallError';
    this.code = code;
    this.reason = reason;
  }
}

/** Any thrown value as a CallError, so that pages only ever deal with one shape. */
export function toCallError(err: unknown): CallError {
  if (err instanceof CallError) return err;
  return new CallError('INTERNAL');
}
