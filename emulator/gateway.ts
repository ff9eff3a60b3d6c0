// The emulator's HTTP gateway: health, POST /api/fn/<function> as the X-WX-OPENID caller, storage upload and
// download for the H5 build, the demo identities, and the H5 build itself.
import { promises as fs } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { FunctionRuntime, RuntimeLogger } from './functions';
import { consoleLogger } from './functions';
import { contentTypeOf, corsHeaders, readBody, sendError, sendJson } from './http';
import { DEFAULT_STATIC_DIR, serveStatic } from './static-files';
import type { WatchEndpoint } from './realtime/watch';
import type { LocalStorage } from './storage';
import { cloudPathProblem } from './storage';

export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const IDENTITIES_FILE = 'demo-identities.json';

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;
/** Uploaded files of these types are shown inline; anything else is a download, so an upload can never run as a page. */
const INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'audio/mpeg',
  'video/mp4',
]);

export interface GatewayOptions {
  runtime: FunctionRuntime;
  storage: LocalStorage;
  dataDir: string;
  staticDir?: string;
  /** True once the database is open. */
  isReady: () => boolean;
  logger?: RuntimeLogger;
  /** GET /api/watch (realtime documents for the H5 build); absent = 404. */
  watch?: WatchEndpoint;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'INVALID_ARGUMENT' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/** The caller from `X-WX-OPENID`; undefined when absent (anonymous). */
function callerOf(req: IncomingMessage): string | undefined {
  const raw = req.headers['x-wx-openid'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !OPENID.test(raw))
    throw new HttpError(400, 'INVALID_ARGUMENT', 'X-WX-OPENID 格式不正确');
  return raw;
}

async function body(req: IncomingMessage, limit: number): Promise<Buffer> {
  const read = await readBody(req, limit);
  if (!read.ok)
    throw Object.assign(new HttpError(413, 'INVALID_ARGUMENT', `请求内容过大（上限 ${limit / 1024 / 1024} MB）`), {
      tooLarge: true,
    });
  return read.body;
}

async function callFunction(
  opts: GatewayOptions,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  cors: Record<string, string>,
) {
  const raw = await body(req, MAX_EVENT_BYTES);
  const openid = callerOf(req);
  if (!opts.runtime.has(name)) throw new HttpError(400, 'INVALID_ARGUMENT', `云函数不存在：${name}`);
  let event: unknown;
  try {
    event = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    throw new HttpError(400, 'INVALID_ARGUMENT', '请求内容必须是 JSON 对象');
  const { result, failed } = await opts.runtime.invoke(name, event, { openid });
  sendJson(res, failed ? 500 : 200, result, cors);
}

async function upload(
  opts: GatewayOptions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  cors: Record<string, string>,
) {
  const content = await body(req, MAX_UPLOAD_BYTES);
  const openid = callerOf(req);
  if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录后再上传文件');
  const cloudPath = url.searchParams.get('cloudPath');
  const problem = cloudPathProblem(cloudPath);
  if (problem || !cloudPath) throw new HttpError(400, 'INVALID_ARGUMENT', `文件路径无效：${problem}`);
  // WeChat's default storage rule: a client may overwrite only a file it created itself.
  const existing = await opts.storage.get(cloudPath, 'uploadFile');
  if (existing && (await opts.storage.ownerOf(cloudPath)) !== openid)
    throw new HttpError(403, 'PERMISSION_DENIED', '无权覆盖他人上传的文件');
  const fileID = await opts.storage.put(cloudPath, content, openid);
  sendJson(res, 200, { ok: true, data: { fileID } }, cors);
}

async function download(opts: GatewayOptions, req: IncomingMessage, res: ServerResponse, encodedPath: string) {
  let cloudPath: string;
  try {
    cloudPath = encodedPath.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', '文件路径无效');
  }
  const problem = cloudPathProblem(cloudPath);
  if (problem) throw new HttpError(400, 'INVALID_ARGUMENT', `文件路径无效：${problem}`);
  const content = await opts.storage.get(cloudPath);
  if (!content) throw new HttpError(404, 'NOT_FOUND', '文件不存在');
  const type = contentTypeOf(cloudPath);
  const inline = INLINE_TYPES.has(type);
  res.writeHead(200, {
    'Content-Type': inline ? type : 'application/octet-stream',
    'Content-Length': String(content.length),
    'Content-Disposition': inline
      ? 'inline'
      : `attachment; filename*=UTF-8''${encodeURIComponent(cloudPath.split('/').pop() ?? 'file')}`,
    'Content-Security-Policy': 'sandbox',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : content);
}

async function identities(opts: GatewayOptions, res: ServerResponse, cors: Record<string, string>) {
  let list: unknown[] = [];
  try {
    list = (JSON.parse(await fs.readFile(join(opts.dataDir, IDENTITIES_FILE), 'utf8')) as { identities: unknown[] })
      .identities;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  sendJson(res, 200, { ok: true, data: { identities: list } }, cors);
}

async function route(opts: GatewayOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const cors = corsHeaders(req);
  if (!path.startsWith('/api/')) {
    if (method !== 'GET' && method !== 'HEAD')
      return sendError(res, 405, 'INVALID_ARGUMENT', '不支持的请求方法', { Allow: 'GET, HEAD' });
    return serveStatic(req, res, opts.staticDir ?? DEFAULT_STATIC_DIR, path);
  }
  if (method === 'OPTIONS') {
    res.writeHead(204, cors);
    return void res.end();
  }
  const fn = /^\/api\/fn\/([^/]+)$/.exec(path);
  const file = /^\/api\/storage\/(.+)$/.exec(path);
  if (path === '/api/health' && method === 'GET') {
    return opts.isReady()
      ? sendJson(res, 200, { ok: true }, cors)
      : sendError(res, 503, 'FAILED_PRECONDITION', '数据库尚未就绪', cors);
  }
  if (!opts.isReady() && (fn || file || path === '/api/storage/upload')) {
    return sendError(res, 503, 'FAILED_PRECONDITION', '本地云正在启动，请稍候', cors);
  }
  if (path === '/api/watch' && method === 'GET' && opts.watch) {
    if (!opts.isReady()) return sendError(res, 503, 'FAILED_PRECONDITION', '本地云正在启动，请稍候', cors);
    const refused = opts.watch.refusal(req, url);
    if (refused) return sendError(res, refused.status, refused.code, refused.message, cors);
    return opts.watch.serve(req, res, url, cors);
  }
  if (fn && method === 'POST') {
    let name: string;
    try {
      name = decodeURIComponent(fn[1]);
    } catch {
      throw new HttpError(400, 'INVALID_ARGUMENT', '云函数名称无效');
    }
    return callFunction(opts, req, res, name, cors);
  }
  if (path === '/api/storage/upload' && method === 'POST') return upload(opts, req, res, url, cors);
  if (file && (method === 'GET' || method === 'HEAD')) return download(opts, req, res, file[1]);
  if (path === '/api/dev/identities' && method === 'GET') return identities(opts, res, cors);
  const known =
    path === '/api/health' || path === '/api/dev/identities' || path === '/api/storage/upload' || fn || file;
  if (known) throw new HttpError(405, 'INVALID_ARGUMENT', '不支持的请求方法');
  throw new HttpError(404, 'NOT_FOUND', '接口不存在');
}

export function createGateway(opts: GatewayOptions): Server {
  const logger = opts.logger ?? consoleLogger;
  // Idle keep-alive sockets outlive the clients' own pools (undici keeps them 4 s, browsers longer), so a reused
  // socket is never closed under a request in flight (ECONNRESET after a pause).
  const serverOptions = { keepAliveTimeout: 65_000, headersTimeout: 66_000 };
  return createServer(serverOptions, (req, res) => {
    route(opts, req, res).catch((e: unknown) => {
      // (`req` is destroyed once its body has been read, so only the response's state tells whether we can answer.)
      if (res.headersSent || res.destroyed) return;
      const cors = corsHeaders(req);
      if (e instanceof HttpError) {
        // An oversize body was drained; closing the connection stops a client from streaming more on it.
        const headers = (e as HttpError & { tooLarge?: boolean }).tooLarge ? { ...cors, Connection: 'close' } : cors;
        return sendError(res, e.status, e.code, e.message, headers);
      }
      logger.error(`网关错误 / gateway error: ${req.method} ${req.url}`, e);
      sendError(res, 500, 'INTERNAL', '服务器内部错误，请稍后再试', cors);
    });
  });
}
