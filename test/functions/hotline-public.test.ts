// The public side of the 12345 loop over the local cloud: 知识库 (search before submitting, 直接答复 counted once,
// answering at triage), 并单 (suggestions found at submit with a bounded query, merging, the merged ticket following
// its parent), the board's search and filters, photos on a reply, and 热线节目 (questions routed to the departments
// on air, the programme page after it airs). Every new action × role, and database operations per call.
import type { ActionName } from '@/domain/api';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { ADMIN, allDocs, getDoc, HANDLER, MEMBER, PUBLIC, sdk, sdkDb, seedBasic, seedRoles } from './support';

let cloud: TestCloud;
const call = <A extends ActionName<'hotline'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('hotline', action, data, openid);

const HANDLER_D2 = 'handler-d2';
const PHONE = '13912345678';

const lamp = (extra: Record<string, unknown> = {}) => ({
  category: '求助',
  title: '幸福路路灯不亮',
  content: `我叫王小明，电话${PHONE}，幸福路小区门口的路灯坏了一周，晚上出行很不方便，请尽快修复。`,
  departmentId: 'd1',
  contactName: '王小明',
  isPublic: true,
  ...extra,
});
const lampAgain = (extra: Record<string, unknown> = {}) =>
  lamp({
    title: '幸福路小区路灯坏了',
    content: '幸福路小区门口路灯坏了一个多星期，晚上出门不方便，希望尽快修复。',
    contactName: '李四',
    ...extra,
  });

const knowledge = (extra: Record<string, unknown> = {}) => ({
  title: '离职后住房公积金怎样提取',
  answer: '离职满半年未再就业的，可持身份证和离职证明到公积金中心柜台或“公积金”小程序办理提取。',
  keywords: ['公积金', '提取'],
  category: '咨询',
  departmentId: 'd2',
  active: true,
  ...extra,
});

async function submit(data: Record<string, unknown>, who = PUBLIC): Promise<string> {
  return (await expectOk(call('submit', data, who))).ticketId;
}

async function uploadPhoto(owner: string, name: string): Promise<string> {
  return (
    await sdk().uploadFile({ cloudPath: `hotline/${owner}/${name}`, fileContent: Buffer.from([0xff, 0xd8, 0xff]) })
  ).fileID;
}

const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().replace('Z', '+00:00');

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd2', name: '市住建局' }, ADMIN));
  await expectOk(cloud.call('org', 'grantRole', { openid: HANDLER_D2, role: 'handler', scopeId: 'd2' }, ADMIN));
});
afterEach(() => cloud.close());

