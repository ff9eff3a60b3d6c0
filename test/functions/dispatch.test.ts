// The action table plumbing on its own: validation before anything else, caller from the context, declarative
// roles, one caller read per call, AppError as an envelope and every other error rethrown.
import { z } from 'zod';
import { makeCaller, runAsCaller } from '../../emulator/context';
import { AppError } from '../../server/app-error';
import { action, defineFunction } from '../../server/dispatch';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud } from '../helpers/cloud';
import { ADMIN } from './support';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
});
afterAll(() => cloud.close());

const seen: string[] = [];
const main = defineFunction({
  echo: action({
    input: z.strictObject({ n: z.number().int() }),
    auth: 'public',
    handler: async (input, ctx) => ({ n: input.n, openid: ctx.openid }),
  }),
  whoami: action({
    input: z.strictObject({}),
    auth: 'signed-in',
    handler: async (_input, ctx) => {
      const a = await ctx.caller();
      const b = await ctx.caller();
      return { same: a === b, grants: a.grants };
    },
  }),
  adminOnly: action({
    input: z.strictObject({}),
    auth: ['admin'],
    handler: async (_input, ctx) => {
      seen.push(ctx.requireOpenid());
      return {};
    },
  }),
  refuse: action({
    input: z.strictObject({}),
    auth: 'public',
    handler: async () => {
      throw new AppError('FAILED_PRECONDITION', '窗口已关闭');
    },
  }),
  crash: action({
    input: z.strictObject({}),
    auth: 'public',
    handler: async () => {
      throw new TypeError('a bug');
    },
  }),
});

const as = (openid: string | undefined, event: unknown) => runAsCaller(makeCaller(openid), () => main(event));

describe('defineFunction', () => {
  it('runs a public action for anonymous callers without reading the database', async () => {
    const { result, reads } = await cloud.countOps(() => as(undefined, { action: 'echo', data: { n: 2 } }));
    expect(result).toEqual({ ok: true, data: { n: 2, openid: null } });
    expect(reads).toBe(0);
  });

  it('treats a missing data as {} and ignores keys WeChat adds to the event', async () => {
    expect(await as('o1', { action: 'whoami', userInfo: { openId: 'o1', appId: 'x' } })).toMatchObject({ ok: true });
  });

  it('loads the caller once per call, with one read', async () => {
    const { result, reads } = await cloud.countOps(() => as('o1', { action: 'whoami', data: {} }));
    expect(result).toEqual({ ok: true, data: { same: true, grants: [] } });
    expect(reads).toBe(1);
  });

  it('checks declared roles before the handler runs', async () => {
    expect(await as('o1', { action: 'adminOnly', data: {} })).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '需要机关工委管理员权限' },
    });
    expect(await as(undefined, { action: 'adminOnly', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(seen).toEqual([]);
    expect(await as(ADMIN, { action: 'adminOnly', data: {} })).toEqual({ ok: true, data: {} });
    expect(seen).toEqual([ADMIN]);
  });

  it('validates before identifying: bad input from an anonymous caller is INVALID_ARGUMENT', async () => {
    expect(await as(undefined, { action: 'adminOnly', data: { x: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('answers an AppError as its envelope and rethrows anything else', async () => {
    expect(await as('o1', { action: 'refuse', data: {} })).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '窗口已关闭' },
    });
    await expect(as('o1', { action: 'crash', data: {} })).rejects.toThrow('a bug');
  });
});
