// H5 only: fetch against the emulator's gateway with the identity header, timeouts and failures as CallErrors.
import { CallError } from './call-error';
import { getDevOpenid } from './identity.h5';

const TIMEOUT_MS = 15000;

/** The gateway's origin: TARO_APP_API_BASE when set, otherwise the page's own origin. */
export function apiUrl(path: string): string {
  const base = (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '');
  return `${base}${path}`;
}

export interface RequestOptions {
  method: 'GET' | 'POST';
  body?: BodyInit;
  contentType?: string;
}

/**
 * Sends a request and resolves with the parsed JSON body whatever the status, so that the gateway's envelopes on
 * HTTP 400/500 reach the caller. Rejects with UNAVAILABLE when the server cannot be reached or answers something
 * that is not JSON, and with INTERNAL for an HTTP 5xx without a JSON body.
 */
export async function requestJson(path: string, options: RequestOptions): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const openid = getDevOpenid();
  if (openid) headers['X-WX-OPENID'] = openid;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { method: options.method, headers, body: options.body, signal: controller.signal });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'AbortError';
    throw new CallError('UNAVAILABLE', timedOut ? '请求超时，请检查网络后重试' : undefined);
  } finally {
    clearTimeout(timer);
  }

  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (res.status >= 500) throw new CallError('INTERNAL', `服务器出错了，请稍后重试（HTTP ${res.status}）`);
    throw new CallError('UNAVAILABLE', `服务暂时不可用，请稍后重试（HTTP ${res.status}）`);
  }
  return { status: res.status, body };
}

/** The `{ ok, data }` / `{ ok, error }` envelope of a gateway answer, as data or a thrown CallError. */
export function unwrapEnvelope<T>(status: number, body: unknown): T {
  const env = body as {
    ok?: unknown;
    data?: unknown;
    error?: { code?: string; message?: string; reason?: string };
  } | null;
  if (env && env.ok === true) return env.data as T;
  if (env && env.ok === false && env.error && typeof env.error.code === 'string') {
    throw new CallError(
      env.error.code as CallError['code'],
      env.error.message,
      env.error.reason as CallError['reason'],
    );
  }
  throw new CallError(status >= 500 ? 'INTERNAL' : 'UNAVAILABLE');
}
