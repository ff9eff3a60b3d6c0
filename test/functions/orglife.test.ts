// The `orglife` function over the local cloud: 会议纪实 (save, read, list, export) and 民主评议 (open, ballot, vote,
// close, tally, propose), every action with every role, database cost, and that no one can read a ballot back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  seedBasic,
  sdkDb,
  seedRoles,
} from './support';
import type { ActionName } from '@/domain/api';

/** 李娜 of b1 (the third member), 刘洋 of b2 and the secretary of b2. */
const LI_OPENID = 'member-li';
const OTHER = 'member-b2';
const SECRETARY_B2 = 'sec-b2';

const Y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

let cloud: TestCloud;
const ids: Record<string, string> = {};

beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[2].name, phone: ROSTER[2].phone }, LI_OPENID));
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[3].name, phone: ROSTER[3].phone }, OTHER));
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B2, role: 'secretary', scopeId: 'b2' }, ADMIN));
  for (const m of await allDocs('members')) ids[String(m.name)] = m._id;
}, 60_000);
afterAll(() => cloud.close());

const call = <A extends ActionName<'orglife'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('orglife', action, data, openid);
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const ZHANG = () => ids['张伟'];
const WANG = () => ids['王芳'];
const LI = () => ids['李娜'];
const LIU = () => ids['刘洋'];

async function createActivity(kind: string, startAt: string, endAt: string, orgIds = ['b1'], title = `${kind}`) {
  const { activityId } = await expectOk(
    cloud.call('checkin', 'createActivity', { title, kind, orgIds, startAt, endAt }, ADMIN),
  );
  return activityId as string;
}

async function upload(folder: string, name: string): Promise<string> {
  return (await sdk().uploadFile({ cloudPath: `${folder}/${name}`, fileContent: Buffer.from(`photo ${name}`) })).fileID;
}

const record = (activityId: string, extra: Record<string, unknown> = {}) => ({
  activityId,
  topic: '学习贯彻党章，开展批评与自我批评',
  host: '张伟',
  recorder: '王芳',
  minutes: '一、张伟同志领学党章第一章。\n二、与会党员逐一发言。',
  decisions: '下月主题党日到社区开展志愿服务。',
  photos: [] as string[],
  absences: [] as Array<{ memberId: string; reason: string }>,
  ...extra,
});

async function readWorkbook(fileID: string): Promise<Workbook> {
  const { fileContent } = await sdk().downloadFile({ fileID });
  const wb = new Workbook();
  await wb.xlsx.load(fileContent as never);
  return wb;
}

const cells = (wb: Workbook, sheet: string) =>
  (wb.getWorksheet(sheet)?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));

