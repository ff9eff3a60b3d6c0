// Helpers of the page tests: a scripted server behind the mocked transport, a clean slate between tests, the admin's
// session, and the form helpers the admin-page tests share.
import { fireEvent } from '@testing-library/react';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@/domain/api';
import type { ApiError, ErrorCode, ErrorReason } from '@/domain/errors';
import { transport } from '@/services/transport';
import { orgDirectory, session } from '@/services/session';
import { resetTaroStub } from './stubs/taro';

/** "fn.action" for every action of the contract. */
export type ActionKey = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName];
/** The output and input types of the action named by an ActionKey. */
export type KeyOutput<K extends ActionKey> = K extends `${infer F extends FunctionName}.${infer A}`
  ? A extends ActionName<F>
    ? ActionOutput<F, A>
    : never
  : never;
export type KeyInput<K extends ActionKey> = K extends `${infer F extends FunctionName}.${infer A}`
  ? A extends ActionName<F>
    ? ActionInput<F, A>
    : never
  : never;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ApiError };
/**
 * One action's answer: a fixed reply, a function of the request data, or a thrown error (a transport failure).
 * Typed by the contract, so renaming an action or a field of its output fails type-checking in the page tests.
 */
export type Handler<K extends ActionKey> =
  Reply<KeyOutput<K>> | ((data: KeyInput<K>) => Reply<KeyOutput<K>> | Promise<Reply<KeyOutput<K>>>);
export type Handlers = { [K in ActionKey]?: Handler<K> };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, reason?: ErrorReason): Reply<never> => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

/** Requests seen by the mocked transport, as "fn.action" with their data. */
export const requests: Array<{ key: string; data: Record<string, unknown> }> = [];

/**
 * Answers transport.callFunction from a table keyed "fn.action"; the transport module must be mocked with
 * jest.mock('@/services/transport', ...) in the test file.
 */
export function serve(handlers: Handlers): void {
  (transport.callFunction as jest.Mock).mockImplementation(
    async (name: string, event: { action: string; data?: Record<string, unknown> }) => {
      const key = `${name}.${event.action}`;
      const data = event.data ?? {};
      requests.push({ key, data });
      const h = (handlers as Record<string, Handler<ActionKey> | undefined>)[key];
      if (!h) return fail('INVALID_ARGUMENT', `测试未准备 ${key}`);
      return typeof h === 'function' ? (h as (data: unknown) => unknown)(data) : h;
    },
  );
}

/** What the page sent to `key` ("fn.action"), one entry per call. */
export const sent = (key: string) => requests.filter((r) => r.key === key).map((r) => r.data);
/** Types `value` into a field as a person would (one change event). */
export const typeInto = (el: Element, value: string) => fireEvent.change(el, { target: { value } });
/** A form field by its `name`. */
export const field = (name: string) => document.querySelector(`[name="${name}"]`) as Element;
/** `user.login`'s answer for the 工委 admin (no bound member). */
export const ADMIN = ok({ openid: 'o-admin', roles: [{ role: 'admin' as const }], member: null });

export function resetAll(): void {
  requests.length = 0;
  (transport.callFunction as jest.Mock).mockReset();
  session.reset();
  orgDirectory.reset();
  resetTaroStub();
  window.localStorage.clear();
}

export const ORGS = {
  orgs: [
    { orgId: 'org-root', name: '市直机关工委', parentId: null },
    { orgId: 'org-a1', name: '发改委第一党支部', parentId: 'org-root' },
    { orgId: 'org-a2', name: '发改委第二党支部', parentId: 'org-root' },
  ],
  departments: [
    { departmentId: 'd1', name: '市发展和改革委员会' },
    { departmentId: 'd2', name: '市财政局' },
  ],
};
