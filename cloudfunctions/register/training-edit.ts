// register.updateTrainingClass and cancelTrainingClass (the 工委 admin who opens classes): a class is edited before its
// end with the fields and checks it was opened with, its check-in activity moved in step; or it is called off with a
// reason and stays listed as 已取消. Both are refused once a member has checked in where it would change what the
// attendance counted for. The seats change in one conditional update, as enrolment takes them, so the two racing
// never leave more enrolled than seats.
import type { z } from 'zod';
import type { TrainingApi, trainingSchemas } from '@/domain/api/training';
import { registerQuarterOf } from '@/domain/register';
import { AppError } from '../../server/app-error';
import type { Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiDay, timeMs } from '../../server/time';
import { cancelLinkedActivity, hasCheckIns, moveLinkedActivity } from '../checkin/public';
import { classTimes, readClass } from './training';
import { classRow, TRAINING_CLASSES, TRAINING_ENROLMENTS } from './training-store';

/** Why a class as stored cannot take this edit, or null. */
function editRefusal(doc: Doc, capacity: number, now: Date): string | null {
  const c = classRow(doc, now);
  if (c.phase === 'cancelled') return '培训班已取消，不能修改';
  if (c.phase === 'ended') return '培训班已结业，不能修改';
  if (capacity < c.enrolled) return `已有 ${c.enrolled} 人报名，名额不能少于已报名人数`;
  return null;
}

export async function updateTrainingClass(
  input: z.output<typeof trainingSchemas.updateTrainingClass>,
  ctx: ActionContext,
): Promise<TrainingApi['updateTrainingClass']['output']> {
  const { db } = ctx;
  const _ = db.command;
  const { startAt, endAt, checkInEndAt } = classTimes(input);
  const doc = await readClass(db, input.classId);
  const refusal = editRefusal(doc, input.capacity, new Date());
  if (refusal) throw new AppError('FAILED_PRECONDITION', refusal);
  // The time stays once a member has checked in: the quarter and the window the attendance counted for come from it.
  const moved = startAt.getTime() !== timeMs(doc.startAt) || endAt.getTime() !== timeMs(doc.endAt);
  if (moved && (await hasCheckIns(db, doc._id)))
    throw new AppError('FAILED_PRECONDITION', '已有学员签到，不能再修改培训时间');
  const { year, quarter } = registerQuarterOf(shanghaiDay(startAt));
  // Only while the seats still hold everyone enrolled and the class is not cancelled (an enrolment or a cancellation
  // may have come in since the read).
  const fields = {
    title: input.title,
    kind: input.kind,
    year,
    quarter,
    startAt,
    endAt,
    place: input.place,
    capacity: input.capacity,
  };
  const { stats } = await db
    .collection(TRAINING_CLASSES)
    .where({ _id: doc._id, cancelled: _.neq(true), enrolled: _.lte(input.capacity) })
    .update({ data: { ...fields, editedBy: ctx.requireOpenid(), editedAt: db.serverDate() } });
  if (stats.updated !== 1) {
    const now = await readClass(db, doc._id);
    throw new AppError(
      'FAILED_PRECONDITION',
      editRefusal(now, input.capacity, new Date()) ?? '培训班刚有变动，请刷新后重试',
    );
  }
  await moveLinkedActivity(db, doc._id, { title: input.title, place: input.place, startAt, endAt: checkInEndAt });
  // The enrolments carry the year and start a member's 我的培训 is listed by.
  if (moved) await db.collection(TRAINING_ENROLMENTS).where({ classId: doc._id }).update({ data: { year, startAt } });
  return { class: classRow({ ...doc, ...fields }, new Date()) };
}

export async function cancelTrainingClass(
  input: z.output<typeof trainingSchemas.cancelTrainingClass>,
  ctx: ActionContext,
): Promise<TrainingApi['cancelTrainingClass']['output']> {
  const { db } = ctx;
  const doc = await readClass(db, input.classId);
  if (doc.cancelled === true) return { already: true };
  if (classRow(doc, new Date()).phase === 'ended') throw new AppError('FAILED_PRECONDITION', '培训班已结业，不能取消');
  // Attendance counts toward the quarter's coverage: a class someone came to took place.
  if (await hasCheckIns(db, doc._id))
    throw new AppError('FAILED_PRECONDITION', '已有学员签到，参训记录计入培训覆盖，不能取消培训班');
  const { stats } = await db
    .collection(TRAINING_CLASSES)
    .where({ _id: doc._id, cancelled: db.command.neq(true) })
    .update({
      data: {
        cancelled: true,
        cancelReason: input.reason,
        cancelledBy: ctx.requireOpenid(),
        cancelledAt: db.serverDate(),
      },
    });
  await cancelLinkedActivity(db, doc._id);
  return { already: stats.updated !== 1 };
}
