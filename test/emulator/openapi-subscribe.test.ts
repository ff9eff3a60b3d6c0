// The subscribeMessage.send stand-in: WeChat's checks on the recipient, template, page and keyword values, and the
// record of what would have been delivered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSubscribeMessageSend, readSubscribeMessages, SUBSCRIBE_MESSAGES_FILE } from '../../emulator/openapi';

let dir: string;
let send: ReturnType<typeof createSubscribeMessageSend>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'subscribe-'));
  send = createSubscribeMessageSend(join(dir, SUBSCRIBE_MESSAGES_FILE));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const message = (extra: Record<string, unknown> = {}) => ({
  touser: 'o-alice',
  templateId: 'tmpl-1',
  page: 'pages/hotline-ticket/index?id=ht_1',
  data: {
    character_string1: { value: 'MS20200701-0007' },
    thing2: { value: '路灯不亮' },
    phrase4: { value: '已答复' },
  },
  ...extra,
});

describe('subscribeMessage.send stand-in', () => {
  it('records a valid message instead of delivering it, oldest first', async () => {
    expect(readSubscribeMessages(dir)).toEqual([]);
    await expect(send(message())).resolves.toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    await send(message({ touser: 'o-bob', miniprogramState: 'trial' }));
    expect(readSubscribeMessages(dir)).toEqual([
      { ...message(), miniprogramState: 'formal', at: expect.any(String) },
      { ...message({ touser: 'o-bob' }), miniprogramState: 'trial', at: expect.any(String) },
    ]);
  });

  it.each([
    ['no recipient', { touser: '' }, 40003],
    ['no template', { templateId: undefined }, 40037],
    ['a page with a leading slash', { page: '/pages/x' }, 41030],
    ['an unknown mini-program state', { miniprogramState: 'beta' }, 40097],
    ['no data', { data: {} }, 47003],
    ['a thing longer than 20 characters', { data: { thing2: { value: '一'.repeat(21) } } }, 47003],
    ['a phrase longer than 5 characters', { data: { phrase4: { value: '已经答复完毕了' } } }, 47003],
    ['an empty value', { data: { thing2: { value: '' } } }, 47003],
  ])('refuses %s like WeChat (%#)', async (_what, extra, errCode) => {
    await expect(send(message(extra))).rejects.toMatchObject({ errCode });
    expect(readSubscribeMessages(dir)).toEqual([]);
  });
});
