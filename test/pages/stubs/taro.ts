// Stand-in for @tarojs/taro in page tests: the APIs the pages and NutUI touch, as jest mocks on a web-like env.
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

/** Sets what useRouter().params returns, e.g. the `?orgId=` of the import page. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroStub(): void {
  storage.clear();
  routerParams = {};
  for (const v of [...Object.values(Taro), ...Object.values(Taro.cloud)]) {
    if (typeof v === 'function' && 'mockReset' in v) (v as jest.Mock).mockClear();
  }
}

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: jest.fn(() => 'WEB'),
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  reLaunch: jest.fn(async () => ({ errMsg: 'reLaunch:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  pageScrollTo: jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' })),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getSystemInfoSync: jest.fn(() => ({
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
  })),
  getWindowInfo: jest.fn(() => ({
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
  })),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  cloud: {
    DYNAMIC_CURRENT_ENV: 'DYNAMIC_CURRENT_ENV',
    init: jest.fn(),
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
  },
  chooseMessageFile: jest.fn(),
  createSelectorQuery: jest.fn(() => {
    const query = {
      select: () => query,
      selectAll: () => query,
      boundingClientRect: () => query,
      scrollOffset: () => query,
      exec: (cb?: (res: unknown[]) => void) => cb?.([]),
    };
    return query;
  }),
};

export const getEnv = Taro.getEnv;
export const ENV_TYPE = Taro.ENV_TYPE;
export const getSystemInfoSync = Taro.getSystemInfoSync;
export const nextTick = Taro.nextTick;
export const createSelectorQuery = Taro.createSelectorQuery;

/** Page lifecycle hooks: load and launch run once on mount; show and hide run when a test calls showPage/hidePage. */
export const useLoad = (fn: () => void) => useEffect(fn, []); // eslint-disable-line react-hooks/exhaustive-deps
export const useLaunch = useLoad;
export const useReady = useLoad;

const lifecycle = { show: new Set<{ current: () => void }>(), hide: new Set<{ current: () => void }>() };

function useLifecycle(kind: keyof typeof lifecycle, fn: () => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    lifecycle[kind].add(ref);
    return () => {
      lifecycle[kind].delete(ref);
    };
  }, [kind]);
}

export const useDidShow = (fn: () => void) => useLifecycle('show', fn);
export const useDidHide = (fn: () => void) => useLifecycle('hide', fn);
/** The page comes into view again (back from a page opened on top, another tab or app). */
export const showPage = () => lifecycle.show.forEach((h) => h.current());
/** The page goes out of view (a page is opened on top of it, another tab or app). */
export const hidePage = () => lifecycle.hide.forEach((h) => h.current());
export const useRouter = () => ({ params: routerParams, path: '' });

export default Taro;
