// Demo data for the local cloud, created through the cloud functions themselves so that it is always valid:
// the 2020 plan's 市直机关工委 with its 机关党委 and branches, hotline departments, a roster and demo identities.
import type { Envelope } from '../../src/domain/errors';
import { seedDemoContest } from './contest';
import { seedDemoHotline } from './hotline';
import { seedDemoHotlinePublic } from './hotline-public';
import { seedDemoLive } from './live';
import { seedDemoNotice } from './notice';
import { seedDemoLeaders } from './leaders';
import { seedDemoRegister } from './register';
import { seedDemoVolunteer } from './volunteer';
import { seedDemoTraining } from './training';
import { seedDemoOrglife } from './orglife';
import { seedDemoQuiz } from './quiz';

export interface DemoIdentity {
  openid: string;
  label: string;
  role: 'admin' | 'secretary' | 'handler' | 'member' | 'public';
}

export type DemoInvoke = (fn: string, action: string, data: unknown, openid?: string) => Promise<Envelope<unknown>>;

/** The demo admin; the emulator names it in ADMIN_OPENIDS when it loads the demo data. */
export const DEMO_ADMIN_OPENID = 'demo-admin';

/** 市直机关工委 at the top; one 机关党委 per agency under it; branches under those. Ids are readable slugs. */
export const DEMO_ORGS: ReadonlyArray<{ orgId: string; name: string; parentId?: string }> = [
  { orgId: 'gw', name: '市直机关工委' },
  { orgId: 'fgw', name: '市发展改革委机关党委', parentId: 'gw' },
  { orgId: 'fgw-1', name: '市发展改革委机关第一党支部', parentId: 'fgw' },
  { orgId: 'fgw-2', name: '市发展改革委机关第二党支部', parentId: 'fgw' },
  { orgId: 'jyj', name: '市教育局机关党委', parentId: 'gw' },
  { orgId: 'jyj-1', name: '市教育局机关第一党支部', parentId: 'jyj' },
  { orgId: 'jyj-2', name: '市教育局机关第二党支部', parentId: 'jyj' },
  { orgId: 'gaj', name: '市公安局机关党委', parentId: 'gw' },
  { orgId: 'gaj-1', name: '市公安局机关第一党支部', parentId: 'gaj' },
  { orgId: 'rsj', name: '市人力资源社会保障局机关党委', parentId: 'gw' },
  { orgId: 'rsj-1', name: '市人力资源社会保障局机关党支部', parentId: 'rsj' },
  { orgId: 'zjj', name: '市住房城乡建设局机关党委', parentId: 'gw' },
  { orgId: 'zjj-1', name: '市住房城乡建设局机关党支部', parentId: 'zjj' },
  { orgId: 'gw-jg', name: '市直机关工委机关党支部', parentId: 'gw' },
];

/** Departments that receive 民声热线 appeals and take part in 政风行风评议. */
export const DEMO_DEPARTMENTS: ReadonlyArray<{ departmentId: string; name: string }> = [
  { departmentId: 'fgw', name: '市发展改革委' },
  { departmentId: 'jyj', name: '市教育局' },
  { departmentId: 'gaj', name: '市公安局' },
  { departmentId: 'rsj', name: '市人社局' },
  { departmentId: 'zjj', name: '市住建局' },
  { departmentId: 'scjgj', name: '市市场监管局' },
  { departmentId: 'wjw', name: '市卫生健康委' },
  { departmentId: 'jtj', name: '市交通运输局' },
];

