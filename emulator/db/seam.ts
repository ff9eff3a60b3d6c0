// Routes the real wx-server-sdk's database traffic in this process to a local database, at the SDK's own seam.
import { dirname, join } from 'node:path';
import type { CloudDatabase } from './index';

interface RequesterModule {
  TcbDBApiHttpRequester: { prototype: { send: (api: string, data?: Record<string, unknown>) => Promise<unknown> } };
}
interface UtilsModule {
  processReturn: (result: unknown) => unknown;
}
interface MetadataModule {
  lookupAppId: () => Promise<string>;
}

function sdkModules(): { requester: RequesterModule; utils: UtilsModule; metadata: MetadataModule } {
  // The exact copy wx-server-sdk loads (it pins @cloudbase/node-sdk), not whichever one this file would resolve.
  const sdkDir = dirname(require.resolve('wx-server-sdk'));
  const requesterPath = require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester.js', { paths: [sdkDir] });
  const utilsDir = dirname(requesterPath);
  return {
    requester: require(requesterPath) as RequesterModule,
    utils: require(join(utilsDir, 'utils.js')) as UtilsModule,
    metadata: require(join(utilsDir, 'metadata.js')) as MetadataModule,
  };
}

function isErrorAnswer(res: unknown): boolean {
  return typeof res === 'object' && res !== null && Boolean((res as { code?: unknown }).code);
}

/**
 * Makes every `cloud.database()` call in this process go to `db`, by replacing `TcbDBApiHttpRequester.prototype.send`
 * of the @cloudbase/node-sdk copy that wx-server-sdk resolves. Error answers go through the SDK's own
 * `processReturn`, exactly as the HTTP path does, so they surface with the same errCode/errMsg as on WeChat.
 * Also answers the SDK's "am I on Tencent Cloud?" probe (`cloud.init()` fires it) with "no" at once, instead of a
 * request to metadata.tencentyun.com that offline waits for its 30 ms timeout and is retried while unresolved.
 * Returns a function that restores both.
 * @example const detach = attachDatabase(openDatabase({ file: ':memory:', collections: loadCollections() }));
 */
export function attachDatabase(db: CloudDatabase): () => void {
  const { requester, utils, metadata } = sdkModules();
  const proto = requester.TcbDBApiHttpRequester.prototype;
  const originalSend = proto.send;
  const originalLookup = metadata.lookupAppId;
  const send = async function (api: string, data?: Record<string, unknown>): Promise<unknown> {
    const res = await db.request(api, data ?? {});
    return isErrorAnswer(res) ? utils.processReturn(res) : res;
  };
  const lookupAppId = async (): Promise<string> => '';
  proto.send = send;
  metadata.lookupAppId = lookupAppId;
  return () => {
    if (proto.send === send) proto.send = originalSend;
    if (metadata.lookupAppId === lookupAppId) metadata.lookupAppId = originalLookup;
  };
}
