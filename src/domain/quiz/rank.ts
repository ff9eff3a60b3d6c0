// Leaderboards: members by best score, then shorter time, then earlier submission (ties share a rank); orgs by
// participation rate of the roster, then the average best score of those who took part.
import type { MemberRankRow, OrgRankRow } from '../api/quiz';

/**
 * Whole seconds an attempt took; the tie rule compares these.
 *
 * @example quizDurationSec(61_900) // 61
 */
export function quizDurationSec(durationMs: number): number {
  return Math.max(0, Math.floor(durationMs / 1000));
}

const SEC_CAP = 99_999;

/**
 * One number that orders members as the board does: higher is better. Score first, then fewer whole seconds.
 * Stored on each best result so that "how many are strictly better than me" is one count query (`rankKey > mine`).
 *
 * @example quizRankKey(90, 65_400) // 90 × 100000 + (99999 − 65) = 9_099_934
 * @example quizRankKey(90, 65_999) === quizRankKey(90, 65_000) // true: same whole second, a tie
 */
export function quizRankKey(score: number, durationMs: number): number {
  return score * 100_000 + (SEC_CAP - Math.min(quizDurationSec(durationMs), SEC_CAP));
}

export interface MemberResult {
  memberId: string;
  name: string;
  orgId: string;
  score: number;
  durationMs: number;
  /** When the attempt was submitted (ms), the last tie-breaker for listing. */
  submittedMs: number;
}

/**
 * Whether `candidate` replaces `best` as a member's best: a higher rank key; on an equal key the earlier
 * submission stays.
 *
 * @example quizBetterResult({ score: 90, durationMs: 60_000 }, { score: 90, durationMs: 70_000 }) // true
 */
export function quizBetterResult(
  candidate: { score: number; durationMs: number },
  best: { score: number; durationMs: number } | null,
): boolean {
  return !best || quizRankKey(candidate.score, candidate.durationMs) > quizRankKey(best.score, best.durationMs);
}

/**
 * Ranks members' best results: score desc, whole seconds asc; equal score and equal whole seconds share a rank
 * (1, 2, 2, 4) and are listed by earlier submission.
 *
 * @example
 * quizRankMembers([
 *   { memberId: 'a', name: '甲', orgId: 'b1', score: 90, durationMs: 61_000, submittedMs: 2 },
 *   { memberId: 'b', name: '乙', orgId: 'b1', score: 90, durationMs: 61_900, submittedMs: 1 },
 *   { memberId: 'c', name: '丙', orgId: 'b2', score: 100, durationMs: 99_000, submittedMs: 3 },
 * ]).map((r) => [r.memberId, r.rank]) // [['c', 1], ['b', 2], ['a', 2]]
 */
export function quizRankMembers(results: readonly MemberResult[]): MemberRankRow[] {
  const sorted = results
    .map((r) => ({ r, key: quizRankKey(r.score, r.durationMs) }))
    .sort((x, y) => y.key - x.key || x.r.submittedMs - y.r.submittedMs);
  let rank = 0;
  return sorted.map(({ r, key }, i) => {
    if (i === 0 || key !== sorted[i - 1].key) rank = i + 1;
    return { rank, memberId: r.memberId, name: r.name, orgId: r.orgId, score: r.score, durationMs: r.durationMs };
  });
}

/**
 * The lines the member board shows under its title.
 *
 * @example QUIZ_MEMBER_FORMULA[1] // '先比得分（高者在前），得分相同比用时（按整秒，短者在前）'
 */
export const QUIZ_MEMBER_FORMULA = [
  '每人取最好的一次成绩：得分 = 答对题数 ÷ 总题数 × 100（四舍五入）',
  '先比得分（高者在前），得分相同比用时（按整秒，短者在前）',
  '得分和用时都相同的名次并列，按提交先后列出',
];

/**
 * The lines the org board shows under its title.
 *
 * @example QUIZ_ORG_FORMULA[0] // '参与率 = 参与人数 ÷ 本支部党员人数（花名册）'
 */
export const QUIZ_ORG_FORMULA = [
  '参与率 = 参与人数 ÷ 本支部党员人数（花名册）',
  '平均分 = 参与者各自最好成绩的平均',
  '先比参与率（高者在前），参与率相同再比平均分；两项都相同的名次并列',
  '参与率和平均分都与人数无关，支部大小不影响排名',
];

export interface OrgTally {
  orgId: string;
  name: string;
  /** Members with a submitted attempt. */
  participants: number;
  /** Sum of those members' best scores. */
  scoreSum: number;
  /** Members on the org's roster. */
  expected: number;
}

/**
 * The org board: participation rate = participants / expected (capped at 1: a member who moved away after
 * taking part still counts for the old branch; 0 for an empty roster), average score = scoreSum / participants
 * (one decimal; 0 with no participants). Ranked by rate (compared at 0.1 %), then average (at 0.1); both equal =
 * the same rank. Equal rows are listed by name.
 *
 * @example
 * quizRankOrgs([
 *   { orgId: 'b1', name: '一支部', participants: 9, scoreSum: 720, expected: 10 },
 *   { orgId: 'b2', name: '二支部', participants: 18, scoreSum: 1620, expected: 20 },
 * ]) // b2 rank 1 (90 %, 90.0), b1 rank 2 (90 %, 80.0)
 */
export function quizRankOrgs(tallies: readonly OrgTally[]): OrgRankRow[] {
  const rows = tallies.map((t) => {
    const participationRate = t.expected > 0 ? Math.min(1, t.participants / t.expected) : 0;
    const averageScore = t.participants > 0 ? Math.round((t.scoreSum / t.participants) * 10) / 10 : 0;
    return {
      orgId: t.orgId,
      name: t.name,
      participants: t.participants,
      expected: t.expected,
      participationRate: Math.round(participationRate * 10_000) / 10_000,
      averageScore,
      k1: Math.round(participationRate * 1000),
      k2: Math.round(averageScore * 10),
    };
  });
  rows.sort((a, b) => b.k1 - a.k1 || b.k2 - a.k2 || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return rows.map(({ k1, k2, ...row }, i) => {
    if (i === 0 || k1 !== rows[i - 1].k1 || k2 !== rows[i - 1].k2) rank = i + 1;
    return { rank, ...row };
  });
}
