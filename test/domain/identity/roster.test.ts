// Table tests of roster rows: validation, duplicate phones, scopes, and planning creates and updates.
import type { OrgNode, RosterInputRow, RosterRules } from '@/domain/identity';
import { identityChunk, identityPlanImport, validateRosterRows } from '@/domain/identity';

const ORGS: OrgNode[] = [
  { orgId: 'gw', name: '市直机关工委', parentId: null, seq: 1 },
  { orgId: 'o1', name: '市教育局机关第一党支部', parentId: 'gw', seq: 2 },
  { orgId: 'o2', name: '市教育局机关第二党支部', parentId: 'gw', seq: 3 },
];
const ADMIN: RosterRules = { orgs: ORGS, allowedOrgIds: null, orgByName: false };
const row = (n: number, name: unknown, phone: unknown, org: unknown, unknownFields?: string[]): RosterInputRow => ({
  row: n,
  name,
  phone,
  org,
  unknownFields,
});

describe('validateRosterRows', () => {
  it('keeps good rows, normalised', () => {
    const r = validateRosterRows([row(1, ' 张 伟 ', '138 0000 0001', 'o1'), row(2, '李娜', 13800000002, 'o2')], ADMIN);
    expect(r.errors).toEqual([]);
    expect(r.valid).toEqual([
      { row: 1, name: '张伟', phone: '13800000001', orgId: 'o1' },
      { row: 2, name: '李娜', phone: '13800000002', orgId: 'o2' },
    ]);
  });

  it.each([
    ['missing name', row(1, '', '13800000001', 'o1'), '缺少姓名'],
    ['name not text', row(1, 42, '13800000001', 'o1'), '姓名无效（最多 32 个字）'],
    ['name too long', row(1, '张'.repeat(33), '13800000001', 'o1'), '姓名无效（最多 32 个字）'],
    ['missing phone', row(1, '张伟', undefined, 'o1'), '缺少手机号'],
    ['bad phone', row(1, '张伟', '1380000', 'o1'), '手机号格式不正确（应为 11 位手机号）'],
    ['missing org', row(1, '张伟', '13800000001', ''), '缺少所属组织'],
    ['unknown org', row(1, '张伟', '13800000001', 'nope'), '所属组织“nope”不存在'],
    ['org not text', row(1, '张伟', '13800000001', 7), '所属组织无效'],
    ['org name where ids are required', row(1, '张伟', '13800000001', '市直机关工委'), '所属组织“市直机关工委”不存在'],
    ['unknown field', row(1, '张伟', '13800000001', 'o1', ['idCard']), '不支持的字段：idCard'],
    [
      'several problems',
      row(1, '', 'x', 'nope'),
      '缺少姓名；手机号格式不正确（应为 11 位手机号）；所属组织“nope”不存在',
    ],
  ])('%s', (_title, input, message) => {
    expect(validateRosterRows([input], ADMIN)).toEqual({ valid: [], errors: [{ row: 1, message }] });
  });

  it('reports a phone repeated in the file on the later row and keeps the first', () => {
    const r = validateRosterRows(
      [row(1, '张伟', '13800000001', 'o1'), row(2, '王芳', '138-0000-0001', 'o2'), row(3, '李娜', '13800000003', 'o1')],
      ADMIN,
    );
    expect(r.valid.map((v) => v.row)).toEqual([1, 3]);
    expect(r.errors).toEqual([{ row: 2, message: '手机号与第 1 行重复' }]);
  });

  it('limits a secretary to the allowed organisations', () => {
    const rules: RosterRules = { ...ADMIN, allowedOrgIds: new Set(['o1']) };
    const r = validateRosterRows([row(1, '张伟', '13800000001', 'o1'), row(2, '王芳', '13800000002', 'o2')], rules);
    expect(r.valid.map((v) => v.row)).toEqual([1]);
    expect(r.errors).toEqual([{ row: 2, message: '无权导入到该组织（只能导入本组织的党员）' }]);
  });

  it('resolves organisation names for sheets and uses the default organisation for empty cells', () => {
    const rules: RosterRules = { ...ADMIN, orgByName: true, defaultOrgId: 'o2' };
    const r = validateRosterRows(
      [row(5, '张伟', '13800000001', '市教育局机关第一党支部'), row(6, '王芳', '13800000002', '')],
      rules,
    );
    expect(r.valid).toEqual([
      { row: 5, name: '张伟', phone: '13800000001', orgId: 'o1' },
      { row: 6, name: '王芳', phone: '13800000002', orgId: 'o2' },
    ]);
  });

  it('reports an ambiguous organisation name', () => {
    const orgs = [...ORGS, { orgId: 'o3', name: '市教育局机关第一党支部', parentId: 'o2', seq: 4 }];
    const r = validateRosterRows([row(2, '张伟', '13800000001', '市教育局机关第一党支部')], {
      ...ADMIN,
      orgs,
      orgByName: true,
    });
    expect(r.errors).toEqual([{ row: 2, message: '组织名称“市教育局机关第一党支部”不唯一，请填写组织编号' }]);
  });
});

describe('identityPlanImport', () => {
  const existing = [
    { memberId: 'm1', name: '张伟', phone: '13800000001', orgId: 'o1' },
    { memberId: 'm2', name: '王芳', phone: '13800000002', orgId: 'o2' },
  ];

  it('creates new phones, updates changed members and counts unchanged ones', () => {
    const plan = identityPlanImport(
      [
        { row: 1, name: '张伟', phone: '13800000001', orgId: 'o1' },
        { row: 2, name: '王芳芳', phone: '13800000002', orgId: 'o1' },
        { row: 3, name: '李娜', phone: '13800000003', orgId: 'o1' },
      ],
      existing,
      null,
    );
    expect(plan.creates.map((r) => r.row)).toEqual([3]);
    expect(plan.updates).toEqual([{ memberId: 'm2', row: 2, patch: { name: '王芳芳', orgId: 'o1' } }]);
    expect(plan.unchanged.map((r) => r.row)).toEqual([1]);
    expect(plan.errors).toEqual([]);
  });

  it('does not let a secretary take over a member of another organisation', () => {
    const plan = identityPlanImport(
      [{ row: 4, name: '王芳', phone: '13800000002', orgId: 'o1' }],
      existing,
      new Set(['o1']),
    );
    expect(plan.updates).toEqual([]);
    expect(plan.errors).toEqual([{ row: 4, message: '该手机号已登记在其他组织，无权修改，请联系机关工委' }]);
  });
});

describe('identityChunk', () => {
  it.each([
    [[], 100, []],
    [[1, 2, 3], 2, [[1, 2], [3]]],
    [[1, 2], 2, [[1, 2]]],
  ])('%p by %p', (items, size, expected) => {
    expect(identityChunk(items, size)).toEqual(expected);
  });
});
