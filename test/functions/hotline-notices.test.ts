// Subscribe messages of the 12345 loop over the local cloud (issue 15): the 催办 ladder's reminders to the
// handlers (and, from the 催办通知书 on, the admins) who allowed them with `remindSubscribe`, and the progress notice
// to the submitter of an approved 延期 or a re-opened ticket. One-time subscriptions: each allowed message is
// spent by one send. No consent, no message; a refused send never fails the timer or the step, and every
// reminder's record says what became of its message.
import { readSubscribeMessages } from '../../emulator/openapi';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { ADMIN, allDocs, getDoc, HANDLER, PUBLIC, sdk, sdkDb, seedBasic, seedRoles, snapshot } from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'hotline'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('hotline', action, data, openid);

const HANDLER_D2 = 'handler-d2';
const REMIND = 'tmpl-remind';
const PROGRESS = 'tmpl-progress';
const ENV = ['HOTLINE_REMIND_TEMPLATE_ID', 'HOTLINE_PROGRESS_TEMPLATE_ID'] as const;
const saved = ENV.map((k) => process.env[k]);

const sent = () => readSubscribeMessages(cloud.dataDir);
const reminders = async (kind: string) => (await allDocs('hotline_reminders')).filter((r) => r.kind === kind);
const ticket = async (ticketId: string) => (await getDoc('hotline_tickets', ticketId))!;
const fire = (at: number) => cloud.fireTimer('hotline', 'hotline-hourly', new Date(at));

async function assigned(title = '幸福路路灯不亮', openid = PUBLIC): Promise<string> {
  const { ticketId } = await expectOk(
    call(
      'submit',
      { category: '咨询', title, content: '小区门口路灯坏了一周，晚上出行不便。', departmentId: 'd1', isPublic: true },
      openid,
    ),
  );
  await expectOk(call('assign', { ticketId, departmentId: 'd1' }, ADMIN));
  return ticketId;
}

/** Every keyword as WeChat's rules want it: thing ≤ 20 characters, phrase ≤ 5, date as 年月日. */
function expectWellFormed(data: Record<string, { value: string }>): void {
  for (const [key, { value }] of Object.entries(data)) {
    expect(value).not.toBe('');
    if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
    if (key.startsWith('phrase')) expect([...value].length).toBeLessThanOrEqual(5);
    if (key.startsWith('date')) expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  }
}

