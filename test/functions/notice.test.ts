// The `notice` function over the local cloud: 通知公告 (publish, inbox, open once, 确认收到, the sender's read list and
// reminders) and 学习资料 (articles, reading timed on the server, points within the daily cap), every action against
// every role, with the database cost of the views members and senders open most.
import { readSubscribeMessages } from '../../emulator/openapi';
import { POINTS_CONFIG } from '@/domain/points';
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
} from './support';
import type { ActionName } from '@/domain/api';

/** A bound member of b2, and b2's secretary. */
const OTHER = 'member-b2';
const SECRETARY_B2 = 'sec-b2';
const TEMPLATE = 'tmpl-notice-remind';

let cloud: TestCloud;
const memberIds: Record<string, string> = {};
beforeAll(async () => {
  process.env.NOTICE_REMIND_TEMPLATE_ID = TEMPLATE;
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[3].name, phone: ROSTER[3].phone }, OTHER));
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B2, role: 'secretary', scopeId: 'b2' }, ADMIN));
  for (const openid of [MEMBER, SECRETARY, OTHER]) {
    memberIds[openid] = (await expectOk(cloud.call('user', 'login', {}, openid))).member!.memberId;
  }
});
afterAll(async () => {
  delete process.env.NOTICE_REMIND_TEMPLATE_ID;
  await cloud.close();
});

const call = <A extends ActionName<'notice'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('notice', action, data, openid);
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const FILE = 'cloud://local.bucket/notice/20200701/plan.pdf';

async function publishTo(orgIds: string[], by = ADMIN, extra: Record<string, unknown> = {}): Promise<string> {
  const { noticeId } = await expectOk(
    call(
      'publish',
      { title: '关于开展七一主题党日活动的通知', body: '请各支部于7月1日前组织开展。', orgIds, ...extra },
      by,
    ),
  );
  return noticeId;
}

describe('notice.publish', () => {
  it('sends to the chosen orgs and everything below them, one receipt per member, in roster order', async () => {
    const { result, reads, writes } = await cloud.countOps(() =>
      call(
        'publish',
        {
          title: '关于做好2020年度党费收缴工作的通知',
          body: '各党支部：请于本月底前完成党费收缴。',
          orgIds: ['p1'],
          attachments: [{ fileID: FILE, name: '党费收缴标准.pdf' }],
          confirmBy: hours(48),
        },
        ADMIN,
      ),
    );
    const data = await expectOk(Promise.resolve(result));
    expect(data).toEqual({ noticeId: expect.stringMatching(/^n_/), expected: 6, duplicate: false });
    // caller, directory, one roster page; one insert of the receipts, one of the notice.
    expect({ reads, writes }).toEqual({ reads: 3, writes: 2 });
    const notice = await getDoc('notices', data.noticeId);
    expect(notice).toMatchObject({
      orgIds: ['p1'],
      audienceOrgIds: ['p1', 'b1', 'b2'],
      managerOrgIds: ['p1', 'gw'],
      senderName: '机关工委',
      expected: 6,
      read: 0,
      confirmed: 0,
    });
    const rows = (await allDocs('notice_receipts')).filter((r) => r.noticeId === data.noticeId);
    expect(rows.sort((a, b) => Number(a.order) - Number(b.order)).map((r) => r.name)).toEqual(
      ROSTER.slice(0, 6).map((m) => m.name),
    );
  });

  it('lets a secretary send within the own org only, named after it', async () => {
    const noticeId = await publishTo(['b1'], SECRETARY);
    expect(await getDoc('notices', noticeId)).toMatchObject({ senderName: '市教育局机关第一党支部', expected: 3 });
    await expectError(call('publish', { title: '通知', body: '内容', orgIds: ['b2'] }, SECRETARY), 'PERMISSION_DENIED');
    expect(await publishTo(['b1', 'b2'], PARTY_SECRETARY)).toMatch(/^n_/);
  });

  it.each([
    [HANDLER, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s)', async (openid, code) => {
    await expectError(call('publish', { title: '通知', body: '内容', orgIds: ['b1'] }, openid), code);
  });

  it('rejects bad input with a Chinese message and writes nothing', async () => {
    const before = (await allDocs('notice_receipts')).length;
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ orgIds: ['nowhere'] }, 'NOT_FOUND', /组织不存在/],
      [
        { attachments: [{ fileID: 'cloud://local.bucket/hotline/o1/a.jpg', name: 'a.jpg' }] },
        'INVALID_ARGUMENT',
        /附件/,
      ],
      [{ confirmBy: '2020-07-01T09:00:00+08:00' }, 'INVALID_ARGUMENT', /确认截止时间/],
      [{ title: '' }, 'INVALID_ARGUMENT', /通知标题/],
      [{ orgIds: [] }, 'INVALID_ARGUMENT', /发送范围/],
      [{ extra: 1 }, 'INVALID_ARGUMENT', /extra/],
    ];
    for (const [patch, code, message] of bad) {
      const e = await expectError(
        call('publish', { title: '通知', body: '内容', orgIds: ['b1'], ...patch }, ADMIN),
        code,
      );
      expect(e.message).toMatch(message);
    }
    expect((await allDocs('notice_receipts')).length).toBe(before);
  });

  it('sends a retried request once', async () => {
    // b1, whose three members no test changes (one test adds a member to b3).
    const req = { title: '重复提交的通知', body: '内容', orgIds: ['b1'], requestId: 'req-notice-0001' };
    const first = await expectOk(call('publish', req, ADMIN));
    const again = await expectOk(call('publish', req, ADMIN));
    expect(again).toEqual({ noticeId: first.noticeId, expected: 3, duplicate: true });
    expect((await allDocs('notice_receipts')).filter((r) => r.noticeId === first.noticeId)).toHaveLength(3);
    // Someone else's request id is not a way to see their notice.
    await expectError(call('publish', req, SECRETARY), 'ALREADY_EXISTS');
  });
});

