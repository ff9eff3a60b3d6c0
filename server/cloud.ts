// The wx-server-sdk handle every function shares: initialised once per instance, databases made per call.
import type * as WxServerSdk from 'wx-server-sdk';
import type { Database } from './db';

// `require`, not `import * as`: a transpiled namespace import copies the module's properties once, and the local
// cloud swaps `getWXContext` and the storage calls on the SDK object itself; the live object sees those swaps.
export const cloud: typeof WxServerSdk = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** A database handle whose `doc().get()` answers `{ data: null }` for a missing document instead of throwing. */
export function database(): Database {
  return cloud.database({ throwOnNotFound: false } as never) as unknown as Database;
}

/** The caller's openid from the WeChat context; null for an anonymous call (e.g. a timer or the public web). */
export function contextOpenid(): string | null {
  const openid = cloud.getWXContext().OPENID;
  return typeof openid === 'string' && openid.trim() !== '' ? openid.trim() : null;
}
