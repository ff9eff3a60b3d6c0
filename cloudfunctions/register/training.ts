// register's 培训 actions: classes (each with its check-in activity), enrolment by organisation or by name within the
// seats, the roster with attendance from the check-ins, a member's own classes and each organisation's coverage.
import type { z } from 'zod';
import type { TrainingApi, trainingSchemas } from '@/domain/api/training';
import { TRAINING_ROSTER_PAGE, UNTRAINED_PAGE } from '@/domain/api/training';
import type { CheckInStatus } from '@/domain/checkin';
import { checkInId } from '@/domain/checkin';
import type { OrgNode } from '@/domain/identity';
import { orgSubtree } from '@/domain/identity';
import {
  coverageCounts,
  coverageRows,
  enrolmentId,
  registerQuarterKey,
  registerQuarterLabel,
  registerQuarterOf,
  trainedId,
  trainingPlan,
} from '@/domain/register';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, requireMember, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError, PAGE_SIZE, readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import { shanghaiDay } from '../../server/time';
import { openCheckInActivity, readCheckInStatuses } from '../checkin/public';
import {
  classRow,
  readCoverage,
  readRosterCounts,
  TRAINING_CLASSES,
  TRAINING_ENROLMENTS,
  TRAINING_TRAINED,
} from './training-store';

/** Classes a year lists: the plan has 8 大培训 and at most 8 others; room for extra ones. */
const CLASSES_PER_YEAR_MAX = 100;
/** A member's classes in a year. */
const MY_CLASSES_MAX = 50;
/** The longest class (a 书记 class of two weeks at a party school, with room). */
const CLASS_DAYS_MAX = 30;
/** Enrolments written at once. */
const WRITE_BATCH = 20;

/** The organisations whose members the caller enrols and sees: an admin all, a secretary the own and those below. */
export function trainingScope(caller: Caller, orgs: readonly OrgNode[]): Set<string> | 'all' {
  if (callerIsAdmin(caller)) return 'all';
  return orgSubtree(orgs, secretaryScopes(caller));
}

const inScope = (scope: Set<string> | 'all', orgId: string) => scope === 'all' || scope.has(orgId);

/**
 * A class's times as opening or editing it takes them (the end after the start, at most CLASS_DAYS_MAX days), and the
 * end of its check-in: a check-in lasts at most a day, so a longer class checks in within its first 24 hours.
 */
export function classTimes(input: { startAt: string; endAt: string }): {
  startAt: Date;
  endAt: Date;
  checkInEndAt: Date;
} {
  const startAt = new Date(input.startAt);
  const endAt = new Date(input.endAt);
  if (endAt.getTime() <= startAt.getTime()) throw new AppError('INVALID_ARGUMENT', '结业时间必须晚于开班时间');
  if (endAt.getTime() - startAt.getTime() > CLASS_DAYS_MAX * 86_400_000)
    throw new AppError('INVALID_ARGUMENT', `一期培训班不能超过 ${CLASS_DAYS_MAX} 天`);
  return { startAt, endAt, checkInEndAt: new Date(Math.min(endAt.getTime(), startAt.getTime() + 86_400_000)) };
}

export async function readClass(db: Database, classId: string): Promise<Doc> {
  const { data } = await db.collection(TRAINING_CLASSES).doc(classId).get();
  if (!data) throw new AppError('NOT_FOUND', '培训班不存在');
  return data;
}

/** Attendance of members at a class from their check-ins (one read per 100). */
async function attendanceOf(db: Database, classId: string, memberIds: string[]): Promise<Map<string, CheckInStatus>> {
  const statuses = await readCheckInStatuses(
    db,
    memberIds.map((m) => checkInId(classId, m)),
  );
  const out = new Map<string, CheckInStatus>();
  for (const m of memberIds) {
    const s = statuses.get(checkInId(classId, m));
    if (s) out.set(m, s);
  }
  return out;
}

export async function trainingClasses(
  input: z.output<typeof trainingSchemas.trainingClasses>,
  ctx: ActionContext,
): Promise<TrainingApi['trainingClasses']['output']> {
  const year = input.year ?? registerQuarterOf(shanghaiDay()).year;
  const [caller, { data }] = await Promise.all([
    ctx.caller(),
    ctx.db.collection(TRAINING_CLASSES).where({ year }).orderBy('startAt', 'desc').limit(CLASSES_PER_YEAR_MAX).get(),
  ]);
  const now = new Date();
  const classes = data.map((d) => classRow(d, now));
  // A cancelled class is listed (marked) but not held: trainingPlan leaves it out.
  return { year, classes, plan: trainingPlan(classes), canCreate: callerIsAdmin(caller) };
}

