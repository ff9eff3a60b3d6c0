// The `org` function over the local cloud: organisations, departments, roster import (JSON and Excel), the member
// list, role grants, every role against every action, and bad input that must write nothing.
import { Workbook } from 'exceljs';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  HANDLER,
  MEMBER,
  PARTY_SECRETARY,
  PUBLIC,
  ROSTER,
  SECRETARY,
  allDocs,
  getDoc,
  sdk,
  sdkDb,
  seedBasic,
  seedRoles,
  snapshot,
} from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
});
afterEach(() => cloud.close());

const call = <A extends ActionName<'org'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('org', action, data, openid);

describe('org.saveOrg and org.list', () => {
  it('lists the tree parents first, to anyone, in one read', async () => {
    const { result, reads, writes } = await cloud.countOps(() => call('list', {}));
    const data = await expectOk(result);
    expect(data.orgs.map((o: { orgId: string }) => o.orgId)).toEqual(['gw', 'p1', 'b1', 'b2', 'p2', 'b3']);
    expect(data.orgs[2]).toEqual({ orgId: 'b1', name: '市教育局机关第一党支部', parentId: 'p1' });
    expect(data.departments).toEqual([{ departmentId: 'd1', name: '市教育局' }]);
    expect({ reads, writes }).toEqual({ reads: 1, writes: 0 });
  });

  it('answers an empty directory before anything is saved', async () => {
    await cloud.close();
    cloud = await createTestCloud({ adminOpenids: [ADMIN] });
    expect(await expectOk(call('list', {}))).toEqual({ orgs: [], departments: [] });
  });

  it('creates an organisation with a generated id in two reads and two writes', async () => {
    const { result, reads, writes } = await cloud.countOps(() =>
      call('saveOrg', { name: '市教育局机关第三党支部', parentId: 'p1' }, ADMIN),
    );
    const { orgId } = await expectOk(result);
    expect(orgId).toMatch(/^o_[A-Za-z0-9_-]{16}$/);
    expect({ reads, writes }).toEqual({ reads: 2, writes: 2 });
    expect(await getDoc('orgs', orgId)).toMatchObject({
      name: '市教育局机关第三党支部',
      parentId: 'p1',
      createdAt: expect.any(Date),
    });
    const list = await expectOk(call('list', {}));
    expect(list.orgs.map((o: { orgId: string }) => o.orgId)).toEqual(['gw', 'p1', 'b1', 'b2', orgId, 'p2', 'b3']);
  });

  it('renames, keeps the parent when parentId is omitted, and moves with parentId', async () => {
    await expectOk(call('saveOrg', { orgId: 'b2', name: '市教育局机关第二党支部（更名）' }, ADMIN));
    expect(await getDoc('orgs', 'b2')).toMatchObject({ name: '市教育局机关第二党支部（更名）', parentId: 'p1' });
    await expectOk(call('saveOrg', { orgId: 'b2', name: '市教育局机关第二党支部', parentId: 'p2' }, ADMIN));
    const list = await expectOk(call('list', {}));
    expect(list.orgs.map((o: { orgId: string }) => o.orgId)).toEqual(['gw', 'p1', 'b1', 'p2', 'b2', 'b3']);
    await expectOk(call('saveOrg', { orgId: 'b2', name: '独立党支部', parentId: null }, ADMIN));
    expect(
      (await expectOk(call('list', {}))).orgs.find((o: { orgId: string }) => o.orgId === 'b2')!.parentId,
    ).toBeNull();
  });

  it('refuses a parent that does not exist', async () => {
    await expectError(call('saveOrg', { name: '新支部', parentId: 'nope' }, ADMIN), 'NOT_FOUND');
  });

  it('refuses to put an organisation under itself or its descendants', async () => {
    await expectError(
      call('saveOrg', { orgId: 'p1', name: '市教育局机关党委', parentId: 'b1' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call('saveOrg', { orgId: 'gw', name: '市直机关工委', parentId: 'gw' }, ADMIN),
      'FAILED_PRECONDITION',
    );
  });

  it('refuses a second organisation of the same name under one parent', async () => {
    const before = await snapshot();
    await expectError(call('saveOrg', { name: '市教育局机关第一党支部', parentId: 'p1' }, ADMIN), 'ALREADY_EXISTS');
    expect(await snapshot()).toEqual(before);
    // The same name under another parent is fine.
    await expectOk(call('saveOrg', { name: '市教育局机关第一党支部', parentId: 'p2' }, ADMIN));
  });

  it('saves departments and refuses duplicate names', async () => {
    const { departmentId } = await expectOk(call('saveDepartment', { name: '市住建局' }, ADMIN));
    expect(departmentId).toMatch(/^d_/);
    await expectOk(call('saveDepartment', { departmentId: 'd1', name: '市教育局（更名）' }, ADMIN));
    await expectError(call('saveDepartment', { name: '市住建局' }, ADMIN), 'ALREADY_EXISTS');
    expect((await expectOk(call('list', {}))).departments).toEqual([
      { departmentId: 'd1', name: '市教育局（更名）' },
      { departmentId, name: '市住建局' },
    ]);
    expect(await getDoc('departments', departmentId)).toMatchObject({ name: '市住建局' });
  });

  it('keeps both of two organisations saved at the same moment', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, (_, i) => expectOk(call('saveOrg', { name: `并发支部${i}`, parentId: 'p2' }, ADMIN))),
    );
    const list = await expectOk(call('list', {}));
    for (const { orgId } of ids) expect(list.orgs.some((o: { orgId: string }) => o.orgId === orgId)).toBe(true);
  });
});

