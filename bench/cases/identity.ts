// Benchmark cases for identity and organisation: login, binding and a 1,000-row roster import.
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';

export const BENCH_ADMIN = 'bench-admin';
const ROSTER = 1000;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';

/** A deterministic roster row; `batch` keeps phone numbers of different imports apart. */
export function rosterRow(i: number, orgId: string, batch = 0) {
  const name =
    SURNAMES[i % SURNAMES.length] +
    GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] +
    GIVEN[(i * 7) % GIVEN.length];
  return { name, phone: `13${batch}${String(i).padStart(8, '0')}`, orgId };
}

let orgId = '';
async function ensureRoster(ctx: BenchContext): Promise<string> {
  if (orgId) return orgId;
  const org = await must(ctx.call<{ orgId: string }>('org', 'saveOrg', { name: '基准测试党支部' }, BENCH_ADMIN));
  orgId = org.orgId;
  const rows = Array.from({ length: ROSTER }, (_, i) => rosterRow(i, orgId));
  await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
  return orgId;
}

export const identityCases: BenchCase[] = [
  {
    name: 'user.login',
    scenario: `a bound member opens 我的 (roster of ${ROSTER})`,
    iterations: 50,
    async setup(ctx) {
      const id = await ensureRoster(ctx);
      const m = rosterRow(0, id);
      await must(ctx.call('user', 'bind', { name: m.name, phone: m.phone }, 'bench-login'));
    },
    run: (ctx) => ctx.call('user', 'login', {}, 'bench-login'),
  },
  {
    name: '我的',
    scenario:
      'a bound 领导干部 returns to 我的: points.mine, orglife.reviews and his 领学 row (the session is read once a launch)',
    iterations: 30,
    async setup(ctx) {
      const id = await ensureRoster(ctx);
      // The last row: user.bind's runs bind the first ones.
      const m = rosterRow(ROSTER - 1, id);
      const bind = { name: m.name, phone: m.phone };
      const { memberId } = await must(ctx.call<{ memberId: string }>('user', 'bind', bind, 'bench-mine'));
      await must(ctx.call('register', 'saveLeader', { memberId, title: '副局长', contactOrgIds: [id] }, BENCH_ADMIN));
      const me = await must(ctx.call<{ leader?: boolean }>('user', 'login', {}, 'bench-mine'));
      if (!me.leader) throw new Error('the leader is not marked on login');
    },
    async run(ctx) {
      const points = await ctx.call('points', 'mine', {}, 'bench-mine');
      if (!points.ok) return points;
      const reviews = await ctx.call('orglife', 'reviews', {}, 'bench-mine');
      if (!reviews.ok) return reviews;
      // Only a leader's 我的 asks the register (the session's mark says so): the nudge of his 领学 entry.
      return ctx.call('register', 'leaders', {}, 'bench-mine');
    },
  },
  {
    name: 'user.bind',
    scenario: 'a new openid binds to its roster entry',
    iterations: 50,
    setup: async (ctx) => void (await ensureRoster(ctx)),
    run: (ctx, i) => {
      const m = rosterRow(i + 1, orgId);
      return ctx.call('user', 'bind', { name: m.name, phone: m.phone }, `bench-bind-${i}`);
    },
  },
  {
    name: 'org.list',
    scenario: 'anyone loads the organisation and department lists',
    iterations: 50,
    setup: async (ctx) => void (await ensureRoster(ctx)),
    run: (ctx) => ctx.call('org', 'list', {}),
  },
  {
    name: 'org.importMembers',
    scenario: `an admin imports ${ROSTER} new rows`,
    iterations: 3,
    setup: async (ctx) => void (await ensureRoster(ctx)),
    run: (ctx, i) =>
      ctx.call(
        'org',
        'importMembers',
        { rows: Array.from({ length: ROSTER }, (_, k) => rosterRow(k, orgId, i + 1)) },
        BENCH_ADMIN,
      ),
  },
  {
    name: 'org.importMembers',
    scenario: `an admin re-imports the same ${ROSTER} rows (nothing changes)`,
    iterations: 3,
    setup: async (ctx) => void (await ensureRoster(ctx)),
    run: (ctx) =>
      ctx.call(
        'org',
        'importMembers',
        { rows: Array.from({ length: ROSTER }, (_, k) => rosterRow(k, orgId)) },
        BENCH_ADMIN,
      ),
  },
];
