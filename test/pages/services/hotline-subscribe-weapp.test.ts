// The mini-program's 民声热线 subscribe requests over a mocked Taro.requestSubscribeMessage: the configured templates
// (the reply notice with the progress notice in the same dialog; the 催办提醒), the user's answers, and no dialog
// at all when no template is configured.
import Taro from '@tarojs/taro';
import {
  remindNoticeAvailable,
  replyNoticeAvailable,
  requestRemindNotice,
  requestReplyNotice,
} from '@/services/hotline-subscribe.weapp';

const TEMPLATE = 'tmpl-reply-notice';
const PROGRESS = 'tmpl-progress';
const REMIND = 'tmpl-remind';
const VARS = [
  'TARO_APP_HOTLINE_REPLY_TEMPLATE_ID',
  'TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID',
  'TARO_APP_HOTLINE_REMIND_TEMPLATE_ID',
] as const;
const requestSubscribeMessage = jest.fn();
Object.assign(Taro, { requestSubscribeMessage });
const before = VARS.map((v) => process.env[v]);

beforeEach(() => {
  requestSubscribeMessage.mockReset();
  process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID = TEMPLATE;
  process.env.TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID = '';
  process.env.TARO_APP_HOTLINE_REMIND_TEMPLATE_ID = REMIND;
});
afterAll(() => {
  VARS.forEach((v, i) => {
    if (before[i] === undefined) delete process.env[v];
    else process.env[v] = before[i];
  });
});

describe('hotline-subscribe.weapp', () => {
  it('asks for the configured template and resolves accepted when the user accepts', async () => {
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' });
    expect(replyNoticeAvailable()).toBe(true);
    await expect(requestReplyNotice()).resolves.toEqual({ reply: true, progress: null });
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE] });
  });

  it('asks for the progress notice in the same dialog when its template is configured', async () => {
    process.env.TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID = PROGRESS;
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      [TEMPLATE]: 'reject',
      [PROGRESS]: 'accept',
    });
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: true });
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE, PROGRESS] });
    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: false });
  });

  it('resolves not accepted when the user rejects, the template is banned or the dialog fails', async () => {
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'reject' });
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: null });
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'ban' });
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: null });
    requestSubscribeMessage.mockRejectedValueOnce({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
    });
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: null });
  });

  it('asks a handler for one 催办提醒 and resolves whether it was allowed', async () => {
    expect(remindNoticeAvailable()).toBe(true);
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [REMIND]: 'accept' });
    await expect(requestRemindNotice()).resolves.toBe(true);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [REMIND] });
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [REMIND]: 'reject' });
    await expect(requestRemindNotice()).resolves.toBe(false);
  });

  it('offers nothing and opens no dialog without a template id', async () => {
    process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID = '';
    process.env.TARO_APP_HOTLINE_REMIND_TEMPLATE_ID = '';
    expect(replyNoticeAvailable()).toBe(false);
    expect(remindNoticeAvailable()).toBe(false);
    await expect(requestReplyNotice()).resolves.toEqual({ reply: false, progress: null });
    await expect(requestRemindNotice()).resolves.toBe(false);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
