// Hooks that turn remote data into { data, error, loading, reload } for LoadState and the pages.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallError } from '@/services/call-error';
import { toCallError } from '@/services/call-error';
import type { Resource } from '@/services/resource';

export interface RemoteState<T> {
  data: T | undefined;
  error: CallError | null;
  loading: boolean;
  reload: () => void;
}

const ignore = () => undefined;

/** Observes a shared resource and loads it when nothing is there yet (or the last load failed). */
export function useResource<T>(resource: Resource<T>): RemoteState<T> {
  const snap = useSyncExternalStore(resource.subscribe, resource.snapshot, resource.snapshot);
  useEffect(() => {
    const s = resource.snapshot();
    if (s.data === undefined && !s.loading) resource.load().catch(ignore);
  }, [resource]);
  const reload = useCallback(() => {
    resource.load(true).catch(ignore);
  }, [resource]);
  return { ...snap, reload };
}

/**
 * Loads page-local data with `fetcher` (memoise it with useCallback; a new fetcher loads again). Answers of an older
 * fetcher that arrive late are dropped, so paging quickly never shows the wrong page.
 */
export function useRemote<T>(fetcher: () => Promise<T>): RemoteState<T> {
  const [state, setState] = useState<Omit<RemoteState<T>, 'reload'>>({ data: undefined, error: null, loading: true });
  const latest = useRef(0);

  const run = useCallback(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    fetcher().then(
      (data) => {
        if (mine === latest.current) setState({ data, error: null, loading: false });
      },
      (err: unknown) => {
        if (mine === latest.current) setState((s) => ({ ...s, error: toCallError(err), loading: false }));
      },
    );
  }, [fetcher]);

  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** Two states as one: ready when both are, the first error wins, reload retries what failed. */
export function bothStates<A, B>(a: RemoteState<A>, b: RemoteState<B>): RemoteState<[A, B]> {
  const data: [A, B] | undefined = a.data !== undefined && b.data !== undefined ? [a.data, b.data] : undefined;
  return {
    data,
    error: a.error ?? b.error,
    loading: a.loading || b.loading,
    reload: () => {
      if (a.error || a.data === undefined) a.reload();
      if (b.error || b.data === undefined) b.reload();
    },
  };
}