describe('notice.inbox, open and confirm', () => {
  let noticeId: string;
  beforeAll(async () => {
    noticeId = await publishTo(['b1'], SECRETARY, { confirmBy: hours(24) });
  });

  it("shows a member their orgs' notices, newest first, with the unread marked, in three reads", async () => {
    // 李娜 of b1, who opens nothing in any test, and the newest notice.
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[2].name, phone: ROSTER[2].phone }, 'member-li'));
    const noticeId = await publishTo(['b1'], SECRETARY, { confirmBy: hours(24) });
    const { result, reads, writes } = await cloud.countOps(() => call('inbox', {}, 'member-li'));
    const data = await expectOk(Promise.resolve(result));
    expect(data.notices[0]).toMatchObject({
      noticeId,
      read: false,
      reminded: false,
      confirmState: 'pending',
      senderName: '市教育局机关第一党支部',
    });
    expect(data.unread).toBe(data.notices.length);
    // caller, member, notices page, receipts of the page.
    expect({ reads, writes }).toEqual({ reads: 4, writes: 0 });
  });

  it('shows nothing of another branch, and an empty inbox to the public', async () => {
    const other = await expectOk(call('inbox', {}, OTHER));
    expect(other.notices.map((n: { noticeId: string }) => n.noticeId)).not.toContain(noticeId);
    expect(await expectOk(call('inbox', {}, PUBLIC))).toEqual({ notices: [], unread: 0, hasMore: false });
    await expectError(call('inbox', {}), 'UNAUTHENTICATED');
    await expectError(call('open', { noticeId }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('open', { noticeId }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('open', { noticeId: 'n_missing' }, MEMBER), 'NOT_FOUND');
  });

  it('records the read on the first open only, and counts it once even when opened twice at once', async () => {
    const noticeId = await publishTo(['b1'], SECRETARY, { confirmBy: hours(24) });
    const first = await cloud.countOps(() => call('open', { noticeId }, MEMBER));
    expect(await expectOk(Promise.resolve(first.result))).toMatchObject({
      noticeId,
      read: true,
      recipient: true,
      canManage: false,
      body: '请各支部于7月1日前组织开展。',
      readAt: expect.stringMatching(/\+08:00$/),
    });
    // caller, notice, member, receipt; the receipt and the counter.
    expect({ reads: first.reads, writes: first.writes }).toEqual({ reads: 4, writes: 2 });
    const again = await cloud.countOps(() => call('open', { noticeId }, MEMBER));
    expect({ reads: again.reads, writes: again.writes }).toEqual({ reads: 4, writes: 0 });
    await Promise.all([call('open', { noticeId }, SECRETARY), call('open', { noticeId }, SECRETARY)]);
    expect(await getDoc('notices', noticeId)).toMatchObject({ read: 2, expected: 3 });
    const inbox = await expectOk(call('inbox', {}, MEMBER));
    expect(inbox.notices.find((n: { noticeId: string }) => n.noticeId === noticeId)!.read).toBe(true);
  });

  it('lets a manager read it without counting as a reader', async () => {
    const noticeId = await publishTo(['b1'], SECRETARY, { confirmBy: hours(24) });
    await expectOk(call('open', { noticeId }, MEMBER));
    await expectOk(call('open', { noticeId }, SECRETARY));
    const view = await expectOk(call('open', { noticeId }, PARTY_SECRETARY));
    expect(view).toMatchObject({ recipient: false, canManage: true, read: false });
    expect(await getDoc('notices', noticeId)).toMatchObject({ read: 2 });
  });

  it('records 确认收到 once, and only where the notice asks for it', async () => {
    expect(await expectOk(call('confirm', { noticeId }, MEMBER))).toEqual({
      confirmState: 'confirmed',
      duplicate: false,
    });
    expect(await expectOk(call('confirm', { noticeId }, MEMBER))).toEqual({
      confirmState: 'confirmed',
      duplicate: true,
    });
    expect(await getDoc('notices', noticeId)).toMatchObject({ confirmed: 1 });
    await expectError(call('confirm', { noticeId }, OTHER), 'PERMISSION_DENIED');
    const plain = await publishTo(['b1']);
    await expectError(call('confirm', { noticeId: plain }, MEMBER), 'FAILED_PRECONDITION');
  });

  it('gives a member who joined after publication a receipt on the first open', async () => {
    const late = await publishTo(['b3']);
    await expectOk(
      cloud.call('org', 'importMembers', { rows: [{ name: '孙丽', phone: '13900000304', orgId: 'b3' }] }, ADMIN),
    );
    await expectOk(cloud.call('user', 'bind', { name: '孙丽', phone: '13900000304' }, 'member-late'));
    await expectOk(call('open', { noticeId: late }, 'member-late'));
    expect(await getDoc('notices', late)).toMatchObject({ read: 1, expected: 4 });
  });
});

