// Shared remote data (the caller's session, the org directory): loaded once, reloadable, observed by every page.
import type { CallError } from './call-error';
import { toCallError } from './call-error';

export interface Snapshot<T> {
  data: T | undefined;
  error: CallError | null;
  loading: boolean;
}

export interface Resource<T> {
  /** Resolves with the cached data, or loads it (always when `force`); concurrent calls share one request. */
  load(force?: boolean): Promise<T>;
  /** Forgets the data, e.g. after the H5 identity switch, so that the next observer loads it again. */
  reset(): void;
  snapshot(): Snapshot<T>;
  subscribe(listener: () => void): () => void;
}

/**
 * @example const session = createResource(() => call('user', 'login', {}));
 *          await session.load(); // later loads reuse the result until load(true) or reset()
 */
export function createResource<T>(fetcher: () => Promise<T>): Resource<T> {
  let state: Snapshot<T> = { data: undefined, error: null, loading: false };
  let inflight: Promise<T> | null = null;
  let generation = 0;
  const listeners = new Set<() => void>();

  const set = (next: Snapshot<T>) => {
    state = next;
    listeners.forEach((l) => l());
  };

  return {
    load(force = false) {
      if (inflight) return inflight;
      if (state.data !== undefined && !force) return Promise.resolve(state.data);
      const mine = ++generation;
      set({ ...state, loading: true, error: null });
      const request = fetcher().then(
        (data) => {
          if (mine === generation) set({ data, error: null, loading: false });
          return data;
        },
        (err: unknown) => {
          const error = toCallError(err);
          if (mine === generation) set({ ...state, error, loading: false });
          throw error;
        },
      );
      inflight = request;
      // Cleared after settling so that a failed load can be retried.
      const clear = () => {
        if (inflight === request) inflight = null;
      };
      request.then(clear, clear);
      return request;
    },
    reset() {
      generation++;
      inflight = null;
      set({ data: undefined, error: null, loading: false });
    },
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
