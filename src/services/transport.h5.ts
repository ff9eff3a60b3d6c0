// H5 transport: POST /api/fn/<name> on the emulator's gateway (same origin unless TARO_APP_API_BASE is set).
import { CallError } from './call-error';
import { requestJson } from './http.h5';
import type { Transport } from './transport-types';

export const transport: Transport = {
  init() {
    // Nothing to set up: the browser talks plain HTTP, and the identity header is read on every request.
  },

  async callFunction(name, event) {
    const { status, body } = await requestJson(`/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      contentType: 'application/json',
      body: JSON.stringify({ action: event.action, data: event.data ?? {} }),
    });
    // The gateway answers envelopes on 200, 400 and 500; anything else on a 5xx is the server failing.
    const isEnvelope = typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
    if (!isEnvelope && status >= 500) throw new CallError('INTERNAL', `服务器出错了，请稍后重试（HTTP ${status}）`);
    return body;
  },
};