describe('会议纪实', () => {
  let held: string;
  let photo: string;
  let draft: string;
  let none: string;

  beforeAll(async () => {
    // A 支部党员大会 that started five minutes ago: 王芳 scans in (late), 李娜 gets a 补签, 张伟 is away.
    held = await createActivity('支部党员大会', minutes(-5), minutes(60), ['b1'], '第四季度支部党员大会');
    const { scene } = await expectOk(cloud.call('checkin', 'qrToken', { activityId: held }, SECRETARY));
    await expectOk(cloud.call('checkin', 'checkIn', { scene }, MEMBER));
    await expectOk(
      cloud.call('checkin', 'manualCheckIn', { activityId: held, memberId: LI(), reason: '手机没电' }, SECRETARY),
    );
    photo = await upload('orglife/20201201', 'room.jpg');
    // Every test reads the same branch year whatever the order: the complete 纪实 of the 党员大会, a draft 支委会 and a
    // 党小组会 held without one (the tests that save them save the same again).
    await expectOk(call('saveMinutes', completeRecord(), SECRETARY));
    draft = await createActivity('支委会', minutes(-90), minutes(-30), ['b1'], '十二月支委会');
    await expectOk(call('saveMinutes', draftRecord(), PARTY_SECRETARY));
    none = await createActivity('党小组会', minutes(-200), minutes(-150), ['b1'], '党小组学习');
  });
  const completeRecord = () =>
    record(held, { photos: [photo], absences: [{ memberId: ZHANG(), reason: '参加市委党校培训' }] });
  const draftRecord = () => record(draft, { recorder: '', minutes: ' ' });

  it('saves a complete 纪实 with photos and absentees’ reasons: caller, activity, roster, own name; one write', async () => {
    const data = completeRecord();
    const { result, reads, writes } = await cloud.countOps(() => call('saveMinutes', data, SECRETARY));
    expect(await expectOk(result)).toEqual({ complete: true, missing: [] });
    expect({ reads, writes }).toEqual({ reads: 4, writes: 1 });
    const stored = await getDoc('orglife_minutes', held);
    expect(stored).toMatchObject({ complete: true, kind: '支部党员大会', year: Y, photos: [photo], updatedBy: '张伟' });
  });

  it('shows the branch the meeting with the check-in attendance and the reasons', async () => {
    const view = await expectOk(call('meeting', { activityId: held }, MEMBER));
    expect(view).toMatchObject({
      title: '第四季度支部党员大会',
      kind: '支部党员大会',
      orgNames: ['市教育局机关第一党支部'],
    });
    expect(view.canEdit).toBe(false);
    expect(view.record).toMatchObject({ topic: '学习贯彻党章，开展批评与自我批评', complete: true, missing: [] });
    expect(view.record!.photos).toEqual([{ fileID: photo, url: expect.stringMatching(/^http/) }]);
    expect(view.attendance).toMatchObject({ expected: 3, present: 2, late: 1, manual: 1, absent: 1 });
    expect(view.attendance.rows).toEqual([
      { memberId: ZHANG(), name: '张伟', status: 'absent', reason: '参加市委党校培训' },
      { memberId: WANG(), name: '王芳', status: 'late', reason: '' },
      { memberId: LI(), name: '李娜', status: 'manual', reason: '手机没电' },
    ]);
  });

  it('reads the meeting in a bounded number of reads (a member: caller, activity, own entry, four lists)', async () => {
    const { result, reads, writes } = await cloud.countOps(() => call('meeting', { activityId: held }, MEMBER));
    await expectOk(result);
    expect({ reads, writes }).toEqual({ reads: 7, writes: 0 });
  });

  it.each([
    ['the branch secretary', SECRETARY, true],
    ['the 党委 above it', PARTY_SECRETARY, true],
    ['the 工委', ADMIN, true],
  ])('lets %s read and edit it', async (_who, openid, canEdit) => {
    expect((await expectOk(call('meeting', { activityId: held }, openid))).canEdit).toBe(canEdit);
  });

  it.each([
    ['a member of another branch', OTHER, 'PERMISSION_DENIED'],
    ['the secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('shows %s nothing of it', async (_who, openid, code) => {
    const r = await call('meeting', { activityId: held }, openid);
    await expectError(Promise.resolve(r), code);
    expect(JSON.stringify(r)).not.toContain('学习贯彻党章');
  });

  it.each([
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['the secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
  ])('does not let %s write a 纪实, and writes nothing', async (_who, openid, code) => {
    await expectError(call('saveMinutes', record(held, { topic: '改掉' }), openid), code);
    expect((await getDoc('orglife_minutes', held))?.topic).toBe('学习贯彻党章，开展批评与自我批评');
  });

  it('refuses photos from outside the 纪实 folder, a stranger as absentee, a meeting not yet begun and 其他', async () => {
    const hotlinePhoto = await upload('hotline/x', 'a.jpg');
    await expectError(call('saveMinutes', record(held, { photos: [hotlinePhoto] }), SECRETARY), 'INVALID_ARGUMENT');
    await expectError(
      call('saveMinutes', record(held, { absences: [{ memberId: LIU(), reason: '出差' }] }), SECRETARY),
      'INVALID_ARGUMENT',
    );
    const later = await createActivity('党课', minutes(60), minutes(120));
    await expectError(call('saveMinutes', record(later), SECRETARY), 'FAILED_PRECONDITION');
    const other = await createActivity('其他', minutes(-60), minutes(-30));
    await expectError(call('saveMinutes', record(other), SECRETARY), 'FAILED_PRECONDITION');
    await expectError(call('saveMinutes', record('nope'), SECRETARY), 'NOT_FOUND');
    expect(await getDoc('orglife_minutes', later)).toBeNull();
  });

  it('keeps a draft that lacks parts, which does not count as held', async () => {
    const r = await expectOk(call('saveMinutes', draftRecord(), PARTY_SECRETARY));
    expect(r).toEqual({ complete: false, missing: ['记录人', '会议记录'] });
    expect((await expectOk(call('meeting', { activityId: draft }, MEMBER))).record).toMatchObject({
      complete: false,
      missing: ['记录人', '会议记录'],
    });
  });

  it('lists a branch’s year with each 纪实’s state and the meetings held without one', async () => {
    const list = await expectOk(call('meetings', { orgId: 'b1', year: Y }, MEMBER));
    expect(list).toMatchObject({ orgId: 'b1', orgName: '市教育局机关第一党支部', year: Y, canEdit: false });
    const state = (id: string) => list.rows.find((r: { activityId: string }) => r.activityId === id)?.state;
    expect(state(held)).toBe('complete');
    expect(state(none)).toBe('none');
    expect(list.rows.some((r: { kind: string }) => r.kind === '其他')).toBe(false);
    // The draft 支委会 and the 党小组会 without one; the later 党课 has not started yet.
    expect(list.withoutMinutes).toBe(2);
    await expectError(call('meetings', { orgId: 'b1', year: Y }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('meetings', { orgId: 'b1', year: Y }, PUBLIC), 'PERMISSION_DENIED');
    expect((await expectOk(call('meetings', { orgId: 'b1', year: Y }, PARTY_SECRETARY))).canEdit).toBe(true);
    await expectError(call('meetings', { orgId: 'zz', year: Y }, ADMIN), 'NOT_FOUND');
  });

  it('exports one meeting as the 纪实 and its attendance', async () => {
    const out = await expectOk(call('exportMinutes', { activityId: held }, SECRETARY));
    expect(out.fileName).toBe('第四季度支部党员大会-会议纪实.xlsx');
    const wb = await readWorkbook(out.fileID);
    const form = Object.fromEntries(cells(wb, '会议纪实').filter((r) => r.length === 2));
    expect(form).toMatchObject({
      会议类型: '支部党员大会',
      会议主题: '学习贯彻党章，开展批评与自我批评',
      主持人: '张伟',
      记录人: '王芳',
      应到人数: '3',
      实到人数: '2（其中迟到 1 人，补签 1 人）',
      缺席人员及原因: '张伟（参加市委党校培训）',
      纪实状态: '已完成',
    });
    expect(cells(wb, '出勤情况').slice(4)).toEqual([
      ['1', '张伟', '缺席', '参加市委党校培训'],
      ['2', '王芳', '迟到', ''],
      ['3', '李娜', '补签', '手机没电'],
    ]);
  });

  it('exports a branch’s year as a 三会一课台账, one row per meeting', async () => {
    const out = await expectOk(call('exportMinutes', { orgId: 'b1', year: Y }, PARTY_SECRETARY));
    expect(out.fileName).toBe(`市教育局机关第一党支部-${Y}年三会一课台账.xlsx`);
    const rows = cells(await readWorkbook(out.fileID), '三会一课台账').slice(3);
    const byKind = (kind: string) => rows.find((r) => r[2] === kind);
    expect(byKind('支部党员大会')?.slice(3)).toEqual([
      '学习贯彻党章，开展批评与自我批评',
      '张伟',
      '王芳',
      '3',
      '2',
      '张伟（参加市委党校培训）',
      '完整',
    ]);
    expect(byKind('党小组会')?.[9]).toBe('未录');
    expect(byKind('支委会')?.[9]).toBe('不完整');
  });

  it('exports only for managers, and asks for a meeting or a branch and year', async () => {
    await expectError(call('exportMinutes', { activityId: held }, MEMBER), 'PERMISSION_DENIED');
    await expectError(call('exportMinutes', { activityId: held }, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(call('exportMinutes', { orgId: 'b1', year: Y }, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(call('exportMinutes', { orgId: 'b1' }, SECRETARY), 'INVALID_ARGUMENT');
    await expectError(call('exportMinutes', {}, SECRETARY), 'INVALID_ARGUMENT');
  });
});

describe('民主评议', () => {
  let reviewId: string;
  const gradesFrom = (g: Record<string, string>) => Object.entries(g).map(([memberId, grade]) => ({ memberId, grade }));

  // Each test starts with no review and no ballot, and builds the stage of the year's review it checks.
  beforeEach(async () => {
    const db = sdkDb();
    for (const name of ['orglife_ballots', 'orglife_reviews'])
      for (const doc of await allDocs(name)) await db.collection(name).doc(doc._id).remove();
  });
  /** b1's review opened by its secretary, voting until an hour from now. */
  const opened = async () => {
    const open = { orgId: 'b1', year: Y, startAt: minutes(-1), endAt: minutes(60) };
    reviewId = (await expectOk(call('openReview', open, SECRETARY))).reviewId;
  };
  /** Opened, with 王芳's (MEMBER's) ballot in: the only one grading anyone 基本合格. */
  const withBallot = async () => {
    await opened();
    const grades = gradesFrom({ [ZHANG()]: '合格', [WANG()]: '优秀', [LI()]: '基本合格' });
    await expectOk(call('vote', { reviewId, grades }, MEMBER));
  };
  /** 李娜 votes too, and the secretary closes it. */
  const closed = async () => {
    await withBallot();
    const grades = gradesFrom({ [ZHANG()]: '合格', [WANG()]: '优秀', [LI()]: '合格' });
    await expectOk(call('vote', { reviewId, grades }, LI_OPENID));
    await expectOk(call('closeReview', { reviewId }, SECRETARY));
  };

  it('is opened by the branch secretary for the whole branch, once a year', async () => {
    const open = { orgId: 'b1', year: Y, startAt: minutes(-1), endAt: minutes(60) };
    await expectError(call('openReview', open, MEMBER), 'PERMISSION_DENIED');
    await expectError(call('openReview', open, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(call('openReview', open, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('openReview', open, undefined), 'UNAUTHENTICATED');
    await expectError(call('openReview', { ...open, orgId: 'p1' }, PARTY_SECRETARY), 'FAILED_PRECONDITION');
    await expectError(call('openReview', { ...open, endAt: minutes(-2) }, SECRETARY), 'INVALID_ARGUMENT');
    await expectError(call('openReview', { ...open, memberIds: [LIU()] }, SECRETARY), 'INVALID_ARGUMENT');
    reviewId = (await expectOk(call('openReview', open, SECRETARY))).reviewId;
    await expectError(call('openReview', open, PARTY_SECRETARY), 'ALREADY_EXISTS');
    expect(await allDocs('orglife_reviews')).toHaveLength(1);
  });

  it('gives each member of the branch the ballot form, and nobody else', async () => {
    await opened();
    const form = await expectOk(call('ballot', { reviewId }, MEMBER));
    expect(form).toMatchObject({ orgName: '市教育局机关第一党支部', year: Y, phase: 'open', voted: false });
    expect(form.candidates).toEqual([
      { memberId: ZHANG(), name: '张伟', self: false },
      { memberId: WANG(), name: '王芳', self: true },
      { memberId: LI(), name: '李娜', self: false },
    ]);
    await expectError(call('ballot', { reviewId }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('ballot', { reviewId }, PARTY_SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('ballot', { reviewId }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('ballot', { reviewId: 'nope' }, MEMBER), 'NOT_FOUND');
  });

  it('takes one ballot per voter in two reads and one write; voting again replaces it', async () => {
    await opened();
    const first = gradesFrom({ [ZHANG()]: '优秀', [WANG()]: '合格', [LI()]: '合格' });
    const { result, reads, writes } = await cloud.countOps(() => call('vote', { reviewId, grades: first }, MEMBER));
    expect(await expectOk(result)).toEqual({ replaced: false });
    expect({ reads, writes }).toEqual({ reads: 2, writes: 1 });
    const second = gradesFrom({ [ZHANG()]: '合格', [WANG()]: '优秀', [LI()]: '基本合格' });
    expect(await expectOk(call('vote', { reviewId, grades: second }, MEMBER))).toEqual({ replaced: true });
    expect(await allDocs('orglife_ballots')).toHaveLength(1);
  });

  it('stores a ballot with no voter, openid or time, under an id that does not name the voter', async () => {
    await withBallot();
    const [ballot] = await allDocs('orglife_ballots');
    expect(Object.keys(ballot).sort()).toEqual(['_id', 'grades', 'reviewId']);
    for (const secret of [WANG(), MEMBER, '王芳']) expect(JSON.stringify(ballot._id)).not.toContain(secret);
  });

  it('never hands a ballot back: the voter sees only that it is in', async () => {
    await withBallot();
    const form = await expectOk(call('ballot', { reviewId }, MEMBER));
    expect(form.voted).toBe(true);
    const mine = await expectOk(call('reviews', {}, MEMBER));
    expect(mine.reviews).toEqual([expect.objectContaining({ reviewId, voted: true, phase: 'open', electorate: 3 })]);
    const tally = await expectOk(call('tally', { reviewId }, SECRETARY));
    for (const body of [form, mine, tally]) {
      expect(JSON.stringify(body)).not.toMatch(/基本合格|"grades"/);
    }
    expect(tally.rows.every((r: { counts: unknown }) => r.counts === null)).toBe(true);
    expect(tally).toMatchObject({ phase: 'open', electorate: 3, voters: 1, required: 2, quorum: false });
  });

  it('refuses incomplete ballots and non-voters, writing nothing', async () => {
    await withBallot();
    await expectError(
      call('vote', { reviewId, grades: gradesFrom({ [ZHANG()]: '优秀' }) }, LI_OPENID),
      'INVALID_ARGUMENT',
    );
    const full = gradesFrom({ [ZHANG()]: '优秀', [WANG()]: '合格', [LI()]: '合格' });
    await expectError(
      call('vote', { reviewId, grades: [...full, { memberId: LIU(), grade: '优秀' }] }, LI_OPENID),
      'INVALID_ARGUMENT',
    );
    await expectError(call('vote', { reviewId, grades: full }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('vote', { reviewId, grades: full }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('vote', { reviewId, grades: full }, ADMIN), 'PERMISSION_DENIED');
    await expectError(
      call('vote', { reviewId, grades: [{ memberId: ZHANG(), grade: '良好' }] }, LI_OPENID),
      'INVALID_ARGUMENT',
    );
    expect(await allDocs('orglife_ballots')).toHaveLength(1);
  });

  it('hands no ballot back to anyone: every role through every read, and no client read of the collections', async () => {
    await withBallot();
    // The only ballot in is 王芳's (MEMBER), the only one grading anyone 基本合格: no answer may carry it.
    const reads = [
      ['reviews', {}],
      ['reviews', { orgId: 'b1' }],
      ['reviews', { orgId: 'p1' }],
      ['ballot', { reviewId }],
      ['tally', { reviewId }],
    ] as const;
    const roles = [
      MEMBER,
      LI_OPENID,
      OTHER,
      SECRETARY,
      SECRETARY_B2,
      PARTY_SECRETARY,
      ADMIN,
      HANDLER,
      PUBLIC,
      undefined,
    ];
    const answered = new Set<string>();
    for (const openid of roles)
      for (const [action, data] of reads) {
        const res = await call(action, data, openid);
        if (!res.ok) {
          expect([openid, action, res.error.code]).toEqual([
            openid,
            action,
            openid ? expect.stringMatching(/^(PERMISSION_DENIED|NOT_FOUND)$/) : 'UNAUTHENTICATED',
          ]);
          continue;
        }
        answered.add(`${openid}:${action}`);
        expect([openid, action, JSON.stringify(res.data)]).not.toEqual([
          openid,
          action,
          expect.stringMatching(/基本合格|"grades?"|member-1|王芳.*优秀/),
        ]);
      }
    // The voter, another member of the branch and the managers did get answers (so the check above looked at them).
    for (const key of [
      `${MEMBER}:ballot`,
      `${LI_OPENID}:ballot`,
      `${SECRETARY}:tally`,
      `${PARTY_SECRETARY}:tally`,
      `${ADMIN}:tally`,
    ])
      expect(answered).toContain(key);
    // No client (watch() in the mini-program, /api/watch here) may read ballots or the review holding the key.
    const { collections } = JSON.parse(readFileSync(join(__dirname, '../../database/collections.json'), 'utf8')) as {
      collections: Record<string, { clientRead?: string }>;
    };
    expect([collections.orglife_ballots?.clientRead, collections.orglife_reviews?.clientRead]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('shows the tally only to managers of the branch', async () => {
    await withBallot();
    await expectOk(call('tally', { reviewId }, PARTY_SECRETARY));
    await expectOk(call('tally', { reviewId }, ADMIN));
    for (const [openid, code] of [
      [MEMBER, 'PERMISSION_DENIED'],
      [OTHER, 'PERMISSION_DENIED'],
      [SECRETARY_B2, 'PERMISSION_DENIED'],
      [HANDLER, 'PERMISSION_DENIED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const)
      await expectError(call('tally', { reviewId }, openid), code);
    await expectError(call('closeReview', { reviewId }, MEMBER), 'PERMISSION_DENIED');
    await expectError(call('closeReview', { reviewId }, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(
      call('propose', { reviewId, results: [{ memberId: WANG(), grade: '合格' }] }, SECRETARY),
      'FAILED_PRECONDITION',
    );
  });

  it('lists reviews for managers by org, and for members their own branch', async () => {
    await withBallot();
    expect((await expectOk(call('reviews', { orgId: 'b1' }, PARTY_SECRETARY))).reviews).toEqual([
      expect.objectContaining({ reviewId, canManage: true, voted: null }),
    ]);
    await expectError(call('reviews', { orgId: 'b1' }, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(call('reviews', { orgId: 'b1' }, MEMBER), 'PERMISSION_DENIED');
    expect((await expectOk(call('reviews', {}, OTHER))).reviews).toEqual([]);
    await expectError(call('reviews', {}, PUBLIC), 'PERMISSION_DENIED');
  });

  it('after the close: no more ballots, the key is erased, counts per grade and the suggestion appear', async () => {
    await withBallot();
    await expectOk(
      call(
        'vote',
        { reviewId, grades: gradesFrom({ [ZHANG()]: '合格', [WANG()]: '优秀', [LI()]: '合格' }) },
        LI_OPENID,
      ),
    );
    await expectOk(call('closeReview', { reviewId }, SECRETARY));
    expect((await getDoc('orglife_reviews', reviewId))?.key).toBeNull();
    await expectError(
      call(
        'vote',
        { reviewId, grades: gradesFrom({ [ZHANG()]: '优秀', [WANG()]: '优秀', [LI()]: '优秀' }) },
        SECRETARY,
      ),
      'FAILED_PRECONDITION',
    );
    await expectError(call('closeReview', { reviewId }, SECRETARY), 'FAILED_PRECONDITION');
    const { result, reads, writes } = await cloud.countOps(() => call('tally', { reviewId }, SECRETARY));
    const tally = await expectOk(result);
    // Caller, review, the count and one grouping, whatever the number of ballots.
    expect({ reads, writes }).toEqual({ reads: 4, writes: 0 });
    expect(tally).toMatchObject({ phase: 'closed', voters: 2, required: 2, quorum: true });
    expect(tally.rows).toEqual([
      { memberId: ZHANG(), name: '张伟', counts: [0, 2, 0, 0], suggested: '合格', result: null, note: null },
      { memberId: WANG(), name: '王芳', counts: [2, 0, 0, 0], suggested: '优秀', result: null, note: null },
      { memberId: LI(), name: '李娜', counts: [0, 1, 1, 0], suggested: '基本合格', result: null, note: null },
    ]);
    // Once the key is gone nobody can tell whose ballot is whose, the voter included.
    expect((await expectOk(call('reviews', {}, MEMBER))).reviews[0]).toMatchObject({ voted: null, phase: 'closed' });
  });

  it('takes the secretary’s results: the suggestion as is, anything else with a note', async () => {
    await closed();
    await expectError(
      call('propose', { reviewId, results: [{ memberId: LI(), grade: '合格' }] }, SECRETARY),
      'INVALID_ARGUMENT',
    );
    await expectError(
      call('propose', { reviewId, results: [{ memberId: LIU(), grade: '合格' }] }, SECRETARY),
      'INVALID_ARGUMENT',
    );
    await expectError(
      call('propose', { reviewId, results: [{ memberId: WANG(), grade: '优秀' }] }, MEMBER),
      'PERMISSION_DENIED',
    );
    const results = [
      { memberId: ZHANG(), grade: '合格' },
      { memberId: WANG(), grade: '优秀' },
      { memberId: LI(), grade: '合格', note: '支部党员大会讨论：全年出勤良好' },
    ];
    expect(await expectOk(call('propose', { reviewId, results }, SECRETARY))).toEqual({ saved: 3 });
    const tally = await expectOk(call('tally', { reviewId }, ADMIN));
    expect(tally.rows.map((r) => [r.result, r.note])).toEqual([
      ['合格', null],
      ['优秀', null],
      ['合格', '支部党员大会讨论：全年出勤良好'],
    ]);
    expect((await expectOk(call('reviews', { orgId: 'b1' }, SECRETARY))).reviews[0].proposed).toBe(true);
  });

  it('feeds 评星定级: the proposed results are the members’ 民主评议, over a grade entered by hand', async () => {
    await closed();
    const results = [
      { memberId: ZHANG(), grade: '合格' },
      { memberId: WANG(), grade: '优秀' },
      { memberId: LI(), grade: '合格', note: '支部党员大会讨论：全年出勤良好' },
    ];
    await expectOk(call('propose', { reviewId, results }, SECRETARY));
    await expectOk(
      cloud.call(
        'points',
        'evaluate',
        { orgId: 'b1', year: Y, reviews: [{ memberId: WANG(), grade: '不合格' }] },
        SECRETARY,
      ),
    );
    const stars = await expectOk(cloud.call('points', 'stars', { orgId: 'b1', year: Y }, SECRETARY));
    const byName = (name: string) => stars.rows.find((r: { name: string }) => r.name === name);
    expect(byName('王芳')).toMatchObject({ review: '优秀', reviewFromBallot: true, stars: 2 });
    expect(byName('李娜')).toMatchObject({ review: '合格', reviewNote: '支部党员大会讨论：全年出勤良好' });
  });

  it('refuses results when fewer than two thirds voted', async () => {
    const { reviewId: b2 } = await expectOk(
      call('openReview', { orgId: 'b2', year: Y, startAt: minutes(-1), endAt: minutes(60) }, SECRETARY_B2),
    );
    const form = await expectOk(call('ballot', { reviewId: b2 }, OTHER));
    await expectOk(
      call(
        'vote',
        {
          reviewId: b2,
          grades: form.candidates.map((c: { memberId: string }) => ({ memberId: c.memberId, grade: '合格' })),
        },
        OTHER,
      ),
    );
    await expectOk(call('closeReview', { reviewId: b2 }, ADMIN));
    const tally = await expectOk(call('tally', { reviewId: b2 }, SECRETARY_B2));
    expect(tally).toMatchObject({ voters: 1, electorate: 3, required: 2, quorum: false });
    await expectError(
      call('propose', { reviewId: b2, results: [{ memberId: LIU(), grade: '合格' }] }, SECRETARY_B2),
      'FAILED_PRECONDITION',
    );
  });

  it('does not take ballots before the window opens', async () => {
    const { reviewId: later } = await expectOk(
      call('openReview', { orgId: 'b3', year: Y, startAt: minutes(60), endAt: minutes(120) }, ADMIN),
    );
    expect(later).toBe(`${Y}:b3`);
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[6].name, phone: ROSTER[6].phone }, 'member-b3'));
    const form = await expectOk(call('ballot', { reviewId: later }, 'member-b3'));
    expect(form).toMatchObject({ phase: 'upcoming', voted: false });
    const grades = form.candidates.map((c: { memberId: string }) => ({ memberId: c.memberId, grade: '合格' }));
    await expectError(call('vote', { reviewId: later, grades }, 'member-b3'), 'FAILED_PRECONDITION');
    // The test starts with no ballot (beforeEach): the refused one wrote none.
    expect(await allDocs('orglife_ballots')).toHaveLength(0);
  });
});