/** The 'YYYY-MM-DD' day as a date keyword. */
const wxDay = (day: unknown) => {
  const [y, m, d] = String(day).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** WeChat refuses every send (43101: the user has no subscription left) while `fn` runs. */
async function withRefusedSends<T>(fn: () => Promise<T>): Promise<T> {
  const sdkObject = sdk() as unknown as { openapi: unknown };
  sdkObject.openapi = {
    subscribeMessage: { send: () => Promise.reject(new Error('errCode: 43101 | user refuse to accept the msg')) },
  };
  try {
    return await fn();
  } finally {
    sdkObject.openapi = undefined;
  }
}

beforeEach(async () => {
  process.env.HOTLINE_REMIND_TEMPLATE_ID = REMIND;
  process.env.HOTLINE_PROGRESS_TEMPLATE_ID = PROGRESS;
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd2', name: '市住建局' }, ADMIN));
  await expectOk(cloud.call('org', 'grantRole', { openid: HANDLER_D2, role: 'handler', scopeId: 'd2' }, ADMIN));
});
afterEach(async () => {
  await cloud.close();
  ENV.forEach((k, i) => {
    if (saved[i] === undefined) delete process.env[k];
    else process.env[k] = saved[i];
  });
});

describe('remindSubscribe: a handler or admin allows 催办提醒 messages', () => {
  it('counts one message per 允许, turns off on a refusal, and is for handlers and admins only', async () => {
    const before = await snapshot();
    for (const who of [PUBLIC, 'sec-b1']) {
      await expectError(call('remindSubscribe', { accepted: true }, who), 'PERMISSION_DENIED');
      await expectError(call('remindSubscription', {}, who), 'PERMISSION_DENIED');
    }
    await expectError(call('remindSubscribe', { accepted: true }), 'UNAUTHENTICATED');
    await expectError(call('remindSubscribe', { accepted: 'yes' }, HANDLER), 'INVALID_ARGUMENT');
    expect(await snapshot()).toEqual(before);

    expect(await expectOk(call('remindSubscription', {}, HANDLER))).toEqual({
      credits: 0,
      departmentIds: ['d1'],
      admin: false,
    });
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    expect(await expectOk(call('remindSubscribe', { accepted: true }, HANDLER))).toMatchObject({ credits: 2 });
    expect(await expectOk(call('remindSubscribe', { accepted: false }, HANDLER))).toMatchObject({ credits: 0 });
    expect(await expectOk(call('remindSubscribe', { accepted: true }, ADMIN))).toEqual({
      credits: 1,
      departmentIds: [],
      admin: true,
    });
    expect(await getDoc('hotline_subscriptions', ADMIN)).toMatchObject({ remind: 1, admin: true });
  });
});

describe('the 催办 ladder as subscribe messages', () => {
  it('reminds the handler who allowed it a working day before, then sends the 催办通知书 to handler and admin', async () => {
    const ticketId = await assigned('这是一个很长很长很长很长的标题，超过二十个字的部分会被截掉');
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    await expectOk(call('remindSubscribe', { accepted: true }, ADMIN));
    // A handler of another department is not told about d1's tickets.
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER_D2));
    const t = await ticket(ticketId);
    const dueMs = Number(t.dueMs);

    await fire(dueMs - 3600_000);
    expect(sent()).toEqual([
      {
        touser: HANDLER,
        templateId: REMIND,
        page: `pages/hotline-ticket/index?id=${ticketId}`,
        data: {
          character_string1: { value: String(t.ticketNo) },
          thing2: { value: '这是一个很长很长很长很长的标题，超过二十' },
          date3: { value: wxDay(t.dueDay) },
          phrase4: { value: '即将到期' },
          thing5: { value: '请于办理期限前答复诉求人' },
        },
        miniprogramState: 'formal',
        at: expect.any(String),
      },
    ]);
    expect(await reminders('due-soon')).toMatchObject([
      { ticketId, sent: 'sent', deliveries: [{ openid: HANDLER, sent: 'sent', error: null }] },
    ]);

    await fire(dueMs + 3600_000);
    const notice = sent().slice(1);
    expect(notice.map((m) => m.touser).sort()).toEqual([ADMIN, HANDLER].sort());
    for (const m of notice) {
      expect(m.data.phrase4).toEqual({ value: '已超期' });
      expect(m.data.thing5).toEqual({ value: '催办通知书：请尽快答复' });
    }
    for (const m of sent()) expectWellFormed(m.data);
    expect(await reminders('overdue')).toMatchObject([{ ticketId, sent: 'sent' }]);
    // One-time subscriptions: each send used one up; d2's handler kept theirs.
    expect(await expectOk(call('remindSubscription', {}, HANDLER))).toMatchObject({ credits: 0 });
    expect(await expectOk(call('remindSubscription', {}, ADMIN))).toMatchObject({ credits: 0 });
    expect(await expectOk(call('remindSubscription', {}, HANDLER_D2))).toMatchObject({ credits: 1 });

    // A later run sends nothing again; the submitter's 催办 finds nobody with a message left.
    await fire(dueMs + 7200_000);
    expect(sent()).toHaveLength(3);
    // (The deadline has really passed for the submitter's 催办, which goes by the clock.)
    await sdkDb()
      .collection('hotline_tickets')
      .doc(ticketId)
      .update({ data: { dueMs: Date.now() - 3600_000 } });
    await expectOk(call('urge', { ticketId }, PUBLIC));
    expect(sent()).toHaveLength(3);
    expect(await reminders('urge')).toMatchObject([{ ticketId, sent: 'not-subscribed', deliveries: [] }]);
  });

  it('sends nothing without consent, records no-template when unconfigured, and asks the role again', async () => {
    const silent = await assigned();
    await fire(Number((await ticket(silent)).dueMs) + 3600_000);
    expect(sent()).toEqual([]);
    expect(await reminders('overdue')).toMatchObject([{ ticketId: silent, sent: 'not-subscribed' }]);

    // The handler allowed reminders, then moved to another department: d1's tickets are no longer theirs.
    const moved = await assigned();
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    await expectOk(cloud.call('org', 'revokeRole', { openid: HANDLER, role: 'handler', scopeId: 'd1' }, ADMIN));
    await fire(Number((await ticket(moved)).dueMs) - 3600_000);
    expect(sent()).toEqual([]);
    expect((await getDoc('hotline_subscriptions', HANDLER))!.remind).toBe(1);

    delete process.env.HOTLINE_REMIND_TEMPLATE_ID;
    await expectOk(cloud.call('org', 'grantRole', { openid: HANDLER, role: 'handler', scopeId: 'd1' }, ADMIN));
    const unconfigured = await assigned();
    await fire(Number((await ticket(unconfigured)).dueMs) + 3600_000);
    expect(sent()).toEqual([]);
    expect((await reminders('overdue')).find((r) => r.ticketId === unconfigured)).toMatchObject({
      sent: 'no-template',
    });
    // Nothing spent while there was no template.
    expect((await getDoc('hotline_subscriptions', HANDLER))!.remind).toBe(1);
  });

  it('a refused send does not fail the timer: the tickets are marked and the record says failed', async () => {
    const ticketId = await assigned();
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    const dueMs = Number((await ticket(ticketId)).dueMs);
    const run = await withRefusedSends(() => fire(dueMs + 3600_000));
    expect(run).toMatchObject({ ok: true, data: { overdue: 1 } });
    expect(await ticket(ticketId)).toMatchObject({ overdue: true });
    expect(await reminders('overdue')).toMatchObject([
      {
        ticketId,
        sent: 'failed',
        deliveries: [{ openid: HANDLER, sent: 'failed', error: expect.stringContaining('43101') }],
      },
    ]);
  });

  it('costs a bounded number of operations: who allowed messages is read once per department and run', async () => {
    let n = 0;
    const three = async () => Promise.all([1, 2, 3].map(() => assigned('幸福路路灯不亮', `public-x${++n}`)));
    const dueOf = async (ids: string[]) =>
      Math.max(...(await Promise.all(ids.map(async (id) => Number((await ticket(id)).dueMs)))));
    // The same run without a template: the ladder as it was.
    delete process.env.HOTLINE_REMIND_TEMPLATE_ID;
    const plain = await cloud.countOps(async () => fire((await dueOf(await three())) + 3600_000));
    process.env.HOTLINE_REMIND_TEMPLATE_ID = REMIND;
    await expectOk(call('remindSubscribe', { accepted: true }, HANDLER));
    const ids = await three();
    const due = await dueOf(ids);
    const messaged = await cloud.countOps(() => fire(due + 3600_000));
    // Three overdue tickets: d1's and the admins' subscriptions and d1's handler's roles read once for the run; the
    // one message allowed spent on the first ticket and its record's summary written.
    expect(messaged.reads - plain.reads).toBeLessThanOrEqual(3);
    expect(messaged.writes - plain.writes).toBeLessThanOrEqual(2);
    expect(sent()).toHaveLength(1);
    const records = (await reminders('overdue')).filter((r) => ids.includes(String(r.ticketId)));
    expect(records.map((r) => r.sent).sort()).toEqual(['not-subscribed', 'not-subscribed', 'sent']);
  });
});

