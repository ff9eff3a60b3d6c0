// contest.judging and score: a judge scores each entry once on every criterion; entries of the judge's own unit
// are excluded. The sheet and the entry's list of judges' totals are written in one transaction, so the results
// (which read entries only) always agree with the sheets.
import type { z } from 'zod';
import type { ContestApi, contestSchemas } from '@/domain/api/contest';
import {
  contestJudgeExcluded,
  contestJudgeTotal,
  contestScoreId,
  contestScoresProblem,
  contestStage,
} from '@/domain/contest';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import type { Doc } from '../../server/db';
import { findIn, runTransactionWithRetry } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import {
  attachmentsWithUrls,
  attachmentUrls,
  CONTEST_ENTRIES,
  CONTEST_SCORES,
  contestCriteria,
  contestJudges,
  contestSummary,
  contestTimes,
  entryJudged,
  loadContest,
  readEntries,
} from './store';

function judgeOf(contest: Doc, caller: Caller) {
  const judge = caller.memberId ? contestJudges(contest).find((j) => j.memberId === caller.memberId) : undefined;
  if (!judge) throw new AppError('PERMISSION_DENIED', '您不是本次评比的评委');
  return judge;
}

export async function judging(
  input: z.output<typeof contestSchemas.judging>,
  ctx: ActionContext,
): Promise<ContestApi['judging']['output']> {
  const { db } = ctx;
  const [caller, contest] = await Promise.all([ctx.caller(), loadContest(db, input.contestId)]);
  const judge = judgeOf(contest, caller);
  const now = Date.now();
  const stage = contestStage(contestTimes(contest), now);
  const criteria = contestCriteria(contest);
  // While units may still edit their entries there is nothing to judge yet.
  if (stage === 'upcoming' || stage === 'submitting')
    return { contest: contestSummary(contest, caller, now), criteria, entries: [] };
  const [entries, dir] = await Promise.all([readEntries(db, contest._id), readDirectory(db)]);
  const sheets = await findIn(
    db,
    CONTEST_SCORES,
    '_id',
    entries.map((e) => contestScoreId(e._id, judge.memberId)),
  );
  const byEntry = new Map(sheets.map((s) => [String(s.entryId), s]));
  const urls = await attachmentUrls(entries);
  return {
    contest: contestSummary(contest, caller, now),
    criteria,
    entries: entries.map((e) => {
      const sheet = byEntry.get(e._id);
      return {
        entryId: e._id,
        orgName: String(e.orgName ?? ''),
        title: String(e.title ?? ''),
        summary: String(e.summary ?? ''),
        attachments: attachmentsWithUrls(e, urls),
        excluded: contestJudgeExcluded(dir.orgs, judge.orgId, String(e.orgId)),
        scores: sheet ? (sheet.scores as Record<string, number>) : null,
        total: sheet ? Number(sheet.total) : null,
      };
    }),
  };
}

export async function score(
  input: z.output<typeof contestSchemas.score>,
  ctx: ActionContext,
): Promise<ContestApi['score']['output']> {
  const { db } = ctx;
  const [caller, contest] = await Promise.all([ctx.caller(), loadContest(db, input.contestId)]);
  const judge = judgeOf(contest, caller);
  switch (contestStage(contestTimes(contest), Date.now())) {
    case 'upcoming':
    case 'submitting':
      throw new AppError('FAILED_PRECONDITION', '参赛项目征集截止后才能评分');
    case 'published':
      throw new AppError('FAILED_PRECONDITION', '结果已公布，不能再评分');
    case 'judging':
      break;
  }
  const criteria = contestCriteria(contest);
  const problem = contestScoresProblem(criteria, input.scores);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const [dir, { data: entry }] = await Promise.all([
    readDirectory(db),
    db.collection(CONTEST_ENTRIES).doc(input.entryId).get(),
  ]);
  if (!entry || entry.contestId !== contest._id) throw new AppError('NOT_FOUND', '参赛项目不存在');
  if (contestJudgeExcluded(dir.orgs, judge.orgId, String(entry.orgId)))
    throw new AppError('PERMISSION_DENIED', '评委不评本单位的参赛项目（回避）');
  const total = contestJudgeTotal(criteria, input.scores);
  const scores = Object.fromEntries(criteria.map((c) => [c.key, input.scores[c.key]]));
  const sheetId = contestScoreId(entry._id, judge.memberId);
  const outcome = await runTransactionWithRetry(db, async (tx) => {
    const sheetRef = tx.collection(CONTEST_SCORES).doc(sheetId);
    const entryRef = tx.collection(CONTEST_ENTRIES).doc(entry._id);
    const { data: sheet } = await sheetRef.get();
    const { data: current } = await entryRef.get();
    if (sheet) return 'already' as const;
    if (!current) return 'gone' as const;
    await sheetRef.set({
      data: {
        contestId: contest._id,
        entryId: entry._id,
        memberId: judge.memberId,
        scores,
        total,
        at: db.serverDate(),
      },
    });
    await entryRef.update({ data: { judged: [...entryJudged(current), { memberId: judge.memberId, total }] } });
    return 'scored' as const;
  });
  if (outcome === 'already') throw new AppError('ALREADY_EXISTS', '您已为该项目评过分，每个项目只评一次');
  if (outcome === 'gone') throw new AppError('NOT_FOUND', '参赛项目不存在');
  return { total };
}
