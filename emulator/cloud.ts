// Installs the local cloud into this process's wx-server-sdk: database traffic goes to the emulator's database, and
// getWXContext, openapi, getOpenData, callFunction and storage calls are answered locally.
import { join } from 'node:path';
import type { CloudDatabase } from './db';
import { attachDatabase } from './db';
import { LOCAL_ENV, currentCaller } from './context';
import {
  createGetUnlimited,
  createMsgSecCheck,
  createOpenApiNamespace,
  createSubscribeMessageSend,
  loadSensitiveWords,
  SUBSCRIBE_MESSAGES_FILE,
} from './openapi';
import type { LocalImpl } from './sdk-patch';
import { activate, patchSdk } from './sdk-patch';
import { LocalStorage } from './storage';
import { WX_ERR, WxApiError } from './wx-error';

/** The SDK's exports object itself: `require`, because `import * as` under swc would give a copy. */
const sdk = require('wx-server-sdk') as Record<string, unknown>;
patchSdk(sdk);

export const SDK_PATH = require.resolve('wx-server-sdk');

export interface CloudInstallOptions {
  db: CloudDatabase;
  dataDir: string;
  /** Base URL of the gateway, for temp file URLs and the pages that QR codes point to (a getter when the port is chosen later). */
  publicUrl?: string | (() => string);
  /** Serves `cloud.callFunction` from one function to another (the caller's identity carries over, as on WeChat). */
  callFunction?: (name: string, data: unknown) => Promise<unknown>;
  sensitiveWordsFile?: string;
}

/** A cloudID the emulator's getOpenData accepts: what a client would get from e.g. getPhoneNumber, bound to an openid. */
export function makeLocalCloudID(openid: string, data: unknown): string {
  return `local:${Buffer.from(JSON.stringify({ openid, data })).toString('base64url')}`;
}

function getOpenData(params: unknown): Promise<unknown> {
  const api = 'getOpenData';
  const list = (params as { list?: unknown } | null)?.list;
  if (!Array.isArray(list)) return Promise.reject(new WxApiError(api, WX_ERR.INVALID_PARAM, 'list must be provided'));
  const openid = currentCaller()?.OPENID;
  try {
    const items = list.map((cloudID: unknown) => {
      if (typeof cloudID !== 'string' || !cloudID.startsWith('local:'))
        throw new WxApiError(api, WX_ERR.OPEN_DATA_INVALID, `invalid cloudID ${String(cloudID)}`);
      const decoded = JSON.parse(Buffer.from(cloudID.slice('local:'.length), 'base64url').toString('utf8')) as {
        openid: string;
        data: unknown;
      };
      if (decoded.openid !== openid) throw new WxApiError(api, -601007, 'cloudid user not match');
      return { cloudID, data: decoded.data };
    });
    return Promise.resolve({ list: items, errCode: 0, errMsg: `${api}:ok` });
  } catch (e) {
    return Promise.reject(
      e instanceof WxApiError ? e : new WxApiError(api, WX_ERR.OPEN_DATA_INVALID, 'invalid cloudID'),
    );
  }
}

function storageApis(storage: LocalStorage) {
  const fileIdOf = (item: unknown): string =>
    typeof item === 'object' && item !== null ? (item as { fileID: string }).fileID : (item as string);
  return {
    async uploadFile(params: { cloudPath?: unknown; fileContent?: unknown }) {
      const cloudPath = params?.cloudPath as string;
      const fileID = await storage.put(cloudPath, params?.fileContent);
      return { fileID, statusCode: 200, errCode: 0, errMsg: 'uploadFile:ok' };
    },
    async downloadFile(params: { fileID?: unknown }) {
      const cloudPath = storage.cloudPathOf(params?.fileID, 'downloadFile');
      const fileContent = await storage.get(cloudPath);
      if (!fileContent) throw new WxApiError('downloadFile', WX_ERR.STORAGE_FILE_NOT_EXISTS, 'storage file not exists');
      return { fileContent, statusCode: 200, errCode: 0, errMsg: 'downloadFile:ok' };
    },
    async getTempFileURL(params: { fileList?: unknown }) {
      const api = 'getTempFileURL';
      if (!Array.isArray(params?.fileList))
        throw new WxApiError(api, WX_ERR.INVALID_PARAM, 'fileList must be an array');
      const fileList = await Promise.all(
        params.fileList.map(async (item: unknown) => {
          const fileID = fileIdOf(item);
          const maxAge = (typeof item === 'object' && item !== null && (item as { maxAge?: number }).maxAge) || 86400;
          const cloudPath = storage.cloudPathOf(fileID, api);
          if (!(await storage.get(cloudPath, api)))
            return {
              fileID,
              tempFileURL: '',
              maxAge,
              status: WX_ERR.STORAGE_FILE_NOT_EXISTS,
              errMsg: 'STORAGE_FILE_NONEXIST',
            };
          return { fileID, tempFileURL: storage.urlOf(cloudPath), maxAge, status: 0, errMsg: 'ok' };
        }),
      );
      return { fileList, errCode: 0, errMsg: `${api}:ok` };
    },
    async deleteFile(params: { fileList?: unknown }) {
      const api = 'deleteFile';
      if (!Array.isArray(params?.fileList))
        throw new WxApiError(api, WX_ERR.INVALID_PARAM, 'fileList must be an array');
      const fileList = [];
      for (const fileID of params.fileList as string[]) {
        const deleted = await storage.remove(storage.cloudPathOf(fileID, api));
        fileList.push(
          deleted
            ? { fileID, status: 0, errMsg: 'ok' }
            : { fileID, status: WX_ERR.STORAGE_FILE_NOT_EXISTS, errMsg: 'STORAGE_FILE_NONEXIST' },
        );
      }
      return { fileList, errCode: 0, errMsg: `${api}:ok` };
    },
  };
}

/** Installs the local cloud; returns the function that removes it. One installation per process at a time. */
export function installCloud(opts: CloudInstallOptions): () => void {
  const publicUrl =
    typeof opts.publicUrl === 'function'
      ? opts.publicUrl
      : () => (opts.publicUrl as string | undefined) ?? 'http://127.0.0.1:8080';
  const storage = new LocalStorage(opts.dataDir, publicUrl);
  const words = loadSensitiveWords(opts.sensitiveWordsFile);
  const impl: LocalImpl = {
    getWXContext: () => ({ ...(currentCaller() ?? { ENV: LOCAL_ENV }) }),
    openapi: createOpenApiNamespace({
      'security.msgSecCheck': createMsgSecCheck(words),
      'wxacode.getUnlimited': createGetUnlimited(publicUrl),
      'subscribeMessage.send': createSubscribeMessageSend(join(opts.dataDir, SUBSCRIBE_MESSAGES_FILE)),
    }),
    getOpenData,
    ...storageApis(storage),
  };
  if (opts.callFunction) {
    const call = opts.callFunction;
    impl.callFunction = async (params: { name?: unknown; data?: unknown }) => {
      if (typeof params?.name !== 'string')
        throw new WxApiError('callFunction', WX_ERR.INVALID_PARAM, 'name must be a string');
      return { result: await call(params.name, params.data ?? {}), errCode: 0, errMsg: 'cloud.callFunction:ok' };
    };
  }
  const deactivate = activate(impl);
  const detachDatabase = attachDatabase(opts.db);
  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    deactivate();
    detachDatabase();
  };
}
