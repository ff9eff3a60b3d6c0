// rating.rate: one rating per person per department per campaign (deterministic _id; a later one replaces it),
// in at most three database operations: the campaign and the caller's ratings read at once, then one write (a
// servedOnly campaign reads one more: whether the department answered a 民声热线 ticket of the caller's).
import type { z } from 'zod';
import type { RatingApi, ratingSchemas } from '@/domain/api/rating';
import {
  ratingBurstWindow,
  ratingCampaignStatus,
  ratingKeepTimes,
  ratingPattern,
  ratingRateLimit,
  ratingScoresProblem,
} from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { checkContent } from '../../server/content-check';
import type { ContentCheck } from '../../server/content-check';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, PAGE_SIZE } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { servedDepartments } from '../hotline/public';
import { RATINGS, ratingDocId, readCampaign } from './store';

function times(doc: Doc): number[] {
  return Array.isArray(doc.rateTimes) ? doc.rateTimes.filter((t): t is number => typeof t === 'number') : [];
}

export async function rate(
  input: z.output<typeof ratingSchemas.rate>,
  ctx: ActionContext,
): Promise<RatingApi['rate']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  // Both reads at once: the campaign, and the caller's ratings in it (at most one per department, so ≤ 100).
  const [campaign, mine] = await Promise.all([
    readCampaign(db, input.campaignId),
    db.collection(RATINGS).where({ campaignId: input.campaignId, openid }).limit(PAGE_SIZE).get(),
  ]);
  if (!campaign) throw new AppError('NOT_FOUND', '测评活动不存在');
  const now = Date.now();
  switch (ratingCampaignStatus(campaign.startMs, campaign.endMs, now)) {
    case 'upcoming':
      throw new AppError('FAILED_PRECONDITION', '测评尚未开始');
    case 'closed':
      throw new AppError('FAILED_PRECONDITION', '测评已结束');
    case 'open':
      break;
  }
  if (!campaign.departments.some((d) => d.departmentId === input.departmentId))
    throw new AppError('NOT_FOUND', '本次测评不包含该部门');
  if (campaign.servedOnly && !(await servedDepartments(db, openid, input.departmentId)).size)
    throw new AppError(
      'PERMISSION_DENIED',
      '本次测评只请在该部门办过事的群众评价：您在“民声热线”反映的问题由该部门答复后即可评价',
    );
  const keys = campaign.indicators.map((i) => i.key);
  const problem = ratingScoresProblem(keys, input.scores);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);

  const id = ratingDocId(input.campaignId, input.departmentId, openid);
  const scores = Object.fromEntries(keys.map((k) => [k, input.scores[k]]));
  const comment = input.comment ? input.comment : null;
  let commentStatus: ContentCheck | null | undefined;
  let ratings = mine.data;
  // The limits are checked on what was read and the write lands only on that (the rating's `revisions` is its
  // version; a first rating is an insert of the deterministic _id), so concurrent calls cannot both pass them: the
  // one that loses reads again and is checked against the winner's write.
  for (let attempt = 1; ; attempt++) {
    const previous = ratings.find((d) => d._id === id) ?? null;
    const revisions = Number(previous?.revisions) || 0;
    switch (ratingRateLimit(ratings.flatMap(times), revisions, now)) {
      case 'too-fast':
        throw new AppError('RESOURCE_EXHAUSTED', '提交太频繁，请一分钟后再试');
      case 'too-many-revisions':
        throw new AppError('RESOURCE_EXHAUSTED', '对该部门的评价修改次数已达上限');
      case 'ok':
        break;
    }
    commentStatus ??= comment
      ? await checkContent(openid, comment, { scene: 'comment', refusal: '评价意见含有不适宜的内容，请修改后再提交' })
      : null;
    const data = {
      campaignId: input.campaignId,
      departmentId: input.departmentId,
      openid,
      pattern: ratingPattern(keys, scores),
      window: ratingBurstWindow(now),
      comment,
      commentStatus,
      // Lets `comments` find the written ones through an index instead of reading every rating.
      commented: comment !== null,
      rateTimes: ratingKeepTimes(previous ? times(previous) : [], now),
      revisions: revisions + 1,
      firstAt: previous?.firstAt ?? db.serverDate(),
      updatedAt: db.serverDate(),
    };
    if (await writeRating(db, id, previous === null ? null : revisions, scores, data))
      return { replaced: previous !== null };
    if (attempt >= WRITE_ATTEMPTS) throw new AppError('RESOURCE_EXHAUSTED', '提交太频繁，请稍后再试');
    ({ data: ratings } = await db
      .collection(RATINGS)
      .where({ campaignId: input.campaignId, openid })
      .limit(PAGE_SIZE)
      .get());
  }
}

/** Reads and checks again at most this many times when concurrent calls of the same person keep winning. */
const WRITE_ATTEMPTS = 5;

/**
 * One write: a first rating inserted under its deterministic _id, a later one updated only while its `revisions` is
 * still `revisions` (the value read). False when a concurrent call got there first.
 */
async function writeRating(
  db: Database,
  id: string,
  revisions: number | null,
  scores: Record<string, number>,
  data: Record<string, unknown>,
): Promise<boolean> {
  if (revisions === null) {
    try {
      await db.collection(RATINGS).add({ data: { _id: id, ...data, scores } });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
  const { stats } = await db
    .collection(RATINGS)
    .where({ _id: id, revisions })
    // `set`: the scores replace the old ones rather than merge into them.
    .update({ data: { ...data, scores: db.command.set(scores) } });
  return stats.updated === 1;
}
