// The live state and scoreboard of one 现场赛, kept current by realtime (polling while it is down) on both platforms.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveBoard, LiveState } from '@/domain/api';
import type { LIVE_WATCHED } from '@/domain/api/live';
import { call } from '@/services/call';
import type { CallError } from '@/services/call-error';
import type { DocFeed, FeedStatus } from '@/services/doc-feed';
import { openDocFeed } from '@/services/doc-feed';
import { useReloadOnReturn } from './use-return';

/** The watched collections (the contract's LIVE_WATCHED; a value the app may not import, it lives beside zod). */
const WATCHED: typeof LIVE_WATCHED = { sessions: 'live_sessions', boards: 'live_boards' };

export interface LiveSessionView {
  state: LiveState | null;
  board: LiveBoard | null;
  /** Add to Date.now() for the server's clock: countdowns run on the server's time, not the phone's. */
  offsetMs: number;
  /** How the state arrives: realtime, or polling while the listener is down. */
  status: FeedStatus;
  /** The last failure to read the state (null once a read works again). */
  error: CallError | null;
  /** Shows a state an action answered with (a host command, a tick) at once, without waiting for the push. */
  accept(state: LiveState, serverNow?: string): void;
}

/** Keeps the newer of two documents: pushes and polls can arrive out of order, `seq` grows with every write. */
function newer<T extends { seq: number }>(current: T | null, next: T): T {
  return current && current.seq > next.seq ? current : next;
}

/**
 * Watches `live_sessions/<id>` and `live_boards/<id>`; re-opens both when the page is shown again.
 * @example const { state, board, offsetMs } = useLiveSession(sessionId);
 */
export function useLiveSession(sessionId: string): LiveSessionView {
  const [state, setState] = useState<LiveState | null>(null);
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [error, setError] = useState<CallError | null>(null);
  const feeds = useRef<DocFeed[]>([]);

  const accept = useCallback((next: LiveState, serverNow?: string) => {
    if (serverNow) setOffsetMs(Date.parse(serverNow) - Date.now());
    setState((cur) => newer(cur, next));
  }, []);

  useEffect(() => {
    if (!sessionId) return undefined;
    setState(null);
    setBoard(null);
    // One read for the server's clock (a watched document carries no "now"), and a first state without waiting.
    let stopped = false;
    call('live', 'state', { sessionId }).then(
      (r) => !stopped && accept(r.state, r.serverNow),
      () => undefined,
    );
    const stateFeed = openDocFeed<{ state: LiveState; serverNow?: string }>({
      collection: WATCHED.sessions,
      docId: sessionId,
      poll: () => call('live', 'state', { sessionId }),
      fromDoc: (doc) => ({ state: doc as unknown as LiveState }),
      onValue: (v) => accept(v.state, v.serverNow),
      onStatus: setStatus,
      onError: setError,
    });
    const boardFeed = openDocFeed<LiveBoard>({
      collection: WATCHED.boards,
      docId: sessionId,
      poll: () => call('live', 'scoreboard', { sessionId }),
      fromDoc: (doc) => doc as unknown as LiveBoard,
      onValue: (b) => setBoard((cur) => newer(cur, b)),
    });
    feeds.current = [stateFeed, boardFeed];
    return () => {
      stopped = true;
      stateFeed.close();
      boardFeed.close();
      feeds.current = [];
    };
  }, [sessionId, accept]);

  // A phone that was locked or switched apps comes back with a stale socket: open the listeners again.
  useReloadOnReturn(() => feeds.current.forEach((f) => f.reopen()));

  return { state, board, offsetMs, status, error, accept };
}

/** How often the big screen and the host console ask the server to count answers (and lock at the deadline). */
export const LIVE_TICK_MS = 1_000;

/**
 * Calls live.tick about once a second while answers or joins come in (the lobby and an open question): the function
 * writes the counts to the watched document at most that often instead of once per answer.
 */
export function useLiveTicks(sessionId: string, state: LiveState | null, accept: LiveSessionView['accept']): void {
  const counting = state?.phase === 'lobby' || state?.phase === 'question';
  useEffect(() => {
    if (!counting) return undefined;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      call('live', 'tick', { sessionId })
        .then((r) => accept(r.state, r.serverNow))
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, [sessionId, counting, accept]);
}
