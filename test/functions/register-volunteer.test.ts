// The 志愿服务 actions of the `register` function over the local cloud: activities with their linked check-in
// activity, sign-up with places and a waiting list (also under concurrent sign-ups and cancellations), hours per
// attendee with points through the ledger (capped), the hours per org of the year, the member's page and the export,
// against every role, with bad input that changes nothing. Each test makes its own activity (any order holds).
import ExcelJS from 'exceljs';
import type { ActionName } from '@/domain/api';
import { shanghaiYear } from '../../server/time';
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

jest.setTimeout(120_000);

const SECRETARY_B3 = 'sec-b3';
/** Members of the big branch b9 (under p1), bound as `v-<memberId>`. */
const N = 24;
let cloud: TestCloud;
let voters: string[] = [];
/** b1's members bound: 张伟 (SECRETARY), 王芳 (MEMBER), 李娜 (LINA). */
const LINA = 'member-lina';
let ids: Record<string, string> = {};

beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B3, role: 'secretary', scopeId: 'b3' }, ADMIN));
  await expectOk(cloud.call('user', 'bind', { name: '李娜', phone: '13900000103' }, LINA));
  await expectOk(cloud.call('org', 'saveOrg', { orgId: 'b9', name: '大支部', parentId: 'p1' }, ADMIN));
  const rows = Array.from({ length: N }, (_, i) => ({
    name: `志愿者${i}`,
    phone: `1370000${String(i).padStart(4, '0')}`,
    orgId: 'b9',
  }));
  await expectOk(cloud.call('org', 'importMembers', { rows }, ADMIN));
  const members = await allDocs('members');
  const big = members.filter((m) => m.orgId === 'b9').sort((a, b) => String(a.name).localeCompare(String(b.name)));
  await sdkDb()
    .collection('users')
    .add({ data: big.map((m) => ({ _id: `v-${m._id}`, roles: [], hasGrants: false, memberId: m._id })) });
  voters = big.map((m) => `v-${m._id}`);
  ids = Object.fromEntries(members.map((m) => [String(m.name), m._id]));
});
afterAll(() => cloud.close());

const call = <A extends ActionName<'register'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('register', action, data, openid);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
let seq = 0;
const activity = (extra: Record<string, unknown> = {}) => ({
  orgId: 'b1',
  title: `社区清洁${++seq}`,
  mode: '进社区',
  partner: '幸福里社区',
  startAt: hoursFromNow(48),
  endAt: hoursFromNow(51),
  place: '幸福里社区服务中心',
  capacity: 2,
  ...extra,
});
const state = () =>
  Promise.all(
    ['register_volunteer', 'register_volunteer_summary', 'register_volunteer_hours', 'activities', 'points'].map((c) =>
      allDocs(c),
    ),
  );

/** The year the ended activities below belong to (they started three hours ago). */
const Y = () => shanghaiYear(new Date(Date.now() - 3 * 3600_000));

/**
 * An activity of two hours that ended an hour ago, with the named b1 members checked in. Each test's points go to
 * members of its own, so the 志愿服务 daily cap of one test never cuts another's.
 */
async function endedActivity(attendees: string[], extra: Record<string, unknown> = {}) {
  const created = await expectOk(
    call('volCreate', activity({ startAt: hoursFromNow(-3), endAt: hoursFromNow(-1), ...extra }), ADMIN),
  );
  for (const name of attendees)
    await expectOk(
      cloud.call(
        'checkin',
        'manualCheckIn',
        { activityId: created.checkinActivityId, memberId: ids[name], reason: '现场签到表' },
        ADMIN,
      ),
    );
  return created;
}

describe('register.volCreate', () => {
  it('makes the activity and its check-in activity of kind 志愿服务', async () => {
    const input = activity();
    const created = await expectOk(call('volCreate', input, SECRETARY));
    const doc = await getDoc('register_volunteer', created.activityId);
    expect(doc).toMatchObject({ orgId: 'b1', mode: '进社区', partner: '幸福里社区', capacity: 2, signups: [] });
    expect(doc?.scopeOrgIds).toEqual(['b1', 'p1', 'gw']);
    const checkin = await getDoc('activities', created.checkinActivityId);
    expect(checkin).toMatchObject({ kind: '志愿服务', orgIds: ['b1'], title: `志愿服务：${input.title}` });
    const got = await expectOk(call('volGet', { activityId: created.activityId }, PARTY_SECRETARY));
    expect(got.activity).toMatchObject({ title: input.title, signedUp: 0, waiting: 0, recorded: false });
    expect(got.ended).toBe(false);
  });

  it.each([
    [SECRETARY_B3, { orgId: 'b1' }, 'PERMISSION_DENIED'],
    [SECRETARY, { orgId: 'b2' }, 'PERMISSION_DENIED'],
    [HANDLER, {}, 'PERMISSION_DENIED'],
    [MEMBER, {}, 'PERMISSION_DENIED'],
    [PUBLIC, {}, 'PERMISSION_DENIED'],
    [undefined, {}, 'UNAUTHENTICATED'],
    [ADMIN, { orgId: 'nope' }, 'NOT_FOUND'],
    [ADMIN, { endAt: hoursFromNow(47) }, 'INVALID_ARGUMENT'],
    [ADMIN, { capacity: 0 }, 'INVALID_ARGUMENT'],
    [ADMIN, { mode: '进城' }, 'INVALID_ARGUMENT'],
    [ADMIN, { partner: ' ' }, 'INVALID_ARGUMENT'],
  ])('refuses %s with %j (%s) and writes nothing', async (openid, extra, code) => {
    const before = await state();
    await expectError(call('volCreate', activity(extra), openid), code);
    expect(await state()).toEqual(before);
  });
});

