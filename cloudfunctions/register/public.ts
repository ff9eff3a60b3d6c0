// What other functions may do with the register function's data: the check-in adds a 培训 attendance (the member
// on the class roster and the quarter's training counted once for the organisation).
import { enrolmentId, registerQuarterKey, registerQuarterOf, trainedId } from '@/domain/register';
import type { Database } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import { shanghaiDay } from '../../server/time';
import { coverageId, TRAINING_ENROLMENTS, TRAINING_SUMMARY, TRAINING_TRAINED } from './training-store';

/** Adds one trained member to an organisation's count of a quarter; the first ever creates the document. */
async function countTrained(db: Database, qkey: string, orgId: string): Promise<void> {
  const ref = db.collection(TRAINING_SUMMARY).doc(coverageId(qkey));
  const inc = () => ref.update({ data: { orgs: { [orgId]: db.command.inc(1) } } });
  const { stats } = await inc();
  if (stats.updated > 0) return;
  try {
    await db.collection(TRAINING_SUMMARY).add({ data: { _id: coverageId(qkey), quarter: qkey, orgs: { [orgId]: 1 } } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await inc();
  }
}

export interface AttendedTraining {
  activityId: string;
  startAt: Date;
  memberId: string;
  name: string;
  orgId: string;
}

/**
 * What a check-in at a 培训 activity adds (checkin.checkIn and manualCheckIn call it after the check-in is stored):
 * the member on the class roster (a walk-in when not enrolled), and the member's training of the quarter counted
 * once for the organisation. Every write is idempotent by id, and a crash between them heals on the next scan: the
 * quarter's record is marked counted only after the count went up.
 */
export async function recordTrainingAttendance(db: Database, a: AttendedTraining): Promise<void> {
  const { year, quarter } = registerQuarterOf(shanghaiDay(a.startAt));
  const qkey = registerQuarterKey(year, quarter);
  try {
    await db.collection(TRAINING_ENROLMENTS).add({
      data: {
        _id: enrolmentId(a.activityId, a.memberId),
        classId: a.activityId,
        memberId: a.memberId,
        name: a.name,
        orgId: a.orgId,
        year,
        startAt: a.startAt,
        walkIn: true,
        enrolledBy: null,
        enrolledAt: db.serverDate(),
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  const id = trainedId(qkey, a.memberId);
  let counted = false;
  try {
    await db.collection(TRAINING_TRAINED).add({
      data: {
        _id: id,
        quarter: qkey,
        memberId: a.memberId,
        orgId: a.orgId,
        classId: a.activityId,
        counted: false,
        createdAt: db.serverDate(),
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const { data } = await db.collection(TRAINING_TRAINED).doc(id).get();
    counted = data?.counted === true;
  }
  if (counted) return;
  await countTrained(db, qkey, a.orgId);
  await db
    .collection(TRAINING_TRAINED)
    .doc(id)
    .update({ data: { counted: true } });
}
