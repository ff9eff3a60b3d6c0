// The `register` function over the local cloud: the 换届选举台账 (terms, election records, the register view, the
// export) against every role, bad input that changes nothing, the database cost of the views, and the daily timer's
// 6/3/1-month reminders sent once to the org's secretary and the admins.
import ExcelJS from 'exceljs';
import { readSubscribeMessages } from '../../emulator/openapi';
import type { ActionName } from '@/domain/api';
import { termAddMonths } from '@/domain/register';
import { shanghaiDay } from '../../server/time';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  HANDLER,
  MEMBER,
  PARTY_SECRETARY,
  PUBLIC,
  SECRETARY,
  allDocs,
  getDoc,
  sdk,
  sdkDb,
  seedBasic,
  seedRoles,
} from './support';

/** The secretary of b3 (another 党委's branch). */
const SECRETARY_B3 = 'sec-b3';
const TEMPLATE = 'tmpl-register-remind';

let cloud: TestCloud;
beforeAll(async () => {
  process.env.REGISTER_REMIND_TEMPLATE_ID = TEMPLATE;
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B3, role: 'secretary', scopeId: 'b3' }, ADMIN));
});
afterAll(async () => {
  delete process.env.REGISTER_REMIND_TEMPLATE_ID;
  await cloud.close();
});

const call = <A extends ActionName<'register'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('register', action, data, openid);
const today = () => shanghaiDay();
/** The day `months` from today (negative: before). */
const monthsFromToday = (months: number) => termAddMonths(today(), months);

const term = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId,
  orgKind: '党支部',
  electedOn: monthsFromToday(-12),
  secretaryName: '张伟',
  committee: ['王芳', '李娜'],
  ...extra,
});
const election = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId,
  orgKind: '党支部',
  heldOn: monthsFromToday(-1),
  expected: 30,
  present: 27,
  secretaryName: '张伟',
  committee: ['王芳', '李娜'],
  result: '选举产生新一届支部委员会，张伟当选书记',
  approval: '市直工委〔2020〕12号',
  ...extra,
});

/** Every register collection, to assert that a refused call wrote nothing. */
async function registerState() {
  return Promise.all(['register_terms', 'register_elections', 'register_summary'].map((c) => allDocs(c)));
}

// Each test starts with an empty register and registers the terms and elections it checks, so the tests hold in any
// order (npm test runs them with jest --randomize).
beforeEach(async () => {
  const db = sdkDb();
  for (const name of ['register_terms', 'register_elections', 'register_summary', 'register_reminders'])
    for (const doc of await allDocs(name)) await db.collection(name).doc(doc._id).remove();
});
/** b3's current term: elected a month ago by its secretary. */
const electB3 = () => expectOk(call('recordElection', election('b3'), SECRETARY_B3));
/** b3's election of 2017, not quorate: history only. */
const electB3In2017 = () =>
  expectOk(call('recordElection', election('b3', { heldOn: '2017-06-01', present: 20, secretaryName: '赵磊' }), ADMIN));
/** The terms of p1's tree: p1 (a 党委 term of 2019, overdue), b1 (40 months ago, overdue), b2 (34 months ago, due). */
async function registerP1Tree() {
  await expectOk(
    call('saveTerm', term('p1', { orgKind: '党委', electedOn: '2019-11-08', secretaryName: '陈静' }), ADMIN),
  );
  await expectOk(call('saveTerm', term('b1', { electedOn: monthsFromToday(-40) }), ADMIN));
  await expectOk(call('saveTerm', term('b2', { electedOn: monthsFromToday(-34) }), ADMIN));
}

