// 民主评议党员 ballot rules: the window, what a valid ballot is, the two-thirds participation threshold, the tally
// per grade and the grade it suggests. Ballots reach these functions without voters: the tally never knows who.
import type { ReviewGrade } from '../api/points';
import { REVIEW_GRADES } from '../api/points';

/** 未开始, 投票中, 已结束. */
export type ReviewPhase = 'upcoming' | 'open' | 'closed';

/** Counts per grade, in the order of REVIEW_GRADES (优秀, 合格, 基本合格, 不合格). */
export type GradeCounts = [number, number, number, number];

/**
 * Where `now` falls in the ballot window [startAt, endAt).
 *
 * @example orglifeReviewPhase({ startAt: t('09:00'), endAt: t('17:00') }, t('17:00')) // 'closed'
 */
export function orglifeReviewPhase(w: { startAt: Date; endAt: Date }, now: Date): ReviewPhase {
  const t = now.getTime();
  if (t < w.startAt.getTime()) return 'upcoming';
  return t < w.endAt.getTime() ? 'open' : 'closed';
}

/**
 * Ballots needed for a valid 评议: two thirds of the members entitled to vote, rounded up.
 *
 * @example orglifeReviewQuorum(9, 6) // { required: 6, reached: true }
 * @example orglifeReviewQuorum(10, 6) // { required: 7, reached: false }
 */
export function orglifeReviewQuorum(electorate: number, voters: number): { required: number; reached: boolean } {
  // Integer arithmetic: Math.ceil(electorate * 2 / 3) without floating point.
  const required = Math.floor((electorate * 2 + 2) / 3);
  return { required, reached: electorate > 0 && voters >= required };
}

export interface BallotEntry {
  memberId: string;
  grade: ReviewGrade;
}

/**
 * Why a ballot is not valid, or null: it grades every assessed member exactly once (the voter too when assessed,
 * as a self-assessment) and nobody else.
 *
 * @example orglifeBallotError(['m1', 'm2'], [{ memberId: 'm1', grade: '优秀' }]) // '还有 1 名党员未评价'
 */
export function orglifeBallotError(assessed: readonly string[], entries: readonly BallotEntry[]): string | null {
  const expected = new Set(assessed);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!expected.has(e.memberId)) return '选票中有不在本次评议名单中的党员';
    if (seen.has(e.memberId)) return '同一党员在选票中出现了多次';
    seen.add(e.memberId);
  }
  const left = expected.size - seen.size;
  return left > 0 ? `还有 ${left} 名党员未评价` : null;
}

/** One row of the database's grouping of ballots: how many ballots gave `grade` to `memberId`. */
export interface GradeGroup {
  memberId: string;
  grade: string;
  n: number;
}

/**
 * Counts per grade for each assessed member (zeros for one nobody graded); groups of members or grades outside the
 * review are ignored.
 *
 * @example orglifeTallyBallots(['m1'], [{ memberId: 'm1', grade: '合格', n: 3 }]).get('m1') // [0, 3, 0, 0]
 */
export function orglifeTallyBallots(
  assessed: readonly string[],
  groups: readonly GradeGroup[],
): Map<string, GradeCounts> {
  const out = new Map<string, GradeCounts>(assessed.map((m) => [m, [0, 0, 0, 0]]));
  for (const g of groups) {
    const counts = out.get(g.memberId);
    const i = (REVIEW_GRADES as readonly string[]).indexOf(g.grade);
    if (counts && i >= 0) counts[i] += g.n;
  }
  return out;
}

/**
 * The grade the ballots suggest: the median grade, i.e. the best grade that more than half of the ballots gave or
 * bettered. One 优秀 and one 不合格 among many 合格 do not move it; null without ballots. The secretary proposes the
 * result from this and the branch meeting.
 *
 * @example orglifeSuggestedGrade([5, 3, 1, 0]) // '优秀' (5 of 9 said 优秀)
 * @example orglifeSuggestedGrade([4, 3, 1, 1]) // '合格' (4 of 9 is not more than half; 7 of 9 said 合格 or better)
 */
export function orglifeSuggestedGrade(counts: GradeCounts): ReviewGrade | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += counts[i];
    if (cumulative * 2 > total) return REVIEW_GRADES[i];
  }
  return REVIEW_GRADES[REVIEW_GRADES.length - 1];
}
