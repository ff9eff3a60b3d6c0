// A small Server-Sent Events client over node:http for tests and the benchmark (Node has no EventSource): opens
// /api/watch and hands each `data:` payload, parsed, to a callback.
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request } from 'node:http';

export interface SseStream {
  /** HTTP status of the answer (the stream runs only on 200). */
  status: number;
  /** The body of a refused request (its JSON envelope). */
  body: string;
  close(): void;
}

/**
 * Opens `url` as an event stream; resolves once the status line is in. `onData` gets every event's data, parsed
 * as JSON, in order.
 *
 * @example const s = await openSse(`${url}/api/watch?collection=live_sessions&docId=x&openid=o1`, (doc) => docs.push(doc));
 */
export function openSse(
  url: string,
  onData: (data: unknown) => void,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | null = null;
    req = request(
      url,
      { headers: { Accept: 'text/event-stream', ...headers }, agent: false },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const close = () => {
          res.destroy();
          req?.destroy();
        };
        if (status !== 200) {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status, body, close }));
          return;
        }
        resolve({ status, body: '', close });
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event
              .split('\n')
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5).trimStart())
              .join('\n');
            if (data) onData(JSON.parse(data));
          }
        });
        res.on('error', () => undefined);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
