// H5 realtime: the emulator's gateway pushes the watched document over Server-Sent Events (GET /api/watch).
import { apiUrl } from './http.h5';
import { getDevOpenid } from './identity.h5';
import type { StopWatching, WatchHandlers } from './realtime-types';

/** The gateway's address for one document, as the identity this browser acts as (EventSource cannot send headers). */
export function watchUrl(collection: string, docId: string): string {
  const query = new URLSearchParams({ collection, docId });
  const openid = getDevOpenid();
  if (openid) query.set('openid', openid);
  return apiUrl(`/api/watch?${query.toString()}`);
}

export function watchDoc(collection: string, docId: string, handlers: WatchHandlers): StopWatching {
  let stopped = false;
  let source: EventSource;
  try {
    source = new EventSource(watchUrl(collection, docId));
  } catch (err) {
    // No EventSource (an old browser): the caller polls instead, as after any failure.
    setTimeout(() => handlers.onError(err), 0);
    return () => undefined;
  }
  const stop = () => {
    stopped = true;
    source.close();
  };
  source.onmessage = (event: MessageEvent<string>) => {
    if (stopped) return;
    let doc: Record<string, unknown> | null;
    try {
      doc = JSON.parse(event.data) as Record<string, unknown> | null;
    } catch (err) {
      stop();
      handlers.onError(err);
      return;
    }
    handlers.onChange(doc);
  };
  // EventSource would reconnect on its own, without back-off and without telling anyone; the caller's feed does it
  // the same way on both platforms instead (and polls meanwhile). A 403 also lands here.
  source.onerror = (event) => {
    if (stopped) return;
    stop();
    handlers.onError(event);
  };
  return stop;
}
