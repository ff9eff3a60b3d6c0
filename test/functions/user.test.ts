// The `user` function over the local cloud: login, bind, the bind race and the failed-attempt limit.
import type { TestCloud } from '../helpers/cloud';
import { fakeClock } from '../helpers/clock';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { ADMIN, ROSTER, allDocs, getDoc, seedBasic, snapshot } from './support';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const [zhang, wang] = ROSTER;

describe('user.login', () => {
  it('refuses an anonymous caller', async () => {
    await expectError(cloud.call('user', 'login', {}), 'UNAUTHENTICATED');
  });

  it('answers a new openid with no roles and no member in one read, writing nothing', async () => {
    const { result, reads, writes } = await cloud.countOps(() => cloud.call('user', 'login', {}, 'o-new'));
    expect(await expectOk(result)).toEqual({ openid: 'o-new', roles: [], member: null });
    expect({ reads, writes }).toEqual({ reads: 1, writes: 0 });
  });

  it('lists an ADMIN_OPENIDS admin as admin', async () => {
    expect(await expectOk(cloud.call('user', 'login', {}, ADMIN))).toEqual({
      openid: ADMIN,
      roles: [{ role: 'admin' }],
      member: null,
    });
  });

  it('shows the bound member and granted roles in two reads', async () => {
    const { memberId } = await expectOk(
      cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'),
    );
    await expectOk(cloud.call('org', 'grantRole', { openid: 'o-zhang', role: 'secretary', scopeId: 'b1' }, ADMIN));
    const { result, reads, writes } = await cloud.countOps(() => cloud.call('user', 'login', {}, 'o-zhang'));
    expect(await expectOk(result)).toEqual({
      openid: 'o-zhang',
      roles: [{ role: 'secretary', scopeId: 'b1' }],
      member: { memberId, name: zhang.name, orgId: 'b1' },
    });
    expect({ reads, writes }).toEqual({ reads: 2, writes: 0 });
  });

  it('takes the identity from the WeChat context only, never from the event', async () => {
    const spoofed = {
      action: 'login',
      data: {},
      userInfo: { appId: 'x', openId: ADMIN },
      openid: ADMIN,
      OPENID: ADMIN,
    };
    expect(await cloud.invoke('user', spoofed, 'o-someone')).toMatchObject({
      ok: true,
      data: { openid: 'o-someone', roles: [] },
    });
    expect(await cloud.invoke('user', spoofed)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('user.bind', () => {
  it('binds the caller to the member with that name and phone', async () => {
    const { result, reads, writes } = await cloud.countOps(() =>
      cloud.call('user', 'bind', { name: ` ${zhang.name} `, phone: zhang.phone }, 'o-zhang'),
    );
    const { memberId } = await expectOk(result);
    expect(memberId).toMatch(/^m_[A-Za-z0-9_-]{16}$/);
    expect(memberId).not.toContain(zhang.phone);
    // Counter and member lookups, then the member and user inside the transaction.
    expect({ reads, writes }).toEqual({ reads: 4, writes: 2 });
    expect(await getDoc('members', memberId)).toMatchObject({
      openid: 'o-zhang',
      phone: zhang.phone,
      boundAt: expect.any(Date),
    });
    expect(await getDoc('users', 'o-zhang')).toMatchObject({ memberId, roles: [] });
  });

  it('binding the same member again is fine and writes nothing', async () => {
    const first = await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'));
    const { result, writes } = await cloud.countOps(() =>
      cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'),
    );
    expect(await expectOk(result)).toEqual(first);
    expect(writes).toBe(0);
  });

  it('keeps roles granted before binding', async () => {
    await expectOk(cloud.call('org', 'grantRole', { openid: 'o-zhang', role: 'secretary', scopeId: 'b1' }, ADMIN));
    await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'));
    expect((await expectOk(cloud.call('user', 'login', {}, 'o-zhang'))).roles).toEqual([
      { role: 'secretary', scopeId: 'b1' },
    ]);
  });

  it('refuses a member bound to another openid with ALREADY_EXISTS', async () => {
    await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'));
    await expectError(
      cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-thief'),
      'ALREADY_EXISTS',
    );
    expect(await getDoc('users', 'o-thief')).toBeNull();
  });

  it('refuses a caller already bound to a different member', async () => {
    await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'));
    const err = await expectError(
      cloud.call('user', 'bind', { name: wang.name, phone: wang.phone }, 'o-zhang'),
      'FAILED_PRECONDITION',
    );
    expect(err.message).toContain('已绑定其他党员');
    expect((await allDocs('members')).find((m) => m.phone === wang.phone)?.openid).toBeNull();
  });

  it('answers an unknown phone and a wrong name alike with NOT_FOUND', async () => {
    const unknownPhone = await expectError(
      cloud.call('user', 'bind', { name: zhang.name, phone: '13999999999' }, 'o-a'),
      'NOT_FOUND',
    );
    const wrongName = await expectError(
      cloud.call('user', 'bind', { name: '张玮', phone: zhang.phone }, 'o-b'),
      'NOT_FOUND',
    );
    expect(wrongName.message).toBe(unknownPhone.message);
    expect(unknownPhone.message).toContain('今天还可尝试 4 次');
  });

  it('refuses anonymous callers', async () => {
    await expectError(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }), 'UNAUTHENTICATED');
  });
});

describe('user.bind rate limit', () => {
  it('answers at most 5 failed attempts a day even when they arrive at once', async () => {
    const calls = Array.from({ length: 12 }, (_, i) =>
      cloud.call('user', 'bind', { name: '不存在', phone: `137000000${String(i).padStart(2, '0')}` }, 'o-burst'),
    );
    const answers = await Promise.all(calls);
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code)).sort();
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RESOURCE_EXHAUSTED')).toHaveLength(7);
    const [counter] = (await allDocs('counters')).filter((d) => d.openid === 'o-burst');
    expect(counter).toMatchObject({ count: 5 });
    // Limited now: even the right name and phone are refused today.
    await expectError(
      cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-burst'),
      'RESOURCE_EXHAUSTED',
    );
  });

  it('allows 5 failed attempts per Shanghai day, then refuses even a correct one until the next day', async () => {
    // 23:58 in Shanghai on 1 July 2020.
    fakeClock(new Date('2020-07-01T15:58:00Z'));
    for (let i = 1; i <= 5; i++) {
      await expectError(
        cloud.call('user', 'bind', { name: '不存在', phone: `1370000000${i}` }, 'o-guess'),
        'NOT_FOUND',
      );
    }
    const limited = await expectError(
      cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-guess'),
      'RESOURCE_EXHAUSTED',
    );
    expect(limited.message).toContain('明天');
    expect(await getDoc('counters', 'bind-fail:2020-07-01:o-guess')).toMatchObject({ count: 5 });
    // Other openids are not affected.
    await expectOk(cloud.call('user', 'bind', { name: wang.name, phone: wang.phone }, 'o-other'));

    // 00:01 on 2 July in Shanghai (still 1 July in UTC).
    jest.setSystemTime(new Date('2020-07-01T16:01:00Z'));
    expect(await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-guess'))).toEqual({
      memberId: expect.any(String),
    });
  });

  it('does not count ALREADY_EXISTS as a failed attempt', async () => {
    await expectOk(cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-zhang'));
    for (let i = 0; i < 7; i++)
      await expectError(
        cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, 'o-late'),
        'ALREADY_EXISTS',
      );
    expect(await allDocs('counters')).toEqual([]);
  });

  it('counts concurrent failures on one counter document', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        cloud.call('user', 'bind', { name: '不存在', phone: `1370000001${i}` }, 'o-burst'),
      ),
    );
    expect(results.every((r) => !r.ok && r.error.code === 'NOT_FOUND')).toBe(true);
    const counters = await allDocs('counters');
    expect(counters).toHaveLength(1);
    expect(counters[0].count).toBe(4);
  });
});

