// The `hotline` function over the local cloud: submitting (content check, photos, daily limit, numbering under
// concurrency), the whole workflow and its illegal steps, who may read and do what, the public board's masking,
// statistics from counters, the timer's overdue marking and 催办 reminders, and database operations per call.
import { readSubscribeMessages } from '../../emulator/openapi';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk, startTestGateway } from '../helpers/cloud';
import { ADMIN, allDocs, getDoc, HANDLER, MEMBER, PUBLIC, sdk, seedBasic, seedRoles } from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'hotline'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('hotline', action, data, openid);

const OTHER = 'public-2';
const HANDLER_D2 = 'handler-d2';
const PHONE = '13912345678';
const ID_CARD = '110101199003071234';

const appeal = (extra: Record<string, unknown> = {}) => ({
  category: '求助',
  title: '幸福路路灯不亮',
  content: `我叫王小明，住幸福路12号3栋501室，电话${PHONE}，身份证${ID_CARD}，小区门口路灯坏了一周。`,
  departmentId: 'd1',
  contactName: '王小明',
  contactPhone: PHONE,
  isPublic: true,
  ...extra,
});

/** Uploads a photo as a cloud function would (the server-side SDK) and returns its fileID. */
async function uploadPhoto(name: string, content: Buffer = Buffer.from([0xff, 0xd8, 0xff])): Promise<string> {
  return (await sdk().uploadFile({ cloudPath: `hotline/${PUBLIC}/${name}`, fileContent: content })).fileID;
}

async function submit(openid = PUBLIC, extra: Record<string, unknown> = {}) {
  return expectOk(call('submit', appeal(extra), openid));
}

/** A ticket submitted by PUBLIC and assigned to d1. */
async function assigned(extra: Record<string, unknown> = {}, who = PUBLIC): Promise<string> {
  const { ticketId } = await submit(who, extra);
  await expectOk(call('assign', { ticketId, departmentId: 'd1' }, ADMIN));
  return ticketId;
}

async function replied(extra: Record<string, unknown> = {}, who = PUBLIC): Promise<string> {
  const ticketId = await assigned(extra, who);
  await expectOk(call('reply', { ticketId, content: `已联系王小明（${PHONE}），路灯已于今日修复。` }, HANDLER));
  return ticketId;
}

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd2', name: '市住建局' }, ADMIN));
  await expectOk(cloud.call('org', 'grantRole', { openid: HANDLER_D2, role: 'handler', scopeId: 'd2' }, ADMIN));
});
afterEach(() => cloud.close());

describe('hotline.submit', () => {
  it('stores a ticket with a readable number, a deadline in working days and the first timeline step', async () => {
    const r = await submit();
    expect(r.ticketNo).toMatch(/^MS\d{8}-0001$/);
    expect(r.dueAt).toMatch(/T23:59:59\+08:00$/);
    expect(r.flagged).toBe(false);
    const second = await submit(OTHER);
    expect(second.ticketNo).toBe(r.ticketNo.replace(/0001$/, '0002'));
    const t = await expectOk(call('get', { ticketId: r.ticketId }, PUBLIC));
    expect(t).toMatchObject({
      ticketNo: r.ticketNo,
      status: 'submitted',
      statusName: '待受理',
      category: '求助',
      contactName: '王小明',
      contactPhone: PHONE,
      requestedDepartmentId: 'd1',
      departmentId: null,
      dueAt: r.dueAt,
      overdue: false,
    });
    expect(t.timeline).toEqual([
      {
        event: 'submit',
        eventName: '提交诉求',
        status: 'submitted',
        actor: 'submitter',
        actorName: '诉求人',
        note: null,
        at: expect.stringMatching(/\+08:00$/),
      },
    ]);
    expect(t.can).toMatchObject({
      withdraw: true,
      rate: false,
      reopen: false,
      accept: false,
      assign: false,
      reject: false,
      reply: false,
      close: false,
      subscribe: true,
      merge: false,
      answer: false,
    });
    expect(t.openid).toBeUndefined();
  });

  it('refuses risky text with a clear message and stores nothing', async () => {
    const e = await expectError(call('submit', appeal({ content: '有人在小区出售枪支' }), PUBLIC), 'INVALID_ARGUMENT');
    expect(e.message).toBe('诉求内容含有不适宜的内容，请修改后再提交');
    expect(await allDocs('hotline_tickets')).toEqual([]);
  });

  it('accepts text WeChat wants reviewed, flagged for an admin, and keeps it off the public board', async () => {
    const words = require('node:fs').readFileSync(
      require.resolve('../../emulator/sensitive-words.txt'),
      'utf8',
    ) as string;
    const review = words
      .split('\n')
      .find((l) => l.startsWith('review '))!
      .split(/\s+/)
      .slice(2)
      .join('');
    const r = await submit(PUBLIC, { content: `反映问题：${review}` });
    expect(r.flagged).toBe(true);
    const { tickets } = await expectOk(call('triage', {}, ADMIN));
    expect(tickets.find((t: { ticketId: string }) => t.ticketId === r.ticketId)!.flagged).toBe(true);
  });

  it('takes up to 6 photos uploaded to the hotline folder and refuses others', async () => {
    const photos = await Promise.all(['a.jpg', 'b.png'].map((n) => uploadPhoto(n)));
    const { ticketId } = await submit(PUBLIC, { photos });
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).photos.map((p: { fileID: string }) => p.fileID)).toEqual(
      photos,
    );
    const seven = Array.from({ length: 7 }, (_, i) => photos[0].replace('a.jpg', `p${i}.jpg`));
    expect((await expectError(call('submit', appeal({ photos: seven }), PUBLIC), 'INVALID_ARGUMENT')).message).toMatch(
      /最多 6 项/,
    );
    const outside = (await sdk().uploadFile({ cloudPath: 'imports/x.jpg', fileContent: Buffer.from('x') })).fileID;
    expect((await expectError(call('submit', appeal({ photos: [outside] }), PUBLIC), 'INVALID_ARGUMENT')).message).toBe(
      '第 1 张照片不是上传到诉求目录的图片',
    );
  });

  it('validates the input and the department', async () => {
    await expectError(call('submit', appeal({ category: '催办' }), PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('submit', appeal({ contactPhone: '12345' }), PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('submit', appeal({ title: '' }), PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('submit', appeal({ extra: 1 }), PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('submit', appeal({ departmentId: 'nope' }), PUBLIC), 'NOT_FOUND');
    await expectError(call('submit', appeal()), 'UNAUTHENTICATED');
  });

  it('limits a person to 5 tickets a day without using up ticket numbers', async () => {
    for (let i = 0; i < 5; i++) await submit(PUBLIC);
    const e = await expectError(call('submit', appeal(), PUBLIC), 'RESOURCE_EXHAUSTED');
    expect(e.message).toBe('每人每天最多提交 5 件诉求，请明天再试');
    expect((await submit(OTHER)).ticketNo).toMatch(/-0006$/);
  });

  it('gives 300 concurrent submissions 300 distinct, gap-free numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        call('submit', appeal({ contactName: undefined, contactPhone: undefined }), `crowd-${i}`),
      ),
    );
    const numbers = results.map((r) => {
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.data.ticketNo as string;
    });
    const seqs = numbers.map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(300);
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await allDocs('hotline_tickets')).toHaveLength(300);
  }, 120_000);
});