describe('register.saveTerm', () => {
  it('registers a 支部 term of 3 years by default and a 党委 term of 5; the summary holds the row', async () => {
    const electedOn = monthsFromToday(-34);
    const { result, reads, writes } = await cloud.countOps(() => call('saveTerm', term('b2', { electedOn }), ADMIN));
    expect(await expectOk(Promise.resolve(result))).toEqual({ endsOn: termAddMonths(electedOn, 36), state: 'due3' });
    // caller, directory, summary; the term document and the summary entry.
    expect({ reads, writes }).toEqual({ reads: 3, writes: 2 });
    expect(await getDoc('register_terms', 'b2')).toMatchObject({ termYears: 3, committee: ['王芳', '李娜'] });

    const p1 = await expectOk(
      call('saveTerm', term('p1', { orgKind: '党委', electedOn: '2019-11-08', secretaryName: '陈静' }), ADMIN),
    );
    expect(p1.endsOn).toBe('2024-11-08');
    const summary = await getDoc('register_summary', 'terms');
    expect(Object.keys(summary?.terms as object).sort()).toEqual(['b2', 'p1']);
  });

  it('lets a secretary register the own org and those below it, not another', async () => {
    await expectOk(call('saveTerm', term('b1'), SECRETARY));
    await expectOk(call('saveTerm', term('b1', { termYears: 4 }), PARTY_SECRETARY));
    expect(await getDoc('register_terms', 'b1')).toMatchObject({ termYears: 4 });
    const before = await registerState();
    await expectError(call('saveTerm', term('b1'), SECRETARY_B3), 'PERMISSION_DENIED');
    await expectError(call('saveTerm', term('b2'), SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('saveTerm', term('p1', { orgKind: '党委' }), SECRETARY), 'PERMISSION_DENIED');
    expect(await registerState()).toEqual(before);
  });

  it.each([
    [HANDLER, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) and writes nothing', async (openid, code) => {
    const before = await registerState();
    await expectError(call('saveTerm', term('b3'), openid), code);
    expect(await registerState()).toEqual(before);
  });

  it('rejects bad input with a Chinese message and writes nothing', async () => {
    const before = await registerState();
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ electedOn: '2023-02-29' }, 'INVALID_ARGUMENT', /有效日期/],
      [{ electedOn: '2020/01/01' }, 'INVALID_ARGUMENT', /有效日期/],
      [{ electedOn: monthsFromToday(1) }, 'INVALID_ARGUMENT', /不能晚于今天/],
      [{ orgKind: '党小组' }, 'INVALID_ARGUMENT', /组织类别/],
      [{ termYears: 0 }, 'INVALID_ARGUMENT', /任期年限/],
      [{ secretaryName: '' }, 'INVALID_ARGUMENT', /书记/],
      [{ committee: Array.from({ length: 40 }, (_, i) => `委员${i}`) }, 'INVALID_ARGUMENT', /委员/],
      [{ extra: 1 }, 'INVALID_ARGUMENT', /extra/],
      [{ orgId: 'nowhere' }, 'NOT_FOUND', /组织不存在/],
      [{ orgId: 'gw' }, 'FAILED_PRECONDITION', /不实行换届/],
    ];
    for (const [change, code, message] of bad) {
      const err = await expectError(call('saveTerm', term('b3', change), ADMIN), code);
      expect(err.message).toMatch(message);
    }
    expect(await registerState()).toEqual(before);
  });
});