/** 30 members across the eight branches; the phone numbers (1380000xxxx) are fake. */
const ROSTER: ReadonlyArray<[name: string, orgId: string]> = [
  ['王建国', 'fgw-1'],
  ['张伟', 'fgw-1'],
  ['李秀英', 'fgw-1'],
  ['刘洋', 'fgw-2'],
  ['陈静', 'fgw-2'],
  ['杨帆', 'fgw-2'],
  ['赵丽华', 'jyj-1'],
  ['黄志强', 'jyj-1'],
  ['周敏', 'jyj-1'],
  ['吴晓东', 'jyj-2'],
  ['徐芳', 'jyj-2'],
  ['孙立军', 'jyj-2'],
  ['马红梅', 'gaj-1'],
  ['朱海涛', 'gaj-1'],
  ['胡玉兰', 'gaj-1'],
  ['郭志刚', 'rsj-1'],
  ['何雪', 'rsj-1'],
  ['高俊峰', 'rsj-1'],
  ['林婷', 'zjj-1'],
  ['罗文斌', 'zjj-1'],
  ['郑春燕', 'zjj-1'],
  ['梁建华', 'gw-jg'],
  ['宋佳', 'gw-jg'],
  ['谢明辉', 'gw-jg'],
  ['韩冬梅', 'fgw-1'],
  ['唐磊', 'jyj-1'],
  ['冯小燕', 'gaj-1'],
  ['于海波', 'rsj-1'],
  ['董丽', 'zjj-1'],
  ['阿依古丽·买买提', 'gw-jg'],
];

/** The demo roster with its fake phone numbers (13800000001 ...), in import order. */
export const DEMO_ROSTER = ROSTER.map(([name, orgId], i) => ({
  name,
  phone: `138000000${String(i + 1).padStart(2, '0')}`,
  orgId,
}));

const SECRETARY = { openid: 'demo-secretary', member: 0, orgId: 'fgw-1' };
const HANDLER = { openid: 'demo-handler', departmentId: 'jyj' };
/** Bound members: two in the secretary's branch (so check-in has an audience) and one elsewhere. */
const MEMBERS = [
  { openid: 'demo-member', member: 1 },
  { openid: 'demo-member-2', member: 2 },
  { openid: 'demo-member-3', member: 6 },
];

/** The demo 签到 activity open now (its title holds on any date; the past ones are named by their dates). */
export const DEMO_CHECKIN_TITLES = {
  open: '本月主题党日：学习《2020年机关党建工作计划》（演示）',
} as const;

