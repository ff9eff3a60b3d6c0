// contest.create, list, get and progress: the 工委 sets a competition up and follows the judges; everyone sees the
// competitions and, once the submission window has closed, their entries.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ContestApi, contestSchemas } from '@/domain/api/contest';
import { CONTEST_PAGE_SIZE } from '@/domain/api/contest';
import {
  contestCriteriaProblem,
  contestJudgeExcluded,
  contestStage,
  contestVoteId,
  contestWindowsProblem,
} from '@/domain/contest';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin } from '../../server/caller';
import { findIn, readPage } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import { shanghaiDay } from '../../server/time';
import {
  attachmentUrls,
  CONTEST_VOTES,
  CONTESTS,
  contestCriteria,
  contestEntry,
  contestJudges,
  contestSummary,
  contestTimes,
  contestWeights,
  entryJudged,
  loadContest,
  readEntries,
} from './store';

/** The caller when there is one (the public pages call without signing in). */
export async function optionalCaller(ctx: ActionContext): Promise<Caller | null> {
  return ctx.openid ? ctx.caller() : null;
}

export async function create(
  input: z.output<typeof contestSchemas.create>,
  ctx: ActionContext,
): Promise<ContestApi['create']['output']> {
  const { db } = ctx;
  const now = Date.now();
  const times = {
    submitStartMs: new Date(input.submitStartAt).getTime(),
    submitEndMs: new Date(input.submitEndAt).getTime(),
    voteStartMs: input.publicVote ? new Date(input.publicVote.startAt).getTime() : null,
    voteEndMs: input.publicVote ? new Date(input.publicVote.endAt).getTime() : null,
    publishedMs: null,
  };
  const problem = contestWindowsProblem(times, now);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const criteriaProblem = contestCriteriaProblem(input.criteria);
  if (criteriaProblem) throw new AppError('INVALID_ARGUMENT', criteriaProblem);
  if (!input.publicVote && input.weights.public > 0)
    throw new AppError('INVALID_ARGUMENT', '没有群众投票时，群众投票权重应为 0');
  // Votes alone never rank an entry: the panel always counts.
  if (input.weights.panel <= 0) throw new AppError('INVALID_ARGUMENT', '评委评分权重应大于 0');

  const judgeIds = [...new Set(input.judgeIds)];
  const [dir, members] = await Promise.all([readDirectory(db), findIn(db, MEMBERS, '_id', judgeIds)]);
  const missing = judgeIds.filter((m) => !members.some((d) => d._id === m));
  if (missing.length) throw new AppError('NOT_FOUND', `名册中没有这些评委：${missing.slice(0, 3).join('、')}`);
  const orgNames = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  const byId = new Map(members.map((m) => [m._id, m]));
  const judges = judgeIds.map((memberId) => {
    const m = byId.get(memberId)!;
    const orgId = String(m.orgId ?? '');
    return {
      memberId,
      name: String(m.name ?? ''),
      orgId,
      orgName: orgNames.get(orgId) ?? '',
    };
  });
  const contestId = `ct_${randomBytes(9).toString('base64url')}`;
  await db.collection(CONTESTS).add({
    data: {
      _id: contestId,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      submitStartAt: new Date(input.submitStartAt),
      submitEndAt: new Date(input.submitEndAt),
      voteStartAt: input.publicVote ? new Date(input.publicVote.startAt) : null,
      voteEndAt: input.publicVote ? new Date(input.publicVote.endAt) : null,
      criteria: input.criteria,
      judges,
      judgeIds,
      weights: input.weights,
      entryCount: 0,
      enteredOrgIds: [],
      publishedAt: null,
      published: null,
      createdBy: ctx.requireOpenid(),
      createdAt: db.serverDate(),
    },
  });
  return { contestId };
}

export async function close(
  input: z.output<typeof contestSchemas.close>,
  ctx: ActionContext,
): Promise<ContestApi['close']['output']> {
  const { db } = ctx;
  const [caller, contest] = await Promise.all([ctx.caller(), loadContest(db, input.contestId)]);
  const t = contestTimes(contest);
  const now = Date.now();
  if (contestStage(t, now) !== 'submitting') throw new AppError('FAILED_PRECONDITION', '只有征集中的竞赛可以提前截止');
  const changes: Record<string, unknown> = { submitEndAt: new Date(now) };
  if (t.voteStartMs !== null && t.voteStartMs > now) changes.voteStartAt = new Date(now);
  // Only while the window read is still the stored one: a concurrent close or edit does not land twice.
  const { stats } = await db
    .collection(CONTESTS)
    .where({ _id: contest._id, submitEndAt: contest.submitEndAt })
    .update({ data: changes });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '竞赛刚被修改，请刷新后重试');
  return contestSummary({ ...contest, ...changes }, caller, now);
}

