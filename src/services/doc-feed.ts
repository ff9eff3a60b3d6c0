// A watched document that stays current: the platform's realtime listener, re-opened with back-off when it fails,
// and a function polled every few seconds while it is down, so that a page never freezes on a dropped connection.
import type { CallError } from './call-error';
import { toCallError } from './call-error';
import { watchDoc } from './realtime';
import type { StopWatching } from './realtime-types';

/** `connecting` until the listener's first snapshot; `live` while it delivers; `polling` while it is down. */
export type FeedStatus = 'connecting' | 'live' | 'polling';

/** Waits before re-opening a failed listener, one per failure in a row; the last one repeats. */
export const REOPEN_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
/** How often the function is read while the listener is down (every 2–3 s keeps a live screen current enough). */
export const POLL_MS = 2_500;
/** Errors of the function that polling again will not cure: the feed stops and reports them. */
const FINAL_CODES = new Set(['PERMISSION_DENIED', 'NOT_FOUND', 'UNAUTHENTICATED', 'INVALID_ARGUMENT']);

export interface DocFeedOptions<T> {
  collection: string;
  docId: string;
  /** The same view read through the cloud function, used while the listener is down. */
  poll: () => Promise<T>;
  /** The view of a watched document (null: the document does not exist yet, nothing is delivered). */
  fromDoc: (doc: Record<string, unknown>) => T;
  onValue: (value: T) => void;
  onStatus?: (status: FeedStatus) => void;
  /** A failed poll (null once one succeeds again); final errors also stop the feed. */
  onError?: (error: CallError | null) => void;
  /** Spreads the re-opens of hundreds of phones that lost the hall's Wi-Fi at the same moment (0..1 → factor). */
  jitter?: () => number;
}

export interface DocFeed {
  /** Closes the listener and opens a new one at once (the page was shown again: a sleeping phone's socket is stale). */
  reopen(): void;
  close(): void;
}

/**
 * Opens the feed; `onValue` gets the document now and after every change.
 * @example const feed = openDocFeed({ collection: 'live_sessions', docId, poll, fromDoc, onValue: setState }); feed.close();
 */
export function openDocFeed<T>(options: DocFeedOptions<T>): DocFeed {
  const jitter = options.jitter ?? Math.random;
  let closed = false;
  let status: FeedStatus | null = null;
  let failures = 0;
  let stopWatch: StopWatching | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  /** Bumped whenever the listener delivers: a poll that started before is older and is dropped. */
  let generation = 0;

  /** Read through a function: TypeScript would keep the narrowing of `status` across the awaits otherwise. */
  const isLive = () => status === 'live';
  const setStatus = (next: FeedStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  const clearPoll = () => {
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    pollTimer = undefined;
  };

  /** Polls after `delayMs` unless a poll is already due sooner or running (it schedules the next itself). */
  const schedulePoll = (delayMs: number) => {
    if (closed || polling) return;
    clearPoll();
    pollTimer = setTimeout(() => void pollOnce(), delayMs);
  };

  async function pollOnce() {
    pollTimer = undefined;
    if (closed || status === 'live') return;
    setStatus('polling');
    polling = true;
    const mine = generation;
    try {
      const value = await options.poll();
      if (!closed && mine === generation) {
        options.onError?.(null);
        options.onValue(value);
      }
    } catch (err) {
      if (closed) return;
      const error = toCallError(err);
      options.onError?.(error);
      if (FINAL_CODES.has(error.code)) {
        shutdown();
        return;
      }
    } finally {
      polling = false;
    }
    if (!isLive()) schedulePoll(POLL_MS);
  }

  function open() {
    if (closed) return;
    if (status !== 'polling') setStatus('connecting');
    stopWatch = watchDoc(options.collection, options.docId, {
      onChange(doc) {
        if (closed) return;
        generation++;
        failures = 0;
        clearPoll();
        setStatus('live');
        options.onError?.(null);
        if (doc) options.onValue(options.fromDoc(doc));
      },
      onError() {
        if (closed) return;
        stopWatch = null;
        if (status === 'live') setStatus('polling');
        schedulePoll(0);
        const base = REOPEN_DELAYS_MS[Math.min(failures, REOPEN_DELAYS_MS.length - 1)];
        failures++;
        reopenTimer = setTimeout(open, Math.round(base * (0.8 + 0.4 * jitter())));
      },
    });
    // A listener that says nothing (a socket half open behind a proxy) must not leave the page frozen.
    if (status !== 'live' && pollTimer === undefined) schedulePoll(POLL_MS);
  }

  function shutdown() {
    closed = true;
    clearPoll();
    if (reopenTimer !== undefined) clearTimeout(reopenTimer);
    stopWatch?.();
    stopWatch = null;
  }

  open();
  return {
    reopen() {
      if (closed) return;
      if (reopenTimer !== undefined) clearTimeout(reopenTimer);
      reopenTimer = undefined;
      stopWatch?.();
      stopWatch = null;
      failures = 0;
      // The phone slept: the shown state may be old, whichever way the new listener turns out.
      if (status === 'live') setStatus('connecting');
      open();
    },
    close: shutdown,
  };
}
