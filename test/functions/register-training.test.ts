// The `register` function's 培训 actions over the local cloud: classes with their check-in activity, enrolment by
// organisation and by name within the seats, attendance through the check-in code (a scan, a walk-in, a 补签), the
// roster and coverage each role sees, a member's own classes, withdrawal, the exports, and refused calls that change
// nothing.
import ExcelJS from 'exceljs';
import type { ActionName } from '@/domain/api';
import { registerQuarterKey, registerQuarterOf } from '@/domain/register';
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
  seedBasic,
  seedRoles,
} from './support';
import { classFields, minutes, openClass, scanClass } from './training-fixtures';

/** The secretary of b3 (another 党委's branch), and a member of b3 bound to the roster. */
const SECRETARY_B3 = 'sec-b3';
const MEMBER_B3 = 'member-b3';

let cloud: TestCloud;
/** memberId by name. */
const ids: Record<string, string> = {};
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B3, role: 'secretary', scopeId: 'b3' }, ADMIN));
  await expectOk(cloud.call('user', 'bind', { name: '赵磊', phone: '13900000301' }, MEMBER_B3));
  for (const m of await allDocs('members')) ids[String(m.name)] = m._id;
});
afterAll(async () => {
  await cloud.close();
});

const call = <A extends ActionName<'register'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('register', action, data, openid);
const qkey = () => {
  const { year, quarter } = registerQuarterOf(shanghaiDay());
  return registerQuarterKey(year, quarter);
};

const createClass = (extra: Record<string, unknown> = {}) => openClass(cloud, extra);
const scan = (classId: string, openid: string) => scanClass(cloud, classId, openid);

/** Every training collection, to assert that a refused call wrote nothing. */
async function trainingState() {
  return Promise.all(
    ['training_classes', 'training_enrolments', 'training_trained', 'training_summary', 'activities'].map((c) =>
      allDocs(c),
    ),
  );
}

const OTHERS: Array<[string | undefined, string]> = [
  [HANDLER, 'PERMISSION_DENIED'],
  [MEMBER, 'PERMISSION_DENIED'],
  [PUBLIC, 'PERMISSION_DENIED'],
  [undefined, 'UNAUTHENTICATED'],
];

describe('register.createTrainingClass', () => {
  it('opens a class and its 培训 check-in for the whole 工委 under one id', async () => {
    const { result, writes } = await cloud.countOps(() => call('createTrainingClass', classFields(), ADMIN));
    const { classId } = await expectOk(Promise.resolve(result));
    // The activity and the class.
    expect(writes).toBe(2);
    const { year, quarter } = registerQuarterOf(shanghaiDay(new Date(Date.now() - 600_000)));
    expect(await getDoc('training_classes', classId)).toMatchObject({ kind: '千名科级党员干部大培训', year, quarter });
    const activity = await getDoc('activities', classId);
    expect(activity).toMatchObject({ kind: '培训', orgIds: ['gw'], place: '市委党校报告厅' });
    expect([...(activity?.expectedOrgIds as string[])].sort()).toEqual(['b1', 'b2', 'b3', 'gw', 'p1', 'p2']);
    // A class of two days checks in within its first day.
    expect(new Date(activity?.endAt as Date).getTime() - new Date(activity?.startAt as Date).getTime()).toBe(
      86_400_000,
    );
  });

  it.each([[SECRETARY], [PARTY_SECRETARY], [SECRETARY_B3], ...OTHERS])(
    'refuses %s and writes nothing',
    async (openid, code = 'PERMISSION_DENIED') => {
      const before = await trainingState();
      await expectError(call('createTrainingClass', classFields(), openid), code);
      expect(await trainingState()).toEqual(before);
    },
  );

  it('rejects bad input with a Chinese message and writes nothing', async () => {
    const before = await trainingState();
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ capacity: 0 }, /名额/],
      [{ kind: '党课' }, /培训类别/],
      [{ title: ' ' }, /班次名称/],
      [{ startAt: '2026-13-01' }, /开班时间/],
      [{ endAt: minutes(-20) }, /结业时间必须晚于开班时间/],
      [{ endAt: minutes(60 * 24 * 40) }, /不能超过 30 天/],
      [{ secret: 'x' }, /secret|不支持|字段/],
    ];
    for (const [extra, message] of bad) {
      const e = await expectError(call('createTrainingClass', classFields(extra), ADMIN), 'INVALID_ARGUMENT');
      expect(e.message).toMatch(message);
    }
    expect(await trainingState()).toEqual(before);
  });
});

