// 培训's collections (the check-in's attendance hook is in public.ts). A class is one document whose `_id` is its check-in
// activity's; an enrolment is `<class>:<member>`; a member's first training of a quarter is `<2026Q4>:<member>` and
// counts once in the quarter's coverage document (trained members per organisation), which the overview reads.
import type { TrainingClassRow } from '@/domain/api/training';
import type { Quarter, TrainingKind } from '@/domain/register';
import { TRAINING_KINDS } from '@/domain/register';
import type { Database, Doc } from '../../server/db';
import { str } from '../../server/db';
import { countMembersByOrg } from '../../server/members';
import { shanghaiIso, timeMs } from '../../server/time';

export const TRAINING_CLASSES = 'training_classes';
export const TRAINING_ENROLMENTS = 'training_enrolments';
export const TRAINING_TRAINED = 'training_trained';
/** `coverage-<2026Q4>`: trained members per orgId; `rosters`: members per orgId, recounted hourly. */
export const TRAINING_SUMMARY = 'training_summary';
const ROSTERS_ID = 'rosters';
/** Roster sizes older than this are recounted when the coverage is read (one aggregation). */
export const ROSTERS_STALE_MS = 3600_000;

export const coverageId = (qkey: string) => `coverage-${qkey}`;

export function trainingKind(v: unknown): TrainingKind {
  return (TRAINING_KINDS as readonly unknown[]).includes(v) ? (v as TrainingKind) : '千名科级党员干部大培训';
}

export function classRow(d: Doc, now: Date): TrainingClassRow {
  const startMs = timeMs(d.startAt);
  const endMs = timeMs(d.endAt);
  const nowMs = now.getTime();
  return {
    classId: d._id,
    title: str(d, 'title') ?? '',
    kind: trainingKind(d.kind),
    year: Number(d.year) || 0,
    quarter: (Number(d.quarter) || 1) as Quarter,
    startAt: shanghaiIso(d.startAt),
    endAt: shanghaiIso(d.endAt),
    place: str(d, 'place') ?? '',
    capacity: Number(d.capacity) || 0,
    enrolled: Number(d.enrolled) || 0,
    phase: d.cancelled === true ? 'cancelled' : nowMs < startMs ? 'upcoming' : nowMs > endMs ? 'ended' : 'open',
    cancelReason: d.cancelled === true ? (str(d, 'cancelReason') ?? '') : null,
  };
}

/** The roster size of every organisation (one read; one aggregation and one write more when missing or stale). */
export async function readRosterCounts(db: Database, now: Date): Promise<Record<string, number>> {
  const ref = db.collection(TRAINING_SUMMARY).doc(ROSTERS_ID);
  const { data } = await ref.get();
  if (data && now.getTime() - (Number(data.computedMs) || 0) <= ROSTERS_STALE_MS)
    return (data.counts ?? {}) as Record<string, number>;
  const counts = await countMembersByOrg(db);
  await ref.set({ data: { counts, computedMs: now.getTime(), computedAt: now } });
  return counts;
}

/** Trained members per orgId in a quarter (one read). */
export async function readCoverage(db: Database, qkey: string): Promise<Record<string, number>> {
  const { data } = await db.collection(TRAINING_SUMMARY).doc(coverageId(qkey)).get();
  const out: Record<string, number> = {};
  const raw = data?.orgs;
  if (typeof raw === 'object' && raw !== null)
    for (const [orgId, n] of Object.entries(raw as Record<string, unknown>)) out[orgId] = Number(n) || 0;
  return out;
}
