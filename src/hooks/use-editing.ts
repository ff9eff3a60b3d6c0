// The record an admin list page's form is open on (a new one, or one picked from the list), or null when closed.
// The form sits at the top of the page: opening it scrolls up to it.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';

export interface Editing<T> {
  editing: T | null;
  open(next: T): void;
  close(): void;
}

export function useEditing<T>(): Editing<T> {
  const [editing, setEditing] = useState<T | null>(null);
  const open = useCallback((next: T) => {
    setEditing(next);
    // A page too short to scroll, or one left meanwhile, is not an error.
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 200 })).catch(() => undefined);
  }, []);
  const close = useCallback(() => setEditing(null), []);
  return { editing, open, close };
}