const DAY_MS = 86400_000;
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The calendar in Beijing time of `ms`: { year, month 1–12 }. */
function beijing(ms: number): { year: number; month: number } {
  const d = new Date(ms + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * The demo's past activities, 40 and 20 days before `now`, titled by their own dates (a "九月主题党日" held on
 * 10月27日 or a "第三季度支部党员大会" on 11月16日 contradicted themselves).
 *
 * @example demoPastActivities(Date.parse('2026-12-06T12:00:00+08:00'))[0].title === '十月主题党日：重温入党誓词（演示）'
 */
export function demoPastActivities(now: number) {
  const first = now - 40 * DAY_MS;
  const second = now - 20 * DAY_MS;
  const quarter = Math.ceil(beijing(second).month / 3);
  return [
    {
      title: `${CN_NUMBERS[beijing(first).month - 1]}月主题党日：重温入党誓词（演示）`,
      kind: '主题党日',
      startAt: first,
    },
    { title: `第${CN_NUMBERS[quarter - 1]}季度支部党员大会（演示）`, kind: '支部党员大会', startAt: second },
  ] as const;
}

/**
 * Creates the demo activities as the branch secretary and checks members in through the functions: the open one by
 * scanning its code (the secretary), the past ones by 补签. Skipped when they exist (keeps the seed idempotent).
 */
async function seedDemoCheckin(
  call: <T = unknown>(fn: string, action: string, data: unknown, openid?: string) => Promise<T>,
  secretary: string,
): Promise<void> {
  const { activities } = await call<{ activities: Array<{ title: string }> }>(
    'checkin',
    'list',
    { scope: 'manage' },
    secretary,
  );
  if (activities.some((a) => a.title === DEMO_CHECKIN_TITLES.open)) return;
  const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  const now = Date.now();
  const create = (title: string, kind: string, startAt: number, hours: number, opensBeforeMinutes?: number) =>
    call<{ activityId: string }>(
      'checkin',
      'createActivity',
      {
        title,
        kind,
        orgIds: [SECRETARY.orgId],
        startAt: iso(startAt),
        endAt: iso(startAt + hours * 3600_000),
        place: '机关三楼党员活动室',
        opensBeforeMinutes,
      },
      secretary,
    );
  const { members } = await call<{ members: Array<{ memberId: string; name: string }> }>(
    'org',
    'members',
    { orgId: SECRETARY.orgId },
    secretary,
  );
  const [first, second] = demoPastActivities(now);
  const past = [
    { ...first, present: members.length - 1 },
    { ...second, present: members.length },
  ];
  for (const p of past) {
    const { activityId } = await create(p.title, p.kind, p.startAt, 2);
    for (const m of members.slice(0, p.present)) {
      await call(
        'checkin',
        'manualCheckIn',
        { activityId, memberId: m.memberId, reason: '会后据纸质签到表补录' },
        secretary,
      );
    }
  }
  // Open for scanning since half an hour ago and starting in two hours: the demo member can still check in on time,
  // however long after the seed someone tries (a browser-test run copies one seeded database for half an hour).
  const { activityId } = await create(DEMO_CHECKIN_TITLES.open, '主题党日', now + 2 * 3600_000, 3, 150);
  const { scene } = await call<{ scene: string }>('checkin', 'qrToken', { activityId }, secretary);
  await call('checkin', 'checkIn', { scene }, secretary);
}

/** The demo 微信测评 campaign, open from yesterday for 30 days over the demo departments: named by its year. */
export function demoRatingTitle(now: number = Date.now()): string {
  return `${beijing(now - DAY_MS).year}年度政风行风评议（演示）`;
}

/**
 * One open campaign with ratings from 24 members of the public, 明察暗访 and 第三方 scores and published results, all
 * through the functions. Skipped when the campaign exists (keeps the seed idempotent).
 */
async function seedDemoRating(
  call: <T = unknown>(fn: string, action: string, data: unknown, openid?: string) => Promise<T>,
  admin: string,
): Promise<void> {
  const { campaigns } = await call<{ campaigns: Array<{ title: string }> }>('rating', 'list', {});
  if (campaigns.some((c) => c.title.endsWith('年度政风行风评议（演示）'))) return;
  const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  const day = DAY_MS;
  const { campaignId } = await call<{ campaignId: string }>(
    'rating',
    'createCampaign',
    {
      title: demoRatingTitle(),
      description: '请根据您到各部门办事的亲身感受评价，每个部门每人一票，可修改。',
      departmentIds: DEMO_DEPARTMENTS.map((d) => d.departmentId),
      indicators: [
        { key: 'attitude', name: '服务态度', weight: 2 },
        { key: 'efficiency', name: '办事效率', weight: 2 },
        { key: 'integrity', name: '廉洁自律', weight: 1 },
        { key: 'openness', name: '政务公开', weight: 1 },
        { key: 'discipline', name: '作风纪律', weight: 1 },
      ],
      startAt: iso(Date.now() - day),
      endAt: iso(Date.now() + 30 * day),
      minVotes: 10,
      sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
    },
    admin,
  );
  // Departments further down the list get fewer and lower ratings; the last two stay under 10 (样本不足).
  const keys = ['attitude', 'efficiency', 'integrity', 'openness', 'discipline'];
  for (let p = 0; p < 24; p++) {
    for (const [d, dept] of DEMO_DEPARTMENTS.entries()) {
      if (p >= 24 - d * 2 - (d >= 6 ? 8 : 0)) continue;
      const scores = Object.fromEntries(keys.map((k, i) => [k, Math.max(1, 5 - ((p + i + d) % (2 + (d % 3))))]));
      await call('rating', 'rate', { campaignId, departmentId: dept.departmentId, scores }, `demo-rater-${p + 1}`);
    }
  }
  const entered = DEMO_DEPARTMENTS.slice(0, 6);
  await call(
    'rating',
    'enterScores',
    {
      campaignId,
      source: 'inspection',
      scores: entered.map((d, i) => ({ departmentId: d.departmentId, score: 92 - i * 3 })),
    },
    admin,
  );
  await call(
    'rating',
    'enterScores',
    {
      campaignId,
      source: 'survey',
      scores: entered.map((d, i) => ({ departmentId: d.departmentId, score: 85 + (i % 3) * 2 })),
    },
    admin,
  );
  await call('rating', 'publish', { campaignId, published: true }, admin);
}

/**
 * Creates the demo data through `invoke` (the gateway or an in-process harness) and returns the demo identities.
 * Running it again on the same database changes nothing (every step is idempotent). Throws on the first failure.
 */
export async function seedDemoData(invoke: DemoInvoke): Promise<DemoIdentity[]> {
  const call = async <T = unknown>(fn: string, action: string, data: unknown, openid?: string): Promise<T> => {
    const res = await invoke(fn, action, data, openid);
    if (!res.ok) {
      const hint = res.error.code === 'PERMISSION_DENIED' ? `（${DEMO_ADMIN_OPENID} 需在 ADMIN_OPENIDS 中）` : '';
      throw new Error(
        `演示数据载入失败 / demo seed failed: ${fn}.${action}: ${res.error.code} ${res.error.message}${hint}`,
      );
    }
    return res.data as T;
  };
  const admin = DEMO_ADMIN_OPENID;

  for (const org of DEMO_ORGS) await call('org', 'saveOrg', org, admin);
  for (const dept of DEMO_DEPARTMENTS) await call('org', 'saveDepartment', dept, admin);

  const imported = await call<{ errors: unknown[] }>('org', 'importMembers', { rows: DEMO_ROSTER }, admin);
  if (imported.errors.length)
    throw new Error(`演示名册导入有错误 / demo roster rows failed: ${JSON.stringify(imported.errors)}`);

  await call('org', 'grantRole', { openid: SECRETARY.openid, role: 'secretary', scopeId: SECRETARY.orgId }, admin);
  await call('org', 'grantRole', { openid: HANDLER.openid, role: 'handler', scopeId: HANDLER.departmentId }, admin);

  const bindTo = (openid: string, i: number) =>
    call('user', 'bind', { name: DEMO_ROSTER[i].name, phone: DEMO_ROSTER[i].phone }, openid);
  await bindTo(SECRETARY.openid, SECRETARY.member);
  for (const m of MEMBERS) await bindTo(m.openid, m.member);

  await seedDemoRating(call, admin);
  await seedDemoCheckin(call, SECRETARY.openid);
  await seedDemoHotline(call, admin, HANDLER.openid);
  await seedDemoHotlinePublic(call, admin, HANDLER.openid);
  await seedDemoQuiz(call, admin, DEMO_ROSTER);
  await seedDemoLive(call, admin);
  await seedDemoNotice(call, admin, SECRETARY.openid);
  await seedDemoOrglife(call, SECRETARY.openid, DEMO_ROSTER[SECRETARY.member].name);
  await seedDemoRegister(call, admin, DEMO_ROSTER);
  await seedDemoVolunteer(
    call,
    admin,
    SECRETARY,
    MEMBERS.map((m) => m.openid),
  );
  await seedDemoLeaders(call, admin);
  await seedDemoTraining(call, admin);
  await seedDemoContest(call, admin, DEMO_ROSTER);

  const orgName = (id: string) => DEMO_ORGS.find((o) => o.orgId === id)?.name ?? id;
  const deptName = (id: string) => DEMO_DEPARTMENTS.find((d) => d.departmentId === id)?.name ?? id;
  return [
    { openid: admin, label: '机关工委管理员', role: 'admin' },
    {
      openid: SECRETARY.openid,
      label: `支部书记 ${DEMO_ROSTER[SECRETARY.member].name}（${orgName(SECRETARY.orgId)}）`,
      role: 'secretary',
    },
    { openid: HANDLER.openid, label: `部门经办人（${deptName(HANDLER.departmentId)}）`, role: 'handler' },
    ...MEMBERS.map((m): DemoIdentity => ({
      openid: m.openid,
      label: `党员 ${DEMO_ROSTER[m.member].name}`,
      role: 'member',
    })),
    { openid: 'demo-public', label: '群众', role: 'public' },
  ];
}
