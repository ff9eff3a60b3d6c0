// 通知公告 rules: the audience of a notice, who manages it, 确认收到 states, the reminder interval, the read rate.
import type { OrgNode } from '@/domain/identity';
import {
  noticeAttachmentsProblem,
  confirmState,
  noticeAudience,
  noticeFilePath,
  noticeManagers,
  readRate,
  noticeReceiptId,
  NOTICE_REMIND_INTERVAL_MS,
  noticeRemindAllowed,
  studyImagesProblem,
} from '@/domain/notice';

/** 工委 gw -> 党委 p1 -> b1, b2; 党委 p2 -> b3. */
const ORGS: OrgNode[] = [
  { orgId: 'gw', name: '市直机关工委', parentId: null, seq: 1 },
  { orgId: 'p1', name: '教育局机关党委', parentId: 'gw', seq: 2 },
  { orgId: 'b1', name: '第一支部', parentId: 'p1', seq: 3 },
  { orgId: 'b2', name: '第二支部', parentId: 'p1', seq: 4 },
  { orgId: 'p2', name: '公安局机关党委', parentId: 'gw', seq: 5 },
  { orgId: 'b3', name: '公安第一支部', parentId: 'p2', seq: 6 },
];

describe('noticeAudience', () => {
  it.each<[string[], string[]]>([
    [['b1'], ['b1']],
    [['p1'], ['p1', 'b1', 'b2']],
    [['gw'], ['gw', 'p1', 'b1', 'b2', 'p2', 'b3']],
    [
      ['b3', 'b1'],
      ['b1', 'b3'],
    ],
    [
      ['p1', 'b1'],
      ['p1', 'b1', 'b2'],
    ],
    [['gone'], []],
  ])('a notice to %p reaches %p (tree order, no repeats)', (orgIds, expected) => {
    expect(noticeAudience(ORGS, orgIds)).toEqual(expected);
  });
});

describe('noticeManagers', () => {
  it.each<[string[], string[], string]>([
    [['b1'], ['b1', 'p1', 'gw'], 'one branch: it and everything above'],
    [['b1', 'b2'], ['p1', 'gw'], 'two branches of one 党委: the 党委 up'],
    [['b1', 'b3'], ['gw'], 'branches of two 党委: only the 工委'],
    [['p1', 'b1'], ['p1', 'gw'], 'a 党委 and its own branch'],
    [[], [], 'nothing sent'],
  ])('%p -> %p (%s)', (orgIds, expected) => {
    expect(noticeManagers(ORGS, orgIds)).toEqual(expected);
  });

  it('survives a cycle in a broken tree', () => {
    const cyclic: OrgNode[] = [
      { orgId: 'a', name: 'A', parentId: 'b', seq: 1 },
      { orgId: 'b', name: 'B', parentId: 'a', seq: 2 },
    ];
    expect(noticeManagers(cyclic, ['a'])).toEqual(['a', 'b']);
  });
});

describe('confirmState', () => {
  it.each<[number | null, number | null, number, ReturnType<typeof confirmState>]>([
    [null, null, 0, 'not-asked'],
    [null, 5, 10, 'not-asked'],
    [100, null, 50, 'pending'],
    [100, null, 100, 'pending'],
    [100, null, 101, 'overdue'],
    [100, 90, 200, 'confirmed'],
    [100, 100, 200, 'confirmed'],
    [100, 101, 200, 'confirmed-late'],
  ])('deadline %p, confirmed %p, now %i -> %s', (confirmByMs, confirmedAtMs, nowMs, expected) => {
    expect(confirmState({ confirmByMs, confirmedAtMs, nowMs })).toBe(expected);
  });
});

describe('noticeRemindAllowed', () => {
  it.each<[number | null, number, ReturnType<typeof noticeRemindAllowed>]>([
    [null, 0, { ok: true }],
    [0, NOTICE_REMIND_INTERVAL_MS - 1, { ok: false, nextAtMs: NOTICE_REMIND_INTERVAL_MS }],
    [0, NOTICE_REMIND_INTERVAL_MS, { ok: true }],
    [1000, 2000, { ok: false, nextAtMs: 1000 + NOTICE_REMIND_INTERVAL_MS }],
  ])('last %p, now %i -> %p', (lastRemindedAtMs, nowMs, expected) => {
    expect(noticeRemindAllowed({ lastRemindedAtMs, nowMs })).toEqual(expected);
  });
});

describe('readRate and ids', () => {
  it.each([
    [0, 0, 0],
    [1, 6, 17],
    [2, 3, 67],
    [3, 3, 100],
  ])('%i of %i read -> %i%%', (read, expected, rate) => {
    expect(readRate({ read, expected })).toBe(rate);
  });

  it('names a receipt by notice and member', () => {
    expect(noticeReceiptId('n_1', 'm_1')).toBe('n_1:m_1');
  });
});

describe('files', () => {
  it('accepts attachments from the notice folder only', () => {
    expect(
      noticeAttachmentsProblem(['cloud://env.b/notice/20200701/a.pdf', 'cloud://env.b/notice/x/b.docx']),
    ).toBeNull();
    expect(noticeAttachmentsProblem(['cloud://env.b/hotline/o1/a.jpg'])).toBe('第 1 个附件不是上传到通知目录的文件');
    expect(noticeAttachmentsProblem(['cloud://env.b/notice/a.exe'])).toMatch(/第 1 个附件/);
    expect(noticeAttachmentsProblem(['cloud://env.b/notice/../a.pdf'])).toMatch(/第 1 个附件/);
    expect(noticeAttachmentsProblem(['cloud://env.b/notice/a.pdf', 'cloud://env.b/notice/a.pdf'])).toBe('附件重复');
    expect(noticeAttachmentsProblem(Array.from({ length: 7 }, (_, i) => `cloud://env.b/notice/${i}.pdf`))).toMatch(
      /最多/,
    );
  });

  it('accepts article pictures from the study folder only', () => {
    expect(studyImagesProblem(['cloud://env.b/study/20200701/a.png'])).toBeNull();
    expect(studyImagesProblem(['cloud://env.b/study/a.pdf'])).toMatch(/第 1 张图片/);
    expect(studyImagesProblem(['https://example.com/a.png'])).toMatch(/第 1 张图片/);
  });

  it('builds upload paths the server accepts', () => {
    const path = noticeFilePath('notice', '20200701', 'a b/c', 'PDF');
    expect(path).toBe('notice/20200701/a_b_c.pdf');
    expect(noticeAttachmentsProblem([`cloud://env.b/${path}`])).toBeNull();
    expect(studyImagesProblem([`cloud://env.b/${noticeFilePath('study', '20200701', 'x', 'JPEG')}`])).toBeNull();
  });
});
