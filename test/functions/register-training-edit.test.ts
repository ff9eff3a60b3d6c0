// The `register` function's edit and cancellation of a training class over the local cloud: the fields and checks of
// opening one, the check-in activity moved in step (and read afresh by the check-in), the seats never below those
// enrolled (also when an enrolment races the edit), a cancelled class listed with its reason and closed to enrolment
// and check-in, left out of the plan and the coverage, and every refusal (roles, a finished class, attendance
// recorded, bad input) changing nothing.
import type { ActionName } from '@/domain/api';
import type { Envelope } from '@/domain/errors';
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
  sdkDb,
  seedBasic,
  seedRoles,
} from './support';
import { classFields, minutes, openClass, scanClass } from './training-fixtures';

let cloud: TestCloud;
/** memberId by name. */
const ids: Record<string, string> = {};
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  for (const m of await allDocs('members')) ids[String(m.name)] = m._id;
});
afterAll(async () => {
  await cloud.close();
});

const call = <A extends ActionName<'register'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('register', action, data, openid);
/** Beijing time of an instant, as the class rows carry it: 2026-12-08T09:00:00+08:00. */
const beijing = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
};

const createClass = (extra: Record<string, unknown> = {}) => openClass(cloud, extra);
const scan = (classId: string, openid: string) => scanClass(cloud, classId, openid);

/** Every training collection and the check-ins, to assert that a refused call wrote nothing. */
async function trainingState() {
  return Promise.all(
    ['training_classes', 'training_enrolments', 'training_trained', 'training_summary', 'activities', 'checkins'].map(
      (c) => allDocs(c),
    ),
  );
}

/** Who may not edit or cancel: secretaries (they enrol but do not open classes), and everyone else. */
const REFUSED: Array<[string | undefined, string]> = [
  [SECRETARY, 'PERMISSION_DENIED'],
  [PARTY_SECRETARY, 'PERMISSION_DENIED'],
  [HANDLER, 'PERMISSION_DENIED'],
  [MEMBER, 'PERMISSION_DENIED'],
  [PUBLIC, 'PERMISSION_DENIED'],
  [undefined, 'UNAUTHENTICATED'],
];

