// 民主评议党员: the secretary opens the branch's ballot, members vote (one anonymous ballot each, replaced until the
// close), the tally groups the ballots in the database, and the secretary's proposed results feed 评星定级.
import type { z } from 'zod';
import type { OrglifeApi, orglifeSchemas, ReviewSummary, TallyRow } from '@/domain/api/orglife';
import { orgSubtree } from '@/domain/identity';
import type { GradeCounts, GradeGroup } from '@/domain/orglife';
import {
  orglifeBallotError,
  orglifeReviewPhase,
  orglifeReviewQuorum,
  orglifeSuggestedGrade,
  orglifeTallyBallots,
} from '@/domain/orglife';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database } from '../../server/db';
import { isDuplicateKeyError, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import type { Review } from './reviews-store';
import {
  BALLOTS,
  ballotDocId,
  canManageReview,
  eraseKeyIfClosed,
  loadReview,
  newBallotKey,
  REVIEWS,
  reviewDocId,
  toReview,
} from './reviews-store';
import { shanghaiIso, shanghaiYear } from '../../server/time';

/** Longest ballot window: a 民主评议 is held within days of its branch meeting. */
const MAX_WINDOW_MS = 31 * 24 * 3600_000;
/** Reviews a list shows (one a year per branch). */
const LIST_LIMIT = 20;

/** The review for a manager: NOT_FOUND, or PERMISSION_DENIED for a caller who does not manage it. */
async function managedReview(ctx: ActionContext, reviewId: string): Promise<Review> {
  const [caller, review] = await Promise.all([ctx.caller(), loadReview(ctx.db, reviewId)]);
  if (!review) throw new AppError('NOT_FOUND', '民主评议不存在');
  if (!canManageReview(caller, review))
    throw new AppError('PERMISSION_DENIED', '只有本支部的书记或管理员可以管理该评议');
  return review;
}

/** The review for a voter: NOT_FOUND, or PERMISSION_DENIED for a caller who is not one of its members. */
async function votersReview(ctx: ActionContext, reviewId: string): Promise<{ review: Review; memberId: string }> {
  const [caller, review] = await Promise.all([ctx.caller(), loadReview(ctx.db, reviewId)]);
  if (!review) throw new AppError('NOT_FOUND', '民主评议不存在');
  const memberId = caller.memberId;
  if (!memberId || !review.electorate.some((m) => m.memberId === memberId))
    throw new AppError('PERMISSION_DENIED', '只有本支部党员可以参加该评议');
  return { review, memberId };
}

export async function openReview(
  input: z.output<typeof orglifeSchemas.openReview>,
  ctx: ActionContext,
): Promise<OrglifeApi['openReview']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const startAt = new Date(input.startAt);
  const endAt = new Date(input.endAt);
  const now = new Date();
  if (endAt.getTime() <= startAt.getTime()) throw new AppError('INVALID_ARGUMENT', '结束时间应晚于开始时间');
  if (endAt.getTime() <= now.getTime()) throw new AppError('INVALID_ARGUMENT', '结束时间已过，请重新选择');
  if (endAt.getTime() - startAt.getTime() > MAX_WINDOW_MS) throw new AppError('INVALID_ARGUMENT', '投票时间最长 31 天');
  if (input.year > shanghaiYear(now)) throw new AppError('FAILED_PRECONDITION', `${input.year} 年尚未开始`);

  const dir = await readDirectory(db);
  const byId = new Map(dir.orgs.map((o) => [o.orgId, o]));
  const org = byId.get(input.orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  if (!callerIsAdmin(caller) && !orgSubtree(dir.orgs, secretaryScopes(caller)).has(org.orgId))
    throw new AppError('PERMISSION_DENIED', '支部书记只能为本支部发起民主评议');
  if (dir.orgs.some((o) => o.parentId === org.orgId))
    throw new AppError('FAILED_PRECONDITION', '民主评议以党支部为单位开展，请选择一个党支部');

  const { list } = await db
    .collection(MEMBERS)
    .aggregate()
    .match({ orgId: org.orgId })
    .project({ _id: 1, name: 1, order: 1 })
    .limit(1000)
    .end();
  const electorate = list
    .sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0) || a._id.localeCompare(b._id))
    .map((d) => ({ memberId: d._id, name: str(d, 'name') ?? '' }));
  if (electorate.length === 0) throw new AppError('FAILED_PRECONDITION', '该支部名册中还没有党员');
  if (electorate.length > 300) throw new AppError('FAILED_PRECONDITION', '支部党员超过 300 人，请分支部开展评议');
  const inBranch = new Set(electorate.map((m) => m.memberId));
  const chosen = input.memberIds ? new Set(input.memberIds) : inBranch;
  const outside = [...chosen].filter((m) => !inBranch.has(m));
  if (outside.length) throw new AppError('INVALID_ARGUMENT', '参评党员必须是本支部党员');

  const chain: string[] = [];
  for (let o = byId.get(org.orgId); o && !chain.includes(o.orgId); o = o.parentId ? byId.get(o.parentId) : undefined)
    chain.push(o.orgId);
  const reviewId = reviewDocId(org.orgId, input.year);
  try {
    await db.collection(REVIEWS).add({
      data: {
        _id: reviewId,
        orgId: org.orgId,
        orgName: org.name,
        orgChain: chain,
        year: input.year,
        startAt,
        endAt,
        electorate,
        voterIds: electorate.map((m) => m.memberId),
        assessed: electorate.map((m) => m.memberId).filter((m) => chosen.has(m)),
        key: newBallotKey(),
        results: {},
        createdBy: caller.openid,
        createdAt: db.serverDate(),
      },
    });
  } catch (e) {
    if (isDuplicateKeyError(e)) throw new AppError('ALREADY_EXISTS', `${org.name}${input.year} 年度的民主评议已经发起`);
    throw e;
  }
  return { reviewId };
}

