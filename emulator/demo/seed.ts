// Demo data for the local cloud, created through the cloud functions themselves so that it is always valid:
// the 2020 plan's 市直机关工委 with its 机关党委 and branches, hotline departments, a roster and demo identities.
import type { Envelope } from '../../src/domain/errors';

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
