// Table tests of reading roster rows from spreadsheet rows.
import { findRosterHeader, rosterRowsFromSheet } from '@/domain/identity';
import { cellText } from '@/domain/sheet';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [' 张伟 ', '张伟'],
    [13800000001, '13800000001'],
    [1.5, '1.5'],
    [true, 'TRUE'],
    [{ richText: [{ text: '张' }, { text: '伟' }] }, '张伟'],
    [{ text: '链接', hyperlink: 'https://example.com' }, '链接'],
    [{ formula: 'A1', result: 13800000001 }, '13800000001'],
    [{ sharedFormula: 'A1', result: '市教育局' }, '市教育局'],
    [{ error: '#N/A' }, ''],
    [new Date('2020-07-01T00:00:00Z'), '2020-07-01T00:00:00.000Z'],
  ])('%p -> %p', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('findRosterHeader', () => {
  it.each([
    ['header on the first row', [['姓名', '手机号', '所属组织']], { index: 0, name: 0, phone: 1, org: 2 }],
    [
      'title rows above, other column order',
      [['党员名册'], [], ['序号', '所属组织', '手机号码', '姓名']],
      { index: 2, name: 3, phone: 2, org: 1 },
    ],
    ['no organisation column', [['姓名', '手机']], { index: 0, name: 0, phone: 1, org: -1 }],
    [
      'titles with spaces and asterisks',
      [['*姓 名', '手机号：', ' 所属组织 ']],
      { index: 0, name: 0, phone: 1, org: 2 },
    ],
  ])('%s', (_title, cells, expected) => {
    expect(findRosterHeader(cells.map((c, i) => ({ rowNumber: i + 1, cells: c })))).toEqual(expected);
  });

  it('gives up after the first ten rows', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ rowNumber: i + 1, cells: ['说明'] }));
    rows.push({ rowNumber: 12, cells: ['姓名', '手机号'] });
    expect(findRosterHeader(rows)).toBeNull();
  });
});

describe('rosterRowsFromSheet', () => {
  it('returns the rows under the header with spreadsheet row numbers, skipping blank rows', () => {
    const r = rosterRowsFromSheet([
      { rowNumber: 1, cells: ['2020 年党员名册'] },
      { rowNumber: 2, cells: ['姓名', '手机号', '所属组织'] },
      { rowNumber: 3, cells: ['张伟', 13800000001, 'o1'] },
      { rowNumber: 5, cells: [null, '', ''] },
      { rowNumber: 6, cells: ['王芳', '13800000002'] },
    ]);
    expect(r).toEqual({
      ok: true,
      rows: [
        { row: 3, name: '张伟', phone: '13800000001', org: 'o1' },
        { row: 6, name: '王芳', phone: '13800000002', org: '' },
      ],
    });
  });

  it('explains a missing header', () => {
    expect(rosterRowsFromSheet([{ rowNumber: 1, cells: ['名字', '电话号码'] }])).toEqual({
      ok: false,
      message: '未找到表头：请在前 10 行内放置“姓名”“手机号”“所属组织”三列标题',
    });
  });
});