/** How many ballots are in (one count request). */
async function countBallots(db: Database, reviewId: string): Promise<number> {
  const { total } = await db.collection(BALLOTS).where({ reviewId }).count();
  return total;
}

function summary(review: Review, now: Date, caller: Caller, voted: boolean | null): ReviewSummary {
  return {
    reviewId: review.reviewId,
    orgId: review.orgId,
    orgName: review.orgName,
    year: review.year,
    startAt: shanghaiIso(review.startAt),
    endAt: shanghaiIso(review.endAt),
    phase: orglifeReviewPhase(review, now),
    electorate: review.electorate.length,
    assessed: review.assessed.length,
    voted,
    proposed: review.results.size > 0,
    canManage: canManageReview(caller, review),
  };
}

/**
 * A member: the own branch's reviews with whether the caller has voted (caller, reviews, ballots: three reads).
 * A manager with `orgId`: that branch's reviews.
 */
export async function reviews(
  input: z.output<typeof orglifeSchemas.reviews>,
  ctx: ActionContext,
): Promise<OrglifeApi['reviews']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const now = new Date();
  const newest = (where: Record<string, unknown>) =>
    db.collection(REVIEWS).where(where).orderBy('year', 'desc').limit(LIST_LIMIT).get();

  if (input.orgId !== undefined) {
    if (!callerIsAdmin(caller)) {
      const dir = await readDirectory(db);
      if (!orgSubtree(dir.orgs, secretaryScopes(caller)).has(input.orgId))
        throw new AppError('PERMISSION_DENIED', '只能查看本组织及下级组织的民主评议');
    }
    const list = (await newest({ orgChain: input.orgId })).data.map(toReview);
    return { reviews: list.map((r) => summary(r, now, caller, null)) };
  }

  const memberId = caller.memberId;
  if (!memberId) throw new AppError('PERMISSION_DENIED', '请先在“我的”页面绑定党员身份');
  const list = (await newest({ voterIds: memberId })).data.map(toReview);
  const open = list.filter((r) => r.key !== null);
  const mine = open.length
    ? new Set(
        (
          await db
            .collection(BALLOTS)
            .where({ _id: db.command.in(open.map((r) => ballotDocId(r.reviewId, r.key ?? '', memberId))) })
            .field({ reviewId: true })
            .limit(LIST_LIMIT)
            .get()
        ).data.map((d) => str(d, 'reviewId')),
      )
    : new Set<string | null>();
  // Once the key is erased nobody can tell whether a ballot was this member's, the member included.
  return {
    reviews: list.map((r) => summary(r, now, caller, r.key === null ? null : mine.has(r.reviewId))),
  };
}

