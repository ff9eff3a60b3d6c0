// Shared set-up for the user/org function tests: a typed SDK database for inspecting state, and a small roster.
import '../helpers/sdk-setup';
import type * as WxServerSdk from 'wx-server-sdk';
import type { Database, Doc } from '../../server/db';
import type { TestCloud } from '../helpers/cloud';
import { expectOk } from '../helpers/cloud';

export const ADMIN = 'admin-1';

/** The real wx-server-sdk, whose calls the installed local cloud answers (storage uploads, database reads). */
export function sdk(): typeof WxServerSdk {
  return require('wx-server-sdk') as typeof WxServerSdk;
}

/** The SDK's database, for reading state in tests. */
export function sdkDb(): Database {
  sdk().init({ env: 'local' });
  return sdk().database({ throwOnNotFound: false } as never) as unknown as Database;
}

/** Every document of a collection (paged like the functions do). */
export async function allDocs(collection: string): Promise<Doc[]> {
  const db = sdkDb();
  const out: Doc[] = [];
  for (let page = 0; ; page++) {
    const { data } = await db
      .collection(collection)
      .orderBy('_id', 'asc')
      .skip(page * 100)
      .limit(100)
      .get();
    out.push(...data);
    if (data.length < 100) return out;
  }
}

export async function getDoc(collection: string, id: string): Promise<Doc | null> {
  return (await sdkDb().collection(collection).doc(id).get()).data;
}

/** A snapshot of every collection the identity functions write, to assert that a call wrote nothing. */
export async function snapshot(): Promise<Record<string, Doc[]>> {
  const names = ['users', 'members', 'orgs', 'departments', 'counters', 'directory', 'invites'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await allDocs(n)] as const)));
}

/**
 * 工委 gw -> 党委 p1 -> branches b1, b2; 党委 p2 -> branch b3; department d1; three members per branch.
 * Phones: b1 1390000010x, b2 1390000020x, b3 1390000030x (x = 1..3).
 */
export const ROSTER = [
  { name: '张伟', phone: '13900000101', orgId: 'b1' },
  { name: '王芳', phone: '13900000102', orgId: 'b1' },
  { name: '李娜', phone: '13900000103', orgId: 'b1' },
  { name: '刘洋', phone: '13900000201', orgId: 'b2' },
  { name: '陈静', phone: '13900000202', orgId: 'b2' },
  { name: '杨帆', phone: '13900000203', orgId: 'b2' },
  { name: '赵磊', phone: '13900000301', orgId: 'b3' },
  { name: '黄敏', phone: '13900000302', orgId: 'b3' },
  { name: '周强', phone: '13900000303', orgId: 'b3' },
];

export async function seedBasic(cloud: TestCloud): Promise<void> {
  const orgs = [
    { orgId: 'gw', name: '市直机关工委' },
    { orgId: 'p1', name: '市教育局机关党委', parentId: 'gw' },
    { orgId: 'b1', name: '市教育局机关第一党支部', parentId: 'p1' },
    { orgId: 'b2', name: '市教育局机关第二党支部', parentId: 'p1' },
    { orgId: 'p2', name: '市公安局机关党委', parentId: 'gw' },
    { orgId: 'b3', name: '市公安局机关第一党支部', parentId: 'p2' },
  ];
  for (const o of orgs) await expectOk(cloud.call('org', 'saveOrg', o, ADMIN));
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd1', name: '市教育局' }, ADMIN));
  const r = await expectOk(cloud.call('org', 'importMembers', { rows: ROSTER }, ADMIN));
  if (r.errors.length || r.created !== ROSTER.length) throw new Error(`seed import failed: ${JSON.stringify(r)}`);
}

/** Grants and bindings for the role matrix: secretary of b1, secretary of p1, handler of d1, a bound member. */
export const SECRETARY = 'sec-b1';
export const PARTY_SECRETARY = 'sec-p1';
export const HANDLER = 'handler-d1';
export const MEMBER = 'member-1';
export const PUBLIC = 'public-1';

export async function seedRoles(cloud: TestCloud): Promise<void> {
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY, role: 'secretary', scopeId: 'b1' }, ADMIN));
  await expectOk(cloud.call('org', 'grantRole', { openid: PARTY_SECRETARY, role: 'secretary', scopeId: 'p1' }, ADMIN));
  await expectOk(cloud.call('org', 'grantRole', { openid: HANDLER, role: 'handler', scopeId: 'd1' }, ADMIN));
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[0].name, phone: ROSTER[0].phone }, SECRETARY));
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[1].name, phone: ROSTER[1].phone }, MEMBER));
}