describe('知识库', () => {
  it('lets only admins keep answers, with clear errors for bad input', async () => {
    for (const who of [HANDLER, MEMBER, PUBLIC])
      await expectError(call('knowledgeSave', knowledge(), who), 'PERMISSION_DENIED');
    await expectError(call('knowledgeSave', knowledge()), 'UNAUTHENTICATED');
    await expectError(call('knowledgeSave', knowledge({ departmentId: 'nope' }), ADMIN), 'NOT_FOUND');
    const bad = await expectError(call('knowledgeSave', knowledge({ keywords: [] }), ADMIN), 'INVALID_ARGUMENT');
    expect(bad.message).toMatch(/关键词/);
    expect(await allDocs('hotline_knowledge')).toEqual([]);
    const { knowledgeId } = await expectOk(call('knowledgeSave', knowledge(), ADMIN));
    await expectOk(call('knowledgeSave', knowledge({ knowledgeId, title: '公积金提取办法' }), ADMIN));
    await expectError(call('knowledgeSave', knowledge({ knowledgeId: 'kb-missing' }), ADMIN), 'NOT_FOUND');
    const { items } = await expectOk(call('knowledgeList', {}, ADMIN));
    expect(items).toEqual([
      expect.objectContaining({
        knowledgeId,
        title: '公积金提取办法',
        departmentName: '市住建局',
        helpful: 0,
        used: 0,
      }),
    ]);
    await expectError(call('knowledgeList', {}, HANDLER), 'PERMISSION_DENIED');
  });

  it('shows matching answers before submitting, and not stopped or unrelated ones', async () => {
    const { knowledgeId } = await expectOk(call('knowledgeSave', knowledge(), ADMIN));
    await expectOk(
      call('knowledgeSave', knowledge({ title: '公积金贷款额度', keywords: ['公积金贷款'], active: false }), ADMIN),
    );
    await expectOk(
      call('knowledgeSave', knowledge({ title: '路灯报修', keywords: ['路灯'], departmentId: 'd1' }), ADMIN),
    );
    // Anyone, even without an openid (the page asks while the person types).
    const { answers } = await expectOk(
      call('knowledgeSearch', { category: '咨询', title: '公积金提取', content: '辞职以后公积金怎么提取？' }),
    );
    expect(answers).toEqual([
      { knowledgeId, title: '离职后住房公积金怎样提取', answer: knowledge().answer, departmentName: '市住建局' },
    ]);
    expect((await expectOk(call('knowledgeSearch', { title: '噪音扰民', content: '楼下施工' }))).answers).toEqual([]);
    // One read of a bounded candidate set.
    const ops = await cloud.countOps(() => call('knowledgeSearch', { title: '路灯不亮' }));
    expect(ops).toMatchObject({ reads: 1, writes: 0 });
    await expectError(call('knowledgeSearch', { title: '' }), 'INVALID_ARGUMENT');
  });

  it('counts a 直接答复 once per person, answer and day, for the answer’s department', async () => {
    const { knowledgeId } = await expectOk(call('knowledgeSave', knowledge(), ADMIN));
    await expectError(call('knowledgeHelpful', { knowledgeId }), 'UNAUTHENTICATED');
    expect(await expectOk(call('knowledgeHelpful', { knowledgeId }, PUBLIC))).toEqual({ knowledgeId, counted: true });
    expect(await expectOk(call('knowledgeHelpful', { knowledgeId }, PUBLIC))).toEqual({ knowledgeId, counted: false });
    await expectOk(call('knowledgeHelpful', { knowledgeId }, MEMBER));
    await expectError(call('knowledgeHelpful', { knowledgeId: 'kb-none' }, PUBLIC), 'NOT_FOUND');
    expect((await getDoc('hotline_knowledge', knowledgeId))?.helpful).toBe(2);
    const { departments } = await expectOk(call('stats', {}));
    const d2 = departments.find((d: { departmentId: string }) => d.departmentId === 'd2');
    expect(d2).toMatchObject({ received: 0, directAnswers: 2, directRate: 1 });
    // One ticket reaches d2 afterwards: 2 stopped of 3 appeals.
    const t = await submit(lamp({ departmentId: 'd2' }), 'p-3');
    await expectOk(call('assign', { ticketId: t, departmentId: 'd2' }, ADMIN));
    const after = (await expectOk(call('stats', {}))).departments.find(
      (d: { departmentId: string }) => d.departmentId === 'd2',
    );
    expect(after).toMatchObject({ received: 1, directAnswers: 2, directRate: 0.6667 });
  });

  it('answers a ticket at triage with a knowledge answer, into the normal rating path', async () => {
    const { knowledgeId } = await expectOk(call('knowledgeSave', knowledge(), ADMIN));
    const ticketId = await submit(
      lamp({ category: '咨询', title: '公积金提取', content: '离职了公积金怎么提取？', departmentId: undefined }),
    );
    for (const who of [HANDLER, PUBLIC])
      await expectError(call('answerWithKnowledge', { ticketId, knowledgeId }, who), 'PERMISSION_DENIED');
    await expectError(call('answerWithKnowledge', { ticketId, knowledgeId: 'kb-x' }, ADMIN), 'NOT_FOUND');
    const r = await expectOk(call('answerWithKnowledge', { ticketId, knowledgeId, note: '如有疑问请致电' }, ADMIN));
    expect(r).toEqual({ ticketId, status: 'replied' });
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t).toMatchObject({ status: 'replied', departmentId: 'd2', departmentName: '市住建局', published: true });
    expect(t.replies[0].content).toBe(`${knowledge().answer}\n\n如有疑问请致电`);
    expect(t.timeline.map((e: { event: string }) => e.event)).toEqual(['submit', 'answer']);
    expect(t.timeline[1].note).toContain('依据知识库');
    await expectError(call('answerWithKnowledge', { ticketId, knowledgeId }, ADMIN), 'FAILED_PRECONDITION');
    expect((await getDoc('hotline_knowledge', knowledgeId))?.used).toBe(1);
    const d2 = (await expectOk(call('stats', {}))).departments.find(
      (d: { departmentId: string }) => d.departmentId === 'd2',
    );
    expect(d2).toMatchObject({ received: 1, replied: 1, onTimeRate: 1, directAnswers: 1, directRate: 1 });
    await expectOk(call('rate', { ticketId, score: 5 }, PUBLIC));
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).status).toBe('closed');
    // An assigned ticket belongs to its department: no knowledge answer over its head.
    const other = await submit(lamp(), 'p-2');
    await expectOk(call('assign', { ticketId: other, departmentId: 'd1' }, ADMIN));
    await expectError(call('answerWithKnowledge', { ticketId: other, knowledgeId }, ADMIN), 'FAILED_PRECONDITION');
    await expectOk(call('knowledgeSave', { ...knowledge({ knowledgeId, active: false }) }, ADMIN));
    const third = await submit(lamp(), 'p-4');
    const stopped = await expectError(
      call('answerWithKnowledge', { ticketId: third, knowledgeId }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(stopped.message).toBe('该答复已停用');
  });
});

