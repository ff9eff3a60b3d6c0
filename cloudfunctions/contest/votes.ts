// contest.vote: the public vote, one per person per competition per day. The vote's id is deterministic
// (`<contestId>:<day>:<openid>`), so the insert itself is the limit: of two concurrent taps exactly one lands. Votes
// carry their 10-minute window so that the results can flag bursts like 微信测评's.
import type { z } from 'zod';
import type { ContestApi, contestSchemas } from '@/domain/api/contest';
import { contestVoteId, contestVoteOpen } from '@/domain/contest';
import { ratingBurstWindow } from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiDay } from '../../server/time';
import { CONTEST_ENTRIES, CONTEST_VOTES, contestTimes, loadContest } from './store';

export async function vote(
  input: z.output<typeof contestSchemas.vote>,
  ctx: ActionContext,
): Promise<ContestApi['vote']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const [contest, { data: entry }] = await Promise.all([
    loadContest(db, input.contestId),
    db.collection(CONTEST_ENTRIES).doc(input.entryId).get(),
  ]);
  const t = contestTimes(contest);
  const now = new Date();
  if (t.voteStartMs === null) throw new AppError('FAILED_PRECONDITION', '本次评比没有群众投票');
  if (!contestVoteOpen(t, now.getTime()))
    throw new AppError('FAILED_PRECONDITION', now.getTime() < t.voteStartMs ? '群众投票尚未开始' : '群众投票已结束');
  if (!entry || entry.contestId !== contest._id) throw new AppError('NOT_FOUND', '参赛项目不存在');
  const day = shanghaiDay(now);
  try {
    await db.collection(CONTEST_VOTES).add({
      data: {
        _id: contestVoteId(contest._id, day, openid),
        contestId: contest._id,
        entryId: entry._id,
        openid,
        day,
        window: ratingBurstWindow(now.getTime()),
        at: db.serverDate(),
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    throw new AppError('RESOURCE_EXHAUSTED', '今天已经投过票了，每人每天一票，明天再来');
  }
  return { day };
}
