// Reloads a page's data when the member comes back to it (useDidShow), but not on the first show, which is the load.
import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

export function useReloadOnReturn(reload: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });
}