describe('progress notices to the submitter', () => {
  async function subscribed(progress: boolean): Promise<string> {
    const ticketId = await assigned();
    await expectOk(call('subscribe', { ticketId, accepted: false, progress }, PUBLIC));
    return ticketId;
  }

  it('tells the submitter of an approved 延期 with the new deadline, once per consent', async () => {
    const ticketId = await subscribed(true);
    await expectOk(call('requestExtension', { ticketId, days: 3, reason: '需协调供电公司' }, HANDLER));
    const { result } = await cloud.countOps(() => call('reviewExtension', { ticketId, approve: true }, ADMIN));
    expect(result).toMatchObject({ ok: true });
    const t = await ticket(ticketId);
    expect(sent()).toEqual([
      {
        touser: PUBLIC,
        templateId: PROGRESS,
        page: `pages/hotline-ticket/index?id=${ticketId}`,
        data: {
          character_string1: { value: String(t.ticketNo) },
          thing2: { value: '幸福路路灯不亮' },
          phrase3: { value: '已延期' },
          date4: { value: wxDay(t.dueDay) },
          thing5: { value: '办理期限延长3个工作日' },
        },
        miniprogramState: 'formal',
        at: expect.any(String),
      },
    ]);
    expectWellFormed(sent()[0].data);
    expect(t.progressSubscribe).toBe(false);
    expect(await reminders('extension')).toMatchObject([{ ticketId, sent: 'sent', error: null }]);

    // The consent is used up: the re-opening after an unsolved 回访 is recorded, not sent.
    await expectOk(call('reply', { ticketId, content: '路灯已修复' }, HANDLER));
    await expectOk(call('visit', { ticketId, reached: true, solved: false }, ADMIN));
    await expectOk(call('visitReopen', { ticketId }, ADMIN));
    expect(sent()).toHaveLength(1);
    expect(await reminders('reopen')).toMatchObject([{ ticketId, sent: 'not-subscribed' }]);
  });

  it('tells the submitter of a re-opened ticket and its fresh deadline', async () => {
    const ticketId = await subscribed(true);
    await expectOk(call('reply', { ticketId, content: '路灯已修复' }, HANDLER));
    await expectOk(call('visit', { ticketId, reached: true, solved: false }, ADMIN));
    // The step costs one more write for spending the consent, no more.
    const ops = await cloud.countOps(() => call('visitReopen', { ticketId }, ADMIN));
    expect(ops.result).toMatchObject({ ok: true });
    const t = await ticket(ticketId);
    expect(sent()).toMatchObject([
      {
        touser: PUBLIC,
        templateId: PROGRESS,
        data: { phrase3: { value: '重新办理' }, date4: { value: wxDay(t.dueDay) } },
      },
    ]);
    expectWellFormed(sent()[0].data);
    expect(ops.writes).toBeLessThanOrEqual(3);
  });

  it('sends nothing without consent, and a refused send does not fail the approval', async () => {
    const silent = await subscribed(false);
    await expectOk(call('requestExtension', { ticketId: silent, days: 2, reason: '需协调' }, HANDLER));
    await expectOk(call('reviewExtension', { ticketId: silent, approve: true }, ADMIN));
    expect(sent()).toEqual([]);
    expect(await reminders('extension')).toMatchObject([{ ticketId: silent, sent: 'not-subscribed' }]);

    const ticketId = await subscribed(true);
    await expectOk(call('requestExtension', { ticketId, days: 2, reason: '需协调' }, HANDLER));
    const r = await withRefusedSends(() => call('reviewExtension', { ticketId, approve: true }, ADMIN));
    expect(r).toMatchObject({ ok: true });
    expect(await ticket(ticketId)).toMatchObject({ extendedDays: 2, extensionPending: false });
    expect((await reminders('extension')).find((n) => n.ticketId === ticketId)).toMatchObject({
      sent: 'failed',
      error: expect.stringContaining('43101'),
    });
  });

  it('a merge notice uses up the reply notice the submitter allowed', async () => {
    const parent = await assigned();
    const { ticketId } = await expectOk(
      call('submit', { category: '咨询', title: '幸福路路灯坏了', content: '路灯坏了。', isPublic: true }, PUBLIC),
    );
    await expectOk(call('subscribe', { ticketId, accepted: true }, PUBLIC));
    await expectOk(call('merge', { ticketId, parentId: parent }, ADMIN));
    expect(await ticket(ticketId)).toMatchObject({ status: 'merged', subscribe: false });
  });
});
