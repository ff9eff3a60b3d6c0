// The competition's calendar (征集 / 评审 / 已公布), who is one unit (judges of the entrant's own unit are excluded),
// and the deterministic ids that keep entries, scores and votes single.
import type { OrgNode } from '../identity';

export type ContestStage = 'upcoming' | 'submitting' | 'judging' | 'published';

export interface ContestTimes {
  submitStartMs: number;
  submitEndMs: number;
  voteStartMs: number | null;
  voteEndMs: number | null;
  publishedMs: number | null;
}

/**
 * Where a competition stands at `nowMs`: before the submission window, in it (start inclusive, end exclusive), after
 * it until published (judging and the public vote), published.
 *
 * @example contestStage({ submitStartMs: 10, submitEndMs: 20, voteStartMs: null, voteEndMs: null, publishedMs: null }, 15) // 'submitting'
 */
export function contestStage(t: ContestTimes, nowMs: number): ContestStage {
  if (t.publishedMs !== null) return 'published';
  if (nowMs < t.submitStartMs) return 'upcoming';
  return nowMs < t.submitEndMs ? 'submitting' : 'judging';
}

/**
 * Whether the public vote is open at `nowMs` (and the results not yet published).
 *
 * @example contestVoteOpen({ submitStartMs: 0, submitEndMs: 10, voteStartMs: 10, voteEndMs: 20, publishedMs: null }, 12) // true
 */
export function contestVoteOpen(t: ContestTimes, nowMs: number): boolean {
  if (t.publishedMs !== null || t.voteStartMs === null || t.voteEndMs === null) return false;
  return nowMs >= t.voteStartMs && nowMs < t.voteEndMs;
}

/**
 * Why a competition's windows do not fit together, or null: the submission window ends after it starts and after
 * now; the public vote (if any) starts once entries are in and ends after it starts.
 *
 * @example contestWindowsProblem({ submitStartMs: 0, submitEndMs: 10, voteStartMs: 5, voteEndMs: 20, publishedMs: null }, 0) // '群众投票应在征集截止后开始'
 */
export function contestWindowsProblem(t: ContestTimes, nowMs: number): string | null {
  if (t.submitEndMs <= t.submitStartMs) return '征集截止时间应晚于开始时间';
  if (t.submitEndMs <= nowMs) return '征集截止时间应晚于现在';
  if (t.voteStartMs !== null && t.voteEndMs !== null) {
    if (t.voteStartMs < t.submitEndMs) return '群众投票应在征集截止后开始';
    if (t.voteEndMs <= t.voteStartMs) return '投票截止时间应晚于开始时间';
  }
  return null;
}

/**
 * The unit an organisation belongs to: its ancestor just below the top (a 机关党委 stands for its agency), or the
 * org itself when it is the top or hangs directly under it.
 *
 * @example
 * // 工委 gw -> 市教育局机关党委 jyj -> 第一党支部 jyj-1
 * contestUnitOf(orgs, 'jyj-1') // 'jyj'
 * contestUnitOf(orgs, 'jyj')   // 'jyj'
 */
export function contestUnitOf(orgs: readonly Pick<OrgNode, 'orgId' | 'parentId'>[], orgId: string): string {
  const byId = new Map(orgs.map((o) => [o.orgId, o]));
  let cur = orgId;
  for (let i = 0; i <= orgs.length; i++) {
    const parent = byId.get(cur)?.parentId ?? null;
    if (parent === null || !byId.has(parent)) return cur;
    const grand = byId.get(parent)?.parentId ?? null;
    if (grand === null || !byId.has(grand)) return cur;
    cur = parent;
  }
  return cur;
}

/**
 * The units that may enter a competition, in directory order: the organisations just below the top (each stands for
 * its agency, as in contestUnitOf), and the top itself only when nothing hangs under it.
 *
 * @example
 * // 工委 gw -> 市教育局机关党委 jyj -> 第一党支部 jyj-1; gw -> 市公安局机关党委 gaj
 * contestUnits(orgs) // ['jyj', 'gaj']
 */