describe('register.enrolTraining and withdrawTraining', () => {
  it('enrols an organisation within the seats, by name, and stops at the capacity', async () => {
    const classId = await createClass();
    const first = await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN));
    expect(first).toEqual({ enrolled: 3, already: 0, full: false, seatsLeft: 1 });
    expect(await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN))).toEqual({
      enrolled: 0,
      already: 3,
      full: false,
      seatsLeft: 1,
    });
    // b2 has three members and one seat is left: the first in the roster's order is enrolled.
    expect(await expectOk(call('enrolTraining', { classId, orgId: 'b2' }, PARTY_SECRETARY))).toEqual({
      enrolled: 1,
      already: 0,
      full: true,
      seatsLeft: 0,
    });
    expect(await getDoc('training_classes', classId)).toMatchObject({ enrolled: 4 });
    const before = await trainingState();
    const e = await expectError(
      call('enrolTraining', { classId, memberIds: [ids['周强']] }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toMatch(/名额已满/);
    expect(await trainingState()).toEqual(before);

    // A withdrawal frees the seat; the freed seat takes a member by name.
    const b2 = (await allDocs('training_enrolments')).find((d) => d.classId === classId && d.orgId === 'b2');
    expect(
      await expectOk(call('withdrawTraining', { classId, memberId: String(b2?.memberId) }, PARTY_SECRETARY)),
    ).toEqual({
      withdrawn: true,
    });
    await expectError(call('withdrawTraining', { classId, memberId: String(b2?.memberId) }, ADMIN), 'NOT_FOUND');
    expect(await expectOk(call('enrolTraining', { classId, memberIds: [ids['周强']] }, SECRETARY_B3))).toMatchObject({
      enrolled: 1,
      seatsLeft: 0,
    });
    expect(await getDoc('training_classes', classId)).toMatchObject({ enrolled: 4 });
  });

  it('lets a secretary enrol and withdraw only the own organisations’ members', async () => {
    const classId = await createClass({ capacity: 20 });
    await expectOk(call('enrolTraining', { classId, memberIds: [ids['李娜']] }, SECRETARY));
    const before = await trainingState();
    await expectError(call('enrolTraining', { classId, orgId: 'b2' }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(
      call('enrolTraining', { classId, memberIds: [ids['李娜'], ids['赵磊']] }, SECRETARY),
      'PERMISSION_DENIED',
    );
    await expectError(call('withdrawTraining', { classId, memberId: ids['李娜'] }, SECRETARY_B3), 'PERMISSION_DENIED');
    expect(await trainingState()).toEqual(before);
    expect(await expectOk(call('withdrawTraining', { classId, memberId: ids['李娜'] }, SECRETARY))).toEqual({
      withdrawn: true,
    });
  });

  it.each(OTHERS)('refuses %s (%s) and writes nothing', async (openid, code) => {
    const classId = await createClass();
    const before = await trainingState();
    await expectError(call('enrolTraining', { classId, orgId: 'b1' }, openid), code);
    await expectError(call('withdrawTraining', { classId, memberId: ids['张伟'] }, openid), code);
    expect(await trainingState()).toEqual(before);
  });

  it('rejects a missing class, organisation or member, both or neither target, and an ended class', async () => {
    const classId = await createClass();
    const ended = await createClass({ startAt: minutes(-180), endAt: minutes(-60) });
    const before = await trainingState();
    await expectError(call('enrolTraining', { classId: 'nope', orgId: 'b1' }, ADMIN), 'NOT_FOUND');
    await expectError(call('enrolTraining', { classId, orgId: 'nope' }, ADMIN), 'NOT_FOUND');
    await expectError(call('enrolTraining', { classId, memberIds: ['nope'] }, ADMIN), 'NOT_FOUND');
    await expectError(call('enrolTraining', { classId }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(
      call('enrolTraining', { classId, orgId: 'b1', memberIds: [ids['张伟']] }, ADMIN),
      'INVALID_ARGUMENT',
    );
    const e = await expectError(call('enrolTraining', { classId: ended, orgId: 'b1' }, ADMIN), 'FAILED_PRECONDITION');
    expect(e.message).toMatch(/已结业/);
    expect(await trainingState()).toEqual(before);
  });
});

describe('attendance through the check-in, the roster and the coverage', () => {
  it('counts a scan, a walk-in and a 补签 once a quarter per member, and shows each role its part', async () => {
    const q = qkey();
    const before = (await getDoc('training_summary', `coverage-${q}`))?.orgs as Record<string, number> | undefined;
    const classId = await createClass({ capacity: 10 });
    await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN));
    await expectOk(call('enrolTraining', { classId, memberIds: [ids['刘洋']] }, ADMIN));

    // 王芳 (MEMBER) scans twice; 赵磊 of b3 comes without being enrolled; 李娜 gets a 补签.
    expect(await expectOk(scan(classId, MEMBER))).toMatchObject({ status: 'late', duplicate: false });
    expect(await expectOk(scan(classId, MEMBER))).toMatchObject({ duplicate: true });
    await expectOk(scan(classId, MEMBER_B3));
    await expectOk(
      cloud.call('checkin', 'manualCheckIn', { activityId: classId, memberId: ids['李娜'], reason: '手机没电' }, ADMIN),
    );
    // A second class in the same quarter does not count 王芳 again.
    const second = await createClass({ title: '书记培训班（第一期）', kind: '书记培训班' });
    await expectOk(scan(second, MEMBER));

    const orgs = (await getDoc('training_summary', `coverage-${q}`))?.orgs as Record<string, number>;
    const added = (o: string) => (orgs[o] ?? 0) - (before?.[o] ?? 0);
    expect([added('b1'), added('b2'), added('b3')]).toEqual([2, 0, 1]);
    expect(await getDoc('training_trained', `${q}:${ids['王芳']}`)).toMatchObject({ counted: true, classId });

    const { result, reads } = await cloud.countOps(() => call('trainingClass', { classId }, ADMIN));
    const view = await expectOk(Promise.resolve(result));
    // caller, directory, class; the roster page; the check-ins of the page.
    expect(reads).toBe(5);
    expect(view.class).toMatchObject({ enrolled: 4, capacity: 10, phase: 'open' });
    expect(view.roster.map((r) => [r.name, r.walkIn, r.attendance])).toEqual([
      ['张伟', false, null],
      ['李娜', false, 'present'],
      ['王芳', false, 'late'],
      ['刘洋', false, null],
      ['赵磊', true, 'late'],
    ]);
    const bySecretary = await expectOk(call('trainingClass', { classId }, SECRETARY));
    expect(bySecretary.roster.map((r) => r.name)).toEqual(['张伟', '李娜', '王芳']);
    const byB3 = await expectOk(call('trainingClass', { classId }, SECRETARY_B3));
    expect(byB3.roster.map((r) => r.name)).toEqual(['赵磊']);

    // Attended: no withdrawal.
    const e = await expectError(
      call('withdrawTraining', { classId, memberId: ids['王芳'] }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toMatch(/已签到/);

    // The member's own classes this year.
    const mine = await expectOk(call('myTrainings', {}, MEMBER));
    expect(mine.classes.filter((c) => c.classId === classId || c.classId === second).map((c) => c.attendance)).toEqual([
      'late',
      'late',
    ]);
    expect(mine.attended).toBeGreaterThanOrEqual(2);

    // The coverage: one read each of caller, directory, roster sizes and the quarter's counts.
    const cov = await cloud.countOps(() => call('trainingCoverage', {}, ADMIN));
    const coverage = await expectOk(Promise.resolve(cov.result));
    expect(cov.reads).toBeLessThanOrEqual(5);
    expect(coverage.quarter).toBe(q);
    expect(coverage.rows.map((r) => r.orgId).sort()).toEqual(['b1', 'b2', 'b3']);
    const b1 = coverage.rows.find((r) => r.orgId === 'b1');
    expect(b1).toMatchObject({ members: 3, trained: (before?.b1 ?? 0) + 2 });
    const p1 = await expectOk(call('trainingCoverage', {}, PARTY_SECRETARY));
    expect(p1.rows.map((r) => r.orgId).sort()).toEqual(['b1', 'b2']);

    const untrained = await expectOk(call('untrainedMembers', { orgId: 'b3' }, SECRETARY_B3));
    expect(untrained.members.map((m) => m.name)).not.toContain('赵磊');
    expect(untrained.members.map((m) => m.name)).toContain('黄敏');
    await expectError(call('untrainedMembers', { orgId: 'b3' }, SECRETARY), 'PERMISSION_DENIED');
    await expectError(call('untrainedMembers', { orgId: 'nope' }, ADMIN), 'NOT_FOUND');

    // The roster export: the enrolled and the walk-in with their attendance.
    const { fileID, fileName } = await expectOk(call('exportTrainingClass', { classId }, ADMIN));
    expect(fileName).toBe('培训花名册-第一期千名科级党员干部大培训.xlsx');
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as never);
    const rows: unknown[][] = [];
    wb.getWorksheet('培训花名册')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[3]).toEqual(['序号', '姓名', '所在组织', '报名方式', '签到']);
    expect(rows.slice(4).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['张伟', '报名', '未签到'],
      ['李娜', '报名', '已签到'],
      ['王芳', '报名', '迟到'],
      ['刘洋', '报名', '未签到'],
      ['赵磊', '未报名，现场签到', '迟到'],
    ]);
  });

  it('exports the coverage per organisation in the caller’s scope', async () => {
    const { fileID } = await expectOk(call('exportTrainingCoverage', {}, PARTY_SECRETARY));
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as never);
    const rows: unknown[][] = [];
    wb.getWorksheet('培训覆盖情况')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['组织', '党员人数', '本季度已培训', '未培训', '覆盖率']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(
      expect.arrayContaining(['市教育局机关第一党支部', '市教育局机关第二党支部']),
    );
    expect(rows).toHaveLength(4);
  });
});

