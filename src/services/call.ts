// The typed client: call('org', 'list', {}) resolves with the action's output or throws a CallError.
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@/domain/api';
import type { Envelope } from '@/domain/errors';
import { CallError } from './call-error';
import { transport } from './transport';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const env = value as { ok?: unknown; error?: { code?: unknown } };
  return env.ok === true || (env.ok === false && typeof env.error?.code === 'string');
}

/**
 * Calls one action of a cloud function through the platform's transport.
 * @example const { orgs } = await call('org', 'list', {});
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  let result: unknown;
  try {
    result = await transport.callFunction(fn, { action, data });
  } catch (err) {
    throw err instanceof CallError ? err : new CallError('UNAVAILABLE');
  }
  if (!isEnvelope(result)) throw new CallError('INTERNAL', '服务返回了无法识别的结果，请稍后重试');
  if (!result.ok) throw new CallError(result.error.code, result.error.message, result.error.reason);
  return result.data as ActionOutput<F, A>;
}
