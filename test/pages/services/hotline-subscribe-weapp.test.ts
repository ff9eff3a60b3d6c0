// The mini-program's reply-notice request over a mocked Taro.requestSubscribeMessage: the configured template, the
// user's answer, and no dialog at all when no template is configured.
import Taro from '@tarojs/taro';
import { replyNoticeAvailable, requestReplyNotice } from '@/services/hotline-subscribe.weapp';

const TEMPLATE = 'tmpl-reply-notice';
const requestSubscribeMessage = jest.fn();
Object.assign(Taro, { requestSubscribeMessage });
const before = process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID;

beforeEach(() => {
  requestSubscribeMessage.mockReset();
  process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID = TEMPLATE;
});
afterAll(() => {
  if (before === undefined) delete process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID;
  else process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID = before;
});

describe('hotline-subscribe.weapp', () => {
  it('asks for the configured template and resolves true when the user accepts', async () => {
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' });
    expect(replyNoticeAvailable()).toBe(true);
    await expect(requestReplyNotice()).resolves.toBe(true);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE] });
  });

  it('resolves false when the user rejects, the template is banned or the dialog fails', async () => {
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'reject' });
    await expect(requestReplyNotice()).resolves.toBe(false);
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'ban' });
    await expect(requestReplyNotice()).resolves.toBe(false);
    requestSubscribeMessage.mockRejectedValueOnce({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
    });
    await expect(requestReplyNotice()).resolves.toBe(false);
  });

  it('offers nothing and opens no dialog without a template id', async () => {
    process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID = '';
    expect(replyNoticeAvailable()).toBe(false);
    await expect(requestReplyNotice()).resolves.toBe(false);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