export async function ballot(
  input: z.output<typeof orglifeSchemas.ballot>,
  ctx: ActionContext,
): Promise<OrglifeApi['ballot']['output']> {
  const { review, memberId } = await votersReview(ctx, input.reviewId);
  const now = new Date();
  const names = new Map(review.electorate.map((m) => [m.memberId, m.name]));
  let voted = false;
  if (review.key !== null) {
    const { data } = await ctx.db
      .collection(BALLOTS)
      .doc(ballotDocId(review.reviewId, review.key, memberId))
      .get();
    voted = data !== null;
  }
  return {
    reviewId: review.reviewId,
    orgName: review.orgName,
    year: review.year,
    startAt: shanghaiIso(review.startAt),
    endAt: shanghaiIso(review.endAt),
    phase: orglifeReviewPhase(review, now),
    candidates: review.assessed.map((m) => ({ memberId: m, name: names.get(m) ?? '', self: m === memberId })),
    voted,
  };
}

/**
 * Stores the caller's ballot under its keyed id: a second vote replaces the first (one `set`, atomic), so double taps
 * and concurrent retries leave exactly one ballot. The ballot holds the grades only: no voter, no time.
 * Cost: caller, review, one write.
 */
export async function vote(
  input: z.output<typeof orglifeSchemas.vote>,
  ctx: ActionContext,
): Promise<OrglifeApi['vote']['output']> {
  const { review, memberId } = await votersReview(ctx, input.reviewId);
  const phase = orglifeReviewPhase(review, new Date());
  if (phase === 'upcoming') throw new AppError('FAILED_PRECONDITION', '民主评议投票尚未开始');
  if (phase === 'closed' || review.key === null) throw new AppError('FAILED_PRECONDITION', '民主评议投票已结束');
  const problem = orglifeBallotError(review.assessed, input.grades);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const order = new Map(review.assessed.map((m, i) => [m, i]));
  const grades = [...input.grades]
    .sort((a, b) => (order.get(a.memberId) ?? 0) - (order.get(b.memberId) ?? 0))
    .map(({ memberId: m, grade }) => ({ memberId: m, grade }));
  const { stats } = await ctx.db
    .collection(BALLOTS)
    .doc(ballotDocId(review.reviewId, review.key, memberId))
    .set({ data: { reviewId: review.reviewId, grades } });
  return { replaced: stats.updated > 0 };
}

export async function closeReview(
  input: z.output<typeof orglifeSchemas.closeReview>,
  ctx: ActionContext,
): Promise<OrglifeApi['closeReview']['output']> {
  const review = await managedReview(ctx, input.reviewId);
  const now = new Date();
  if (orglifeReviewPhase(review, now) === 'closed') throw new AppError('FAILED_PRECONDITION', '民主评议投票已经结束');
  const endAt = now.getTime() < review.startAt.getTime() ? review.startAt : now;
  await ctx.db
    .collection(REVIEWS)
    .doc(review.reviewId)
    .update({ data: { endAt, key: null } });
  return { endAt: shanghaiIso(endAt) };
}

/** Counts per grade for each assessed member, grouped in the database (one request, at most 4 rows a member). */
async function groupBallots(db: Database, review: Review): Promise<Map<string, GradeCounts>> {
  const { list } = await db
    .collection(BALLOTS)
    .aggregate()
    .match({ reviewId: review.reviewId })
    .unwind('$grades')
    .group({ _id: { m: '$grades.memberId', g: '$grades.grade' }, n: { $sum: 1 } })
    .limit(review.assessed.length * 4 + 4)
    .end();
  const groups: GradeGroup[] = list.map((row) => {
    const k = row._id as unknown as { m?: unknown; g?: unknown };
    return { memberId: String(k.m), grade: String(k.g), n: Number(row.n) || 0 };
  });
  return orglifeTallyBallots(review.assessed, groups);
}