describe('user.bind race', () => {
  it('lets exactly one of two openids win 20 concurrent binds to one member', async () => {
    const calls = Array.from({ length: 20 }, (_, i) => {
      const openid = i % 2 === 0 ? 'o-alpha' : 'o-beta';
      return cloud.call('user', 'bind', { name: zhang.name, phone: zhang.phone }, openid).then((r) => ({ openid, r }));
    });
    const results = await Promise.all(calls);
    const winners = new Set(results.filter((x) => x.r.ok).map((x) => x.openid));
    expect(winners.size).toBe(1);
    const [winner] = [...winners];
    for (const { openid, r } of results) {
      if (openid === winner) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    }
    const member = (await allDocs('members')).find((m) => m.phone === zhang.phone);
    expect(member?.openid).toBe(winner);
    const loser = winner === 'o-alpha' ? 'o-beta' : 'o-alpha';
    expect(await getDoc('users', loser)).toBeNull();
    expect(await getDoc('users', winner)).toMatchObject({ memberId: member?._id });
  });

  it('lets exactly one of 20 different openids bind one member', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cloud.call('user', 'bind', { name: wang.name, phone: wang.phone }, `o-racer-${i}`),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'ALREADY_EXISTS')).toHaveLength(19);
    expect((await allDocs('users')).filter((u) => u.memberId)).toHaveLength(1);
  });
});

