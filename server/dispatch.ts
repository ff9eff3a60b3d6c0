// Each cloud function is a table of actions; this turns the table into `main`: validate, identify, authorise, run.
import type { z } from 'zod';
import type { ActionName, ActionOutput, FunctionName } from '@/domain/api';
import type { Envelope } from '@/domain/errors';
import type { GrantedRole } from '@/domain/roles';
import { AppError, isAppError } from './app-error';
import type { Caller } from './caller';
import { hasAnyRole, loadCaller } from './caller';
import { contextOpenid, database } from './cloud';
import type { Database } from './db';
import { describeIssues } from './validation';

/**
 * Who may call an action: `'public'` anyone (even anonymous), `'signed-in'` any caller with an openid, or a list
 * of granted roles (any scope; scope checks belong to the handler, which knows the target).
 */
export type Auth = 'public' | 'signed-in' | readonly GrantedRole[];

export interface ActionContext {
  /** From `getWXContext().OPENID` only, never from the request data. */
  readonly openid: string | null;
  readonly db: Database;
  /** The caller, loaded once per call with one read; UNAUTHENTICATED for an anonymous call. */
  caller(): Promise<Caller>;
  /** The openid, or UNAUTHENTICATED. */
  requireOpenid(): string;
}

export interface ActionDef<S extends z.ZodType, O> {
  input: S;
  auth: Auth;
  // Method syntax on purpose: a table of actions with different inputs is checked against one shape.
  handler(input: z.output<S>, ctx: ActionContext): Promise<O>;
}

/** Declares one action (keeps the handler's input typed by its schema). */
export function action<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}

/** A function's table checked against the contract in `src/domain/api` (`satisfies ContractTable<'org'>`). */
export type ContractTable<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDef<z.ZodType, ActionOutput<F, A>>;
};

const ROLE_NAMES: Record<GrantedRole, string> = {
  admin: '机关工委管理员',
  secretary: '支部书记',
  handler: '部门经办人',
};

function invalid(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_ARGUMENT', message } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether `value` has an own `__proto__` key anywhere (JSON.parse makes one; a schema would drop it silently where
 * every other unknown key is refused, so it is refused before the schema sees it).
 */
function hasProtoKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 32) return false;
  if (Array.isArray(value)) return value.some((v) => hasProtoKey(v, depth + 1));
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some((v) => hasProtoKey(v, depth + 1));
}

/**
 * Makes a cloud function's `main` from its action table. Expected failures (AppError) become `{ ok: false }`;
 * anything else is a bug and is rethrown, so WeChat logs it and the caller sees a failed call (INTERNAL).
 *
 * @example export const main = defineFunction({ login: action({ input: userSchemas.login, auth: 'signed-in', handler: login }) });
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineFunction(table: Record<string, ActionDef<any, unknown>>) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    if (!isPlainObject(event)) return invalid('请求格式错误：应为 { action, data }');
    const name = event.action;
    if (typeof name !== 'string' || name === '') return invalid('缺少字段 action');
    if (!Object.prototype.hasOwnProperty.call(table, name)) return invalid(`未知操作：${name.slice(0, 64)}`);
    const def = table[name];

    // WeChat adds its own keys (e.g. userInfo) to the event, so only `data` is held to the schema.
    const data = event.data === undefined ? {} : event.data;
    if (!isPlainObject(data)) return invalid('请求数据应为一组内容（data 必须是对象）');
    if (hasProtoKey(data)) return invalid('不支持的字段：__proto__');
    const parsed = def.input.safeParse(data);
    if (!parsed.success) return invalid(describeIssues(parsed.error.issues, data, def.input));

    const db = database();
    const openid = contextOpenid();
    let loaded: Promise<Caller> | null = null;
    const requireOpenid = () => {
      if (!openid) throw new AppError('UNAUTHENTICATED', '未获取到微信身份，请在微信小程序中打开');
      return openid;
    };
    const ctx: ActionContext = {
      openid,
      db,
      requireOpenid,
      caller: () => (loaded ??= Promise.resolve().then(() => loadCaller(db, requireOpenid()))),
    };

    try {
      if (def.auth !== 'public') requireOpenid();
      if (Array.isArray(def.auth)) {
        const roles = def.auth as readonly GrantedRole[];
        if (!hasAnyRole(await ctx.caller(), roles)) {
          throw new AppError('PERMISSION_DENIED', `需要${roles.map((r) => ROLE_NAMES[r]).join('或')}权限`);
        }
      }
      return { ok: true, data: await def.handler(parsed.data, ctx) };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toApiError() };
      throw e;
    }
  };
}
