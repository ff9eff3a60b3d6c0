// rating.rate: one rating per person per department per campaign (deterministic _id; a later one replaces it),
// in five database operations: the campaign, then one transaction that reads the person's limit document and the
// rating and writes both (a servedOnly campaign reads one more: whether the department answered a 民声热线 ticket
// of the caller's).
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
import type { RateLimitDecision } from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { checkContent } from '../../server/content-check';
import type { Doc } from '../../server/db';
import { isTransactionConflict, runTransactionWithRetry } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { servedDepartments } from '../hotline/public';
import { RATE_LIMITS, RATINGS, ratingDocId, ratingLimitDocId, readCampaign } from './store';

/** The rating times kept on a person's limit document (none before their first rating in the campaign). */
function times(doc: Doc | null): number[] {
  return Array.isArray(doc?.times) ? doc.times.filter((t): t is number => typeof t === 'number') : [];
}

export async function rate(
  input: z.output<typeof ratingSchemas.rate>,
  ctx: ActionContext,
): Promise<RatingApi['rate']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const campaign = await readCampaign(db, input.campaignId);
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
  // Checked before the transaction, which then holds only database work.
  const commentStatus = comment
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
    scores,
    updatedAt: db.serverDate(),
  };
  // Both limits are checked and both documents written in one transaction: the person's limit document (their
  // rating times in this campaign, all departments) and the rating (its `revisions`). Concurrent calls of one
  // person conflict on the limit document, and the loser runs again on the winner's write, so together they cannot
  // pass either limit.
  const limitId = ratingLimitDocId(input.campaignId, openid);
  let outcome: RateOutcome;
  try {
    outcome = await runTransactionWithRetry<RateOutcome>(
      db,
      async (tx) => {
        const limitRef = tx.collection(RATE_LIMITS).doc(limitId);
        const ratingRef = tx.collection(RATINGS).doc(id);
        const { data: limit } = await limitRef.get();
        const { data: previous } = await ratingRef.get();
        const revisions = Number(previous?.revisions) || 0;
        const kept = times(limit);
        // Never before a time already kept: a concurrent call that won may have taken its clock a moment later.
        const at = Math.max(Date.now(), ...kept);
        const decision = ratingRateLimit(kept, revisions, at);
        if (decision !== 'ok') return decision;
        await limitRef.set({
          data: {
            campaignId: input.campaignId,
            openid,
            times: ratingKeepTimes(kept, at),
            updatedAt: db.serverDate(),
          },
        });
        // `set`: the whole rating is replaced, so the scores never merge with the old ones.
        await ratingRef.set({
          data: { ...data, revisions: revisions + 1, firstAt: previous?.firstAt ?? db.serverDate() },
        });
        return previous ? 'replaced' : 'added';
      },
      WRITE_ATTEMPTS,
    );
  } catch (e) {
    if (isTransactionConflict(e)) throw new AppError('RESOURCE_EXHAUSTED', '提交太频繁，请稍后再试');
    throw e;
  }
  switch (outcome) {
    case 'too-fast':
      throw new AppError('RESOURCE_EXHAUSTED', '提交太频繁，请一分钟后再试');
    case 'too-many-revisions':
      throw new AppError('RESOURCE_EXHAUSTED', '对该部门的评价修改次数已达上限');
    case 'added':
    case 'replaced':
      return { replaced: outcome === 'replaced' };
  }
}

type RateOutcome = Exclude<RateLimitDecision, 'ok'> | 'added' | 'replaced';

/** Runs the transaction again at most this many times while concurrent calls of the same person keep winning. */
const WRITE_ATTEMPTS = 20;
