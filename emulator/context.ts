// The caller of the request being handled, kept per async call chain so concurrent calls never see each other.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The emulator's WeChat cloud environment id and the mini-program appid it pretends to serve. */
export const LOCAL_ENV = 'local';
export const LOCAL_APPID = 'wx0000000000000000';

/** Where a call came from, as `getWXContext().SOURCE` reports it on WeChat. */
export type CallSource = 'wx_client' | 'wx_http' | 'wx_trigger';

export interface Caller {
  /** Absent for anonymous callers (WeChat web / unauthenticated access has no openid). */
  OPENID?: string;
  APPID: string;
  UNIONID?: string;
  ENV: string;
  SOURCE: CallSource;
}

const storage = new AsyncLocalStorage<Caller>();

export function makeCaller(openid: string | undefined, source: CallSource = 'wx_client'): Caller {
  return openid
    ? { OPENID: openid, APPID: LOCAL_APPID, ENV: LOCAL_ENV, SOURCE: source }
    : { APPID: LOCAL_APPID, ENV: LOCAL_ENV, SOURCE: source };
}

/** Runs `fn` with `caller` as the identity every `getWXContext()` inside it (and its awaits) returns. */
export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  return storage.run(caller, fn);
}

/** The current caller, or undefined outside any call (module top level, start-up code). */
export function currentCaller(): Caller | undefined {
  return storage.getStore();
}
