// GET /api/watch?collection=&docId= (the gateway's realtime route): the H5 build's stand-in for the cloud database's
// watch(). Server-Sent Events: one `data:` line with the document as JSON now and after every change, in order;
// comment heartbeats; a client that drops simply re-opens and gets the current document first.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeFeed } from './changes';
import type { ClientRead } from './rules';

/** A comment line this often keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** The browser waits this long before re-opening a dropped stream. */
const RETRY_MS = 1000;

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DOC_ID = /^[A-Za-z0-9_:.-]{1,128}$/;

export interface WatchOptions {
  feed: ChangeFeed;
  rules: ReadonlyMap<string, ClientRead>;
  cors: Record<string, string>;
}

export type WatchRefusal = { status: number; code: 'INVALID_ARGUMENT' | 'PERMISSION_DENIED'; message: string };

/**
 * Checks a watch request; null when it may go on. The caller is `X-WX-OPENID` or, since EventSource cannot set
 * headers, the `openid` query parameter. A collection is watchable only if its client read rule lets the caller read.
 */
export function watchRefusal(
  req: IncomingMessage,
  url: URL,
  rules: ReadonlyMap<string, ClientRead>,
): WatchRefusal | null {
  const collection = url.searchParams.get('collection') ?? '';
  const docId = url.searchParams.get('docId') ?? '';
  const header = req.headers['x-wx-openid'];
  const openid = typeof header === 'string' ? header : url.searchParams.get('openid');
  if (openid !== null && !OPENID.test(openid))
    return { status: 400, code: 'INVALID_ARGUMENT', message: 'openid 格式不正确' };
  if (!NAME.test(collection) || !DOC_ID.test(docId))
    return { status: 400, code: 'INVALID_ARGUMENT', message: '请提供有效的 collection 和 docId' };
  if (rules.get(collection) !== 'all')
    return { status: 403, code: 'PERMISSION_DENIED', message: `集合 ${collection} 不允许客户端读取，不能监听` };
  return null;
}

/** Serves one watch stream until the client goes away. */
export async function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  opts: WatchOptions,
): Promise<void> {
  const collection = url.searchParams.get('collection') as string;
  const docId = url.searchParams.get('docId') as string;
  res.writeHead(200, {
    ...opts.cors,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n\n`);
  let seq = 0;
  let closed = false;
  const send = (json: string | null) => {
    if (closed) return;
    seq += 1;
    res.write(`id: ${seq}\ndata: ${json ?? 'null'}\n\n`);
  };
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let stop: (() => void) | null = null;
  const close = () => {
    closed = true;
    clearInterval(heartbeat);
    stop?.();
  };
  req.on('close', close);
  res.on('close', close);
  stop = await opts.feed.watch(collection, docId, send);
  if (closed) stop();
}

/** The gateway's realtime endpoint: serves streams and ends them all when the emulator closes. */
export interface WatchEndpoint {
  refusal(req: IncomingMessage, url: URL): WatchRefusal | null;
  serve(req: IncomingMessage, res: ServerResponse, url: URL, cors: Record<string, string>): Promise<void>;
  /** Ends every open stream (shutdown: a stream never finishes by itself). */
  closeAll(): void;
}

export function createWatchEndpoint(feed: ChangeFeed, rules: ReadonlyMap<string, ClientRead>): WatchEndpoint {
  const open = new Set<ServerResponse>();
  return {
    refusal: (req, url) => watchRefusal(req, url, rules),
    async serve(req, res, url, cors) {
      open.add(res);
      res.on('close', () => open.delete(res));
      await serveWatch(req, res, url, { feed, rules, cors });
    },
    closeAll() {
      for (const res of open) res.end();
      open.clear();
    },
  };
}