export async function createTrainingClass(
  input: z.output<typeof trainingSchemas.createTrainingClass>,
  ctx: ActionContext,
): Promise<TrainingApi['createTrainingClass']['output']> {
  const { db } = ctx;
  const dir = await readDirectory(db);
  const roots = dir.orgs.filter((o) => o.parentId === null).map((o) => o.orgId);
  if (roots.length === 0) throw new AppError('FAILED_PRECONDITION', '请先建立组织架构，再开设培训班');
  const { startAt, endAt, checkInEndAt } = classTimes(input);
  // The class's check-in (报到) on its first day: for the whole 工委, so that a member who was not enrolled is still
  // counted when he comes.
  const { activityId } = await openCheckInActivity(
    {
      title: input.title,
      kind: '培训',
      orgIds: roots,
      startAt: input.startAt,
      endAt: checkInEndAt.toISOString(),
      place: input.place,
    },
    ctx,
  );
  const { year, quarter } = registerQuarterOf(shanghaiDay(startAt));
  await db.collection(TRAINING_CLASSES).add({
    data: {
      _id: activityId,
      title: input.title,
      kind: input.kind,
      year,
      quarter,
      startAt,
      endAt,
      place: input.place,
      capacity: input.capacity,
      enrolled: 0,
      createdBy: ctx.requireOpenid(),
      createdAt: db.serverDate(),
    },
  });
  return { classId: activityId };
}

export async function trainingClass(
  input: z.output<typeof trainingSchemas.trainingClass>,
  ctx: ActionContext,
): Promise<TrainingApi['trainingClass']['output']> {
  const { db } = ctx;
  const page = input.page ?? 0;
  const [caller, dir, doc] = await Promise.all([ctx.caller(), readDirectory(db), readClass(db, input.classId)]);
  const scope = trainingScope(caller, dir.orgs);
  const where: Record<string, unknown> = { classId: doc._id };
  if (scope !== 'all') where.orgId = db.command.in([...scope]);
  const { rows, hasMore } = await readPage(
    db.collection(TRAINING_ENROLMENTS).where(where).orderBy('orgId', 'asc').orderBy('name', 'asc'),
    page,
    TRAINING_ROSTER_PAGE,
  );
  const attendance = await attendanceOf(
    db,
    doc._id,
    rows.map((r) => str(r, 'memberId') ?? ''),
  );
  const orgNames = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  const klass = classRow(doc, new Date());
  return {
    class: klass,
    roster: rows.map((r) => {
      const memberId = str(r, 'memberId') ?? '';
      const orgId = str(r, 'orgId') ?? '';
      return {
        memberId,
        name: str(r, 'name') ?? '',
        orgId,
        orgName: orgNames.get(orgId) ?? '',
        walkIn: r.walkIn === true,
        attendance: attendance.get(memberId) ?? null,
      };
    }),
    hasMore,
    canEnrol: klass.phase !== 'ended' && klass.phase !== 'cancelled',
  };
}