describe('register.recordElection', () => {
  it('records the election and starts the new term on the day it was held', async () => {
    const data = await electB3();
    expect(data).toEqual({
      electionId: expect.stringMatching(/^el_/),
      endsOn: termAddMonths(monthsFromToday(-1), 36),
      state: 'ok',
      quorate: true,
      current: true,
    });
    expect(await getDoc('register_terms', 'b3')).toMatchObject({
      electedOn: monthsFromToday(-1),
      secretaryName: '张伟',
    });
  });

  it('keeps an older election as history without changing the current term', async () => {
    await electB3();
    const older = await electB3In2017();
    expect(older).toMatchObject({ endsOn: '2020-06-01', quorate: false, current: false });
    expect(await getDoc('register_terms', 'b3')).toMatchObject({
      electedOn: monthsFromToday(-1),
      secretaryName: '张伟',
    });
  });

  it('refuses more present than expected, and other roles, writing nothing', async () => {
    const before = await registerState();
    const err = await expectError(call('recordElection', election('b3', { present: 31 }), ADMIN), 'INVALID_ARGUMENT');
    expect(err.message).toMatch(/实到人数不能多于应到人数/);
    await expectError(call('recordElection', election('b3', { result: '' }), ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('recordElection', election('b3'), SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('recordElection', election('b3'), MEMBER), 'PERMISSION_DENIED');
    await expectError(call('recordElection', election('b3'), undefined), 'UNAUTHENTICATED');
    expect(await registerState()).toEqual(before);
  });
});

describe('register.term', () => {
  it('shows the term with its reminder days and its elections, newest first', async () => {
    await electB3();
    await electB3In2017();
    const { result, reads } = await cloud.countOps(() => call('term', { orgId: 'b3' }, SECRETARY_B3));
    const data = await expectOk(Promise.resolve(result));
    expect(reads).toBe(5);
    expect(data.term).toMatchObject({ orgName: '市公安局机关第一党支部', committee: ['王芳', '李娜'], state: 'ok' });
    expect(data.term.reminderDays?.[6]).toBe(termAddMonths(data.term.endsOn!, -6));
    expect(data.elections.map((e) => [e.heldOn, e.rate, e.quorate])).toEqual([
      [monthsFromToday(-1), 90, true],
      ['2017-06-01', 67, false],
    ]);
    expect(data.hasMore).toBe(false);
  });

  it('shows an org without a term as 未登记 (none), and refuses others', async () => {
    expect((await expectOk(call('term', { orgId: 'p2' }, ADMIN))).term).toMatchObject({ state: 'none', endsOn: null });
    await expectError(call('term', { orgId: 'b3' }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('term', { orgId: 'b3' }, MEMBER), 'PERMISSION_DENIED');
    await expectError(call('term', { orgId: 'b3' }, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('term', { orgId: 'b3' }, undefined), 'UNAUTHENTICATED');
    await expectError(call('term', { orgId: 'zz' }, ADMIN), 'NOT_FOUND');
  });
});

describe('register.terms', () => {
  it('lists every elected org for an admin, overdue and due first, in three reads', async () => {
    await registerP1Tree();
    await electB3();
    await expectOk(call('saveTerm', term('b1', { electedOn: monthsFromToday(-40) }), ADMIN));
    const { result, reads } = await cloud.countOps(() => call('terms', {}, ADMIN));
    const data = await expectOk(Promise.resolve(result));
    expect(reads).toBe(3);
    expect(data.today).toBe(today());
    expect(data.rows.map((r) => [r.orgId, r.state])).toEqual([
      ['p1', 'overdue'],
      ['b1', 'overdue'],
      ['b2', 'due3'],
      ['p2', 'none'],
      ['b3', 'ok'],
    ]);
    expect(data.counts).toEqual({ overdue: 2, due: 1, none: 1 });
  });

  it('shows a secretary the own org and those below only', async () => {
    const rows = (await expectOk(call('terms', {}, PARTY_SECRETARY))).rows.map((r) => r.orgId);
    expect(rows.sort()).toEqual(['b1', 'b2', 'p1']);
    expect((await expectOk(call('terms', {}, SECRETARY_B3))).rows.map((r) => r.orgId)).toEqual(['b3']);
  });

  it.each([
    [HANDLER, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s)', async (openid, code) => {
    await expectError(call('terms', {}, openid), code);
    await expectError(call('exportTerms', {}, openid), code);
  });
});

describe('register.exportTerms', () => {
  it('exports the caller’s register as a workbook, due first', async () => {
    await registerP1Tree();
    await electB3();
    const { fileID, fileName } = await expectOk(call('exportTerms', {}, PARTY_SECRETARY));
    expect(fileName).toBe(`换届选举台账-${today()}.xlsx`);
    expect(fileID).toContain('exports/register/terms-');
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as never);
    const rows: unknown[][] = [];
    wb.getWorksheet('换届选举台账')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['组织', '类别', '书记', '选举日期', '任期（年）', '任期届满', '状态', '已提醒']);
    expect(rows.slice(2).map((r) => [r[0], r[4], r[6]])).toEqual([
      ['市教育局机关党委', 5, '已超期'],
      ['市教育局机关第一党支部', 3, '已超期'],
      ['市教育局机关第二党支部', 3, '三个月内到期'],
    ]);
  });
});

describe('the daily timer', () => {
  const at = (day: string) => new Date(`${day}T01:00:00Z`);

  it('reminds the org’s secretary and the admins once per stage, the most urgent stage only', async () => {
    await registerP1Tree();
    await electB3();
    await electB3In2017();
    // b3's term: held a month ago, so it ends in 35 months; its 6-month day is 29 months from now.
    const endsOn = termAddMonths(monthsFromToday(-1), 36);
    const sixMonthsBefore = termAddMonths(endsOn, -6);
    const dayBefore = new Date(at(sixMonthsBefore).getTime() - 86400_000);
    const quiet = (await cloud.invoke('register', { Type: 'Timer', Time: dayBefore.toISOString() })) as {
      data: { reminded: number };
    };
    expect(quiet.data.reminded).toBe(0);

    const first = await cloud.invoke('register', { Type: 'Timer', Time: at(sixMonthsBefore).toISOString() });
    expect(first).toMatchObject({ ok: true, data: { reminded: 1, messages: 2, failed: 0 } });
    const toB3 = readSubscribeMessages(cloud.dataDir).filter((m) => m.data.thing1.value === '市公安局机关第一党支部');
    expect(toB3.map((m) => m.touser).sort()).toEqual([ADMIN, SECRETARY_B3].sort());
    expect(toB3[0]).toMatchObject({ templateId: TEMPLATE, data: { date2: { value: endsOn } } });
    expect(toB3[0].data.thing3.value).toContain('6个月');

    const again = await cloud.invoke('register', { Type: 'Timer', Time: at(sixMonthsBefore).toISOString() });
    expect(again).toMatchObject({ ok: true, data: { reminded: 0, messages: 0 } });
    const later = await cloud.invoke('register', { Type: 'Timer', Time: at(termAddMonths(endsOn, -1)).toISOString() });
    expect(later).toMatchObject({ ok: true, data: { reminded: 1 } });
    const b3 = readSubscribeMessages(cloud.dataDir).filter((m) => m.data.thing1.value === '市公安局机关第一党支部');
    expect(b3).toHaveLength(4);
    expect(b3[3].data.thing3.value).toContain('1个月');
    expect((await getDoc('register_summary', 'terms'))?.terms).toMatchObject({ b3: { remindedMonths: 1 } });
    expect(await getDoc('register_reminders', `b3:${endsOn}:1`)).toMatchObject({ months: 1 });
  });

  it('ignores a client that sends a timer event: it goes to the action table', async () => {
    expect(await cloud.invoke('register', { Type: 'Timer' }, PUBLIC)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