describe('org.importMembers', () => {
  it('refuses a __proto__ key inside a row like any other unknown field, and imports nothing', async () => {
    const row = JSON.parse('{"name":"甲","phone":"13700000001","orgId":"b1","__proto__":{"admin":true}}');
    const e = await expectError(cloud.callRaw('org', 'importMembers', { rows: [row] }, ADMIN), 'INVALID_ARGUMENT');
    expect(e.message).toBe('不支持的字段：__proto__');
    expect((await allDocs('members')).filter((m) => m.phone === '13700000001')).toEqual([]);
  });

  beforeEach(() => seedRoles(cloud));

  it('creates new phones and updates existing ones, keyed by phone', async () => {
    const r = await expectOk(
      call(
        'importMembers',
        {
          rows: [
            { name: '张伟', phone: ROSTER[0].phone, orgId: 'b1' },
            { name: '王芳芳', phone: ROSTER[1].phone, orgId: 'b2' },
            { name: '新党员', phone: '13700000001', orgId: 'b3' },
          ],
        },
        ADMIN,
      ),
    );
    expect(r).toEqual({ created: 1, updated: 2, errors: [] });
    const members = await allDocs('members');
    expect(members).toHaveLength(ROSTER.length + 1);
    expect(members.find((m) => m.phone === ROSTER[1].phone)).toMatchObject({
      name: '王芳芳',
      orgId: 'b2',
      openid: MEMBER,
    });
    const fresh = members.find((m) => m.phone === '13700000001');
    expect(fresh).toMatchObject({ name: '新党员', orgId: 'b3', openid: null });
    expect(fresh?._id).not.toContain('13700000001');
  });

  it('lets a secretary import into the own branch only: other rows are row errors', async () => {
    const r = await expectOk(
      call(
        'importMembers',
        {
          rows: [
            { name: '甲', phone: '13700000001', orgId: 'b1' },
            { name: '乙', phone: '13700000002', orgId: 'b3' },
            { name: '丙', phone: '13700000003', orgId: 'p1' },
            { name: '丁', phone: ROSTER[6].phone, orgId: 'b1' },
          ],
        },
        SECRETARY,
      ),
    );
    expect(r).toEqual({
      created: 1,
      updated: 0,
      errors: [
        { row: 2, message: '无权导入到该组织（只能导入本组织的党员）' },
        { row: 3, message: '无权导入到该组织（只能导入本组织的党员）' },
        { row: 4, message: '该手机号已登记在其他组织，无权修改，请联系机关工委' },
      ],
    });
    expect((await allDocs('members')).find((m) => m.phone === ROSTER[6].phone)).toMatchObject({
      name: ROSTER[6].name,
      orgId: 'b3',
    });
  });

  it('lets a 机关党委 secretary import into its branches', async () => {
    const r = await expectOk(
      call('importMembers', { rows: [{ name: '甲', phone: '13700000001', orgId: 'b2' }] }, PARTY_SECRETARY),
    );
    expect(r).toEqual({ created: 1, updated: 0, errors: [] });
  });

  it('imports 1,000 rows with a few bad ones: exact counts, row errors, 12 reads and 11 writes', async () => {
    const rows: Array<Record<string, unknown>> = Array.from({ length: 1000 }, (_, i) => ({
      name: `党员${i + 1}`,
      phone: `137${String(i + 1).padStart(8, '0')}`,
      orgId: i % 2 ? 'b1' : 'b2',
    }));
    rows[9] = { ...rows[9], name: '' };
    rows[199] = { ...rows[199], phone: '12345' };
    rows[499] = { ...rows[499], orgId: 'nope' };
    rows[749] = { ...rows[749], phone: rows[0].phone };
    rows[998] = { ...rows[998], idCard: '110101199001011234' };
    // Three existing members: two unchanged, one moved.
    rows[100] = { ...ROSTER[0] };
    rows[101] = { ...ROSTER[1] };
    rows[102] = { ...ROSTER[6], orgId: 'b1' };

    const { result, reads, writes } = await cloud.countOps(() => call('importMembers', { rows }, ADMIN));
    const r = await expectOk(result);
    expect(r.errors).toEqual([
      { row: 10, message: '缺少姓名' },
      { row: 200, message: '手机号格式不正确（应为 11 位手机号）' },
      { row: 500, message: '所属组织“nope”不存在' },
      { row: 750, message: '手机号与第 1 行重复' },
      { row: 999, message: '不支持的字段：idCard' },
    ]);
    expect(r.created).toBe(1000 - 5 - 3);
    expect(r.updated).toBe(3);
    // caller + directory + 10 pages of phones; 10 batched inserts + 1 update.
    expect({ reads, writes }).toEqual({ reads: 12, writes: 11 });
    expect(await allDocs('members')).toHaveLength(ROSTER.length + 992);

    // The same file again: nothing new, nothing to write.
    const again = await cloud.countOps(() => call('importMembers', { rows }, ADMIN));
    expect(await expectOk(again.result)).toEqual({ created: 0, updated: 995, errors: r.errors });
    expect(again.writes).toBe(0);
  });

  it('moves many members to one organisation with one write per 100', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({
      name: `党员${i}`,
      phone: `136${String(i).padStart(8, '0')}`,
      orgId: 'b1',
    }));
    await expectOk(call('importMembers', { rows }, ADMIN));
    const moved = rows.map((r) => ({ ...r, orgId: 'b3' }));
    const { result, writes } = await cloud.countOps(() => call('importMembers', { rows: moved }, ADMIN));
    expect(await expectOk(result)).toEqual({ created: 0, updated: 250, errors: [] });
    expect(writes).toBe(3);
    expect((await allDocs('members')).filter((m) => m.orgId === 'b3')).toHaveLength(250 + 3);
  });

  it('keeps each phone once when two imports of the same rows run at once', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      name: `党员${i}`,
      phone: `135${String(i).padStart(8, '0')}`,
      orgId: 'b1',
    }));
    const [a, b] = await Promise.all([
      expectOk(call('importMembers', { rows }, ADMIN)),
      expectOk(call('importMembers', { rows }, ADMIN)),
    ]);
    const phones = (await allDocs('members')).map((m) => m.phone);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.filter((p) => String(p).startsWith('135'))).toHaveLength(150);
    // Every row is either created by one of them or reported (never silently lost).
    expect(a.created + b.created).toBe(150);
    expect(a.created + a.updated + a.errors.length).toBe(150);
    expect(b.created + b.updated + b.errors.length).toBe(150);
  });
});

