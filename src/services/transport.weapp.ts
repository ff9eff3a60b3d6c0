// Mini-program transport: WeChat cloud functions through Taro.cloud.callFunction.
import Taro from '@tarojs/taro';
import { CallError } from './call-error';
import type { Transport } from './transport-types';

/** wx.cloud.DYNAMIC_CURRENT_ENV: "the environment this mini-program version is deployed with"; not in Taro's types. */
function currentEnv(): string {
  return (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV;
}

/** Maps the SDK's failure (errMsg/errCode) to a code people can act on. */
function transportError(err: unknown): CallError {
  const msg = String((err as { errMsg?: string } | null)?.errMsg ?? (err instanceof Error ? err.message : err));
  // -504002: the function threw (a bug on the server), not a network problem.
  if (/-504002|FunctionExecError|function execution error/i.test(msg)) return new CallError('INTERNAL');
  if (/timeout|time out|超时/i.test(msg)) return new CallError('UNAVAILABLE', '请求超时，请检查网络后重试');
  return new CallError('UNAVAILABLE');
}

export const transport: Transport = {
  init() {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || currentEnv(), traceUser: true });
  },

  async callFunction(name, event) {
    try {
      const res = await Taro.cloud.callFunction({ name, data: { action: event.action, data: event.data ?? {} } });
      return res.result;
    } catch (err) {
      throw transportError(err);
    }
  },
};
