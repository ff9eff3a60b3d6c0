// Whether the window is wide enough for an office layout (PC WeChat, a browser on a PC; the width of
// src/styles/_theme.scss's `wide`), following the window while it is resized (WeChat's `resizable`, a browser window).
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

/** The narrowest window (CSS pixels) given an office layout; phones and a turned phone never reach it. */
export const WIDE_MIN_WIDTH = 1024;

function isWide(): boolean {
  return Taro.getWindowInfo().windowWidth >= WIDE_MIN_WIDTH;
}

export function useWide(): boolean {
  const [wide, setWide] = useState(isWide);
  useEffect(() => {
    const onResize = () => setWide(isWide());
    Taro.onWindowResize?.(onResize);
    // A resize between the first render and this subscription.
    onResize();
    return () => Taro.offWindowResize?.(onResize);
  }, []);
  return wide;
}