/** The members an enrolment names: one organisation's roster or members by id, each in the caller's scope. */
async function enrolCandidates(
  db: Database,
  input: z.output<typeof trainingSchemas.enrolTraining>,
  scope: Set<string> | 'all',
  orgs: readonly OrgNode[],
  seats: number,
): Promise<Doc[]> {
  const fields = { _id: true, name: true, orgId: true };
  if (input.orgId) {
    if (!orgs.some((o) => o.orgId === input.orgId)) throw new AppError('NOT_FOUND', '组织不存在');
    if (!inScope(scope, input.orgId)) throw new AppError('PERMISSION_DENIED', '只能为本组织及下级组织的党员报名');
    const out: Doc[] = [];
    // The org's roster in its order, a page at a time; no more pages than the class has seats for.
    for (let page = 0; page * PAGE_SIZE < seats + PAGE_SIZE; page++) {
      const { data } = await db
        .collection(MEMBERS)
        .where({ orgId: input.orgId })
        .orderBy('order', 'asc')
        .skip(page * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .field(fields)
        .get();
      out.push(...data);
      if (data.length < PAGE_SIZE) break;
    }
    return out;
  }
  const ids = [...new Set(input.memberIds ?? [])];
  const found = await findIn(db, MEMBERS, '_id', ids, fields);
  if (found.length < ids.length) throw new AppError('NOT_FOUND', '名册中没有所选的党员，请刷新后重试');
  if (found.some((m) => !inScope(scope, str(m, 'orgId') ?? '')))
    throw new AppError('PERMISSION_DENIED', '只能为本组织及下级组织的党员报名');
  return found;
}

export async function enrolTraining(
  input: z.output<typeof trainingSchemas.enrolTraining>,
  ctx: ActionContext,
): Promise<TrainingApi['enrolTraining']['output']> {
  const { db } = ctx;
  if ((input.orgId === undefined) === (input.memberIds === undefined))
    throw new AppError('INVALID_ARGUMENT', '请选择一个组织，或选择要报名的党员');
  const [caller, dir, doc] = await Promise.all([ctx.caller(), readDirectory(db), readClass(db, input.classId)]);
  const klass = classRow(doc, new Date());
  if (klass.phase === 'ended') throw new AppError('FAILED_PRECONDITION', '培训班已结业，不能再报名');
  if (klass.phase === 'cancelled') throw new AppError('FAILED_PRECONDITION', '培训班已取消，不能再报名');
  const scope = trainingScope(caller, dir.orgs);
  const seatsLeft = Math.max(0, klass.capacity - klass.enrolled);
  const members = await enrolCandidates(db, input, scope, dir.orgs, seatsLeft);
  const existing = await findIn(
    db,
    TRAINING_ENROLMENTS,
    '_id',
    members.map((m) => enrolmentId(klass.classId, m._id)),
    { _id: true },
  );
  const had = new Set(existing.map((e) => e._id));
  const fresh = members.filter((m) => !had.has(enrolmentId(klass.classId, m._id)));
  const take = fresh.slice(0, seatsLeft);
  if (fresh.length > 0 && take.length === 0)
    throw new AppError('FAILED_PRECONDITION', `培训班名额已满（${klass.capacity} 人）`);
  if (take.length === 0) return { enrolled: 0, already: had.size, full: false, seatsLeft };
  // The seats first, only while they are left (another enrolment at the same time may have taken them) and the class
  // is as read: an edit of its seats or its cancellation in between makes this fail rather than overfill it.
  const _ = db.command;
  const { stats } = await db
    .collection(TRAINING_CLASSES)
    .where({
      _id: klass.classId,
      capacity: klass.capacity,
      cancelled: _.neq(true),
      enrolled: _.lte(klass.capacity - take.length),
    })
    .update({ data: { enrolled: _.inc(take.length) } });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '名额刚有变动，请刷新后重试');
  let enrolled = 0;
  let raced = 0;
  for (let i = 0; i < take.length; i += WRITE_BATCH) {
    await Promise.all(
      take.slice(i, i + WRITE_BATCH).map(async (m) => {
        try {
          await db.collection(TRAINING_ENROLMENTS).add({
            data: {
              _id: enrolmentId(klass.classId, m._id),
              classId: klass.classId,
              memberId: m._id,
              name: str(m, 'name') ?? '',
              orgId: str(m, 'orgId') ?? '',
              year: klass.year,
              startAt: doc.startAt,
              walkIn: false,
              enrolledBy: caller.openid,
              enrolledAt: db.serverDate(),
            },
          });
          enrolled++;
        } catch (e) {
          if (!isDuplicateKeyError(e)) throw e;
          raced++;
        }
      }),
    );
  }
  // Enrolled at the same moment by someone else: their seats go back.
  if (raced > 0)
    await db
      .collection(TRAINING_CLASSES)
      .doc(klass.classId)
      .update({ data: { enrolled: _.inc(-raced) } });
  return {
    enrolled,
    already: had.size + raced,
    full: take.length < fresh.length,
    seatsLeft: seatsLeft - enrolled,
  };
}

