// contest.submit: a unit's entry (one per org and competition, deterministic id), editable until the window closes;
// a new entry counts on the competition's document (entryCount and enteredOrgIds, one write) for 达标创优's list.
import type { z } from 'zod';
import type { ContestApi, contestSchemas } from '@/domain/api/contest';
import { CONTEST_MAX_ENTRIES } from '@/domain/api/contest';
import { contestEntryId, contestStage } from '@/domain/contest';
import { noticeAttachmentsProblem } from '@/domain/notice';
import { AppError } from '../../server/app-error';
import { secretaryScopes } from '../../server/caller';
import { isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { CONTEST_ENTRIES, CONTESTS, contestTimes, loadContest } from './store';

export async function submit(
  input: z.output<typeof contestSchemas.submit>,
  ctx: ActionContext,
): Promise<ContestApi['submit']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  if (!secretaryScopes(caller).includes(input.orgId))
    throw new AppError('PERMISSION_DENIED', '只能由本单位的支部书记提交本单位的参赛项目');
  const attachments = input.attachments ?? [];
  const problem = noticeAttachmentsProblem(attachments.map((a) => a.fileID));
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const entryId = contestEntryId(input.contestId, input.orgId);
  const [contest, dir, { data: existing }] = await Promise.all([
    loadContest(db, input.contestId),
    readDirectory(db),
    db.collection(CONTEST_ENTRIES).doc(entryId).get(),
  ]);
  switch (contestStage(contestTimes(contest), Date.now())) {
    case 'upcoming':
      throw new AppError('FAILED_PRECONDITION', '参赛项目征集尚未开始');
    case 'judging':
    case 'published':
      throw new AppError('FAILED_PRECONDITION', '参赛项目征集已截止，不能再提交或修改');
    case 'submitting':
      break;
  }
  const fields = {
    title: input.title,
    summary: input.summary,
    attachments,
    submittedBy: caller.openid,
    updatedAt: db.serverDate(),
  };
  if (existing) {
    await db.collection(CONTEST_ENTRIES).doc(entryId).update({ data: fields });
    return { entryId, created: false };
  }
  if ((Number(contest.entryCount) || 0) >= CONTEST_MAX_ENTRIES)
    throw new AppError('FAILED_PRECONDITION', `本次评比最多 ${CONTEST_MAX_ENTRIES} 个参赛项目`);
  const orgName = dir.orgs.find((o) => o.orgId === input.orgId)?.name ?? input.orgId;
  try {
    await db.collection(CONTEST_ENTRIES).add({
      data: {
        _id: entryId,
        contestId: input.contestId,
        orgId: input.orgId,
        orgName,
        judged: [],
        createdAt: db.serverDate(),
        ...fields,
      },
    });
  } catch (e) {
    // A second tap that raced the first: it is the same entry, so this one edits it.
    if (!isDuplicateKeyError(e)) throw e;
    await db.collection(CONTEST_ENTRIES).doc(entryId).update({ data: fields });
    return { entryId, created: false };
  }
  await db
    .collection(CONTESTS)
    .doc(input.contestId)
    .update({ data: { entryCount: db.command.inc(1), enteredOrgIds: db.command.push([input.orgId]) } });
  return { entryId, created: true };
}