describe('org.importMembersFile', () => {
  beforeEach(() => seedRoles(cloud));

  async function upload(name: string, content: Buffer): Promise<string> {
    return (await sdk().uploadFile({ cloudPath: `imports/${name}`, fileContent: content })).fileID;
  }

  async function workbook(rows: unknown[][], sheetName = '党员名册'): Promise<Buffer> {
    const wb = new Workbook();
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports an .xlsx with a title row, org names or ids, and reports Excel row numbers', async () => {
    const file = await workbook([
      ['2020 年市教育局机关党员名册'],
      ['序号', '姓名', '手机号', '所属组织'],
      [1, '孙悦', 13700000001, '市教育局机关第一党支部'],
      [2, { richText: [{ text: '钱' }, { text: '多' }] }, '137-0000-0002', 'b2'],
      [3, '', '13700000003', 'b1'],
      [],
      [5, '周全', '13700000004', '不存在的支部'],
      [6, '张伟（更名）', ROSTER[0].phone, 'b1'],
      [7, '吴用', '1370000', 'b1'],
    ]);
    const fileID = await upload('roster.xlsx', file);
    const r = await expectOk(call('importMembersFile', { fileID }, ADMIN));
    expect(r).toEqual({
      created: 2,
      updated: 1,
      errors: [
        { row: 5, message: '缺少姓名' },
        { row: 7, message: '所属组织“不存在的支部”不存在' },
        { row: 9, message: '手机号格式不正确（应为 11 位手机号）' },
      ],
    });
    const members = await allDocs('members');
    expect(members.find((m) => m.phone === '13700000001')).toMatchObject({ name: '孙悦', orgId: 'b1' });
    expect(members.find((m) => m.phone === '13700000002')).toMatchObject({ name: '钱多', orgId: 'b2' });
    expect(members.find((m) => m.phone === ROSTER[0].phone)).toMatchObject({ name: '张伟（更名）' });
  });

  it("puts a secretary's rows without 所属组织 into the own branch and refuses other branches", async () => {
    const file = await workbook([
      ['姓名', '手机号码'],
      ['甲', '13700000001'],
    ]);
    expect(await expectOk(call('importMembersFile', { fileID: await upload('a.xlsx', file) }, SECRETARY))).toEqual({
      created: 1,
      updated: 0,
      errors: [],
    });
    expect((await allDocs('members')).find((m) => m.phone === '13700000001')).toMatchObject({ orgId: 'b1' });

    const other = await workbook([
      ['姓名', '手机号', '所属组织'],
      ['乙', '13700000002', '市公安局机关第一党支部'],
    ]);
    expect(await expectOk(call('importMembersFile', { fileID: await upload('b.xlsx', other) }, SECRETARY))).toEqual({
      created: 0,
      updated: 0,
      errors: [{ row: 2, message: '无权导入到该组织（只能导入本组织的党员）' }],
    });
  });

  it('explains a sheet without the header', async () => {
    const file = await workbook([
      ['名字', '电话号码'],
      ['甲', '13700000001'],
    ]);
    const err = await expectError(
      call('importMembersFile', { fileID: await upload('c.xlsx', file) }, ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(err.message).toContain('未找到表头');
  });

  it('refuses a file that is not a workbook, and an empty sheet', async () => {
    const fileID = await upload('d.xlsx', Buffer.from('姓名,手机号\n甲,13700000001\n'));
    expect((await expectError(call('importMembersFile', { fileID }, ADMIN), 'INVALID_ARGUMENT')).message).toContain(
      '.xlsx',
    );
    const empty = await workbook([['姓名', '手机号', '所属组织']]);
    expect(
      (
        await expectError(
          call('importMembersFile', { fileID: await upload('e.xlsx', empty) }, ADMIN),
          'INVALID_ARGUMENT',
        )
      ).message,
    ).toBe('表格中没有党员数据');
  });

  it('answers NOT_FOUND for a file that is not there', async () => {
    const fileID = await upload('f.xlsx', await workbook([['姓名', '手机号']]));
    await expectError(
      call('importMembersFile', { fileID: fileID.replace('f.xlsx', 'missing.xlsx') }, ADMIN),
      'NOT_FOUND',
    );
    await expectError(call('importMembersFile', { fileID: 'not-a-file-id' }, ADMIN), 'NOT_FOUND');
  });

  it('is for admins and secretaries only', async () => {
    const fileID = await upload(
      'g.xlsx',
      await workbook([
        ['姓名', '手机号'],
        ['甲', '13700000001'],
      ]),
    );
    for (const who of [HANDLER, MEMBER, PUBLIC])
      await expectError(call('importMembersFile', { fileID }, who), 'PERMISSION_DENIED');
    await expectError(call('importMembersFile', { fileID }), 'UNAUTHENTICATED');
  });
});

describe('org.members', () => {
  beforeEach(() => seedRoles(cloud));

  it('lists one organisation in roster order with masked phones and the bound flag', async () => {
    const { result, reads } = await cloud.countOps(() => call('members', { orgId: 'b1' }, ADMIN));
    const r = await expectOk(result);
    expect(r).toEqual({
      members: [
        { memberId: expect.any(String), name: '张伟', phone: '139****0101', orgId: 'b1', bound: true },
        { memberId: expect.any(String), name: '王芳', phone: '139****0102', orgId: 'b1', bound: true },
        { memberId: expect.any(String), name: '李娜', phone: '139****0103', orgId: 'b1', bound: false },
      ],
      total: 3,
      page: 0,
      pageSize: 100,
    });
    expect(reads).toBe(3);
  });

  it('pages in 100s', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      name: `党员${i}`,
      phone: `137${String(i).padStart(8, '0')}`,
      orgId: 'b2',
    }));
    await expectOk(call('importMembers', { rows }, ADMIN));
    const p0 = await expectOk(call('members', { orgId: 'b2' }, ADMIN));
    const p1 = await expectOk(call('members', { orgId: 'b2', page: 1 }, ADMIN));
    expect([p0.members.length, p1.members.length, p0.total, p1.page]).toEqual([100, 53, 153, 1]);
    const ids = [...p0.members, ...p1.members].map((m: { memberId: string }) => m.memberId);
    expect(new Set(ids).size).toBe(153);
  });

  it("finds members by part of the name, within the caller's scope, in three reads (caller, page, count)", async () => {
    const { result, reads } = await cloud.countOps(() => call('members', { query: '张' }, ADMIN));
    expect((await expectOk(result)).members).toEqual([
      { memberId: expect.any(String), name: '张伟', phone: '139****0101', orgId: 'b1', bound: true },
    ]);
    expect(reads).toBe(3);
    expect((await expectOk(call('members', { query: '刘' }, SECRETARY))).members).toEqual([]);
    expect((await expectOk(call('members', { query: '.' }, ADMIN))).members).toEqual([]);
  });

  it('lists everyone for an admin without orgId', async () => {
    expect((await expectOk(call('members', {}, ADMIN))).total).toBe(ROSTER.length);
  });

  it('limits a secretary to the own organisation and its branches', async () => {
    expect((await expectOk(call('members', {}, SECRETARY))).total).toBe(3);
    expect((await expectOk(call('members', { orgId: 'b1' }, SECRETARY))).total).toBe(3);
    await expectError(call('members', { orgId: 'b2' }, SECRETARY), 'PERMISSION_DENIED');
    expect((await expectOk(call('members', {}, PARTY_SECRETARY))).total).toBe(6);
    expect((await expectOk(call('members', { orgId: 'b2' }, PARTY_SECRETARY))).total).toBe(3);
    await expectError(call('members', { orgId: 'b3' }, PARTY_SECRETARY), 'PERMISSION_DENIED');
  });
});

