// Reader preferences kept on the device: the 大字模式 (larger text) switch, shared by every page.
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

const KEY = 'jgdj.large-font';
const listeners = new Set<() => void>();
let largeFont: boolean | null = null;

function read(): boolean {
  if (largeFont === null) {
    try {
      largeFont = Taro.getStorageSync(KEY) === true;
    } catch {
      largeFont = false;
    }
  }
  return largeFont;
}

export function setLargeFont(on: boolean): void {
  largeFont = on;
  Taro.setStorageSync(KEY, on);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether 大字模式 is on now (outside React: the H5 page frame). */
export function isLargeFont(): boolean {
  return read();
}

/** Calls `listener` whenever 大字模式 is switched; returns the unsubscribe. */
export function onLargeFontChange(listener: () => void): () => void {
  return subscribe(listener);
}

/** Whether 大字模式 is on; every page re-renders when it changes. */
export function useLargeFont(): boolean {
  return useSyncExternalStore(subscribe, read, read);
}