describe('the workflow', () => {
  it('runs submitted -> accepted -> assigned -> replied -> rated -> closed with who and when on the timeline', async () => {
    const { ticketId } = await submit();
    expect(await expectOk(call('accept', { ticketId, note: '属实' }, ADMIN))).toEqual({ ticketId, status: 'accepted' });
    expect(await expectOk(call('assign', { ticketId, departmentId: 'd1' }, ADMIN))).toEqual({
      ticketId,
      status: 'assigned',
    });
    const r = await expectOk(call('reply', { ticketId, content: '已修复' }, HANDLER));
    expect(r).toEqual({ ticketId, status: 'replied', onTime: true });
    expect(await expectOk(call('rate', { ticketId, score: 5, comment: '很及时' }, PUBLIC))).toEqual({
      ticketId,
      status: 'closed',
    });
    const t = await expectOk(call('get', { ticketId }, ADMIN));
    expect(t.timeline.map((e: { event: string; actor: string }) => `${e.event}:${e.actor}`)).toEqual([
      'submit:submitter',
      'accept:admin',
      'assign:admin',
      'reply:handler',
      'rate:submitter',
      'close:system',
    ]);
    expect(t.timeline[2]).toMatchObject({ actorName: '机关工委', by: ADMIN, note: '交办至市教育局' });
    expect(t.timeline[3]).toMatchObject({ actorName: '市教育局', by: HANDLER });
    expect(t.replies).toEqual([
      {
        content: '已修复',
        departmentName: '市教育局',
        at: expect.stringMatching(/\+08:00$/),
        onTime: true,
        photos: [],
      },
    ]);
    expect(t.ratings).toEqual([{ score: 5, comment: '很及时', at: expect.stringMatching(/\+08:00$/) }]);
    expect(t.openid).toBe(PUBLIC);
    const stored = await getDoc('hotline_tickets', ticketId);
    for (const list of ['timeline', 'replies', 'ratings'])
      for (const e of stored![list] as Array<{ at: unknown }>) expect(e.at).toBeInstanceOf(Date);
  });

  it('re-opens once after a poor rating, gets a second answer and one follow-up rating', async () => {
    const ticketId = await replied();
    expect(await expectOk(call('rate', { ticketId, score: 1 }, PUBLIC))).toEqual({ ticketId, status: 'rated' });
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).can).toMatchObject({ reopen: true, rate: false });
    expect(await expectOk(call('reopen', { ticketId, reason: '路灯又坏了' }, PUBLIC))).toEqual({
      ticketId,
      status: 'assigned',
    });
    const { tickets } = await expectOk(call('queue', {}, HANDLER));
    expect(tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketId]);
    await expectOk(call('reply', { ticketId, content: '已更换灯具' }, HANDLER));
    expect(await expectOk(call('rate', { ticketId, score: 2 }, PUBLIC))).toEqual({ ticketId, status: 'closed' });
    await expectError(call('reopen', { ticketId, reason: '还是不行' }, PUBLIC), 'FAILED_PRECONDITION');
    await expectError(call('rate', { ticketId, score: 5 }, PUBLIC), 'FAILED_PRECONDITION');
    const { departments } = await expectOk(call('stats', {}));
    expect(departments.find((d: { departmentId: string }) => d.departmentId === 'd1')).toMatchObject({
      received: 1,
      replied: 1,
      averageScore: 2,
      satisfaction: 0,
    });
  });

  it('does not re-open after a good first rating, and an admin closes a poorly rated ticket', async () => {
    const good = await replied();
    await expectOk(call('rate', { ticketId: good, score: 4 }, PUBLIC));
    await expectError(call('reopen', { ticketId: good, reason: '再看看' }, PUBLIC), 'FAILED_PRECONDITION');
    const poor = await replied();
    await expectOk(call('rate', { ticketId: poor, score: 2 }, PUBLIC));
    expect(await expectOk(call('close', { ticketId: poor }, ADMIN))).toEqual({ ticketId: poor, status: 'closed' });
  });

  it('rejects with a reason, and lets the submitter withdraw before a reply only', async () => {
    const { ticketId } = await submit();
    await expectError(call('reject', { ticketId }, ADMIN), 'INVALID_ARGUMENT');
    await expectOk(call('reject', { ticketId, reason: '不属于受理范围' }, ADMIN));
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t).toMatchObject({ status: 'rejected', rejectReason: '不属于受理范围' });
    await expectError(call('assign', { ticketId, departmentId: 'd1' }, ADMIN), 'FAILED_PRECONDITION');

    const w = await assigned();
    expect(await expectOk(call('withdraw', { ticketId: w, reason: '已自行解决' }, PUBLIC))).toEqual({
      ticketId: w,
      status: 'withdrawn',
    });
    await expectError(call('reply', { ticketId: w, content: '答复' }, HANDLER), 'FAILED_PRECONDITION');
    const r = await replied();
    await expectError(call('withdraw', { ticketId: r }, PUBLIC), 'FAILED_PRECONDITION');
  });

  it('answers FAILED_PRECONDITION for every illegal step', async () => {
    const { ticketId } = await submit();
    await expectError(call('reply', { ticketId, content: 'x' }, ADMIN), 'FAILED_PRECONDITION');
    await expectError(call('rate', { ticketId, score: 5 }, PUBLIC), 'FAILED_PRECONDITION');
    await expectError(call('close', { ticketId }, ADMIN), 'FAILED_PRECONDITION');
    await expectError(call('reopen', { ticketId, reason: 'x' }, PUBLIC), 'FAILED_PRECONDITION');
    await expectOk(call('accept', { ticketId }, ADMIN));
    await expectError(call('accept', { ticketId }, ADMIN), 'FAILED_PRECONDITION');
    await expectOk(call('assign', { ticketId, departmentId: 'd1' }, ADMIN));
    await expectError(call('assign', { ticketId, departmentId: 'd1' }, ADMIN), 'FAILED_PRECONDITION');
    await expectError(call('rate', { ticketId, score: 5 }, PUBLIC), 'FAILED_PRECONDITION');
    await expectOk(call('reply', { ticketId, content: '答复' }, HANDLER));
    await expectError(call('reply', { ticketId, content: '再答复' }, HANDLER), 'FAILED_PRECONDITION');
    await expectError(call('reject', { ticketId, reason: 'x' }, ADMIN), 'FAILED_PRECONDITION');
    await expectError(call('reopen', { ticketId, reason: 'x' }, PUBLIC), 'FAILED_PRECONDITION');
  });

  it('lets one of two concurrent admins move a ticket, not both', async () => {
    const { ticketId } = await submit();
    const [a, b] = await Promise.all([
      call('assign', { ticketId, departmentId: 'd1' }, ADMIN),
      call('reject', { ticketId, reason: '重复' }, ADMIN),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const failed = a.ok ? b : a;
    expect(!failed.ok && failed.error.code).toBe('FAILED_PRECONDITION');
  });

  it('reassigns: the new department gets it and the count moves with it', async () => {
    const ticketId = await assigned();
    await expectOk(call('assign', { ticketId, departmentId: 'd2', note: '属住建局职责' }, ADMIN));
    await expectError(call('reply', { ticketId, content: 'x' }, HANDLER), 'PERMISSION_DENIED');
    await expectOk(call('reply', { ticketId, content: '已处理' }, HANDLER_D2));
    const t = await expectOk(call('get', { ticketId }, ADMIN));
    expect(t.timeline.find((e) => e.note?.startsWith('改派'))?.note).toBe('改派至市住建局：属住建局职责');
    const { departments } = await expectOk(call('stats', {}));
    const byId = Object.fromEntries(departments.map((d: { departmentId: string }) => [d.departmentId, d]));
    expect(byId.d1).toMatchObject({ received: 0, replied: 0, replyRate: null });
    expect(byId.d2).toMatchObject({ received: 1, replied: 1, replyRate: 1, onTimeRate: 1 });
    await expectError(call('assign', { ticketId: 'nope', departmentId: 'd1' }, ADMIN), 'NOT_FOUND');
  });
});