describe('sign-up and cancel', () => {
  it('fills the places, then the waiting list; a cancellation promotes the first waiting member', async () => {
    const { activityId } = await expectOk(call('volCreate', activity({ capacity: 2 }), ADMIN));
    expect(await expectOk(call('volSignUp', { activityId }, MEMBER))).toEqual({
      status: 'confirmed',
      waitingPlace: null,
      already: false,
    });
    await expectOk(call('volSignUp', { activityId }, SECRETARY));
    expect(await expectOk(call('volSignUp', { activityId }, LINA))).toEqual({
      status: 'waiting',
      waitingPlace: 1,
      already: false,
    });
    // Again: nothing changes.
    const before = await state();
    expect((await expectOk(call('volSignUp', { activityId }, MEMBER))).already).toBe(true);
    expect(await state()).toEqual(before);
    // A member of b9 (under p1, not under b1) is not in its range.
    await expectError(call('volSignUp', { activityId }, voters[0]), 'PERMISSION_DENIED');

    const mine = await expectOk(call('volMine', {}, LINA));
    expect(mine.activities.find((a) => a.activityId === activityId)).toMatchObject({
      status: 'waiting',
      waitingPlace: 1,
    });

    expect(await expectOk(call('volCancel', { activityId }, MEMBER))).toEqual({
      removed: 'confirmed',
      promotedName: '李娜',
    });
    const got = await expectOk(call('volGet', { activityId }, SECRETARY));
    expect(got.signups.map((s) => s.name)).toEqual(['张伟', '李娜']);
    expect(got.waiting).toEqual([]);
    await expectError(call('volCancel', { activityId }, MEMBER), 'NOT_FOUND');
  });

  it.each([
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) and changes nothing', async (openid, code) => {
    const { activityId } = await expectOk(call('volCreate', activity(), ADMIN));
    const before = await state();
    await expectError(call('volSignUp', { activityId }, openid), code);
    await expectError(call('volCancel', { activityId }, openid), code);
    await expectError(call('volMine', {}, openid), code);
    expect(await state()).toEqual(before);
  });

  it('refuses a started activity and an unknown one', async () => {
    const { activityId } = await expectOk(
      call('volCreate', activity({ startAt: hoursFromNow(-1), endAt: hoursFromNow(1) }), ADMIN),
    );
    const before = await state();
    await expectError(call('volSignUp', { activityId }, MEMBER), 'FAILED_PRECONDITION');
    await expectError(call('volCancel', { activityId }, MEMBER), 'FAILED_PRECONDITION');
    await expectError(call('volSignUp', { activityId: 'va_nope' }, MEMBER), 'NOT_FOUND');
    expect(await state()).toEqual(before);
  });

  it('never exceeds the places nor loses anyone when everyone signs up at once, and cancels at once', async () => {
    const { activityId } = await expectOk(call('volCreate', activity({ orgId: 'b9', capacity: 8 }), ADMIN));
    const results = await Promise.all(voters.map((v) => call('volSignUp', { activityId }, v)));
    expect(results.every((r) => r.ok)).toBe(true);
    let doc = await getDoc('register_volunteer', activityId);
    const signups = doc?.signups as Array<{ memberId: string }>;
    const waiting = doc?.waiting as Array<{ memberId: string }>;
    expect(signups).toHaveLength(8);
    expect(waiting).toHaveLength(N - 8);
    expect(new Set([...signups, ...waiting].map((s) => s.memberId)).size).toBe(N);
    const confirmed = results.filter((r) => r.ok && r.data.status === 'confirmed');
    expect(confirmed).toHaveLength(8);

    // Four confirmed members cancel at once with four waiting ones (not the first four).
    const leaving = signups.slice(0, 4).map((s) => `v-${s.memberId}`);
    const giving = waiting.slice(4, 8).map((s) => `v-${s.memberId}`);
    const firstWaiting = waiting.slice(0, 4).map((s) => s.memberId);
    const again = await Promise.all([...leaving, ...giving].map((v) => call('volCancel', { activityId }, v)));
    expect(again.every((r) => r.ok)).toBe(true);
    doc = await getDoc('register_volunteer', activityId);
    const after = doc?.signups as Array<{ memberId: string }>;
    const afterWaiting = doc?.waiting as Array<{ memberId: string }>;
    expect(after).toHaveLength(8);
    // The four first on the waiting list took the places, in order; nobody is on both lists or lost.
    expect(after.slice(4).map((s) => s.memberId)).toEqual(firstWaiting);
    const remaining = new Set([...after, ...afterWaiting].map((s) => s.memberId));
    expect(remaining.size).toBe(after.length + afterWaiting.length);
    const stillIn = voters.filter((v) => !leaving.includes(v) && !giving.includes(v)).map((v) => v.slice(2));
    for (const m of stillIn) expect(remaining.has(m)).toBe(true);
    expect(remaining.size).toBe(N - 8);
  });
});