interface Tallied {
  voters: number;
  required: number;
  quorum: boolean;
  counts: Map<string, GradeCounts> | null;
}

/** Participation always; counts only once closed (a running count would show how each new ballot voted). */
async function tallyOf(db: Database, review: Review, now: Date): Promise<Tallied> {
  const closed = orglifeReviewPhase(review, now) === 'closed';
  const [voters, counts] = await Promise.all([
    countBallots(db, review.reviewId),
    closed ? groupBallots(db, review) : Promise.resolve(null),
  ]);
  const { required, reached } = orglifeReviewQuorum(review.electorate.length, voters);
  return { voters, required, quorum: reached, counts };
}

/** Cost: caller, review, one count and (closed) one grouping: four reads whatever the number of ballots. */
export async function tally(
  input: z.output<typeof orglifeSchemas.tally>,
  ctx: ActionContext,
): Promise<OrglifeApi['tally']['output']> {
  const review = await managedReview(ctx, input.reviewId);
  const now = new Date();
  await eraseKeyIfClosed(ctx.db, review, now);
  const t = await tallyOf(ctx.db, review, now);
  const names = new Map(review.electorate.map((m) => [m.memberId, m.name]));
  const rows = review.assessed.map((memberId): TallyRow => {
    const counts = t.counts?.get(memberId) ?? null;
    const result = review.results.get(memberId);
    return {
      memberId,
      name: names.get(memberId) ?? '',
      counts,
      suggested: counts ? orglifeSuggestedGrade(counts) : null,
      result: result?.grade ?? null,
      note: result?.note ?? null,
    };
  });
  return {
    reviewId: review.reviewId,
    orgId: review.orgId,
    orgName: review.orgName,
    year: review.year,
    phase: orglifeReviewPhase(review, now),
    startAt: shanghaiIso(review.startAt),
    endAt: shanghaiIso(review.endAt),
    electorate: review.electorate.length,
    voters: t.voters,
    required: t.required,
    quorum: t.quorum,
    rows,
  };
}

/**
 * Saves the secretary's result for each member given (after the close, with the threshold reached). A result other
 * than the ballots' suggestion needs a note saying why (the branch meeting's decision). One write.
 */
export async function propose(
  input: z.output<typeof orglifeSchemas.propose>,
  ctx: ActionContext,
): Promise<OrglifeApi['propose']['output']> {
  const review = await managedReview(ctx, input.reviewId);
  const now = new Date();
  if (orglifeReviewPhase(review, now) !== 'closed')
    throw new AppError('FAILED_PRECONDITION', '投票结束后才能提出评议结果');
  await eraseKeyIfClosed(ctx.db, review, now);
  const t = await tallyOf(ctx.db, review, now);
  if (!t.quorum)
    throw new AppError(
      'FAILED_PRECONDITION',
      `参评人数不足三分之二（${t.voters}/${review.electorate.length}，至少 ${t.required} 人），评议无效，请重新组织投票`,
    );
  const assessed = new Set(review.assessed);
  const ids = input.results.map((r) => r.memberId);
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_ARGUMENT', '同一党员出现了多次');
  if (ids.some((m) => !assessed.has(m))) throw new AppError('INVALID_ARGUMENT', '只能为参评党员提出评议结果');
  const names = new Map(review.electorate.map((m) => [m.memberId, m.name]));
  const unexplained = input.results.filter(
    (r) => r.grade !== orglifeSuggestedGrade(t.counts?.get(r.memberId) ?? [0, 0, 0, 0]) && !r.note,
  );
  if (unexplained.length)
    throw new AppError(
      'INVALID_ARGUMENT',
      `${unexplained
        .slice(0, 3)
        .map((r) => names.get(r.memberId))
        .join('、')}的结果与投票建议不同，请填写说明（如支部党员大会的决定）`,
    );
  const data: Record<string, unknown> = { proposedAt: ctx.db.serverDate(), proposedBy: (await ctx.caller()).openid };
  for (const r of input.results) data[`results.${r.memberId}`] = { grade: r.grade, note: r.note || null };
  await ctx.db.collection(REVIEWS).doc(review.reviewId).update({ data });
  return { saved: input.results.length };
}