describe('org.grantRole, org.revokeRole, org.listGrants', () => {
  it('grants idempotently and the grant takes effect at once', async () => {
    await expectOk(call('grantRole', { openid: 'o-new', role: 'secretary', scopeId: 'b2' }, ADMIN));
    const { result, writes } = await cloud.countOps(() =>
      call('grantRole', { openid: 'o-new', role: 'secretary', scopeId: 'b2' }, ADMIN),
    );
    await expectOk(result);
    expect(writes).toBe(0);
    expect((await expectOk(cloud.call('user', 'login', {}, 'o-new'))).roles).toEqual([
      { role: 'secretary', scopeId: 'b2' },
    ]);
    expect((await expectOk(call('members', {}, 'o-new'))).total).toBe(3);
  });

  it('makes a granted admin an admin', async () => {
    await expectOk(call('grantRole', { openid: 'o-admin-2', role: 'admin' }, ADMIN));
    await expectOk(call('saveDepartment', { name: '市卫生健康委' }, 'o-admin-2'));
  });

  it.each([
    [{ openid: 'o', role: 'secretary' }, 'INVALID_ARGUMENT', '授予支部书记权限需要指定组织（scopeId）'],
    [{ openid: 'o', role: 'handler' }, 'INVALID_ARGUMENT', '授予部门经办人权限需要指定部门（scopeId）'],
    [{ openid: 'o', role: 'admin', scopeId: 'b1' }, 'INVALID_ARGUMENT', '管理员权限不带范围，请去掉 scopeId'],
    [{ openid: 'o', role: 'secretary', scopeId: 'nope' }, 'NOT_FOUND', '组织不存在'],
    [{ openid: 'o', role: 'secretary', scopeId: 'd1' }, 'NOT_FOUND', '组织不存在'],
    [{ openid: 'o', role: 'handler', scopeId: 'b1' }, 'NOT_FOUND', '部门不存在'],
  ])('refuses %p with %s', async (data, code, message) => {
    const before = await snapshot();
    expect(await call('grantRole', data, ADMIN)).toEqual({ ok: false, error: { code, message } });
    expect(await snapshot()).toEqual(before);
  });

  it('lists config admins (not revocable) and granted roles with member names', async () => {
    await seedRoles(cloud);
    await expectOk(call('grantRole', { openid: ADMIN, role: 'admin' }, ADMIN));
    const { grants } = await expectOk(call('listGrants', {}, ADMIN));
    expect(grants).toEqual(
      expect.arrayContaining([
        { openid: ADMIN, role: 'admin', fromConfig: true },
        { openid: SECRETARY, role: 'secretary', scopeId: 'b1', name: '张伟' },
        { openid: PARTY_SECRETARY, role: 'secretary', scopeId: 'p1' },
        { openid: HANDLER, role: 'handler', scopeId: 'd1' },
      ]),
    );
    expect(grants).toHaveLength(4);
  });

  it('lists a role holder who is not on the roster under the display name given with the role', async () => {
    await expectOk(
      call('grantRole', { openid: 'o-ext', role: 'handler', scopeId: 'd1', displayName: ' 李经办 ' }, ADMIN),
    );
    const { grants } = await expectOk(call('listGrants', {}, ADMIN));
    expect(grants).toContainEqual({ openid: 'o-ext', role: 'handler', scopeId: 'd1', name: '李经办' });
    // Granting the same role again with a new name renames; without one keeps the name.
    await expectOk(call('grantRole', { openid: 'o-ext', role: 'handler', scopeId: 'd1', displayName: '李明' }, ADMIN));
    await expectOk(call('grantRole', { openid: 'o-ext', role: 'handler', scopeId: 'd1' }, ADMIN));
    expect((await expectOk(call('listGrants', {}, ADMIN))).grants).toContainEqual({
      openid: 'o-ext',
      role: 'handler',
      scopeId: 'd1',
      name: '李明',
    });
  });

  it('revokes a grant; refuses unknown grants, config admins and the own admin role', async () => {
    await seedRoles(cloud);
    await expectOk(call('revokeRole', { openid: SECRETARY, role: 'secretary', scopeId: 'b1' }, ADMIN));
    expect((await expectOk(cloud.call('user', 'login', {}, SECRETARY))).roles).toEqual([]);
    await expectError(call('members', {}, SECRETARY), 'PERMISSION_DENIED');
    // Still bound to the roster after losing the role.
    expect((await expectOk(cloud.call('user', 'login', {}, SECRETARY))).member).toMatchObject({ name: '张伟' });

    await expectError(call('revokeRole', { openid: SECRETARY, role: 'secretary', scopeId: 'b1' }, ADMIN), 'NOT_FOUND');
    await expectError(call('revokeRole', { openid: 'nobody', role: 'handler', scopeId: 'd1' }, ADMIN), 'NOT_FOUND');
    const cfg = await expectError(call('revokeRole', { openid: ADMIN, role: 'admin' }, ADMIN), 'FAILED_PRECONDITION');
    expect(cfg.message).toContain('ADMIN_OPENIDS');
    await expectOk(call('grantRole', { openid: 'o-admin-2', role: 'admin' }, ADMIN));
    await expectError(call('revokeRole', { openid: 'o-admin-2', role: 'admin' }, 'o-admin-2'), 'FAILED_PRECONDITION');
    await expectOk(call('revokeRole', { openid: 'o-admin-2', role: 'admin' }, ADMIN));
    await expectError(call('saveDepartment', { name: '市卫生健康委' }, 'o-admin-2'), 'PERMISSION_DENIED');
    expect((await getDoc('users', 'o-admin-2'))?.hasGrants).toBe(false);
  });

  it('grants to a bound member picked from the roster, without the admin ever seeing an openid', async () => {
    await seedRoles(cloud);
    const { members } = await expectOk(call('members', { query: '王芳' }, ADMIN));
    await expectOk(call('grantRole', { memberId: members[0].memberId, role: 'handler', scopeId: 'd1' }, ADMIN));
    expect((await expectOk(cloud.call('user', 'login', {}, MEMBER))).roles).toEqual([
      { role: 'handler', scopeId: 'd1' },
    ]);
    expect((await expectOk(call('listGrants', {}, ADMIN))).grants).toContainEqual({
      openid: MEMBER,
      role: 'handler',
      scopeId: 'd1',
      name: '王芳',
    });
  });

  it('refuses a member who has not bound WeChat, an unknown member, and neither or both of openid and memberId', async () => {
    await seedRoles(cloud);
    const { members } = await expectOk(call('members', { query: '李娜' }, ADMIN));
    const before = await snapshot();
    const unbound = await expectError(
      call('grantRole', { memberId: members[0].memberId, role: 'handler', scopeId: 'd1' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(unbound.message).toBe('李娜还没有绑定微信：请他先在“我的”中绑定，或改用邀请码授予');
    await expectError(call('grantRole', { memberId: 'nobody', role: 'admin' }, ADMIN), 'NOT_FOUND');
    await expectError(call('grantRole', { role: 'admin' }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(
      call('grantRole', { openid: 'o', memberId: members[0].memberId, role: 'admin' }, ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('org invitations', () => {
  const invite = async (data: Record<string, unknown>) => expectOk(call('createInvite', data, ADMIN));

  it('gives the role and the name to whoever opens the code first, once', async () => {
    const { code, expiresAt } = await invite({ role: 'handler', scopeId: 'd1', displayName: '李经办' });
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect((await expectOk(call('listInvites', {}, ADMIN))).invites).toEqual([
      { code, role: 'handler', scopeId: 'd1', displayName: '李经办', expiresAt },
    ]);

    // Typed as people do: lower case, with the dash it is shown with.
    const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase();
    const { result, reads, writes } = await cloud.countOps(() => call('acceptInvite', { code: typed }, 'o-invited'));
    expect(await expectOk(result)).toEqual({ role: 'handler', scopeId: 'd1', displayName: '李经办' });
    expect({ reads, writes }).toEqual({ reads: 2, writes: 2 });
    expect((await expectOk(cloud.call('user', 'login', {}, 'o-invited'))).roles).toEqual([
      { role: 'handler', scopeId: 'd1' },
    ]);
    expect((await expectOk(call('listGrants', {}, ADMIN))).grants).toContainEqual({
      openid: 'o-invited',
      role: 'handler',
      scopeId: 'd1',
      name: '李经办',
    });
    expect((await expectOk(call('listInvites', {}, ADMIN))).invites).toEqual([]);

    // A second tap by the same person is fine; anyone else is refused and gets nothing.
    await expectOk(call('acceptInvite', { code }, 'o-invited'));
    const other = await expectError(call('acceptInvite', { code }, 'o-other'), 'FAILED_PRECONDITION');
    expect(other.message).toBe('这个邀请码已被他人使用，请联系管理员重新邀请');
    expect(await getDoc('users', 'o-other')).toBeNull();
    await expectError(call('cancelInvite', { code }, ADMIN), 'FAILED_PRECONDITION');
  });

  it('refuses a cancelled, an expired and an unknown code', async () => {
    const { code } = await invite({ role: 'admin', displayName: '周管理' });
    await expectOk(call('cancelInvite', { code }, ADMIN));
    expect((await expectError(call('acceptInvite', { code }, 'o-x'), 'FAILED_PRECONDITION')).message).toBe(
      '这个邀请已被管理员撤回',
    );

    const late = await invite({ role: 'secretary', scopeId: 'b2', displayName: '吴书记' });
    await sdkDb()
      .collection('invites')
      .doc(late.code)
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await expectError(call('acceptInvite', { code: late.code }, 'o-x'), 'FAILED_PRECONDITION')).message).toBe(
      '邀请码已过期（7 天内有效），请联系管理员重新邀请',
    );
    expect((await expectOk(call('listInvites', {}, ADMIN))).invites).toEqual([]);

    await expectError(call('acceptInvite', { code: 'ABCDE-FGHJK' }, 'o-x'), 'NOT_FOUND');
    await expectError(call('cancelInvite', { code: 'ABCDE-FGHJK' }, ADMIN), 'NOT_FOUND');
    expect(await getDoc('users', 'o-x')).toBeNull();
  });

  it('checks the scope when the invitation is made', async () => {
    await expectError(
      call('createInvite', { role: 'handler', scopeId: 'nope', displayName: '甲' }, ADMIN),
      'NOT_FOUND',
    );
    await expectError(call('createInvite', { role: 'handler', displayName: '甲' }, ADMIN), 'INVALID_ARGUMENT');
  });
});

describe('every role against every action', () => {
  beforeEach(() => seedRoles(cloud));

  type Expect = 'ok' | 'PERMISSION_DENIED' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'ROW_ERROR';
  const ROLES: Array<[string, string | undefined]> = [
    ['admin', ADMIN],
    ['secretary in scope', SECRETARY],
    ['secretary out of scope', SECRETARY],
    ['handler', HANDLER],
    ['member', MEMBER],
    ['public', PUBLIC],
    ['anonymous', undefined],
  ];
  /** [action, data in scope, data out of the secretary's scope, expected per role in ROLES order]. */
  const ACTIONS: Array<[ActionName<'org'>, unknown, unknown, Expect[]]> = [
    ['list', {}, {}, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    [
      'saveOrg',
      { name: '新支部', parentId: 'b1' },
      { name: '新支部', parentId: 'b3' },
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'saveDepartment',
      { name: '新部门' },
      { name: '新部门' },
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'importMembers',
      { rows: [{ name: '新人', phone: '13700000009', orgId: 'b1' }] },
      { rows: [{ name: '新人', phone: '13700000009', orgId: 'b3' }] },
      ['ok', 'ok', 'ROW_ERROR', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'UNAUTHENTICATED'],
    ],
    [
      'members',
      { orgId: 'b1' },
      { orgId: 'b3' },
      [
        'ok',
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'grantRole',
      { openid: 'x', role: 'handler', scopeId: 'd1' },
      { openid: 'x', role: 'secretary', scopeId: 'b1' },
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'revokeRole',
      { openid: HANDLER, role: 'handler', scopeId: 'd1' },
      { openid: HANDLER, role: 'handler', scopeId: 'd1' },
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'listGrants',
      {},
      {},
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'createInvite',
      { role: 'handler', scopeId: 'd1', displayName: '甲' },
      { role: 'handler', scopeId: 'd1', displayName: '甲' },
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'listInvites',
      {},
      {},
      [
        'ok',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'cancelInvite',
      { code: 'ABCDE-FGHJK' },
      { code: 'ABCDE-FGHJK' },
      [
        'NOT_FOUND',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'PERMISSION_DENIED',
        'UNAUTHENTICATED',
      ],
    ],
    [
      'acceptInvite',
      { code: 'ABCDE-FGHJK' },
      { code: 'ABCDE-FGHJK' },
      ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
  ];
  const cases = ACTIONS.flatMap(([action, inScope, outOfScope, expected]) =>
    ROLES.map(
      ([role, openid], i) =>
        [action, role, openid, role === 'secretary out of scope' ? outOfScope : inScope, expected[i]] as const,
    ),
  );

  it.each(cases)('%s as %s', async (action, _role, openid, data, expected) => {
    const before = expected === 'ok' ? null : await snapshot();
    const r = await call(action, data, openid);
    if (expected === 'ok') {
      expect(r).toMatchObject({ ok: true });
      if (action === 'importMembers' && r.ok) expect(r.data).toEqual({ created: 1, updated: 0, errors: [] });
    } else if (expected === 'ROW_ERROR') {
      expect(r).toEqual({
        ok: true,
        data: { created: 0, updated: 0, errors: [{ row: 1, message: '无权导入到该组织（只能导入本组织的党员）' }] },
      });
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: expected } });
    }
    if (before) expect(await snapshot()).toEqual(before);
  });
});

describe('bad input to org', () => {
  const big = 'x'.repeat(100 * 1024);
  const tooMany = Array.from({ length: 2001 }, (_, i) => ({
    name: '甲',
    phone: `137${String(i).padStart(8, '0')}`,
    orgId: 'b1',
  }));
  // `nuke` is not an action: called outside the contract.
  const cases: Array<[ActionName<'org'> | 'nuke', Record<string, unknown>, string]> = [
    ['saveOrg', {}, '请填写组织名称'],
    ['saveOrg', { name: '' }, '请填写组织名称'],
    ['saveOrg', { name: big }, '组织名称太长了，最多 64 个字'],
    ['saveOrg', { name: '支部', orgId: 'a.b' }, '组织的格式不正确'],
    ['saveOrg', { name: '支部', parentId: 5 }, '上级组织应为文本'],
    ['saveOrg', { name: '支部', extra: 1 }, '有不支持的内容：extra'],
    ['saveDepartment', { name: 123 }, '部门名称应为文本'],
    ['saveDepartment', { name: '部门', departmentId: 'has space' }, '部门的格式不正确'],
    ['importMembers', {}, '请填写名单'],
    ['importMembers', { rows: [] }, '请选择名单'],
    ['importMembers', { rows: 'x' }, '名单应为一组内容'],
    ['importMembers', { rows: [1] }, '名单的第 1 项应为一组内容'],
    ['importMembers', { rows: tooMany }, '名单最多 2000 项'],
    ['importMembersFile', { fileID: '' }, '请填写上传的文件'],
    ['importMembersFile', { fileID: big }, '上传的文件太长了，最多 512 个字'],
    ['grantRole', { openid: '', role: 'admin' }, '请填写微信用户'],
    ['grantRole', { openid: big, role: 'admin' }, '微信用户太长了，最多 64 个字'],
    ['grantRole', { openid: 'x', role: 'root' }, '角色不在可选的范围内'],
    ['revokeRole', { openid: 'x' }, '请填写角色'],
    ['grantRole', { role: 'admin' }, '请从名册中选择一名党员'],
    ['createInvite', { role: 'admin' }, '请填写被邀请人的姓名'],
    ['acceptInvite', { code: 'ABC' }, '邀请码应为 10 位字母和数字，例如 ABCDE-FGHJK'],
    ['acceptInvite', { code: '' }, '请填写邀请码'],
    ['members', { query: big }, '搜索词太长了，最多 20 个字'],
    ['members', { page: -1 }, '页码不能小于 0'],
    ['members', { page: 1.5 }, '页码应为整数'],
    ['members', { orgId: 'has space' }, '组织的格式不正确'],
    ['listGrants', { all: true }, '有不支持的内容：all'],
    ['list', { depth: 2 }, '有不支持的内容：depth'],
    ['nuke', {}, '未知操作：nuke'],
  ];
  const titled = cases.map(
    ([action, data, message]) => [`${action} ${JSON.stringify(data).slice(0, 60)}`, action, data, message] as const,
  );

  it.each(titled)('%s -> INVALID_ARGUMENT, nothing read or written', async (_title, action, data, message) => {
    const before = await snapshot();
    const { result, reads, writes } = await cloud.countOps(() => cloud.callRaw('org', action, data, ADMIN));
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
    expect({ reads, writes }).toEqual({ reads: 0, writes: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('turns a 100 KB value inside a row into a row error, not a failed call', async () => {
    const r = await expectOk(
      call(
        'importMembers',
        {
          rows: [
            { name: big, phone: '13700000001', orgId: 'b1' },
            { name: '甲', phone: '13700000002', orgId: big },
          ],
        },
        ADMIN,
      ),
    );
    expect(r).toEqual({
      created: 0,
      updated: 0,
      errors: [
        { row: 1, message: '姓名无效（最多 32 个字）' },
        { row: 2, message: '所属组织无效' },
      ],
    });
  });
});
