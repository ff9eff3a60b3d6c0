// What each platform's transport provides; transport.weapp.ts and transport.h5.ts implement it.
import type { CallEvent } from '@/domain/errors';
import type { FunctionName } from '@/domain/api';

export interface Transport {
  /** One-time set-up at app launch (WeChat cloud init on weapp). */
  init(): void;
  /**
   * Delivers `{ action, data }` to a cloud function and resolves with its raw result (normally the envelope).
   * Rejects with a CallError (UNAVAILABLE / INTERNAL) when the function could not be reached or crashed.
   */
  callFunction(name: FunctionName, event: CallEvent): Promise<unknown>;
}
