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
import type { Doc } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { RATINGS, ratingDocId, readCampaign, servedDepartments } from '../../server/rating';

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
  const previous = mine.data.find((d) => d._id === id) ?? null;
  const recent = mine.data.flatMap(times);
  switch (ratingRateLimit(recent, Number(previous?.revisions) || 0, now)) {
    case 'too-fast':
      throw new AppError('RESOURCE_EXHAUSTED', '提交太频繁，请一分钟后再试');
    case 'too-many-revisions':
      throw new AppError('RESOURCE_EXHAUSTED', '对该部门的评价修改次数已达上限');
    case 'ok':
      break;
  }

  const comment = input.comment ? input.comment : null;
  const commentStatus = comment
    ? await checkContent(openid, comment, { scene: 'comment', refusal: '评价意见含有不适宜的内容，请修改后再提交' })
    : null;
  const scores = Object.fromEntries(keys.map((k) => [k, input.scores[k]]));
  await db
    .collection(RATINGS)
    .doc(id)
    .set({
      data: {
        campaignId: input.campaignId,
        departmentId: input.departmentId,
        openid,
        scores,
        pattern: ratingPattern(keys, scores),
        window: ratingBurstWindow(now),
        comment,
        commentStatus,
        // Lets `comments` find the written ones through an index instead of reading every rating.
        commented: comment !== null,
        rateTimes: ratingKeepTimes(previous ? times(previous) : [], now),
        revisions: (Number(previous?.revisions) || 0) + 1,
        firstAt: previous?.firstAt ?? db.serverDate(),
        updatedAt: db.serverDate(),
      },
    });
  return { replaced: previous !== null };
}