describe('并单', () => {
  it('suggests an open ticket of the same category and department at submit, and only such', async () => {
    const first = await submit(lamp());
    const second = await submit(lampAgain(), 'p-2');
    const { tickets } = await expectOk(call('triage', {}, ADMIN));
    const row = tickets.find((t: { ticketId: string }) => t.ticketId === second)!;
    expect(row.similar).toEqual([
      { ticketId: first, ticketNo: expect.any(String), title: '幸福路路灯不亮', similarity: expect.any(Number) },
    ]);
    expect(row.similar[0].similarity).toBeGreaterThanOrEqual(0.25);
    expect(tickets.find((t: { ticketId: string }) => t.ticketId === first)!.similar).toEqual([]);
    // Another category, another department, or an unrelated text: no suggestion.
    for (const [who, data] of [
      ['p-3', lampAgain({ category: '投诉' })],
      ['p-4', lampAgain({ departmentId: 'd2' })],
      ['p-5', lamp({ title: '公积金提取', content: '离职后公积金怎么提取，需要什么材料？' })],
    ] as const) {
      const id = await submit(data, who);
      expect((await getDoc('hotline_tickets', id))?.similar).toEqual([]);
    }
  });

  it('does not suggest tickets older than 30 days or no longer open', async () => {
    const old = await submit(lamp());
    await sdkDb()
      .collection('hotline_tickets')
      .doc(old)
      .update({ data: { createdMs: Date.now() - 31 * 86400_000 } });
    const closed = await submit(lamp(), 'p-2');
    await expectOk(call('reject', { ticketId: closed, reason: '重复' }, ADMIN));
    const id = await submit(lampAgain(), 'p-3');
    expect((await getDoc('hotline_tickets', id))?.similar).toEqual([]);
  });

  it('merges at triage: the duplicate follows its parent, its submitter is told, the department counts it', async () => {
    const parent = await submit(lamp());
    const child = await submit(lampAgain({ subscribe: true }), 'p-2');
    for (const who of [HANDLER, PUBLIC, 'p-2'])
      await expectError(call('merge', { ticketId: child, parentId: parent }, who), 'PERMISSION_DENIED');
    await expectError(call('merge', { ticketId: child, parentId: child }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('merge', { ticketId: child, parentId: 'ht-none' }, ADMIN), 'NOT_FOUND');
    const r = await expectOk(call('merge', { ticketId: child, parentId: parent }, ADMIN));
    expect(r).toMatchObject({ ticketId: child, status: 'merged', parentId: parent });
    await expectError(call('merge', { ticketId: child, parentId: parent }, ADMIN), 'FAILED_PRECONDITION');

    const seen = await expectOk(call('get', { ticketId: child }, 'p-2'));
    expect(seen).toMatchObject({ status: 'merged', statusName: '已并单' });
    expect(seen.parent).toMatchObject({ ticketId: parent, ticketNo: r.parentNo, status: 'submitted', replies: [] });
    expect(seen.timeline.at(-1)).toMatchObject({ event: 'merge', eventName: '并单' });
    expect(seen.timeline.at(-1)!.note).toContain(r.parentNo);
    expect((await expectOk(call('mine', {}, 'p-2'))).tickets[0].statusName).toBe('已并单');
    const notice = (await allDocs('hotline_reminders')).find((d) => d.kind === 'merge-notice');
    expect(notice).toMatchObject({ ticketId: child, parentId: parent, openid: 'p-2' });

    // The parent's reply is the child's answer.
    await expectOk(call('assign', { ticketId: parent, departmentId: 'd1' }, ADMIN));
    await expectOk(call('reply', { ticketId: parent, content: '路灯已修复。' }, HANDLER));
    const after = await expectOk(call('get', { ticketId: child }, 'p-2'));
    expect(after.parent).toMatchObject({ status: 'replied', departmentName: '市教育局' });
    expect(after.parent!.replies[0].content).toBe('路灯已修复。');
    expect((await expectOk(call('get', { ticketId: parent }, ADMIN))).mergedNos).toEqual([
      expect.stringMatching(/^MS/),
    ]);
    // A merged ticket cannot be rated, withdrawn or answered on its own.
    await expectError(call('withdraw', { ticketId: child }, 'p-2'), 'FAILED_PRECONDITION');
    await expectError(call('reply', { ticketId: child, content: 'x' }, ADMIN), 'FAILED_PRECONDITION');

    const d1 = (await expectOk(call('stats', {}))).departments.find(
      (d: { departmentId: string }) => d.departmentId === 'd1',
    );
    expect(d1).toMatchObject({ received: 1, merged: 1, duplicateRate: 0.5 });
  });

  it('moves an assigned duplicate’s count to 重复, and refuses a parent that was rejected', async () => {
    const parent = await submit(lamp());
    const child = await submit(lampAgain(), 'p-2');
    await expectOk(call('assign', { ticketId: child, departmentId: 'd1' }, ADMIN));
    const rejected = await submit(lamp(), 'p-3');
    await expectOk(call('reject', { ticketId: rejected, reason: '不属于受理范围' }, ADMIN));
    await expectError(call('merge', { ticketId: child, parentId: rejected }, ADMIN), 'FAILED_PRECONDITION');
    await expectOk(call('merge', { ticketId: child, parentId: parent }, ADMIN));
    const d1 = (await expectOk(call('stats', {}))).departments.find(
      (d: { departmentId: string }) => d.departmentId === 'd1',
    );
    expect(d1).toMatchObject({ received: 0, merged: 1, duplicateRate: 1 });
  });

  it('keeps submit’s reads independent of how many tickets there are', async () => {
    const first = await cloud.countOps(() => call('submit', lamp(), 'p-0'));
    for (let i = 1; i <= 30; i++) await submit(lampAgain({ title: `幸福路路灯坏了${i}` }), `p-${i}`);
    const later = await cloud.countOps(() => call('submit', lampAgain(), 'p-99'));
    // The day's counter, the daily limit, the directory and the one similarity query; the first also creates the counter.
    expect(later.reads).toBe(4);
    expect(later.reads).toBeLessThanOrEqual(first.reads);
    const id = (later.result as { ok: true; data: { ticketId: string } }).data.ticketId;
    expect((await getDoc('hotline_tickets', id))?.similar).toHaveLength(3);
  });
});

describe('the public board: search and filters', () => {
  async function published(data: Record<string, unknown>, who: string, department = 'd1', answer = '已处理。') {
    const ticketId = await submit(data, who);
    await expectOk(call('assign', { ticketId, departmentId: department }, ADMIN));
    await expectOk(call('reply', { ticketId, content: answer }, department === 'd1' ? HANDLER : HANDLER_D2));
    return ticketId;
  }

  it('finds by keyword, category and department, on masked text', async () => {
    await published(lamp(), 'p-1', 'd1', '路灯已维修。');
    await published(lamp({ category: '投诉', title: '施工噪音扰民', content: '夜间施工噪音很大' }), 'p-2', 'd2');
    await published(lamp({ category: '咨询', title: '公积金提取', content: '怎样提取公积金' }), 'p-3', 'd2');
    const nos = async (data: Record<string, unknown>) =>
      (await expectOk(call('publicList', data))).tickets.map((t: { title: string }) => t.title);
    expect(await nos({ keyword: '路灯 维修' })).toEqual(['幸福路路灯不亮']);
    expect(await nos({ keyword: '噪音' })).toEqual(['施工噪音扰民']);
    expect(await nos({ category: '咨询' })).toEqual(['公积金提取']);
    expect(await nos({ departmentId: 'd2' })).toEqual(['公积金提取', '施工噪音扰民']);
    expect(await nos({ departmentId: 'd2', keyword: '公积金' })).toEqual(['公积金提取']);
    expect(await nos({ keyword: '王小明' })).toEqual([]);
    expect(await nos({ keyword: PHONE })).toEqual([]);
    const e = await expectError(call('publicList', { keyword: '灯' }), 'INVALID_ARGUMENT');
    expect(e.message).toBe('搜索关键词至少要有两个字');
    await expectError(call('publicList', { category: '其他' }), 'INVALID_ARGUMENT');
    expect(await cloud.countOps(() => call('publicList', { keyword: '路灯', departmentId: 'd1' }))).toMatchObject({
      reads: 1,
      writes: 0,
    });
  });
});

describe('photos on a reply', () => {
  it('are shown with the ticket to its submitter, never on the board', async () => {
    const ticketId = await submit(lamp());
    await expectOk(call('assign', { ticketId, departmentId: 'd1' }, ADMIN));
    const photo = await uploadPhoto(HANDLER, 'fixed.jpg');
    await expectError(
      call('reply', { ticketId, content: '已修复', photos: ['https://example.com/x.jpg'] }, HANDLER),
      'INVALID_ARGUMENT',
    );
    await expectOk(call('reply', { ticketId, content: '已修复，见照片。', photos: [photo] }, HANDLER));
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t.replies[0].photos).toEqual([{ fileID: photo, url: expect.any(String) }]);
    expect(t.photos).toEqual([]);
    const board = await expectOk(call('publicList', {}));
    expect(JSON.stringify(board)).not.toContain('fixed.jpg');
  });
});

