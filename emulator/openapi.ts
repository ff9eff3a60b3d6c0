// Local stand-ins for the open APIs the functions use: security.msgSecCheck (a word list), wxacode.getUnlimited (a QR
// code of the H5 page) and subscribeMessage.send (recorded, not delivered), with WeChat's argument checks and results.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { WX_ERR, WxApiError } from './wx-error';

export type Suggest = 'pass' | 'review' | 'risky';

interface SensitiveWord {
  word: string;
  suggest: Exclude<Suggest, 'pass'>;
  label: number;
}

export const DEFAULT_WORDS_FILE = join(__dirname, 'sensitive-words.txt');

/** WeChat's limits: msgSecCheck v2 checks at most 2500 characters; a wxacode scene is 1..32 of these characters. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;
export const SCENE_PATTERN = /^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]{1,32}$/;

const LABEL_NORMAL = 100;

/** Matching ignores case and the separators people put between characters to dodge a filter. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s*.\-_·,，。、|/\\]+/g, '');
}

export function loadSensitiveWords(file: string = DEFAULT_WORDS_FILE): SensitiveWord[] {
  const words: SensitiveWord[] = [];
  for (const [i, raw] of readFileSync(file, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [suggest, label, ...rest] = line.split(/\s+/);
    const word = normalize(rest.join(''));
    if ((suggest !== 'risky' && suggest !== 'review') || !/^\d+$/.test(label ?? '') || !word) {
      throw new Error(`${file}:${i + 1}: expected "<risky|review> <label> <word>", got "${line}"`);
    }
    words.push({ word, suggest, label: Number(label) });
  }
  return words;
}

function asRecord(params: unknown, api: string): Record<string, unknown> {
  if (typeof params !== 'object' || params === null)
    throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: an options object is expected');
  return params as Record<string, unknown>;
}

/** `cloud.openapi.security.msgSecCheck`; v2 (`version: 2`) answers with a suggestion, v1 throws 87014 on risky text. */
export function createMsgSecCheck(words: SensitiveWord[]) {
  const api = 'openapi.security.msgSecCheck';
  return async (params: unknown) => {
    const p = asRecord(params, api);
    const fields = [p.content, p.title, p.nickname, p.signature].filter((v): v is string => typeof v === 'string');
    if (typeof p.content !== 'string')
      throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: content must be a string');
    if (p.content.length > MSG_SEC_CHECK_MAX_CHARS) {
      throw new WxApiError(
        api,
        WX_ERR.DATA_FORMAT_ERROR,
        `data format error: content exceeds ${MSG_SEC_CHECK_MAX_CHARS} characters`,
      );
    }
    const text = normalize(fields.join('\n'));
    const hit =
      words.find((w) => w.suggest === 'risky' && text.includes(w.word)) ?? words.find((w) => text.includes(w.word));
    if (p.version !== 2) {
      if (hit?.suggest === 'risky') throw new WxApiError(api, WX_ERR.RISKY_CONTENT, 'risky content');
      return { errCode: 0, errMsg: `${api}:ok` };
    }
    if (typeof p.openid !== 'string' || !p.openid) throw new WxApiError(api, WX_ERR.INVALID_OPENID, 'invalid openid');
    if (typeof p.scene !== 'number' || ![1, 2, 3, 4].includes(p.scene)) {
      throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: scene must be 1, 2, 3 or 4');
    }
    const suggest: Suggest = hit?.suggest ?? 'pass';
    const label = hit?.label ?? LABEL_NORMAL;
    const detail: Record<string, unknown>[] = [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
    ];
    if (hit) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: hit.word });
    return { errCode: 0, errMsg: `${api}:ok`, result: { suggest, label }, detail, traceId: randomUUID() };
  };
}

