// Serves the H5 build (dist-h5/) with the right content types; Taro's H5 uses hash routing, so `/` is the only page.
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentTypeOf } from './http';

export const DEFAULT_STATIC_DIR = resolve(__dirname, '..', 'dist-h5');

const MISSING_BUILD = `<!doctype html><meta charset="utf-8"><title>H5 尚未构建</title>
<p>H5 页面尚未构建：运行 <code>npm run build:h5</code>（或 <code>npm start</code>）。</p>
<p>The H5 build is missing: run <code>npm run build:h5</code> (or <code>npm start</code>).</p>`;

function sendText(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  const head = req.method === 'HEAD';
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return sendText(res, 400, 'text/plain; charset=utf-8', 'Bad Request', head);
  }
  const base = resolve(root);
  let file = resolve(base, `.${rel.includes('\0') ? '/' : rel}`);
  if (file !== base && !file.startsWith(base + sep))
    return sendText(res, 404, 'text/plain; charset=utf-8', 'Not Found', head);
  try {
    if ((await fs.stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await fs.readFile(file);
    // Built assets carry a content hash in their names and never change; everything else is revalidated.
    const immutable = /\.[0-9a-f]{8}\.[a-z0-9]+$/i.test(file);
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(body.length),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(head ? undefined : body);
  } catch {
    if (rel === '/' || rel === '/index.html')
      return sendText(res, 503, 'text/html; charset=utf-8', MISSING_BUILD, head);
    sendText(res, 404, 'text/plain; charset=utf-8', 'Not Found', head);
  }
}