describe('register.updateTrainingClass', () => {
  it('changes every field and moves the check-in activity and the enrolments in step', async () => {
    const classId = await createClass({ startAt: minutes(60 * 24), endAt: minutes(60 * 24 * 3) });
    await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN));
    const startAt = minutes(60 * 24 * 7);
    const endAt = minutes(60 * 24 * 7 + 60 * 8);
    const edit = classFields({
      title: '书记培训班（第二期）',
      kind: '书记培训班',
      startAt,
      endAt,
      place: '市行政学院',
      capacity: 6,
    });
    const { result, reads, writes } = await cloud.countOps(() =>
      call('updateTrainingClass', { classId, ...edit }, ADMIN),
    );
    const out = await expectOk(Promise.resolve(result));
    // caller, the class, whether anyone checked in (the time moved); the class, its activity, its enrolments.
    expect([reads, writes]).toEqual([3, 3]);
    expect(out.class).toMatchObject({
      classId,
      title: '书记培训班（第二期）',
      kind: '书记培训班',
      place: '市行政学院',
      capacity: 6,
      enrolled: 3,
      phase: 'upcoming',
      cancelReason: null,
      startAt: beijing(startAt),
      endAt: beijing(endAt),
    });
    const { year, quarter } = registerQuarterOf(shanghaiDay(new Date(startAt)));
    expect(await getDoc('training_classes', classId)).toMatchObject({ year, quarter, capacity: 6, enrolled: 3 });
    const activity = await getDoc('activities', classId);
    expect(activity).toMatchObject({ kind: '培训', title: '书记培训班（第二期）', place: '市行政学院' });
    expect(new Date(activity?.startAt as Date).toISOString()).toBe(startAt);
    // A class of a day checks in until its end; it opens half an hour before the start, as at opening.
    expect(new Date(activity?.endAt as Date).toISOString()).toBe(endAt);
    expect(new Date(activity?.opensAt as Date).getTime()).toBe(new Date(startAt).getTime() - 30 * 60_000);
    const enrolments = (await allDocs('training_enrolments')).filter((e) => e.classId === classId);
    expect(enrolments).toHaveLength(3);
    for (const e of enrolments) {
      expect(e.year).toBe(year);
      expect(new Date(e.startAt as Date).toISOString()).toBe(startAt);
    }
    const list = await expectOk(call('trainingClasses', { year }, ADMIN));
    expect(list.classes.find((c) => c.classId === classId)).toMatchObject({ title: '书记培训班（第二期）' });
  });

  it('keeps the time with one read less, and the check-in follows a moved start at once', async () => {
    // Not open yet: a scan is refused, and the check-in has read the activity.
    const classId = await createClass({ startAt: minutes(120), endAt: minutes(60 * 6) });
    expect((await expectError(scan(classId, MEMBER), 'FAILED_PRECONDITION')).message).toMatch(/签到尚未开始/);
    const same = await getDoc('training_classes', classId);
    const { result, reads, writes } = await cloud.countOps(() =>
      call(
        'updateTrainingClass',
        {
          classId,
          ...classFields({
            title: '改名的一期',
            startAt: new Date(same?.startAt as Date).toISOString(),
            endAt: new Date(same?.endAt as Date).toISOString(),
          }),
        },
        ADMIN,
      ),
    );
    await expectOk(Promise.resolve(result));
    expect([reads, writes]).toEqual([2, 2]);
    // Moved to have begun ten minutes ago: the same member checks in now (nothing kept the old window).
    await expectOk(
      call('updateTrainingClass', { classId, ...classFields({ startAt: minutes(-10), endAt: minutes(60) }) }, ADMIN),
    );
    expect(await expectOk(scan(classId, MEMBER))).toMatchObject({ duplicate: false });
  });

  it('never lowers the seats below those enrolled, and refuses a finished or cancelled class', async () => {
    const classId = await createClass({ capacity: 4 });
    await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN));
    const ended = await createClass({ startAt: minutes(-180), endAt: minutes(-60) });
    const cancelled = await createClass();
    await expectOk(call('cancelTrainingClass', { classId: cancelled, reason: '与全市会议冲突' }, ADMIN));
    const before = await trainingState();
    const e = await expectError(
      call('updateTrainingClass', { classId, ...classFields({ capacity: 2 }) }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toBe('已有 3 人报名，名额不能少于已报名人数');
    const late = await expectError(
      call('updateTrainingClass', { classId: ended, ...classFields({ title: '补改' }) }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(late.message).toMatch(/已结业，不能修改/);
    const off = await expectError(
      call('updateTrainingClass', { classId: cancelled, ...classFields() }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(off.message).toMatch(/已取消，不能修改/);
    await expectError(call('updateTrainingClass', { classId: 'nope', ...classFields() }, ADMIN), 'NOT_FOUND');
    expect(await trainingState()).toEqual(before);
    // Exactly the enrolled is enough.
    expect(
      (await expectOk(call('updateTrainingClass', { classId, ...classFields({ capacity: 3 }) }, ADMIN))).class,
    ).toMatchObject({ capacity: 3, enrolled: 3 });
  });

  it('keeps the time once a member has checked in, but still takes the other fields', async () => {
    const classId = await createClass();
    await expectOk(scan(classId, MEMBER));
    const stored = await getDoc('training_classes', classId);
    const before = await trainingState();
    const e = await expectError(
      call('updateTrainingClass', { classId, ...classFields({ startAt: minutes(-20) }) }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toMatch(/已有学员签到，不能再修改培训时间/);
    expect(await trainingState()).toEqual(before);
    const kept = {
      startAt: new Date(stored?.startAt as Date).toISOString(),
      endAt: new Date(stored?.endAt as Date).toISOString(),
    };
    await expectOk(call('updateTrainingClass', { classId, ...classFields({ ...kept, place: '市委党校二楼' }) }, ADMIN));
    expect(await getDoc('activities', classId)).toMatchObject({ place: '市委党校二楼' });
  });

  it('rejects bad input as opening does, with a Chinese message, and writes nothing', async () => {
    const classId = await createClass();
    const before = await trainingState();
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ capacity: 0 }, /名额/],
      [{ kind: '党课' }, /培训类别/],
      [{ title: ' ' }, /班次名称/],
      [{ place: '' }, /培训地点/],
      [{ startAt: '2026-13-01' }, /开班时间/],
      [{ endAt: minutes(-20) }, /结业时间必须晚于开班时间/],
      [{ endAt: minutes(60 * 24 * 40) }, /不能超过 30 天/],
      [{ enrolled: 0 }, /enrolled|不支持|字段/],
    ];
    for (const [extra, message] of bad) {
      const e = await expectError(
        call('updateTrainingClass', { classId, ...classFields(extra) }, ADMIN),
        'INVALID_ARGUMENT',
      );
      expect(e.message).toMatch(message);
    }
    await expectError(call('updateTrainingClass', classFields(), ADMIN), 'INVALID_ARGUMENT');
    expect(await trainingState()).toEqual(before);
  });

  it.each(REFUSED)('refuses %s (%s) and writes nothing', async (openid, code) => {
    const classId = await createClass();
    const before = await trainingState();
    await expectError(call('updateTrainingClass', { classId, ...classFields({ title: '越权修改' }) }, openid), code);
    expect(await trainingState()).toEqual(before);
  });

  it('never leaves more enrolled than seats when an edit lowering them races enrolments', async () => {
    for (let round = 0; round < 6; round++) {
      const classId = await createClass({ capacity: 10 });
      await expectOk(call('enrolTraining', { classId, memberIds: [ids['刘洋']] }, ADMIN));
      const outcomes = await Promise.all([
        call('enrolTraining', { classId, orgId: 'b1' }, ADMIN),
        call('updateTrainingClass', { classId, ...classFields({ capacity: 1 + (round % 2) }) }, ADMIN),
        call('enrolTraining', { classId, orgId: 'b3' }, ADMIN),
      ]);
      for (const o of outcomes) if (!o.ok) expect(o.error.code).toBe('FAILED_PRECONDITION');
      const doc = await getDoc('training_classes', classId);
      const enrolments = (await allDocs('training_enrolments')).filter((e) => e.classId === classId);
      expect(Number(doc?.enrolled)).toBe(enrolments.length);
      expect(Number(doc?.enrolled)).toBeLessThanOrEqual(Number(doc?.capacity));
    }
  });
});

describe('register.cancelTrainingClass', () => {
  it('lists the class as 已取消 with its reason, closes enrolment and check-in, and leaves it out of the plan', async () => {
    const { year, quarter } = registerQuarterOf(shanghaiDay());
    const qkey = registerQuarterKey(year, quarter);
    const classId = await createClass({ capacity: 10 });
    await expectOk(call('enrolTraining', { classId, orgId: 'b1' }, ADMIN));
    // A code shown before the cancellation.
    const { scene } = await expectOk(cloud.call('checkin', 'qrToken', { activityId: classId }, ADMIN));
    const planBefore = (await expectOk(call('trainingClasses', {}, ADMIN))).plan;
    const coverageBefore = await getDoc('training_summary', `coverage-${qkey}`);

    const { result, reads, writes } = await cloud.countOps(() =>
      call('cancelTrainingClass', { classId, reason: '与全市重要会议冲突，另行安排' }, ADMIN),
    );
    expect(await expectOk(Promise.resolve(result))).toEqual({ already: false });
    // caller, the class, whether anyone checked in; the class and its activity.
    expect([reads, writes]).toEqual([3, 2]);
    expect(await getDoc('training_classes', classId)).toMatchObject({
      cancelled: true,
      cancelReason: '与全市重要会议冲突，另行安排',
      cancelledBy: ADMIN,
      enrolled: 3,
    });
    expect(await getDoc('activities', classId)).toMatchObject({ cancelled: true, expectedOrgIds: [] });

    // Listed, marked, not held.
    const list = await expectOk(call('trainingClasses', {}, ADMIN));
    expect(list.classes.find((c) => c.classId === classId)).toMatchObject({
      phase: 'cancelled',
      cancelReason: '与全市重要会议冲突，另行安排',
    });
    expect(list.plan[quarter - 1].held).toBe(planBefore[quarter - 1].held - 1);
    const view = await expectOk(call('trainingClass', { classId }, ADMIN));
    expect(view).toMatchObject({ canEnrol: false, class: { phase: 'cancelled' } });
    expect(view.roster).toHaveLength(3);

    // The enrolled member sees it cancelled; no member's activity list or home page offers it.
    const mine = await expectOk(call('myTrainings', {}, MEMBER));
    expect(mine.classes.find((c) => c.classId === classId)).toMatchObject({
      phase: 'cancelled',
      cancelReason: '与全市重要会议冲突，另行安排',
      attendance: null,
    });
    const activities = await expectOk(cloud.call('checkin', 'list', { scope: 'mine' }, MEMBER));
    expect(activities.activities.map((a) => a.activityId)).not.toContain(classId);
    // The admin's 活动签到 list and the attendance page say 已取消, whatever the time.
    const managed = await expectOk(cloud.call('checkin', 'list', { scope: 'manage' }, ADMIN));
    expect(managed.activities.find((a) => a.activityId === classId)?.phase).toBe('cancelled');
    expect(await expectOk(cloud.call('checkin', 'get', { activityId: classId }, ADMIN))).toMatchObject({
      phase: 'cancelled',
    });

    // No enrolment, withdrawal, code, scan or 补签 any more; nothing written by them.
    const before = await trainingState();
    const refusals: Array<[Promise<Envelope<unknown>>, RegExp]> = [
      [call('enrolTraining', { classId, memberIds: [ids['赵磊']] }, ADMIN), /已取消，不能再报名/],
      [call('withdrawTraining', { classId, memberId: ids['张伟'] }, ADMIN), /已取消/],
      [cloud.call('checkin', 'qrToken', { activityId: classId }, ADMIN), /已取消，签到码已停用/],
      [cloud.call('checkin', 'checkIn', { scene, launchScene: 1047 }, MEMBER), /已取消，无需签到/],
      [
        cloud.call('checkin', 'manualCheckIn', { activityId: classId, memberId: ids['张伟'], reason: '补' }, ADMIN),
        /已取消，无需签到/,
      ],
    ];
    for (const [p, message] of refusals) expect((await expectError(p, 'FAILED_PRECONDITION')).message).toMatch(message);
    expect(await trainingState()).toEqual(before);
    // The coverage is as it was: a cancelled class trains nobody.
    expect(await getDoc('training_summary', `coverage-${qkey}`)).toEqual(coverageBefore);

    // Cancelling again changes nothing.
    const again = await cloud.countOps(() => call('cancelTrainingClass', { classId, reason: '再次取消' }, ADMIN));
    expect(await expectOk(Promise.resolve(again.result))).toEqual({ already: true });
    expect(again.writes).toBe(0);
    expect(await getDoc('training_classes', classId)).toMatchObject({ cancelReason: '与全市重要会议冲突，另行安排' });
  });

  it('leaves a cancelled 大培训 class out of the quarter’s count of classes held', async () => {
    const year = 2031;
    const at = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d, 1)).toISOString();
    const held = await createClass({ startAt: at(2, 10), endAt: at(2, 11) });
    const off = await createClass({ startAt: at(2, 20), endAt: at(2, 21) });
    expect((await expectOk(call('trainingClasses', { year }, ADMIN))).plan[0]).toMatchObject({ held: 2, met: true });
    await expectOk(call('cancelTrainingClass', { classId: off, reason: '合并到第一期' }, ADMIN));
    const { classes, plan } = await expectOk(call('trainingClasses', { year }, ADMIN));
    expect(plan[0]).toMatchObject({ label: '第一季度大培训', held: 1, met: false });
    expect(classes.map((c) => [c.classId, c.phase])).toEqual([
      [off, 'cancelled'],
      [held, 'upcoming'],
    ]);
  });

  it('refuses a class with attendance recorded, a finished one, a missing one and no reason; writes nothing', async () => {
    const attended = await createClass();
    await expectOk(scan(attended, MEMBER));
    const ended = await createClass({ startAt: minutes(-180), endAt: minutes(-60) });
    const before = await trainingState();
    const e = await expectError(
      call('cancelTrainingClass', { classId: attended, reason: '改期' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toMatch(/已有学员签到，参训记录计入培训覆盖，不能取消/);
    const late = await expectError(
      call('cancelTrainingClass', { classId: ended, reason: '改期' }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(late.message).toMatch(/已结业，不能取消/);
    await expectError(call('cancelTrainingClass', { classId: 'nope', reason: '改期' }, ADMIN), 'NOT_FOUND');
    expect(
      (await expectError(call('cancelTrainingClass', { classId: ended, reason: ' ' }, ADMIN), 'INVALID_ARGUMENT'))
        .message,
    ).toMatch(/取消原因/);
    await expectError(
      call('cancelTrainingClass', { classId: ended, reason: '很'.repeat(101) }, ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(await trainingState()).toEqual(before);
  });

  it.each(REFUSED)('refuses %s (%s) and writes nothing', async (openid, code) => {
    const classId = await createClass();
    const before = await trainingState();
    await expectError(call('cancelTrainingClass', { classId, reason: '越权取消' }, openid), code);
    expect(await trainingState()).toEqual(before);
  });

  it('takes no seat for an enrolment when the cancellation lands between its read and its seats', async () => {
    const classId = await createClass({ capacity: 10 });
    // The enrolment reads the class, then who is enrolled already; the cancellation's write lands right then.
    let landed: Promise<unknown> | undefined;
    const stop = cloud.db.onOperation((op) => {
      if (!landed && op.kind === 'read' && op.collection === 'training_enrolments')
        landed = sdkDb()
          .collection('training_classes')
          .doc(classId)
          .update({ data: { cancelled: true, cancelReason: '临时取消' } });
    });
    const out = await call('enrolTraining', { classId, orgId: 'b1' }, ADMIN);
    stop();
    await landed;
    expect(landed).toBeDefined();
    expect((await expectError(Promise.resolve(out), 'FAILED_PRECONDITION')).message).toMatch(/名额刚有变动/);
    expect(await getDoc('training_classes', classId)).toMatchObject({ enrolled: 0, cancelled: true });
    expect((await allDocs('training_enrolments')).filter((e) => e.classId === classId)).toEqual([]);
  });
});