export async function withdrawTraining(
  input: z.output<typeof trainingSchemas.withdrawTraining>,
  ctx: ActionContext,
): Promise<TrainingApi['withdrawTraining']['output']> {
  const { db } = ctx;
  const id = enrolmentId(input.classId, input.memberId);
  const [caller, dir, doc, { data: enrolment }, attended] = await Promise.all([
    ctx.caller(),
    readDirectory(db),
    readClass(db, input.classId),
    db.collection(TRAINING_ENROLMENTS).doc(id).get(),
    readCheckInStatuses(db, [checkInId(input.classId, input.memberId)]),
  ]);
  if (!enrolment) throw new AppError('NOT_FOUND', '该党员未报名此培训班');
  if (doc.cancelled === true) throw new AppError('FAILED_PRECONDITION', '培训班已取消，报名记录保留');
  if (!inScope(trainingScope(caller, dir.orgs), str(enrolment, 'orgId') ?? ''))
    throw new AppError('PERMISSION_DENIED', '只能为本组织及下级组织的党员取消报名');
  if (attended.size > 0) throw new AppError('FAILED_PRECONDITION', '该党员已签到参加培训，不能取消报名');
  const { stats } = await db.collection(TRAINING_ENROLMENTS).doc(id).remove();
  if (stats.removed === 1 && enrolment.walkIn !== true)
    await db
      .collection(TRAINING_CLASSES)
      .doc(doc._id)
      .update({ data: { enrolled: db.command.inc(-1) } });
  return { withdrawn: stats.removed === 1 };
}

export async function myTrainings(
  _input: z.output<typeof trainingSchemas.myTrainings>,
  ctx: ActionContext,
): Promise<TrainingApi['myTrainings']['output']> {
  const { db } = ctx;
  const memberId = requireMember(await ctx.caller());
  const year = registerQuarterOf(shanghaiDay()).year;
  const { data: enrolments } = await db
    .collection(TRAINING_ENROLMENTS)
    .where({ memberId, year })
    .orderBy('startAt', 'desc')
    .limit(MY_CLASSES_MAX)
    .get();
  const classIds = enrolments.map((e) => str(e, 'classId') ?? '');
  const [classes, status] = await Promise.all([
    findIn(db, TRAINING_CLASSES, '_id', classIds),
    readCheckInStatuses(
      db,
      classIds.map((c) => checkInId(c, memberId)),
    ),
  ]);
  const byId = new Map(classes.map((c) => [c._id, c]));
  const now = new Date();
  const rows = classIds.flatMap((id) => {
    const c = byId.get(id);
    return c ? [{ ...classRow(c, now), attendance: status.get(checkInId(id, memberId)) ?? null }] : [];
  });
  return { year, classes: rows, attended: rows.filter((r) => r.attendance !== null).length };
}

export async function trainingCoverage(
  _input: z.output<typeof trainingSchemas.trainingCoverage>,
  ctx: ActionContext,
): Promise<TrainingApi['trainingCoverage']['output']> {
  const { db } = ctx;
  const now = new Date();
  const { year, quarter } = registerQuarterOf(shanghaiDay(now));
  const qkey = registerQuarterKey(year, quarter);
  const [caller, dir, rosters, trained] = await Promise.all([
    ctx.caller(),
    readDirectory(db),
    readRosterCounts(db, now),
    readCoverage(db, qkey),
  ]);
  const scope = trainingScope(caller, dir.orgs);
  const rows = coverageRows(
    dir.orgs.filter((o) => inScope(scope, o.orgId)),
    rosters,
    trained,
  );
  return { quarter: qkey, label: registerQuarterLabel(year, quarter), rows, counts: coverageCounts(rows) };
}

export async function untrainedMembers(
  input: z.output<typeof trainingSchemas.untrainedMembers>,
  ctx: ActionContext,
): Promise<TrainingApi['untrainedMembers']['output']> {
  const { db } = ctx;
  const page = input.page ?? 0;
  const [caller, dir] = await Promise.all([ctx.caller(), readDirectory(db)]);
  const org = dir.orgs.find((o) => o.orgId === input.orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  if (!inScope(trainingScope(caller, dir.orgs), org.orgId))
    throw new AppError('PERMISSION_DENIED', '只能查看本组织及下级组织的培训情况');
  const { year, quarter } = registerQuarterOf(shanghaiDay());
  const qkey = registerQuarterKey(year, quarter);
  const { data: members } = await db
    .collection(MEMBERS)
    .where({ orgId: org.orgId })
    .orderBy('order', 'asc')
    .skip(page * UNTRAINED_PAGE)
    .limit(UNTRAINED_PAGE)
    .field({ _id: true, name: true })
    .get();
  const trained = await findIn(
    db,
    TRAINING_TRAINED,
    '_id',
    members.map((m) => trainedId(qkey, m._id)),
    { _id: true, memberId: true },
  );
  const done = new Set(trained.map((t) => str(t, 'memberId')));
  return {
    orgName: org.name,
    members: members.filter((m) => !done.has(m._id)).map((m) => ({ memberId: m._id, name: str(m, 'name') ?? '' })),
    hasMore: members.length === UNTRAINED_PAGE,
  };
}