describe('register.volRecordHours', () => {
  it('records hours for attendees, awards points within the daily cap and adds to the org’s hours', async () => {
    const { activityId } = await endedActivity(['张伟', '王芳']);
    const got = await expectOk(call('volGet', { activityId }, SECRETARY));
    expect(got.ended).toBe(true);
    expect(got.attendees.map((a) => [a.name, a.hours, a.suggested]).sort()).toEqual([
      ['张伟', null, 2],
      ['王芳', null, 2],
    ]);
    const summaryBefore = await expectOk(call('volSummary', { year: Y() }, ADMIN));
    const b1Before = summaryBefore.rows.find((r) => r.orgId === 'b1');

    const saved = await expectOk(
      call(
        'volRecordHours',
        {
          activityId,
          hours: [
            { memberId: ids['张伟'], hours: 2 },
            { memberId: ids['王芳'], hours: 6.5 },
          ],
        },
        SECRETARY,
      ),
    );
    // 2 points for 2 hours; 6 whole hours ask 6, cut to the 志愿服务 cap of 4 a day.
    expect(saved).toEqual({ recorded: 2, hours: 8.5, pointsAwarded: 6 });
    const points = (await allDocs('points')).filter((p) => p.source === 'volunteer' && p.sourceId === activityId);
    expect(points.map((p) => [p.memberId, p.points, p.requested]).sort()).toEqual(
      [
        [ids['张伟'], 2, 2],
        [ids['王芳'], 4, 6],
      ].sort(),
    );
    const summary = await expectOk(call('volSummary', { year: Y() }, ADMIN));
    expect(summary.rows.find((r) => r.orgId === 'b1')).toEqual({
      orgId: 'b1',
      orgName: '市教育局机关第一党支部',
      hours: (b1Before?.hours ?? 0) + 8.5,
      people: (b1Before?.people ?? 0) + 2,
    });

    // A correction changes the hours and the org's total by the difference, never the points.
    await expectOk(call('volRecordHours', { activityId, hours: [{ memberId: ids['张伟'], hours: 3 }] }, ADMIN));
    const corrected = await expectOk(call('volSummary', { year: Y() }, ADMIN));
    expect(corrected.rows.find((r) => r.orgId === 'b1')?.hours).toBe((b1Before?.hours ?? 0) + 9.5);
    expect(corrected.rows.find((r) => r.orgId === 'b1')?.people).toBe((b1Before?.people ?? 0) + 2);
    const after = (await allDocs('points')).filter((p) => p.source === 'volunteer' && p.sourceId === activityId);
    expect(after).toHaveLength(2);
    expect(after.find((p) => p.memberId === ids['张伟'])?.points).toBe(2);

    const mine = await expectOk(call('volMine', {}, SECRETARY));
    expect(mine.served.find((s) => s.activityId === activityId)?.hours).toBe(3);
    expect(mine.yearHours).toBeGreaterThanOrEqual(3);
  });

  it('refuses before the end, a member who did not check in, duplicates, and other roles; changes nothing', async () => {
    const ended = await endedActivity(['张伟']);
    const future = await expectOk(call('volCreate', activity(), ADMIN));
    const one = (memberId: string, hours = 2) => [{ memberId, hours }];
    const before = await state();
    await expectError(
      call('volRecordHours', { activityId: future.activityId, hours: one(ids['张伟']) }, ADMIN),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call('volRecordHours', { activityId: ended.activityId, hours: one(ids['王芳']) }, ADMIN),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call(
        'volRecordHours',
        { activityId: ended.activityId, hours: [...one(ids['张伟']), ...one(ids['张伟'], 3)] },
        ADMIN,
      ),
      'INVALID_ARGUMENT',
    );
    await expectError(
      call('volRecordHours', { activityId: ended.activityId, hours: one(ids['张伟'], 2.3) }, ADMIN),
      'INVALID_ARGUMENT',
    );
    await expectError(
      call('volRecordHours', { activityId: ended.activityId, hours: one(ids['张伟'], 25) }, ADMIN),
      'INVALID_ARGUMENT',
    );
    for (const [openid, code] of [
      [SECRETARY_B3, 'PERMISSION_DENIED'],
      [HANDLER, 'PERMISSION_DENIED'],
      [MEMBER, 'PERMISSION_DENIED'],
      [PUBLIC, 'PERMISSION_DENIED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      await expectError(
        call('volRecordHours', { activityId: ended.activityId, hours: one(ids['张伟']) }, openid),
        code,
      );
      await expectError(call('volGet', { activityId: ended.activityId }, openid), code);
    }
    await expectError(call('volGet', { activityId: 'va_nope' }, ADMIN), 'NOT_FOUND');
    expect(await state()).toEqual(before);
  });
});

describe('the views and the export', () => {
  it('reads the year’s hours per org in three reads, in the caller’s scope', async () => {
    const { result, reads } = await cloud.countOps(() => call('volSummary', { year: Y() }, ADMIN));
    const data = await expectOk(Promise.resolve(result));
    // caller, directory, the year's summary.
    expect(reads).toBe(3);
    expect(data.rows.map((r) => r.orgId).sort()).toEqual(['b1', 'b2', 'b3', 'b9', 'p1', 'p2']);
    expect(data.without).toBe(data.rows.filter((r) => r.hours === 0).length);
    expect((await expectOk(call('volSummary', {}, SECRETARY_B3))).rows.map((r) => r.orgId)).toEqual(['b3']);
    expect((await expectOk(call('volSummary', {}, PARTY_SECRETARY))).rows.map((r) => r.orgId).sort()).toEqual([
      'b1',
      'b2',
      'b9',
      'p1',
    ]);
  });

  it('lists the activities of the caller’s scope only', async () => {
    const { activityId } = await expectOk(call('volCreate', activity({ orgId: 'b3' }), SECRETARY_B3));
    const b3 = await expectOk(call('volList', {}, SECRETARY_B3));
    expect(b3.activities.map((a) => a.orgId)).toEqual(expect.arrayContaining(['b3']));
    expect(b3.activities.every((a) => a.orgId === 'b3')).toBe(true);
    const p1 = await expectOk(call('volList', {}, PARTY_SECRETARY));
    expect(p1.activities.some((a) => a.activityId === activityId)).toBe(false);
    await expectError(call('volGet', { activityId }, PARTY_SECRETARY), 'PERMISSION_DENIED');
    const admin = await expectOk(call('volList', {}, ADMIN));
    expect(admin.activities.some((a) => a.activityId === activityId)).toBe(true);
  });

  it('exports the activities with attendees and hours, and hours per member', async () => {
    const { activityId } = await endedActivity(['李娜'], {
      title: '进农村助农',
      mode: '进农村',
      partner: '东岭村党支部',
    });
    await expectOk(call('volRecordHours', { activityId, hours: [{ memberId: ids['李娜'], hours: 1.5 }] }, ADMIN));
    const { fileID, fileName } = await expectOk(call('volExport', { year: Y() }, PARTY_SECRETARY));
    expect(fileName).toMatch(/^志愿服务台账-\d{4}\.xlsx$/);
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as never);
    const rows: unknown[][] = [];
    wb.getWorksheet('活动及服务时长')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual([
      '活动',
      '类型',
      '服务社区/共建村（支部）',
      '组织',
      '时间',
      '地点',
      '名额',
      '报名',
      '候补',
      '党员',
      '服务时长（小时）',
    ]);
    const row = rows.find((r) => r[0] === '进农村助农');
    expect(row).toEqual(expect.arrayContaining(['进农村', '东岭村党支部', '李娜', 1.5]));
    const per: unknown[][] = [];
    wb.getWorksheet('党员服务时长')?.eachRow((r) => per.push((r.values as unknown[]).slice(1)));
    expect(per[0]).toEqual(['党员', '活动所属组织', '参加次数', '服务时长（小时）']);
    expect(per.find((r) => r[0] === '李娜')?.[3]).toBeGreaterThanOrEqual(1.5);
    // b3's activities are not in p1's export.
    expect(rows.some((r) => r[3] === '市公安局机关第一党支部')).toBe(false);
  });

  it.each([
    [HANDLER, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses the organisers’ views to %s (%s)', async (openid, code) => {
    await expectError(call('volSummary', {}, openid), code);
    await expectError(call('volList', {}, openid), code);
    await expectError(call('volExport', {}, openid), code);
  });
});
