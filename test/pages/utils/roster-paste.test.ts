// The roster paste parser: cells copied from Excel or typed, the optional header, line numbers and the row checks.
import { batches, parseRosterPaste, splitCells } from '@/utils/roster-paste';

const ORGS = [
  { orgId: 'org-p', name: '机关党委', parentId: null },
  { orgId: 'org-a1', name: '第一党支部', parentId: 'org-p' },
  { orgId: 'org-a2', name: '第二党支部', parentId: 'org-p' },
  { orgId: 'org-x1', name: '综合党支部', parentId: null },
  { orgId: 'org-x2', name: '综合党支部', parentId: 'org-p' },
];
const ADMIN = { orgs: ORGS, allowedOrgIds: null };

describe('splitCells', () => {
  it('splits on tabs first, then commas (also full-width), then spaces', () => {
    expect(splitCells('张三\t13800138000\t机关 第一党支部')).toEqual(['张三', '13800138000', '机关 第一党支部']);
    expect(splitCells('张三，13800138000,第一党支部')).toEqual(['张三', '13800138000', '第一党支部']);
    expect(splitCells('张三  13800138000 第一党支部')).toEqual(['张三', '13800138000', '第一党支部']);
    expect(splitCells('"张三"\t"13800138000"')).toEqual(['张三', '13800138000']);
  });
});

describe('parseRosterPaste', () => {
  it('reads tab-separated rows copied from Excel, skips the header and maps names and ids to orgs', () => {
    const r = parseRosterPaste(
      '姓名\t手机号\t所属组织\n张三\t13800138000\t第一党支部\n李四\t139 0013 9000\torg-a2\n',
      ADMIN,
    );
    expect(r.hasHeader).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, name: '张三', phone: '13800138000', orgId: 'org-a1' },
      { line: 3, name: '李四', phone: '13900139000', orgId: 'org-a2' },
    ]);
  });

  it('reads comma-separated rows without a header in the order 姓名, 手机号, 组织', () => {
    const r = parseRosterPaste('张三,13800138000,第一党支部\r\n李四，13900139000，第二党支部', ADMIN);
    expect(r.hasHeader).toBe(false);
    expect(r.rows.map((x) => [x.line, x.name, x.orgId])).toEqual([
      [1, '张三', 'org-a1'],
      [2, '李四', 'org-a2'],
    ]);
  });

  it('follows a header that puts the columns in another order, below a title row', () => {
    const r = parseRosterPaste('2020年党员名册\n手机号码\t所属组织\t姓名\n13800138000\t第一党支部\t张三', ADMIN);
    expect(r.rows).toEqual([{ line: 3, name: '张三', phone: '13800138000', orgId: 'org-a1' }]);
  });

  it('keeps the line numbers of the pasted text across blank lines, so that they match the Excel rows', () => {
    const r = parseRosterPaste('张三\t13800138000\t第一党支部\n\n\t\t\n李四\t1390013900\t第一党支部', ADMIN);
    expect(r.rows.map((x) => x.line)).toEqual([1]);
    expect(r.issues.map((i) => i.line)).toEqual([4]);
    expect(r.issues[0].message).toContain('手机号');
  });

  it('reports every bad line, in line order, and keeps the good ones', () => {
    const text = [
      '\t13800138000\t第一党支部',
      '王五\t\t第一党支部',
      '赵六\t1.38001E+10\t第一党支部',
      '钱七\t13700137000\t第三党支部',
      '孙八\t13700137001\t综合党支部',
      '周九\t13600136000\t第二党支部',
      '吴十\t13600136000\t第二党支部',
    ].join('\n');
    const r = parseRosterPaste(text, ADMIN);
    expect(r.rows.map((x) => x.line)).toEqual([6]);
    expect(r.issues.map((i) => i.line)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(r.issues[0].message).toContain('姓名');
    expect(r.issues[1].message).toContain('手机号');
    expect(r.issues[2].message).toContain('科学计数法');
    expect(r.issues[3].message).toContain('第三党支部');
    expect(r.issues[4].message).toContain('编号');
    expect(r.issues[5].message).toContain('第 6 行');
  });

  it('uses the default org for rows without one, and reports them when there is none', () => {
    expect(parseRosterPaste('张三\t13800138000', { ...ADMIN, defaultOrgId: 'org-a1' }).rows[0].orgId).toBe('org-a1');
    const r = parseRosterPaste('张三\t13800138000', ADMIN);
    expect(r.rows).toEqual([]);
    expect(r.issues).toHaveLength(1);
  });

  it("keeps a secretary's import inside the own orgs", () => {
    const r = parseRosterPaste('张三\t13800138000\t第一党支部\n李四\t13900139000\t第二党支部', {
      orgs: ORGS,
      allowedOrgIds: ['org-a1'],
    });
    expect(r.rows.map((x) => x.line)).toEqual([1]);
    expect(r.issues.map((i) => i.line)).toEqual([2]);
    expect(r.issues[0].message).toContain('无权');
  });
});

describe('batches', () => {
  it('splits into batches of at most the given size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 2)).toEqual([]);
  });
});