describe('roles', () => {
  it('lets only the submitter, admins and the assigned department read a ticket; private fields only for them', async () => {
    const ticketId = await assigned();
    for (const who of [PUBLIC, ADMIN, HANDLER]) {
      const t = await expectOk(call('get', { ticketId }, who));
      expect(t.contactPhone).toBe(PHONE);
    }
    expect((await expectOk(call('get', { ticketId }, HANDLER))).openid).toBe(PUBLIC);
    expect(
      (await expectOk(call('get', { ticketId }, PUBLIC))).timeline.every((e: { by?: string }) => e.by === undefined),
    ).toBe(true);
    for (const who of [OTHER, MEMBER, HANDLER_D2])
      await expectError(call('get', { ticketId }, who), 'PERMISSION_DENIED');
    await expectError(call('get', { ticketId }), 'UNAUTHENTICATED');
    await expectError(call('get', { ticketId: 'missing' }, PUBLIC), 'NOT_FOUND');
  });

  it('keeps the admin actions to admins', async () => {
    const { ticketId } = await submit();
    for (const who of [PUBLIC, OTHER, HANDLER, MEMBER]) {
      await expectError(call('accept', { ticketId }, who), 'PERMISSION_DENIED');
      await expectError(call('assign', { ticketId, departmentId: 'd1' }, who), 'PERMISSION_DENIED');
      await expectError(call('reject', { ticketId, reason: 'x' }, who), 'PERMISSION_DENIED');
      await expectError(call('close', { ticketId }, who), 'PERMISSION_DENIED');
      await expectError(call('triage', {}, who), 'PERMISSION_DENIED');
    }
    await expectError(call('accept', { ticketId }), 'UNAUTHENTICATED');
  });

  it('lets only the assigned department (or an admin) reply, and only the submitter rate, re-open or withdraw', async () => {
    const ticketId = await assigned();
    await expectError(call('reply', { ticketId, content: 'x' }, HANDLER_D2), 'PERMISSION_DENIED');
    await expectError(call('reply', { ticketId, content: 'x' }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('reply', { ticketId, content: 'x' }), 'UNAUTHENTICATED');
    await expectError(call('withdraw', { ticketId }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('withdraw', { ticketId }, ADMIN), 'PERMISSION_DENIED');
    await expectOk(call('reply', { ticketId, content: '已处理' }, ADMIN));
    await expectError(call('rate', { ticketId, score: 5 }, OTHER), 'PERMISSION_DENIED');
    await expectError(call('rate', { ticketId, score: 5 }, HANDLER), 'PERMISSION_DENIED');
    await expectError(call('rate', { ticketId, score: 6 }, PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('rate', { ticketId, score: 5 }), 'UNAUTHENTICATED');
    await expectError(call('rate', { ticketId, score: 2, comment: '出售枪支' }, PUBLIC), 'INVALID_ARGUMENT');
    await expectOk(call('rate', { ticketId, score: 2 }, PUBLIC));
    await expectError(call('reopen', { ticketId, reason: 'x' }, OTHER), 'PERMISSION_DENIED');
  });

  it('shows a handler the own department’s queue sorted by deadline, and nobody else’s', async () => {
    const later = await assigned({ category: '投诉' });
    const sooner = await assigned({ category: '咨询' });
    const { departmentId, tickets } = await expectOk(call('queue', {}, HANDLER));
    expect(departmentId).toBe('d1');
    expect(tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([sooner, later]);
    expect(Object.keys(tickets[0]).sort()).not.toContain('contactPhone');
    await expectError(call('queue', { departmentId: 'd1' }, HANDLER_D2), 'PERMISSION_DENIED');
    expect((await expectOk(call('queue', {}, HANDLER_D2))).tickets).toEqual([]);
    expect((await expectOk(call('queue', { departmentId: 'd1' }, ADMIN))).tickets).toHaveLength(2);
    await expectError(call('queue', {}, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('queue', {}, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('queue', {}), 'UNAUTHENTICATED');
  });

  it('lists my tickets newest first and nobody else’s', async () => {
    const a = await submit();
    const b = await submit(PUBLIC, { title: '第二件' });
    await submit(OTHER);
    const { tickets } = await expectOk(call('mine', {}, PUBLIC));
    expect(tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([b.ticketId, a.ticketId]);
    expect(tickets[0]).toEqual({
      ticketId: b.ticketId,
      ticketNo: b.ticketNo,
      category: '求助',
      title: '第二件',
      status: 'submitted',
      statusName: '待受理',
      departmentId: null,
      departmentName: null,
      createdAt: expect.stringMatching(/\+08:00$/),
      dueAt: b.dueAt,
      overdue: false,
      flagged: false,
      // 并单: the same appeal filed a moment earlier is suggested to the admin.
      similar: [
        { ticketId: a.ticketId, ticketNo: a.ticketNo, title: '幸福路路灯不亮', similarity: expect.any(Number) },
      ],
      programmeId: null,
    });
    expect((await expectOk(call('mine', {}, MEMBER))).tickets).toEqual([]);
    await expectError(call('mine', {}), 'UNAUTHENTICATED');
  });

  it('lists submitted and accepted tickets for triage, oldest first', async () => {
    const a = await submit();
    const b = await submit(OTHER);
    await expectOk(call('accept', { ticketId: b.ticketId }, ADMIN));
    await assigned();
    const { tickets, hasMore } = await expectOk(call('triage', {}, ADMIN));
    expect(tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([a.ticketId, b.ticketId]);
    expect(hasMore).toBe(false);
  });
});

describe('photos', () => {
  it('gives temporary URLs in `get` to the submitter, admins and the assigned department only, in one storage call', async () => {
    const photos = [await uploadPhoto('lamp.jpg'), await uploadPhoto('pole.png')];
    const ticketId = await assigned({ photos });
    const storage = sdk() as unknown as { getTempFileURL: (p: unknown) => Promise<unknown> };
    const original = storage.getTempFileURL;
    const calls: unknown[] = [];
    storage.getTempFileURL = (p: unknown) => {
      calls.push(p);
      return original(p);
    };
    try {
      for (const who of [PUBLIC, ADMIN, HANDLER]) {
        const t = await expectOk(call('get', { ticketId }, who));
        expect(t.photos).toEqual([
          { fileID: photos[0], url: expect.stringMatching(/\/api\/storage\/hotline\/public-1\/lamp\.jpg$/) },
          { fileID: photos[1], url: expect.stringMatching(/\/api\/storage\/hotline\/public-1\/pole\.png$/) },
        ]);
      }
      expect(calls).toHaveLength(3);
      expect(calls[0]).toEqual({ fileList: photos.map((fileID) => ({ fileID, maxAge: 7200 })) });
      for (const who of [OTHER, MEMBER, HANDLER_D2]) {
        const e = await call('get', { ticketId }, who);
        expect(e).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
        expect(JSON.stringify(e)).not.toMatch(/lamp|pole|storage/);
      }
      expect(calls).toHaveLength(3);
      // A ticket without photos costs no storage call.
      const plain = (await submit(OTHER)).ticketId;
      expect((await expectOk(call('get', { ticketId: plain }, OTHER))).photos).toEqual([]);
      expect(calls).toHaveLength(3);
    } finally {
      storage.getTempFileURL = undefined as never;
    }
  });

  it('still shows the ticket when a photo is gone or storage fails, with no URL for it', async () => {
    const kept = await uploadPhoto('kept.jpg');
    const gone = await uploadPhoto('gone.jpg');
    const { ticketId } = await submit(PUBLIC, { photos: [kept, gone] });
    await sdk().deleteFile({ fileList: [gone] });
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t.photos).toEqual([
      { fileID: kept, url: expect.stringContaining('/api/storage/hotline/') },
      { fileID: gone, url: null },
    ]);
    const storage = sdk() as unknown as { getTempFileURL: unknown };
    storage.getTempFileURL = () => Promise.reject(new Error('network down'));
    try {
      const failed = await expectOk(call('get', { ticketId }, PUBLIC));
      expect(failed.photos).toEqual([
        { fileID: kept, url: null },
        { fileID: gone, url: null },
      ]);
      expect(failed.title).toBe('幸福路路灯不亮');
    } finally {
      storage.getTempFileURL = undefined;
    }
  });

  it('serves the photo behind the URL over the gateway, uploaded and read like the pages do', async () => {
    await cloud.close();
    const gw = await startTestGateway({ adminOpenids: [ADMIN] });
    try {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const up = await fetch(
        `${gw.url}/api/storage/upload?cloudPath=${encodeURIComponent('hotline/20200701/abc-123.png')}`,
        {
          method: 'POST',
          headers: { 'content-type': 'image/png', 'x-wx-openid': PUBLIC },
          body: png,
        },
      );
      const { fileID } = ((await up.json()) as { data: { fileID: string } }).data;
      const { ticketId } = await expectOk(
        gw.call('hotline', 'submit', appeal({ departmentId: undefined, photos: [fileID] }), PUBLIC),
      );
      const t = await expectOk(gw.call('hotline', 'get', { ticketId }, PUBLIC));
      const url = t.photos[0].url!;
      expect(url.startsWith(`${gw.url}/api/storage/`)).toBe(true);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
      const board = await expectOk(gw.call('hotline', 'publicList', {}));
      expect(JSON.stringify(board)).not.toContain('abc-123');
    } finally {
      await gw.close();
      cloud = await createTestCloud({ adminOpenids: [ADMIN] });
    }
  });
});

describe('hotline.subscribe and the reply notice', () => {
  const TEMPLATE = 'tmpl-reply-notice';
  const before = process.env.HOTLINE_REPLY_TEMPLATE_ID;
  beforeEach(() => {
    process.env.HOTLINE_REPLY_TEMPLATE_ID = TEMPLATE;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.HOTLINE_REPLY_TEMPLATE_ID;
    else process.env.HOTLINE_REPLY_TEMPLATE_ID = before;
  });
  const sent = () => readSubscribeMessages(cloud.dataDir);

  it('sends one subscribe message on reply when the submitter allowed it, and uses the permission up', async () => {
    const ticketId = await assigned();
    expect(await expectOk(call('subscribe', { ticketId, accepted: true }, PUBLIC))).toEqual({
      ticketId,
      subscribed: true,
    });
    expect(await expectOk(call('get', { ticketId }, PUBLIC))).toMatchObject({
      subscribed: true,
      can: { subscribe: true },
    });
    expect(await expectOk(call('get', { ticketId }, ADMIN))).toMatchObject({
      subscribed: false,
      can: { subscribe: false },
    });
    await expectOk(call('reply', { ticketId, content: '路灯已修复' }, HANDLER));
    expect(await expectOk(call('get', { ticketId }, PUBLIC))).toMatchObject({
      subscribed: false,
      can: { subscribe: false },
    });
    expect(sent()).toEqual([
      {
        touser: PUBLIC,
        templateId: TEMPLATE,
        page: `pages/hotline-ticket/index?id=${ticketId}`,
        data: {
          character_string1: { value: expect.stringMatching(/^MS\d{8}-\d{4}$/) },
          thing2: { value: '幸福路路灯不亮' },
          thing3: { value: '市教育局' },
          phrase4: { value: '已答复' },
        },
        miniprogramState: 'formal',
        at: expect.any(String),
      },
    ]);
    const notices = (await allDocs('hotline_reminders')).filter((r) => r.kind === 'reply-notice');
    expect(notices).toMatchObject([{ ticketId, sent: 'sent', error: null }]);
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).subscribed).toBe(false);
    // After a re-open the second answer needs a new permission.
    await expectOk(call('rate', { ticketId, score: 1 }, PUBLIC));
    await expectOk(call('reopen', { ticketId, reason: '路灯又坏了' }, PUBLIC));
    await expectOk(call('reply', { ticketId, content: '已更换灯具' }, HANDLER));
    expect(sent()).toHaveLength(1);
  });

  it('sends nothing when the submitter declined or never answered', async () => {
    const declined = await assigned();
    await expectOk(call('subscribe', { ticketId: declined, accepted: false }, PUBLIC));
    const silent = await assigned();
    await expectOk(call('reply', { ticketId: declined, content: '已修复' }, HANDLER));
    await expectOk(call('reply', { ticketId: silent, content: '已修复' }, HANDLER));
    expect(sent()).toEqual([]);
    expect((await allDocs('hotline_reminders')).filter((r) => r.kind === 'reply-notice')).toEqual([]);
  });

  it('records an unconfigured template or a failed send without failing the reply', async () => {
    process.env.HOTLINE_REPLY_TEMPLATE_ID = '';
    const unconfigured = await replied({ subscribe: true });
    expect((await allDocs('hotline_reminders')).find((r) => r.ticketId === unconfigured)).toMatchObject({
      sent: 'no-template',
    });
    process.env.HOTLINE_REPLY_TEMPLATE_ID = TEMPLATE;
    const ticketId = await assigned({ title: '这是一个很长很长很长很长的标题，超过二十个字的部分会被截掉' });
    await expectOk(call('subscribe', { ticketId, accepted: true }, PUBLIC));
    // WeChat refuses a message the user has no subscription left for (43101); the reply still goes through.
    const sdkObject = sdk() as unknown as { openapi: unknown };
    sdkObject.openapi = {
      subscribeMessage: { send: () => Promise.reject(new Error('errCode: 43101 | user refuse to accept the msg')) },
    };
    try {
      expect(await expectOk(call('reply', { ticketId, content: '已修复' }, HANDLER))).toMatchObject({
        status: 'replied',
      });
    } finally {
      sdkObject.openapi = undefined;
    }
    expect((await allDocs('hotline_reminders')).find((r) => r.ticketId === ticketId)).toMatchObject({
      sent: 'failed',
      error: expect.stringContaining('43101'),
    });
    expect(sent()).toEqual([]);
  });

  it('lets only the submitter answer, only while a reply is awaited', async () => {
    const { ticketId } = await submit();
    for (const who of [OTHER, ADMIN, HANDLER])
      await expectError(call('subscribe', { ticketId, accepted: true }, who), 'PERMISSION_DENIED');
    await expectError(call('subscribe', { ticketId, accepted: true }), 'UNAUTHENTICATED');
    await expectError(call('subscribe', { ticketId: 'missing', accepted: true }, PUBLIC), 'NOT_FOUND');
    await expectError(call('subscribe', { ticketId, accepted: 'yes' }, PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('subscribe', { ticketId }, PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('subscribe', { ticketId, accepted: true, extra: 1 }, PUBLIC), 'INVALID_ARGUMENT');
    expect(await expectOk(call('subscribe', { ticketId, accepted: true }, PUBLIC))).toEqual({
      ticketId,
      subscribed: true,
    });
    const done = await replied();
    const e = await expectError(call('subscribe', { ticketId: done, accepted: true }, PUBLIC), 'FAILED_PRECONDITION');
    expect(e.message).toBe('该诉求已答复或已结束，无需再订阅答复通知');
    expect((await getDoc('hotline_tickets', done))!.subscribe).toBe(false);
  });

  it('costs one read and one write', async () => {
    const { ticketId } = await submit();
    expect(await cloud.countOps(() => call('subscribe', { ticketId, accepted: true }, PUBLIC))).toMatchObject({
      reads: 1,
      writes: 1,
    });
  });
});

describe('hotline.publicList', () => {
  it('shows replied tickets the submitter allowed, masked in every field, newest first, paged', async () => {
    const first = await replied();
    await replied({ isPublic: false });
    await assigned();
    const second = await replied({ title: `联系人：李四 ${PHONE}` });
    await expectOk(call('rate', { ticketId: second, score: 5 }, PUBLIC));
    const { tickets, page, hasMore } = await expectOk(call('publicList', {}));
    expect(page).toBe(1);
    expect(hasMore).toBe(false);
    expect(tickets).toHaveLength(2);
    const [newest, older] = tickets;
    expect(newest).toMatchObject({ title: '联系人：李* 139****5678', score: 5, departmentName: '市教育局' });
    expect(older.ticketNo).toBe((await expectOk(call('get', { ticketId: first }, PUBLIC))).ticketNo);
    expect(older.content).toBe(
      '我叫王**，住幸福路*号*栋*室，电话139****5678，身份证110***********1234，小区门口路灯坏了一周。',
    );
    expect(older.reply).toBe('已联系王**（139****5678），路灯已于今日修复。');
    expect(Object.keys(older).sort()).toEqual(
      ['category', 'content', 'createdAt', 'departmentName', 'reply', 'repliedAt', 'score', 'ticketNo', 'title'].sort(),
    );
    expect((await expectOk(call('publicList', { page: 2 }, OTHER))).tickets).toEqual([]);
    await expectError(call('publicList', { page: 0 }), 'INVALID_ARGUMENT');
  });

  it('pages by 20', async () => {
    for (let i = 0; i < 21; i++) await replied({ title: `第${i}件` }, `pager-${i}`);
    const p1 = await expectOk(call('publicList', { page: 1 }));
    expect(p1.tickets).toHaveLength(20);
    expect(p1.hasMore).toBe(true);
    expect(p1.tickets[0].title).toBe('第20件');
    const p2 = await expectOk(call('publicList', { page: 2 }));
    expect(p2.tickets.map((t: { title: string }) => t.title)).toEqual(['第0件']);
    expect(p2.hasMore).toBe(false);
  }, 60_000);
});

it('never shows an unmasked phone number or ID number to the public or to other users', async () => {
  const responses: unknown[] = [];
  const record = async (p: Promise<unknown>) => responses.push(await p);
  const ticketId = await replied({ photos: [await uploadPhoto('private.jpg')] });
  await expectOk(call('rate', { ticketId, score: 5, comment: `满意，回电${PHONE}` }, PUBLIC));
  const open = await assigned();
  for (const who of [undefined, OTHER, MEMBER, HANDLER_D2]) {
    await record(call('publicList', {}, who));
    await record(call('stats', {}, who));
    for (const id of [ticketId, open]) {
      await record(call('get', { ticketId: id }, who));
      await record(call('rate', { ticketId: id, score: 1 }, who));
      await record(call('reply', { ticketId: id, content: 'x' }, who));
      await record(call('withdraw', { ticketId: id }, who));
      await record(call('reopen', { ticketId: id, reason: 'x' }, who));
    }
    await record(call('mine', {}, who));
    await record(call('queue', {}, who));
    await record(call('triage', {}, who));
  }
  const text = JSON.stringify(responses);
  expect(responses.length).toBeGreaterThan(40);
  expect(text).toContain('139****5678');
  expect(text).not.toMatch(/1\d{10}/);
  expect(text).not.toMatch(/\d{17}[\dXx]/);
  expect(text).not.toContain('王小明');
  expect(text).not.toContain(PUBLIC);
  expect(text).not.toMatch(/private\.jpg|cloud:\/\/|\/api\/storage\//);
});

describe('hotline.stats', () => {
  it('reports every department from counters kept on write', async () => {
    const a = await replied();
    await expectOk(call('rate', { ticketId: a, score: 5 }, PUBLIC));
    const b = await replied();
    await expectOk(call('rate', { ticketId: b, score: 2 }, PUBLIC));
    await assigned();
    const { departments, total } = await expectOk(call('stats', {}));
    expect(departments).toMatchObject([
      {
        departmentId: 'd1',
        name: '市教育局',
        received: 3,
        replied: 2,
        replyRate: 0.6667,
        onTimeRate: 1,
        satisfaction: 0.5,
        averageScore: 3.5,
        averageReplyWorkdays: 0,
        directAnswers: 0,
        directRate: 0,
        merged: 0,
        duplicateRate: 0,
      },
      {
        departmentId: 'd2',
        name: '市住建局',
        received: 0,
        replied: 0,
        replyRate: null,
        onTimeRate: null,
        satisfaction: null,
        averageScore: null,
        averageReplyWorkdays: null,
        directAnswers: 0,
        directRate: null,
        merged: 0,
        duplicateRate: null,
      },
    ]);
    expect(total).toMatchObject({ received: 3, replied: 2 });
  });
});

describe('the hourly timer', () => {
  it('records a 催办 reminder a working day before the deadline and marks tickets overdue once', async () => {
    const ticketId = await assigned({ category: '咨询' });
    const t = await getDoc('hotline_tickets', ticketId);
    const dueMs = Number(t!.dueMs);
    expect(await cloud.fireTimer('hotline', 'hotline-hourly', new Date(dueMs - 3600_000))).toEqual({
      ok: true,
      data: { overdue: 0, dueSoon: 1, closed: 0, reported: 0 },
    });
    expect(await cloud.fireTimer('hotline', 'hotline-hourly', new Date(dueMs + 3600_000))).toEqual({
      ok: true,
      data: { overdue: 1, dueSoon: 0, closed: 0, reported: 0 },
    });
    expect(await cloud.fireTimer('hotline', 'hotline-hourly', new Date(dueMs + 7200_000))).toEqual({
      ok: true,
      data: { overdue: 0, dueSoon: 0, closed: 0, reported: 0 },
    });
    const reminders = await allDocs('hotline_reminders');
    expect(reminders.map((r) => [r.kind, r.departmentId])).toEqual([
      ['due-soon', 'd1'],
      ['overdue', 'd1'],
    ]);
    const detail = await expectOk(call('get', { ticketId }, HANDLER));
    expect(detail.overdue).toBe(true);
    expect(detail.timeline.at(-1)).toMatchObject({ event: 'overdue', actor: 'system', status: 'assigned' });
    expect((await expectOk(call('queue', {}, HANDLER))).tickets[0].overdue).toBe(true);
    // Every step's time is the database's clock (db.serverDate()), also in entries pushed to many tickets at once.
    const stored = await getDoc('hotline_tickets', ticketId);
    const times = (stored!.timeline as Array<{ at: unknown }>).map((e) => e.at);
    expect(times).toHaveLength(3);
    for (const at of times) expect(at).toBeInstanceOf(Date);
  });

  it('closes a poorly rated ticket after 7 days without a re-open, and an answered one never rated after 15', async () => {
    const poor = await replied();
    await expectOk(call('rate', { ticketId: poor, score: 1 }, PUBLIC));
    const unrated = await replied();
    const good = await replied();
    await expectOk(call('rate', { ticketId: good, score: 5 }, PUBLIC));
    const day = 86400_000;
    const fire = async (days: number) =>
      (
        (await cloud.fireTimer('hotline', 'hotline-hourly', new Date(Date.now() + days * day))) as {
          data: { closed: number };
        }
      ).data.closed;
    expect(await fire(6)).toBe(0);
    expect(await fire(8)).toBe(1);
    expect((await expectOk(call('get', { ticketId: poor }, PUBLIC))).timeline.at(-1)).toMatchObject({
      event: 'close',
      actor: 'system',
      note: '评价后 7 天未申请重新办理，自动办结',
    });
    await expectError(call('reopen', { ticketId: poor, reason: '晚了' }, PUBLIC), 'FAILED_PRECONDITION');
    expect((await expectOk(call('get', { ticketId: unrated }, PUBLIC))).status).toBe('replied');
    expect(await fire(16)).toBe(1);
    expect((await expectOk(call('get', { ticketId: unrated }, PUBLIC))).status).toBe('closed');
    expect(
      (await expectOk(call('get', { ticketId: good }, PUBLIC))).timeline.filter(
        (e: { event: string }) => e.event === 'close',
      ),
    ).toHaveLength(1);
  });

  it('ignores a client that sends a timer-shaped event', async () => {
    expect(await cloud.invoke('hotline', { Type: 'Timer' }, PUBLIC)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('records a reply notice for a submitter who allowed subscribe messages', async () => {
    const ticketId = await replied({ subscribe: true });
    const notices = (await allDocs('hotline_reminders')).filter((r) => r.kind === 'reply-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      ticketId,
      openid: PUBLIC,
      sent: 'no-template',
      message: { touser: PUBLIC, page: `pages/hotline-ticket/index?id=${ticketId}` },
    });
  });
});

describe('database operations per call', () => {
  it('keeps each action to a few reads and writes', async () => {
    // The day's first ticket also creates the day's counter, and a department's first one its statistics document
    // (one more read and write each); measure later ones.
    await assigned({}, OTHER);
    const submitOps = await cloud.countOps(() => call('submit', appeal(), PUBLIC));
    // Counter, daily limit, directory and the bounded 并单 similarity query.
    expect(submitOps).toMatchObject({ reads: 4, writes: 3 });
    const ticketId = (submitOps.result as { ok: true; data: { ticketId: string } }).data.ticketId;
    expect(await cloud.countOps(() => call('assign', { ticketId, departmentId: 'd1' }, ADMIN))).toMatchObject({
      reads: 3,
      writes: 3,
    });
    expect(await cloud.countOps(() => call('reply', { ticketId, content: '答复' }, HANDLER))).toMatchObject({
      reads: 2,
      writes: 3,
    });
    expect(await cloud.countOps(() => call('rate', { ticketId, score: 5 }, PUBLIC))).toMatchObject({
      reads: 1,
      writes: 3,
    });
    expect(await cloud.countOps(() => call('get', { ticketId }, PUBLIC))).toMatchObject({ reads: 1, writes: 0 });
    expect(await cloud.countOps(() => call('publicList', {}))).toMatchObject({ reads: 1, writes: 0 });
    expect(await cloud.countOps(() => call('stats', {}))).toMatchObject({ reads: 2, writes: 0 });
    expect(await cloud.countOps(() => call('mine', {}, PUBLIC))).toMatchObject({ reads: 1, writes: 0 });
    expect(await cloud.countOps(() => call('get', { ticketId }, HANDLER))).toMatchObject({ reads: 2, writes: 0 });
    expect(await cloud.countOps(() => call('queue', {}, HANDLER))).toMatchObject({ reads: 3, writes: 0 }); // + the 协办 list;
    expect(await cloud.countOps(() => call('triage', {}, ADMIN))).toMatchObject({ reads: 2, writes: 0 });
    const next = (await submit()).ticketId;
    expect(await cloud.countOps(() => call('accept', { ticketId: next }, ADMIN))).toMatchObject({
      reads: 2,
      writes: 1,
    });
    expect(await cloud.countOps(() => call('withdraw', { ticketId: next }, PUBLIC))).toMatchObject({
      reads: 1,
      writes: 1,
    });
  });
});