export function contestUnits<T extends Pick<OrgNode, 'orgId' | 'parentId'>>(orgs: readonly T[]): T[] {
  const ids = new Set(orgs.map((o) => o.orgId));
  const isTop = (o: T) => o.parentId === null || !ids.has(o.parentId);
  const tops = new Set(orgs.filter(isTop).map((o) => o.orgId));
  const units = orgs.filter((o) => o.parentId !== null && tops.has(o.parentId));
  return units.length ? units : orgs.filter(isTop);
}

/**
 * The units with no entry yet: a unit has entered when any of its organisations has (one entry stands for the unit).
 *
 * @example contestUnitsDue(orgs, ['jyj-1']).map((o) => o.orgId) // ['gaj']
 */
export function contestUnitsDue<T extends Pick<OrgNode, 'orgId' | 'parentId'>>(
  orgs: readonly T[],
  enteredOrgIds: readonly string[],
): T[] {
  const entered = new Set(enteredOrgIds.map((o) => contestUnitOf(orgs, o)));
  return contestUnits(orgs).filter((u) => !entered.has(u.orgId));
}

/**
 * Whether a judge may not score an entry: the judge's org and the entrant's are in the same unit.
 *
 * @example contestJudgeExcluded(orgs, 'jyj-2', 'jyj-1') // true  (both 市教育局)
 * @example contestJudgeExcluded(orgs, 'gaj-1', 'jyj-1') // false
 */
export function contestJudgeExcluded(
  orgs: readonly Pick<OrgNode, 'orgId' | 'parentId'>[],
  judgeOrgId: string,
  entryOrgId: string,
): boolean {
  return contestUnitOf(orgs, judgeOrgId) === contestUnitOf(orgs, entryOrgId);
}

/** One entry per org and competition. @example contestEntryId('c1', 'jyj-1') // 'c1:jyj-1' */
export function contestEntryId(contestId: string, orgId: string): string {
  return `${contestId}:${orgId}`;
}

/** One score sheet per judge and entry. @example contestScoreId('c1:jyj-1', 'm7') // 'c1:jyj-1:m7' */
export function contestScoreId(entryId: string, memberId: string): string {
  return `${entryId}:${memberId}`;
}

/**
 * One vote per person, competition and day (Asia/Shanghai): a second insert of the same id fails, so concurrent
 * taps cannot both count.
 *
 * @example contestVoteId('c1', '2020-07-01', 'o1') // 'c1:2020-07-01:o1'
 */
export function contestVoteId(contestId: string, day: string, openid: string): string {
  return `${contestId}:${day}:${openid}`;
}

/** The criteria's weights add up to this (each weight is the criterion's share of a judge's total, in percent). */
export const CONTEST_CRITERIA_TOTAL = 100;

/**
 * What is wrong with a competition's criteria, or null: codes and names each once, weights adding up to 100.
 *
 * @example contestCriteriaProblem([{ key: 'a', name: '创新性', weight: 40 }, { key: 'b', name: '实效性', weight: 60 }]) // null
 * @example contestCriteriaProblem([{ key: 'a', name: '创新性', weight: 40 }]) // '评分项权重合计应为 100，现为 40'
 */
export function contestCriteriaProblem(
  criteria: ReadonlyArray<{ key: string; name: string; weight: number }>,
): string | null {
  if (criteria.length === 0) return '请至少设一个评分项';
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length) return '评分项代码重复';
  const names = criteria.map((c) => c.name.trim());
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) return `评分项“${repeated}”重复`;
  const sum = criteria.reduce((n, c) => n + c.weight, 0);
  return sum === CONTEST_CRITERIA_TOTAL ? null : `评分项权重合计应为 ${CONTEST_CRITERIA_TOTAL}，现为 ${sum}`;
}