/** The H5 address a mini-program code for `page` and `scene` stands for (Taro's H5 build uses hash routing). */
export function h5PageUrl(baseUrl: string, page: string, scene: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`;
}

/** `cloud.openapi.wxacode.getUnlimited`: a real PNG QR code of the page's H5 address. */
export function createGetUnlimited(baseUrl: () => string) {
  const api = 'openapi.wxacode.getUnlimited';
  return async (params: unknown) => {
    const p = asRecord(params, api);
    if (typeof p.scene !== 'string' || !SCENE_PATTERN.test(p.scene))
      throw new WxApiError(api, WX_ERR.INVALID_SCENE, 'invalid scene');
    const page = p.page ?? 'pages/index/index';
    // WeChat wants a page path without a leading slash and without query parameters.
    if (typeof page !== 'string' || !page || page.startsWith('/') || page.includes('?'))
      throw new WxApiError(api, WX_ERR.INVALID_PAGE, 'invalid page');
    const width = p.width ?? 430;
    if (typeof width !== 'number' || width < 280 || width > 1280)
      throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: width must be 280..1280');
    if (p.envVersion !== undefined && !['release', 'trial', 'develop'].includes(p.envVersion as string)) {
      throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: envVersion must be release, trial or develop');
    }
    const buffer = await QRCode.toBuffer(h5PageUrl(baseUrl(), page, p.scene), {
      type: 'png',
      width,
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    return { contentType: 'image/png', buffer, errCode: 0, errMsg: `${api}:ok` };
  };
}

/** Where the subscribeMessage.send stand-in records the messages it would have delivered (one JSON object a line). */
export const SUBSCRIBE_MESSAGES_FILE = 'subscribe-messages.jsonl';

/** Longest value per template keyword kind (WeChat's subscribe-message rules); unknown kinds are not checked. */
const KEYWORD_MAX: Record<string, number> = {
  thing: 20,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phrase: 5,
  name: 10,
  phone_number: 17,
  car_number: 8,
};

export interface RecordedSubscribeMessage {
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  at: string;
}

/**
 * `cloud.openapi.subscribeMessage.send`: checks the message like WeChat (recipient, template id, page, each keyword's
 * value and length) and appends it to `file` instead of delivering it. Whether the user subscribed is the caller's
 * business here: WeChat would answer 43101 without a subscription, which the emulator cannot know.
 */
export function createSubscribeMessageSend(file: string) {
  const api = 'openapi.subscribeMessage.send';
  return async (params: unknown) => {
    const p = asRecord(params, api);
    if (typeof p.touser !== 'string' || !p.touser) throw new WxApiError(api, WX_ERR.INVALID_OPENID, 'invalid openid');
    if (typeof p.templateId !== 'string' || !p.templateId)
      throw new WxApiError(api, WX_ERR.INVALID_TEMPLATE_ID, 'invalid template_id');
    if (p.page !== undefined && (typeof p.page !== 'string' || p.page.startsWith('/')))
      throw new WxApiError(api, WX_ERR.INVALID_PAGE, 'invalid page');
    const state = p.miniprogramState ?? 'formal';
    if (typeof state !== 'string' || !['developer', 'trial', 'formal'].includes(state))
      throw new WxApiError(api, WX_ERR.INVALID_ARGS, 'invalid args: miniprogramState');
    if (typeof p.data !== 'object' || p.data === null || Object.keys(p.data).length === 0)
      throw new WxApiError(api, WX_ERR.INVALID_TEMPLATE_DATA, 'argument invalid! data is empty');
    const data: Record<string, { value: string }> = {};
    for (const [key, item] of Object.entries(p.data as Record<string, unknown>)) {
      const value = (item as { value?: unknown } | null)?.value;
      const kind = key.replace(/\d+$/, '');
      const max = KEYWORD_MAX[kind];
      if (typeof value !== 'string' || !value || (max !== undefined && [...value].length > max))
        throw new WxApiError(api, WX_ERR.INVALID_TEMPLATE_DATA, `argument invalid! data.${key}.value invalid`);
      data[key] = { value };
    }
    const message: RecordedSubscribeMessage = {
      touser: p.touser,
      templateId: p.templateId,
      page: typeof p.page === 'string' ? p.page : null,
      data,
      miniprogramState: state,
      at: new Date().toISOString(),
    };
    appendFileSync(file, `${JSON.stringify(message)}\n`);
    return { errCode: 0, errMsg: `${api}:ok` };
  };
}

/** The messages the stand-in recorded in a data directory, oldest first. */
export function readSubscribeMessages(dataDir: string): RecordedSubscribeMessage[] {
  const file = join(dataDir, SUBSCRIBE_MESSAGES_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedSubscribeMessage);
}

type OpenApiImpl = (params: unknown) => Promise<unknown>;

/**
 * The `cloud.openapi` namespace: like the SDK's, a proxy where any path is callable (`openapi.a.b(params)`), and
 * `openapi({ appid })` returns the namespace again. Paths with no local stand-in fail like an unknown API on WeChat.
 */
export function createOpenApiNamespace(impls: Record<string, OpenApiImpl>): unknown {
  const node = (paths: string[]): unknown =>
    new Proxy(function openapi() {}, {
      get(_target, prop) {
        if (prop === 'toJSON') return () => ({});
        // Keeps `await cloud.openapi.x` and inspection from treating the namespace as a thenable or a callable path.
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        return node([...paths, prop]);
      },
      apply(_target, _this, args: unknown[]) {
        if (paths.length === 0) return node([]);
        const api = paths.join('.');
        const impl = impls[api];
        if (!impl)
          return Promise.reject(
            new WxApiError(`openapi.${api}`, -604100, 'API not found (no local stand-in in the emulator)'),
          );
        return impl(args[0]);
      },
    });
  return node([]);
}