describe('热线节目', () => {
  const programme = (extra: Record<string, unknown> = {}) => ({
    topic: '民生热线·住房公积金专场',
    airAt: future(3),
    departmentIds: ['d1', 'd2'],
    description: '市住建局、市教育局负责人上线',
    ...extra,
  });

  it('lets only admins schedule, with clear errors', async () => {
    for (const who of [HANDLER, MEMBER, PUBLIC])
      await expectError(call('programmeSave', programme(), who), 'PERMISSION_DENIED');
    await expectError(call('programmeSave', programme({ departmentIds: ['dx'] }), ADMIN), 'NOT_FOUND');
    await expectError(call('programmeSave', programme({ airAt: '明天' }), ADMIN), 'INVALID_ARGUMENT');
    const bad = await expectError(
      call('programmeSave', programme({ replayUrl: 'javascript:alert(1)' }), ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(bad.message).toBe('回放链接须以 http:// 或 https:// 开头');
    const { programmeId } = await expectOk(call('programmeSave', programme(), ADMIN));
    const { programmes } = await expectOk(call('programmeList', {}));
    expect(programmes).toEqual([
      expect.objectContaining({
        programmeId,
        topic: '民生热线·住房公积金专场',
        phase: 'upcoming',
        phaseName: '征集问题中',
        asked: 0,
        departments: [
          { departmentId: 'd1', name: '市教育局' },
          { departmentId: 'd2', name: '市住建局' },
        ],
      }),
    ]);
  });

  it('routes a question to the chosen department on air, and lists it after the programme with the replay', async () => {
    const { programmeId } = await expectOk(call('programmeSave', programme(), ADMIN));
    await expectError(call('submit', lamp({ programmeId, departmentId: undefined }), PUBLIC), 'INVALID_ARGUMENT');
    const ticketId = await submit(lamp({ programmeId, departmentId: 'd2' }));
    const t = await expectOk(call('get', { ticketId }, HANDLER_D2));
    expect(t).toMatchObject({ status: 'assigned', departmentId: 'd2', programmeId });
    expect(t.timeline.map((e: { event: string }) => e.event)).toEqual(['submit', 'assign']);
    expect(
      (await expectOk(call('queue', {}, HANDLER_D2))).tickets.map((x: { ticketId: string }) => x.ticketId),
    ).toEqual([ticketId]);
    await expectOk(call('reply', { ticketId, content: `已联系王小明（${PHONE}），节目中作答。` }, HANDLER_D2));
    const privateOne = await submit(lamp({ programmeId, departmentId: 'd2', isPublic: false }), 'p-2');
    await expectOk(call('reply', { ticketId: privateOne, content: '已答复' }, HANDLER_D2));

    // It airs; the admin adds the replay.
    await expectOk(
      call('programmeSave', programme({ programmeId, airAt: future(-1), replayUrl: 'https://example.cn/r/1' }), ADMIN),
    );
    const page = await expectOk(call('programmeGet', { programmeId }));
    expect(page.programme).toMatchObject({ phase: 'aired', replayUrl: 'https://example.cn/r/1', asked: 2 });
    expect(page.questions).toHaveLength(1);
    expect(page.questions[0]).toMatchObject({ title: '幸福路路灯不亮', departmentName: '市住建局' });
    expect(page.questions[0].content).toContain('王**');
    expect(page.questions[0].reply).toContain('139****5678');
    expect(JSON.stringify(page)).not.toContain(PHONE);
    const late = await expectError(
      call('submit', lamp({ programmeId, departmentId: 'd2' }), 'p-3'),
      'FAILED_PRECONDITION',
    );
    expect(late.message).toMatch(/已播出/);
    await expectError(call('programmeGet', { programmeId: 'hp-none' }), 'NOT_FOUND');
    expect(await cloud.countOps(() => call('programmeGet', { programmeId }))).toMatchObject({ reads: 2, writes: 0 });
  });
});