/**
 * Replaces the criteria while entries are open. The update applies only while the stored window still ends later
 * than now (checked by the database), so a judge can never score on criteria changed under him: scoring starts
 * when the window closes.
 */
export async function setCriteria(
  input: z.output<typeof contestSchemas.setCriteria>,
  ctx: ActionContext,
): Promise<ContestApi['setCriteria']['output']> {
  const { db } = ctx;
  const problem = contestCriteriaProblem(input.criteria);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const contest = await loadContest(db, input.contestId);
  const now = Date.now();
  const closed = '征集已截止、评审已开始，评分项不能再修改';
  const stage = contestStage(contestTimes(contest), now);
  if (stage !== 'upcoming' && stage !== 'submitting') throw new AppError('FAILED_PRECONDITION', closed);
  const { stats } = await db
    .collection(CONTESTS)
    .where({ _id: contest._id, submitEndAt: db.command.gt(new Date(now)) })
    .update({ data: { criteria: input.criteria } });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', closed);
  return { criteria: input.criteria };
}

export async function list(
  input: z.output<typeof contestSchemas.list>,
  ctx: ActionContext,
): Promise<ContestApi['list']['output']> {
  const { db } = ctx;
  const page = input.page ?? 0;
  const [caller, { rows, hasMore }] = await Promise.all([
    optionalCaller(ctx),
    readPage(
      db
        .collection(CONTESTS)
        .orderBy('createdAt', 'desc')
        .field({ published: false, judges: false, criteria: false, description: false }),
      page,
      CONTEST_PAGE_SIZE,
    ),
  ]);
  const now = Date.now();
  return { contests: rows.map((c) => contestSummary(c, caller, now)), hasMore };
}

export async function get(
  input: z.output<typeof contestSchemas.get>,
  ctx: ActionContext,
): Promise<ContestApi['get']['output']> {
  const { db } = ctx;
  const [caller, contest] = await Promise.all([optionalCaller(ctx), loadContest(db, input.contestId)]);
  const now = Date.now();
  const summary = contestSummary(contest, caller, now);
  const admin = caller !== null && callerIsAdmin(caller);
  const own = new Set(summary.canSubmitFor);
  // Entries stay private to their units while they may still change; after that they are the competition.
  const showAll = admin || (summary.stage !== 'upcoming' && summary.stage !== 'submitting');
  const [entries, vote] = await Promise.all([
    showAll || own.size ? readEntries(db, contest._id) : Promise.resolve([]),
    ctx.openid && summary.voteOpen
      ? db
          .collection(CONTEST_VOTES)
          .doc(contestVoteId(contest._id, shanghaiDay(new Date(now)), ctx.openid))
          .get()
      : Promise.resolve({ data: null }),
  ]);
  const shown = showAll ? entries : entries.filter((e) => own.has(String(e.orgId)));
  const urls = await attachmentUrls(shown);
  return {
    ...summary,
    description: typeof contest.description === 'string' ? contest.description : '',
    criteria: contestCriteria(contest),
    weights: contestWeights(contest),
    judges: contestJudges(contest),
    entries: shown.map((e) => contestEntry(e, urls)),
    votedToday: vote.data ? String(vote.data.entryId) : null,
  };
}

export async function progress(
  input: z.output<typeof contestSchemas.progress>,
  ctx: ActionContext,
): Promise<ContestApi['progress']['output']> {
  const { db } = ctx;
  const [contest, dir] = await Promise.all([loadContest(db, input.contestId), readDirectory(db)]);
  const entries = await readEntries(db, contest._id);
  const judges = contestJudges(contest).map((j) => {
    const assigned = entries.filter((e) => !contestJudgeExcluded(dir.orgs, j.orgId, String(e.orgId)));
    const scored = assigned.filter((e) => entryJudged(e).some((x) => x.memberId === j.memberId)).length;
    return { memberId: j.memberId, name: j.name, orgName: j.orgName, assigned: assigned.length, scored };
  });
  return { judges, entries: entries.length };
}