describe('bad input to user', () => {
  const big = 'x'.repeat(100 * 1024);
  it.each([
    ['bind with a numeric phone', { action: 'bind', data: { name: '张伟', phone: 13900000101 } }, '手机号应为文本'],
    ['bind without a name', { action: 'bind', data: { phone: '13900000101' } }, '请填写姓名'],
    ['bind with an empty name', { action: 'bind', data: { name: '  ', phone: '13900000101' } }, '请填写姓名'],
    [
      'bind with a 100 KB name',
      { action: 'bind', data: { name: big, phone: '13900000101' } },
      '姓名太长了，最多 32 个字',
    ],
    ['bind with a bad phone', { action: 'bind', data: { name: '张伟', phone: '1390000' } }, '手机号的格式不正确'],
    [
      'bind with an openid in the data',
      { action: 'bind', data: { name: '张伟', phone: '13900000101', openid: 'x' } },
      '有不支持的内容：openid',
    ],
    ['login with an unknown field', { action: 'login', data: { admin: true } }, '有不支持的内容：admin'],
    [
      'login with a 100 KB unknown field name',
      { action: 'login', data: { [big]: 1 } },
      `有不支持的内容：${'x'.repeat(32)}`,
    ],
    ['data as an array', { action: 'login', data: [] }, '请求数据应为一组内容（data 必须是对象）'],
    ['data as a string', { action: 'login', data: 'hi' }, '请求数据应为一组内容（data 必须是对象）'],
    ['data as null', { action: 'login', data: null }, '请求数据应为一组内容（data 必须是对象）'],
    ['an unknown action', { action: 'sudo', data: {} }, '未知操作：sudo'],
    ['an inherited property as action', { action: 'toString', data: {} }, '未知操作：toString'],
    ['a missing action', { data: {} }, '缺少字段 action'],
    ['a numeric action', { action: 1 }, '缺少字段 action'],
  ])('%s -> INVALID_ARGUMENT, nothing read or written', async (_title, event, message) => {
    const before = await snapshot();
    const { result, reads, writes } = await cloud.countOps(() => cloud.invoke('user', event, 'o-zhang'));
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
    expect({ reads, writes }).toEqual({ reads: 0, writes: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it.each([['login'], [null], [['login']], [42]])(
    'an event %p that is not an object -> INVALID_ARGUMENT',
    async (event) => {
      // WeChat only delivers objects, and the local runtime adds userInfo to them; call main directly for these.
      const { main } = await import('../../cloudfunctions/user');
      const { result, reads, writes } = await cloud.countOps(() => main(event));
      expect(result).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求格式错误：应为 { action, data }' },
      });
      expect({ reads, writes }).toEqual({ reads: 0, writes: 0 });
    },
  );

  it('names every problem of a bad call (up to three)', async () => {
    const r = await cloud.invoke('user', { action: 'bind', data: { phone: 1, extra: 2 } }, 'o-zhang');
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请填写姓名；手机号应为文本；有不支持的内容：extra' },
    });
  });
});