describe('notice.sent, receipts, remind and subscribe', () => {
  let noticeId: string;
  beforeAll(async () => {
    noticeId = await publishTo(['b1', 'b2']);
    await expectOk(call('open', { noticeId }, MEMBER));
  });

  it('lists the notices each sender manages', async () => {
    const ids = async (openid: string) =>
      (await expectOk(call('sent', {}, openid))).notices.map((n: { noticeId: string }) => n.noticeId);
    expect(await ids(ADMIN)).toContain(noticeId);
    expect(await ids(PARTY_SECRETARY)).toContain(noticeId);
    // Sent to two branches: neither branch's secretary manages it.
    expect(await ids(SECRETARY)).not.toContain(noticeId);
    await expectError(call('sent', {}, MEMBER), 'PERMISSION_DENIED');
    await expectError(call('sent', {}, HANDLER), 'PERMISSION_DENIED');
  });

  it('pages the read and the unread with the counters from the notice, in three reads', async () => {
    const unread = await cloud.countOps(() => call('receipts', { noticeId, status: 'unread' }, PARTY_SECRETARY));
    const data = await expectOk(Promise.resolve(unread.result));
    expect(data.notice).toMatchObject({ noticeId, expected: 6, read: 1, readRate: 17 });
    expect(data.rows.map((r: { name: string }) => r.name)).toEqual(['张伟', '李娜', '刘洋', '陈静', '杨帆']);
    expect(data.hasMore).toBe(false);
    expect({ reads: unread.reads, writes: unread.writes }).toEqual({ reads: 3, writes: 0 });
    const read = await expectOk(call('receipts', { noticeId, status: 'read' }, ADMIN));
    expect(read.rows).toEqual([
      {
        memberId: memberIds[MEMBER],
        name: '王芳',
        orgId: 'b1',
        readAt: expect.any(String),
        confirmState: 'not-asked',
        remindedAt: null,
      },
    ]);
    await expectError(call('receipts', { noticeId, status: 'read' }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('receipts', { noticeId, status: 'read' }, SECRETARY_B2), 'PERMISSION_DENIED');
    await expectError(call('receipts', { noticeId, status: 'read' }, MEMBER), 'PERMISSION_DENIED');
  });

  it('counts subscribe credits for bound members only', async () => {
    // 王芳 (MEMBER): the reminder test gives 刘洋 (OTHER) the credit it spends.
    expect(await expectOk(call('subscribe', { accepted: true }, MEMBER))).toEqual({ credits: 1 });
    expect(await expectOk(call('subscribe', { accepted: false }, MEMBER))).toEqual({ credits: 1 });
    await expectError(call('subscribe', { accepted: true }, PUBLIC), 'PERMISSION_DENIED');
  });

  it('reminds the unread once an hour: marks them, and messages those who allowed it', async () => {
    // 刘洋 allowed one message; the other four unread did not.
    expect(await expectOk(call('subscribe', { accepted: true }, OTHER))).toEqual({ credits: 1 });
    const data = await expectOk(call('remind', { noticeId }, ADMIN));
    expect(data).toMatchObject({ unread: 5, messaged: 1, withoutSubscription: 4 });
    const messages = readSubscribeMessages(cloud.dataDir).filter((m) => m.page?.includes(noticeId));
    expect(messages).toEqual([
      expect.objectContaining({ touser: OTHER, templateId: TEMPLATE, page: `notice/detail/index?id=${noticeId}` }),
    ]);
    expect(await getDoc('notice_subscriptions', OTHER)).toMatchObject({ credits: 0 });
    const inbox = await expectOk(call('inbox', {}, OTHER));
    expect(inbox.notices.find((n: { noticeId: string }) => n.noticeId === noticeId)).toMatchObject({ reminded: true });
    const e = await expectError(call('remind', { noticeId }, PARTY_SECRETARY), 'RESOURCE_EXHAUSTED');
    expect(e.message).toMatch(/一小时内只能提醒一次/);
    await expectError(call('remind', { noticeId }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('remind', { noticeId }, MEMBER), 'PERMISSION_DENIED');
  });
});

describe('学习资料: articles and reading', () => {
  // 420 characters (63 s) and a captioned picture (4 characters, 5 s): 69 s.
  const blocks = [
    { type: 'text', text: '坚持把党的政治建设摆在首位。'.repeat(30) },
    { type: 'image', fileID: '', caption: '主题党日' },
  ];
  beforeAll(async () => {
    const cloudPath = 'study/20200701/a.png';
    blocks[1].fileID = (await sdk().uploadFile({ cloudPath, fileContent: Buffer.from([0x89, 0x50]) })).fileID;
  });
  const save = (extra: Record<string, unknown> = {}, by = ADMIN) =>
    call('saveArticle', { category: '工作要点', title: '深化思想引领', blocks, ...extra }, by);
  const backdate = (openid: string, seconds: number) =>
    sdkDb()
      .collection('study_sessions')
      .doc(memberIds[openid])
      .update({ data: { openedAt: new Date(Date.now() - seconds * 1000) } });

  it('lets only the admin save and remove articles, with pictures from the study folder', async () => {
    const { articleId } = await expectOk(save());
    expect(await getDoc('articles', articleId)).toMatchObject({ requiredSeconds: 69, summary: expect.any(String) });
    await expectError(save({}, SECRETARY), 'PERMISSION_DENIED');
    await expectError(save({}, MEMBER), 'PERMISSION_DENIED');
    const wrong = [{ type: 'image', fileID: 'cloud://local.bucket/hotline/o1/a.jpg' }];
    expect((await expectError(save({ blocks: wrong }), 'INVALID_ARGUMENT')).message).toMatch(/学习资料目录/);
    await expectError(save({ category: '娱乐' }), 'INVALID_ARGUMENT');
    await expectOk(call('removeArticle', { articleId }, ADMIN));
    await expectError(call('removeArticle', { articleId }, ADMIN), 'NOT_FOUND');
    await expectError(call('removeArticle', { articleId }, SECRETARY), 'PERMISSION_DENIED');
  });

  it('lists articles by category, newest first, with the learnt ones marked', async () => {
    await expectOk(save({ articleId: 'art-list-1', title: '党规党纪一', category: '党规党纪' }));
    await expectOk(save({ articleId: 'art-list-2', title: '工作要点一' }));
    const { result, reads } = await cloud.countOps(() => call('articles', { category: '党规党纪' }, MEMBER));
    const data = await expectOk(Promise.resolve(result));
    expect(data.articles.map((a: { title: string }) => a.title)).toEqual(['党规党纪一']);
    expect(data.articles[0]).toMatchObject({ learned: false, requiredSeconds: 69 });
    // caller, page, learnt records of the page.
    expect(reads).toBe(3);
    const all = await expectOk(call('articles', {}, PUBLIC));
    expect(all.articles.map((a: { articleId: string }) => a.articleId).slice(0, 2)).toEqual([
      'art-list-2',
      'art-list-1',
    ]);
    await expectError(call('articles', {}), 'UNAUTHENTICATED');
  });

  it('credits a reading only after the required time on the server, once per article', async () => {
    const { articleId } = await expectOk(save({ title: '计时阅读' }));
    const opened = await expectOk(call('article', { articleId }, MEMBER));
    expect(opened).toMatchObject({ timing: true, learned: false, points: 1, dailyCap: POINTS_CONFIG.dailyCaps.study });
    expect(opened.blocks[1]).toMatchObject({ type: 'image', caption: '主题党日', url: expect.any(String) });

    const early = await expectOk(call('finishReading', { articleId }, MEMBER));
    expect(early).toMatchObject({ status: 'too-short', awarded: 0 });
    expect(early.remainingSeconds).toBeGreaterThan(60);

    await backdate(MEMBER, 80);
    const { result, reads, writes } = await cloud.countOps(() => call('finishReading', { articleId }, MEMBER));
    expect(await expectOk(Promise.resolve(result))).toMatchObject({ status: 'credited', awarded: 1 });
    // caller, session, member; the record; the ledger's transaction (entry and day counter: 2 reads, 2 writes).
    expect({ reads, writes }).toEqual({ reads: 5, writes: 3 });
    expect(await getDoc('points', `points:study:${articleId}:${memberIds[MEMBER]}`)).toMatchObject({
      points: 1,
      orgId: 'b1',
    });

    expect(await expectOk(call('finishReading', { articleId }, MEMBER))).toMatchObject({
      status: 'already',
      awarded: 0,
    });
    const reopened = await expectOk(call('article', { articleId }, MEMBER));
    expect(reopened).toMatchObject({ learned: true, timing: false });
  });

  it('counts one article at a time: opening another restarts the clock', async () => {
    const a = (await expectOk(save({ title: '甲' }))).articleId;
    const b = (await expectOk(save({ title: '乙' }))).articleId;
    await expectOk(call('article', { articleId: a }, OTHER));
    await backdate(OTHER, 200);
    await expectOk(call('article', { articleId: b }, OTHER));
    await expectError(call('finishReading', { articleId: a }, OTHER), 'FAILED_PRECONDITION');
    expect(await expectOk(call('finishReading', { articleId: b }, OTHER))).toMatchObject({ status: 'too-short' });
  });

  it('lets others read without points, and stops at the daily cap', async () => {
    const { articleId } = await expectOk(save({ title: '公开阅读' }));
    expect(await expectOk(call('article', { articleId }, PUBLIC))).toMatchObject({ timing: false, learned: false });
    await expectError(call('finishReading', { articleId }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('finishReading', { articleId }, SECRETARY), 'FAILED_PRECONDITION');

    const cap = POINTS_CONFIG.dailyCaps.study ?? 0;
    const awarded: number[] = [];
    for (let i = 0; i <= cap; i++) {
      const id = (await expectOk(save({ title: `上限${i}` }))).articleId;
      await expectOk(call('article', { articleId: id }, SECRETARY));
      await backdate(SECRETARY, 100);
      awarded.push((await expectOk(call('finishReading', { articleId: id }, SECRETARY))).awarded);
    }
    expect(awarded).toEqual([...Array(cap).fill(1), 0]);
  });
});
