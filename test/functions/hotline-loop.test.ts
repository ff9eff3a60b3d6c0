// The 12345 handling loop of `hotline` over the local cloud (issue 15): 退单 and its review with 改派, 延期申请 and its
// review, 协办, 回访 and re-opening an unsolved ticket, the one 追问, the submitter's daily 催办, the 通报 list and
// the statistics of a period. Every action is tried by every role (anonymous, the submitter, another member of the
// public, a handler of the lead department, a handler of another department, a branch secretary, the admin): the
// wrong ones get an error code and change nothing.
import ExcelJS from 'exceljs';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  allDocs,
  sdk,
  getDoc,
  HANDLER,
  PUBLIC,
  SECRETARY,
  sdkDb,
  seedBasic,
  seedRoles,
  snapshot,
} from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'hotline'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('hotline', action, data, openid);

const OTHER = 'public-2';
const HANDLER_D2 = 'handler-d2';
const HANDLER_D3 = 'handler-d3';

async function submit(openid = PUBLIC): Promise<string> {
  const r = await expectOk(
    call(
      'submit',
      {
        category: '求助',
        title: '幸福路路灯不亮',
        content: '小区门口路灯坏了一周，晚上出行不便。',
        departmentId: 'd1',
        isPublic: true,
      },
      openid,
    ),
  );
  return r.ticketId;
}

async function assigned(departmentId = 'd1'): Promise<string> {
  const ticketId = await submit();
  await expectOk(call('assign', { ticketId, departmentId }, ADMIN));
  return ticketId;
}

async function replied(): Promise<string> {
  const ticketId = await assigned();
  await expectOk(call('reply', { ticketId, content: '路灯已于今日修复。' }, HANDLER));
  return ticketId;
}

/** Moves a ticket's deadline into the past (the clock has run out). */
async function makeOverdue(ticketId: string, daysAgo = 1): Promise<void> {
  await sdkDb()
    .collection('hotline_tickets')
    .doc(ticketId)
    .update({ data: { dueMs: Date.now() - daysAgo * 86_400_000 } });
}

const ticket = async (ticketId: string) => (await getDoc('hotline_tickets', ticketId))!;

/** Every caller but `allowed`, each refused with the given code, and the database unchanged afterwards. */
async function onlyThese(
  allowed: readonly (string | undefined)[],
  attempt: (openid: string | undefined) => ReturnType<typeof call>,
  codes: Partial<Record<string, string>> = {},
): Promise<void> {
  const everyone: Array<string | undefined> = [undefined, PUBLIC, OTHER, HANDLER, HANDLER_D2, SECRETARY, ADMIN];
  const before = await snapshot();
  for (const who of everyone.filter((w) => !allowed.includes(w))) {
    const code = codes[who ?? 'anonymous'] ?? (who === undefined ? 'UNAUTHENTICATED' : 'PERMISSION_DENIED');
    await expectError(attempt(who), code);
  }
  expect(await snapshot()).toEqual(before);
}

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  for (const [id, name, handler] of [
    ['d2', '市住建局', HANDLER_D2],
    ['d3', '市城管局', HANDLER_D3],
  ]) {
    await expectOk(cloud.call('org', 'saveDepartment', { departmentId: id, name }, ADMIN));
    await expectOk(cloud.call('org', 'grantRole', { openid: handler, role: 'handler', scopeId: id }, ADMIN));
  }
});
afterEach(() => cloud.close());

