// Reloads a page's data when the member comes back to it (from a page opened on top, another tab or another app).
import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `reload` when the page shows again after it was hidden. Counting hides rather than shows keeps the first
 * show (which the mount already loads) quiet, also for a part that mounts only after its page showed, e.g. inside
 * AdminGate once the session has loaded.
 *
 * @example useReloadOnReturn(state.reload);
 */
export function useReloadOnReturn(reload: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    reload();
  });
}
