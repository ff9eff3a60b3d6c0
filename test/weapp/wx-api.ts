// The `wx` object of the logic layer: exactly the API names that miniprogram-api-typings lists for the base library
// the project declares (project.config.json libVersion); a phone's storage, system info, UI feedback and navigation
// modelled; wx.cloud.callFunction sent to the emulator's gateway as the signed-in person.
import { readFileSync } from 'node:fs';
import type { SseStream } from '../../emulator/realtime/sse-client';
import { openSse } from '../../emulator/realtime/sse-client';

/** An API of the typings with the base library version it needs (absent: since the first versions). */
export interface WxApiName {
  name: string;
  since?: string;
}

let cachedNames: WxApiName[] | null = null;

/** Reads `interface Wx` of miniprogram-api-typings: every method and property with its `需要基础库` version. */
export function wxApiNames(): WxApiName[] {
  if (cachedNames) return cachedNames;
  const text = readFileSync(require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'), 'utf8');
  const start = text.indexOf('    interface Wx {');
  if (start < 0) throw new Error('miniprogram-api-typings: interface Wx not found (did the package layout change?)');
  const lines = text.slice(start).split('\n');
  const names = new Map<string, WxApiName>();
  let comment = '';
  let inComment = false;
  for (const line of lines.slice(1)) {
    if (inComment || /^\s*\/\*\*/.test(line)) {
      if (!inComment) comment = '';
      comment += line;
      inComment = !line.includes('*/');
      continue;
    }
    if (line === '    }') break;
    const m = /^ {8}(\w+)(?:<[^>]*>)?[(:<]/.exec(line);
    if (!m) continue;
    const since = /需要基础库[：:]\s*`([\d.]+)`/.exec(comment)?.[1];
    if (!names.has(m[1])) names.set(m[1], { name: m[1], since });
    comment = '';
  }
  cachedNames = [...names.values()];
  return cachedNames;
}

/** -1, 0 or 1 as version a is before, equal to or after b ("2.29.1" style). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Where a page asked to go (navigateTo, redirectTo, switchTab, reLaunch, navigateBack). */
export interface Navigation {
  api: string;
  url?: string;
}

export interface WxHost {
  /** The declared base library version. */
  libVersion: string;
  /** The emulator's gateway, e.g. http://127.0.0.1:8101 */
  gatewayUrl: string;
  /** Who is signed in on this phone (absent: WeChat gives every user an openid; the demo's public person). */
  openid: string;
  /** Cloud calls in flight and when the last one came back, so that the runner knows when a page has settled. */
  pending: { count: number; at: number };
  navigations: Navigation[];
  toasts: string[];
  /** APIs the app called that this model answers with a bare success; listed in the report. */
  unmodelled: Set<string>;
  /** A cloud call that did not come back ok (a thrown function, a broken gateway). */
  onCloudError(message: string): void;
  /** Open realtime listeners, closed with the phone. */
  watchers: Set<{ close(): void }>;
}

/** What `watch()` takes: a snapshot on every change, an error when the listener stops. */
interface WatchOptions {
  onChange?: (snapshot: unknown) => void;
  onError?: (error: unknown) => void;
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
};

/** WeChat's calling convention: callbacks when any is given, otherwise a promise (base library ≥ 2.10.2). */
function asyncApi(name: string, impl: (opts: Options) => unknown | Promise<unknown>) {
  return (opts: Options = {}) => {
    const done = Promise.resolve()
      .then(() => impl(opts))
      .then((res) => ({ errMsg: `${name}:ok`, ...(res as object) }));
    if (opts.success || opts.fail || opts.complete) {
      done.then(
        (res) => {
          opts.success?.(res);
          opts.complete?.(res);
        },
        (err: unknown) => {
          const res = { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
          opts.fail?.(res);
          opts.complete?.(res);
        },
      );
      return undefined;
    }
    return done.catch((err: unknown) => {
      throw { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
    });
  };
}

const isSyncName = (name: string) =>
  /Sync$|^(create|on|off|canIUse|nextTick|report|get\w*Manager|getMenuButtonBoundingClientRect)/.test(name);

/** A 375-px phone (iPhone 6/7/8 size), as the product is designed for. */
function systemInfo(libVersion: string) {
  return {
    brand: 'devtools',
    model: 'iPhone 6/7/8',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.5',
    system: 'iOS 16.0',
    platform: 'devtools',
    fontSizeSetting: 16,
    SDKVersion: libVersion,
    theme: 'light',
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  };
}

/** A selector query answers with empty rectangles: this model has no layout. */
function selectorQuery() {
  const results: unknown[] = [];
  const node = (many: boolean) => {
    const rect = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };
    const field = (value: unknown) => (cb?: (v: unknown) => void) => {
      results.push(many ? [] : value);
      if (cb) queue.push(() => cb(many ? [] : value));
      return query;
    };
    return {
      boundingClientRect: field(rect),
      scrollOffset: field({ scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 }),
      fields: (_f: unknown, cb?: (v: unknown) => void) => field(rect)(cb),
      node: field(null),
      context: field(null),
    };
  };
  const queue: Array<() => void> = [];
  const query = {
    in: () => query,
    select: () => node(false),
    selectAll: () => node(true),
    selectViewport: () => node(false),
    exec: (cb?: (res: unknown[]) => void) => {
      setTimeout(() => {
        queue.forEach((f) => f());
        cb?.(results);
      }, 0);
    },
  };
  return query;
}

/** Builds `wx` for one phone. APIs newer than `libVersion` are absent, so calling one throws, as on that phone. */
export function createWx(host: WxHost): Record<string, unknown> {
  const storage = new Map<string, unknown>();
  const listeners = new Map<string, unknown[]>();
  const names = wxApiNames().filter((api) => !api.since || compareVersions(api.since, host.libVersion) <= 0);
  const available = new Set(names.map((n) => n.name));
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const navigate = (api: string) =>
    asyncApi(api, (opts) => {
      host.navigations.push({ api, url: opts.url as string | undefined });
    });
  const info = systemInfo(host.libVersion);

  const cloudCall = async (opts: Options) => {
    host.pending.count++;
    try {
      const res = await fetch(`${host.gatewayUrl}/api/fn/${String(opts.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-WX-OPENID': host.openid },
        body: JSON.stringify(opts.data ?? {}),
      });
      const text = await res.text();
      if (!res.ok) {
        host.onCloudError(`cloud.callFunction ${String(opts.name)}: HTTP ${res.status} ${text.slice(0, 300)}`);
        throw new Error(`-504002 functions execute fail: HTTP ${res.status}`);
      }
      return { result: JSON.parse(text) as unknown, requestID: 'weapp-check' };
    } finally {
      // The answer reaches the page after this turn; settle checks run later.
      setTimeout(() => {
        host.pending.count--;
        host.pending.at = Date.now();
      }, 0);
    }
  };

  /**
   * `db.collection(c).doc(id).watch({ onChange, onError })` over the emulator's realtime gateway (GET /api/watch),
   * with WeChat's snapshot shape: `type: 'init'` first, then one `update` (or `remove`) per change.
   */
  const watchDoc = (collection: string, docId: string, opts: WatchOptions) => {
    let stream: SseStream | null = null;
    let closed = false;
    let previous: unknown = undefined;
    let id = 0;
    const watcher = {
      close() {
        closed = true;
        stream?.close();
        host.watchers.delete(watcher);
        return Promise.resolve();
      },
    };
    host.watchers.add(watcher);
    const url = `${host.gatewayUrl}/api/watch?collection=${encodeURIComponent(collection)}&docId=${encodeURIComponent(docId)}`;
    openSse(
      url,
      (doc) => {
        if (closed) return;
        const dataType =
          previous === undefined ? 'init' : doc === null ? 'remove' : previous === null ? 'add' : 'update';
        const first = previous === undefined;
        previous = doc;
        const change = { id: ++id, dataType, queueType: dataType, docId, doc: doc ?? undefined };
        const changes = first && doc === null ? [] : [change];
        opts.onChange?.({
          id,
          docChanges: changes,
          docs: doc === null ? [] : [doc],
          ...(first ? { type: 'init' } : {}),
        });
      },
      { 'X-WX-OPENID': host.openid },
    ).then(
      (s) => {
        stream = s;
        if (closed) s.close();
        else if (s.status !== 200)
          opts.onError?.(new Error(`watch ${collection}/${docId}: HTTP ${s.status} ${s.body}`));
      },
      (e: unknown) => opts.onError?.(e),
    );
    return watcher;
  };
  const notModelled = (what: string) => () => {
    throw new Error(`${what} is not modelled by the weapp check (test/weapp/wx-api.ts): add it there`);
  };
  const database = () => ({
    serverDate: notModelled('db.serverDate'),
    command: {},
    collection: (collection: string) => ({
      doc: (docId: string) => ({
        watch: (o: WatchOptions) => watchDoc(collection, docId, o),
        get: notModelled('reading the database from the mini-program'),
      }),
      where: notModelled(`db.collection('${collection}').where (only doc(id).watch is modelled)`),
      get: notModelled('reading the database from the mini-program'),
    }),
  });

  const modelled: Record<string, unknown> = {
    getSystemInfoSync: () => ({ ...info }),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...info })),
    getWindowInfo: () => ({ ...info }),
    getDeviceInfo: () => ({ ...info }),
    getAppBaseInfo: () => ({ ...info }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true }),
    getAppAuthorizeSetting: () => ({ locationAuthorized: 'authorized', cameraAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 24, right: 365, bottom: 56, left: 278 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: (schema: string) => available.has(String(schema).split('.')[0]),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getStorageSync: (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, clone(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(String(o.key))) throw new Error('data not found');
      return { data: clone(storage.get(String(o.key))) };
    }),
    setStorage: asyncApi('setStorage', (o) => void storage.set(String(o.key), clone(o.data))),
    removeStorage: asyncApi('removeStorage', (o) => void storage.delete(String(o.key))),
    showToast: asyncApi('showToast', (o) => void host.toasts.push(String(o.title ?? ''))),
    hideToast: asyncApi('hideToast', () => undefined),
    showLoading: asyncApi('showLoading', () => undefined),
    hideLoading: asyncApi('hideLoading', () => undefined),
    // The person confirms: flows behind a confirmation go on, as a tap on 确定 would.
    showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false })),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', () => undefined),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => undefined),
    pageScrollTo: asyncApi('pageScrollTo', () => undefined),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => undefined),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    login: asyncApi('login', () => ({ code: 'weapp-check' })),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o) =>
      Object.fromEntries(((o.tmplIds as string[]) ?? []).map((id) => [id, 'reject'])),
    ),
    createSelectorQuery: selectorQuery,
    getUpdateManager: () => ({
      onCheckForUpdate: () => undefined,
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    }),
    cloud: {
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: () => undefined,
      callFunction: asyncApi('cloud.callFunction', cloudCall),
      database,
    },
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };

  const wx: Record<string, unknown> = {};
  for (const { name } of names) {
    if (name in modelled) wx[name] = modelled[name];
    else if (/^(on|off)[A-Z]/.test(name)) {
      wx[name] = (fn: unknown) => void listeners.set(name, [...(listeners.get(name) ?? []), fn]);
    } else if (isSyncName(name)) {
      wx[name] = () => void host.unmodelled.add(name);
    } else {
      wx[name] = asyncApi(name, () => void host.unmodelled.add(name));
    }
  }
  // A modelled name the typings do not know is a typo in this file, not an API of some other version.
  const unknown = Object.keys(modelled).filter((name) => !wxApiNames().some((api) => api.name === name));
  if (unknown.length) throw new Error(`test/weapp/wx-api.ts models ${unknown.join(', ')}, which WeChat does not have`);
  return wx;
}