describe('退单 and 异议审核', () => {
  it('lets only the lead department return it, and only the admin review the return', async () => {
    const ticketId = await assigned();
    await onlyThese([HANDLER], (who) => call('returnTicket', { ticketId, reason: '不属于本部门职责' }, who));
    await expectOk(call('returnTicket', { ticketId, reason: '路灯归城管局管理' }, HANDLER));
    await onlyThese([ADMIN], (who) => call('reviewReturn', { ticketId, accept: true, departmentId: 'd3' }, who));
  });

  it('accepted: 改派 to another department, the deadline kept, the return counted for the returning one', async () => {
    const ticketId = await assigned();
    const due = (await ticket(ticketId)).dueMs;
    const r = await expectOk(call('returnTicket', { ticketId, reason: '路灯归城管局管理' }, HANDLER));
    expect(r.status).toBe('returned');
    const admin = await expectOk(call('get', { ticketId }, ADMIN));
    expect(admin.returnRequest).toMatchObject({ reason: '路灯归城管局管理', departmentName: '市教育局' });
    expect(admin.can.reviewReturn).toBe(true);
    // The returned ticket waits in the admin's triage, and the handler can no longer reply.
    const triage = await expectOk(call('triage', {}, ADMIN));
    expect(triage.tickets.map((t) => t.ticketId)).toContain(ticketId);
    await expectError(call('reply', { ticketId, content: '已处理' }, HANDLER), 'FAILED_PRECONDITION');

    // 改派 needs a department, another one than the returning one.
    await expectError(call('reviewReturn', { ticketId, accept: true }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(
      call('reviewReturn', { ticketId, accept: true, departmentId: 'd1' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    await expectError(call('reviewReturn', { ticketId, accept: true, departmentId: 'nope' }, ADMIN), 'NOT_FOUND');
    await expectOk(call('reviewReturn', { ticketId, accept: true, departmentId: 'd3', note: '请城管局办理' }, ADMIN));

    const t = await ticket(ticketId);
    expect(t).toMatchObject({ status: 'assigned', departmentId: 'd3', dueMs: due, returnRequest: null });
    // The old department lost it, the new one has it.
    await expectError(call('get', { ticketId }, HANDLER), 'PERMISSION_DENIED');
    await expectOk(call('reply', { ticketId, content: '路灯已修复' }, HANDLER_D3));
    const stats = await expectOk(call('stats', {}, PUBLIC));
    const row = (id: string) => stats.departments.find((d) => d.departmentId === id)!;
    expect(row('d1')).toMatchObject({ received: 0, returned: 1 });
    expect(row('d3')).toMatchObject({ received: 1, replied: 1, returned: 0 });
    const events = (await expectOk(call('get', { ticketId }, PUBLIC))).timeline.map((e) => e.eventName);
    expect(events).toEqual(['提交诉求', '交办', '退单', '同意退单并改派', '答复']);
  });

  it('rejected: the department keeps it on the same clock, nothing counted', async () => {
    const ticketId = await assigned();
    const due = (await ticket(ticketId)).dueMs;
    await expectOk(call('returnTicket', { ticketId, reason: '不归我们管' }, HANDLER));
    await expectOk(call('reviewReturn', { ticketId, accept: false, note: '路灯维护属本部门' }, ADMIN));
    expect(await ticket(ticketId)).toMatchObject({ status: 'assigned', departmentId: 'd1', dueMs: due });
    const stats = await expectOk(call('stats', {}, PUBLIC));
    expect(stats.departments.find((d) => d.departmentId === 'd1')).toMatchObject({ received: 1, returned: 0 });
    // A second review finds no pending return.
    await expectError(call('reviewReturn', { ticketId, accept: false }, ADMIN), 'FAILED_PRECONDITION');
  });

  it('refuses a return of a ticket not in 办理中', async () => {
    const ticketId = await replied();
    await expectError(call('returnTicket', { ticketId, reason: '不归我们管' }, HANDLER), 'FAILED_PRECONDITION');
    await expectError(call('returnTicket', { ticketId, reason: '' }, HANDLER), 'INVALID_ARGUMENT');
  });
});

describe('延期申请', () => {
  it('lets only the lead department ask and only the admin decide', async () => {
    const ticketId = await assigned();
    await onlyThese([HANDLER], (who) => call('requestExtension', { ticketId, days: 3, reason: '需现场勘查' }, who));
    await expectOk(call('requestExtension', { ticketId, days: 3, reason: '需现场勘查' }, HANDLER));
    await onlyThese([ADMIN], (who) => call('reviewExtension', { ticketId, approve: true }, who));
  });

  it('approved: the deadline moves on by working days, the submitter is told, the extension counted', async () => {
    const ticketId = await assigned();
    const before = await ticket(ticketId);
    const r = await expectOk(call('requestExtension', { ticketId, days: 3, reason: '需协调供电公司' }, HANDLER));
    // One request at a time.
    await expectError(
      call('requestExtension', { ticketId, days: 2, reason: '再延两天' }, HANDLER),
      'FAILED_PRECONDITION',
    );
    const pending = await expectOk(call('get', { ticketId }, ADMIN));
    expect(pending.extensionRequest).toMatchObject({
      days: 3,
      reason: '需协调供电公司',
      proposedDueAt: r.proposedDueAt,
    });
    expect(pending.can.reviewExtension).toBe(true);
    const approved = await expectOk(call('reviewExtension', { ticketId, approve: true }, ADMIN));
    expect(approved.dueAt).toBe(r.proposedDueAt);
    const after = await ticket(ticketId);
    expect(Number(after.dueMs)).toBeGreaterThan(Number(before.dueMs) + 3 * 86_400_000 - 1);
    expect(after).toMatchObject({ extendedDays: 3, extensionPending: false, extensionRequest: null });
    const notices = (await allDocs('hotline_reminders')).filter((n) => n.kind === 'extension');
    expect(notices).toEqual([expect.objectContaining({ ticketId, openid: PUBLIC, to: ['submitter'] })]);
    const mine = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(mine.extendedDays).toBe(3);
    expect(mine.timeline.map((e) => e.eventName)).toContain('同意延期');
    const stats = await expectOk(call('stats', {}, PUBLIC));
    expect(stats.departments.find((d) => d.departmentId === 'd1')!.extended).toBe(1);
  });

  it('refused: the deadline stays; a request after the deadline is refused', async () => {
    const ticketId = await assigned();
    const due = (await ticket(ticketId)).dueMs;
    await expectOk(call('requestExtension', { ticketId, days: 2, reason: '人手不足' }, HANDLER));
    const r = await expectOk(call('reviewExtension', { ticketId, approve: false, note: '请按期办理' }, ADMIN));
    expect(r.status).toBe('assigned');
    expect(await ticket(ticketId)).toMatchObject({ dueMs: due, extensionPending: false });
    await expectError(call('reviewExtension', { ticketId, approve: true }, ADMIN), 'FAILED_PRECONDITION');
    await makeOverdue(ticketId);
    const late = await expectError(
      call('requestExtension', { ticketId, days: 2, reason: '人手不足' }, HANDLER),
      'FAILED_PRECONDITION',
    );
    expect(late.message).toMatch(/期限/);
    await expectError(call('requestExtension', { ticketId, days: 0, reason: 'x' }, HANDLER), 'INVALID_ARGUMENT');
    await expectError(call('requestExtension', { ticketId, days: 99, reason: 'x' }, HANDLER), 'INVALID_ARGUMENT');
  });
});

describe('主办 / 协办', () => {
  it('the admin names co-handlers; they see the ticket, add their part, and the lead department replies', async () => {
    const ticketId = await assigned();
    await onlyThese([ADMIN], (who) => call('cohandle', { ticketId, departmentIds: ['d2'] }, who));
    await expectError(call('cohandle', { ticketId, departmentIds: ['d1'] }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('cohandle', { ticketId, departmentIds: ['nope'] }, ADMIN), 'NOT_FOUND');
    await expectOk(call('cohandle', { ticketId, departmentIds: ['d2'] }, ADMIN));

    const queue = await expectOk(call('queue', { departmentId: 'd2' }, HANDLER_D2));
    expect(queue.cohandling.map((t) => t.ticketId)).toEqual([ticketId]);
    const seen = await expectOk(call('get', { ticketId }, HANDLER_D2));
    expect(seen.can).toMatchObject({ coReply: true, reply: false, returnTicket: false });
    await onlyThese([HANDLER_D2], (who) => call('coReply', { ticketId, content: '住建局已核实小区产权' }, who));
    await expectOk(call('coReply', { ticketId, content: '住建局已核实小区产权' }, HANDLER_D2));
    // Only the lead department replies.
    await expectError(call('reply', { ticketId, content: '已修复' }, HANDLER_D2), 'PERMISSION_DENIED');
    await expectOk(call('reply', { ticketId, content: '已修复' }, HANDLER));
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t.coDepartments).toEqual([
      expect.objectContaining({ departmentId: 'd2', name: '市住建局', part: '住建局已核实小区产权' }),
    ]);
    expect(t.timeline.map((e) => e.eventName)).toEqual(['提交诉求', '交办', '指定协办部门', '协办意见', '答复']);
    // After the reply a co-handler's part is closed.
    await expectError(call('coReply', { ticketId, content: '补充' }, HANDLER_D2), 'FAILED_PRECONDITION');
  });
});

describe('回访', () => {
  it('only the admin visits, after the answer; an unsolved visit re-opens it with a fresh deadline', async () => {
    const open = await assigned();
    await expectError(call('visit', { ticketId: open, reached: true, solved: true }, ADMIN), 'FAILED_PRECONDITION');
    const ticketId = await replied();
    await onlyThese([ADMIN], (who) => call('visit', { ticketId, reached: true, solved: false }, who));
    // Not reached cannot be solved.
    await expectError(call('visit', { ticketId, reached: false, solved: true }, ADMIN), 'INVALID_ARGUMENT');
    // Not reached: on the timeline, decides nothing.
    await expectOk(call('visit', { ticketId, reached: false, solved: false }, ADMIN));
    await expectError(call('visitReopen', { ticketId }, ADMIN), 'FAILED_PRECONDITION');
    await expectOk(call('visit', { ticketId, reached: true, solved: false, note: '路灯仍时亮时灭' }, ADMIN));
    let stats = await expectOk(call('stats', {}, PUBLIC));
    expect(stats.departments.find((d) => d.departmentId === 'd1')).toMatchObject({ visitRate: 1, solveRate: 0 });

    await onlyThese([ADMIN], (who) => call('visitReopen', { ticketId }, who));
    const r = await expectOk(call('visitReopen', { ticketId, note: '请彻底修复' }, ADMIN));
    expect(r.status).toBe('assigned');
    await expectOk(call('reply', { ticketId, content: '已更换线路' }, HANDLER));
    await expectOk(call('visit', { ticketId, reached: true, solved: true }, ADMIN));
    stats = await expectOk(call('stats', {}, PUBLIC));
    // Still one visited ticket; its latest visit found it solved.
    expect(stats.departments.find((d) => d.departmentId === 'd1')).toMatchObject({ visitRate: 1, solveRate: 1 });
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t.visits.map((v) => [v.reached, v.solved])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    expect(t.timeline.map((e) => e.eventName)).toEqual([
      '提交诉求',
      '交办',
      '答复',
      '回访',
      '回访',
      '回访未解决，重新办理',
      '答复',
      '回访',
    ]);
  });
});

describe('追问', () => {
  it('the submitter asks once after the answer; the lead department answers in the thread', async () => {
    const ticketId = await replied();
    await onlyThese([PUBLIC], (who) => call('ask', { ticketId, content: '其他路段的路灯也会修吗？' }, who), {
      // The admin and handlers are signed in but not the submitter.
    });
    await expectOk(call('ask', { ticketId, content: '其他路段的路灯也会修吗？' }, PUBLIC));
    await onlyThese([HANDLER, ADMIN], (who) => call('answerAsk', { ticketId, content: '会一并排查' }, who));
    await expectOk(call('answerAsk', { ticketId, content: '本周内一并排查幸福路全线路灯' }, HANDLER));
    const t = await expectOk(call('get', { ticketId }, PUBLIC));
    expect(t).toMatchObject({
      status: 'replied',
      followUp: { question: '其他路段的路灯也会修吗？', answer: '本周内一并排查幸福路全线路灯' },
    });
    expect(t.can.ask).toBe(false);
    const again = await expectError(call('ask', { ticketId, content: '还有一个问题' }, PUBLIC), 'FAILED_PRECONDITION');
    expect(again.message).toBe('每件诉求只能追问一次');
    expect((await allDocs('hotline_reminders')).filter((n) => n.kind === 'answer')).toHaveLength(1);
  });

  it('refuses a 追问 before the answer', async () => {
    const ticketId = await assigned();
    await expectError(call('ask', { ticketId, content: '进展如何？' }, PUBLIC), 'FAILED_PRECONDITION');
  });
});

describe('催办 by the submitter', () => {
  it('only the submitter, only when overdue, once a day; the department is reminded', async () => {
    const ticketId = await assigned();
    const early = await expectError(call('urge', { ticketId }, PUBLIC), 'FAILED_PRECONDITION');
    expect(early.message).toBe('诉求尚在办理期限内，超期后才能催办');
    await makeOverdue(ticketId);
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).can.urge).toBe(true);
    await onlyThese([PUBLIC], (who) => call('urge', { ticketId }, who));
    await expectOk(call('urge', { ticketId }, PUBLIC));
    expect((await expectOk(call('get', { ticketId }, PUBLIC))).can.urge).toBe(false);
    await expectError(call('urge', { ticketId }, PUBLIC), 'FAILED_PRECONDITION');
    const reminders = (await allDocs('hotline_reminders')).filter((n) => n.kind === 'urge');
    expect(reminders).toEqual([expect.objectContaining({ ticketId, departmentId: 'd1', to: ['handlers:d1'] })]);
    expect((await ticket(ticketId)).urgeCount).toBe(1);
  });
});

describe('通报 and statistics', () => {
  it('the timer puts a ticket 5 working days late on the 通报 list, which only the admin reads', async () => {
    const ticketId = await assigned();
    await makeOverdue(ticketId, 10);
    await sdkDb()
      .collection('hotline_tickets')
      .doc(ticketId)
      .update({ data: { title: '张伟家门口路灯不亮，电话13812345678', contactName: '张伟' } });
    await cloud.fireTimer('hotline', 'hotline-hourly', new Date());
    const reports = await expectOk(call('reports', {}, ADMIN));
    expect(reports.tickets.map((t) => t.ticketId)).toEqual([ticketId]);
    expect(reports.tickets[0].lateWorkdays).toBeGreaterThanOrEqual(5);
    // Masked as on the public board: the contact's name and the phone number.
    expect(reports.tickets[0].title).toBe('张*家门口路灯不亮，电话138****5678');
    await onlyThese([ADMIN], (who) => call('reports', {}, who));
    expect((await expectOk(call('get', { ticketId }, ADMIN))).reported).toBe(true);
    const stats = await expectOk(call('stats', {}, PUBLIC));
    expect(stats.departments.find((d) => d.departmentId === 'd1')!.reported).toBe(1);
    // Once answered it leaves the list.
    await expectOk(call('reply', { ticketId, content: '已修复' }, HANDLER));
    expect((await expectOk(call('reports', {}, ADMIN))).tickets).toEqual([]);
  });

  it('counts a period from month documents and refuses a reversed or too long one', async () => {
    await replied();
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const r = await expectOk(call('stats', { from: month, to: month }, PUBLIC));
    expect(r.period).toEqual({ from: month, to: month });
    expect(r.departments.find((d) => d.departmentId === 'd1')).toMatchObject({ received: 1, replied: 1 });
    const empty = await expectOk(call('stats', { from: '2019-01', to: '2019-02' }, PUBLIC));
    expect(empty.total.received).toBe(0);
    await expectError(call('stats', { from: '2020-05', to: '2020-01' }, PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('stats', { from: '2019-01', to: '2020-12' }, PUBLIC), 'INVALID_ARGUMENT');
    await expectError(call('stats', { from: '2020-13' }, PUBLIC), 'INVALID_ARGUMENT');
    // A period reads one document per department and month, never the tickets.
    const { reads } = await cloud.countOps(() => call('stats', { from: '2020-01', to: '2020-12' }, PUBLIC));
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('exports the statistics as an Excel workbook for the admin only', async () => {
    await replied();
    await onlyThese([ADMIN], (who) => call('statsExport', {}, who));
    const r = await expectOk(call('statsExport', {}, ADMIN));
    expect(r.fileName).toMatch(/\.xlsx$/);
    expect(r.url).toMatch(/^https?:/);
    // The workbook carries every rate of the page, the same figures as `stats` for the same period.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sdk().downloadFile({ fileID: r.fileID })).fileContent as never);
    const sheet = wb.getWorksheet('部门统计')!;
    const head = (sheet.getRow(2).values as unknown[]).slice(1);
    for (const h of [
      '按时办结率(%)',
      '解决率(%)',
      '回访率(%)',
      '重复诉求率(%)',
      '直接答复率(%)',
      '退单数',
      '延期数',
      '通报数',
    ])
      expect(head).toContain(h);
    const s = await expectOk(call('stats', {}, ADMIN));
    const d1 = s.departments.find((d) => d.departmentId === 'd1')!;
    const row = sheet.getRows(3, s.departments.length)!.find((x) => x.getCell(1).value === d1.name)!;
    const cell = (h: string) => row.getCell(head.indexOf(h) + 1).value;
    expect(cell('受理数')).toBe(d1.received);
    expect(cell('并单数')).toBe(d1.merged);
    expect(cell('直接答复数')).toBe(d1.directAnswers);
    expect(sheet.getRow(3 + s.departments.length).getCell(1).value).toBe('合计');
  });
});