describe('the views and the roles', () => {
  it('lists the year’s classes with the plan; only the admin may open one', async () => {
    await createClass();
    const admin = await expectOk(call('trainingClasses', {}, ADMIN));
    expect(admin.canCreate).toBe(true);
    expect(admin.classes.length).toBeGreaterThan(0);
    expect(admin.plan).toHaveLength(5);
    expect(admin.plan[4]).toMatchObject({ label: '书记、组织委员培训班', planned: 6 });
    expect((await expectOk(call('trainingClasses', {}, SECRETARY))).canCreate).toBe(false);
    expect((await expectOk(call('trainingClasses', { year: 2001 }, ADMIN))).classes).toEqual([]);
  });

  it.each(OTHERS)('refuses %s (%s) every keeper’s view and export', async (openid, code) => {
    const classId = await createClass();
    await expectError(call('trainingClasses', {}, openid), code);
    await expectError(call('trainingClass', { classId }, openid), code);
    await expectError(call('trainingCoverage', {}, openid), code);
    await expectError(call('untrainedMembers', { orgId: 'b1' }, openid), code);
    await expectError(call('exportTrainingClass', { classId }, openid), code);
    await expectError(call('exportTrainingCoverage', {}, openid), code);
  });

  it('shows a member the own classes only, and refuses who is not bound', async () => {
    const mine = await expectOk(call('myTrainings', {}, SECRETARY));
    expect(mine.year).toBe(registerQuarterOf(shanghaiDay()).year);
    await expectError(call('myTrainings', {}, PUBLIC), 'PERMISSION_DENIED');
    await expectError(call('myTrainings', {}, HANDLER), 'PERMISSION_DENIED');
    await expectError(call('myTrainings', {}, undefined), 'UNAUTHENTICATED');
    await expectError(call('trainingClass', { classId: 'nope' }, ADMIN), 'NOT_FOUND');
  });
});
