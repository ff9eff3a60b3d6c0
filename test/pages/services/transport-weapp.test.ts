// The mini-program transport over a mocked Taro.cloud: the event shape, cloud init and failures as CallErrors.
import Taro from '@tarojs/taro';
import { CallError } from '@/services/call-error';
import { transport } from '@/services/transport.weapp';
import { resetTaroStub } from '../stubs/taro';

const cloud = Taro.cloud as unknown as { init: jest.Mock; callFunction: jest.Mock };

beforeEach(() => {
  resetTaroStub();
  cloud.callFunction.mockReset();
});

describe('transport.weapp', () => {
  it('initialises the cloud with the deployed environment when TARO_APP_CLOUD_ENV is empty', () => {
    transport.init();
    expect(cloud.init).toHaveBeenCalledWith({ env: 'DYNAMIC_CURRENT_ENV', traceUser: true });
  });

  it('calls the function with { action, data } and resolves with its result', async () => {
    cloud.callFunction.mockResolvedValue({
      result: { ok: true, data: { memberId: 'm1' } },
      errMsg: 'cloud.callFunction:ok',
    });
    await expect(
      transport.callFunction('user', { action: 'bind', data: { name: '张三', phone: '13800138000' } }),
    ).resolves.toEqual({
      ok: true,
      data: { memberId: 'm1' },
    });
    expect(cloud.callFunction).toHaveBeenCalledWith({
      name: 'user',
      data: { action: 'bind', data: { name: '张三', phone: '13800138000' } },
    });
  });

  it('maps a network failure to UNAVAILABLE and a crashed function to INTERNAL', async () => {
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail' });
    await expect(transport.callFunction('org', { action: 'list' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    cloud.callFunction.mockRejectedValueOnce({
      errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail',
    });
    const err = await transport.callFunction('org', { action: 'list' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).code).toBe('INTERNAL');
  });
});
