// Leaderboards (members from the best-result documents, orgs from the per-quiz branch sums) and the flagged list:
// each a bounded number of reads whatever the number of attempts.
import type { z } from 'zod';
import type { FlaggedAttempt, MemberRankRow, QuizApi, quizSchemas } from '@/domain/api/quiz';
import { QUIZ_PAGE_SIZE } from '@/domain/api/quiz';
import type { OrgTally } from '@/domain/quiz';
import { QUIZ_MEMBER_FORMULA, QUIZ_ORG_FORMULA, quizRankOrgs } from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, hasAnyRole } from '../../server/caller';
import type { Database } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import type { StoredQuiz } from './store';
import { ATTEMPTS, BEST, bestDocId, parseQuiz, QUIZZES, readQuizSums, readRosters } from './store';
import { shanghaiIso } from '../../server/time';

/** Flagged attempts listed per competition. */
const FLAGGED_MAX = 100;

function gt(db: Database, value: number): unknown {
  return db.command.gt(value);
}

/** Admins, secretaries and bound members see boards; the public does not (the rows name party members). */
function requireBoardViewer(caller: Caller): void {
  if (callerIsAdmin(caller) || hasAnyRole(caller, ['secretary']) || caller.memberId) return;
  throw new AppError('PERMISSION_DENIED', '绑定党员身份后可查看排行榜');
}

async function readQuiz(db: Database, quizId: string): Promise<StoredQuiz> {
  const { data } = await db.collection(QUIZZES).doc(quizId).get();
  if (!data) throw new AppError('NOT_FOUND', '竞赛不存在');
  return parseQuiz(data);
}

/**
 * Members by best result. Rows come from an ordered query on the best-result documents (rankKey desc, then
 * earlier submission); a row's rank is its place unless it ties the row above; the first row of a later page and
 * the caller's own rank are "1 + how many have a strictly higher rankKey" (a count query each). Reads: caller,
 * quiz, page, total, own best, and up to two counts.
 */
async function memberBoard(ctx: ActionContext, caller: Caller, quizId: string, page: number) {
  const { db } = ctx;
  const best = db.collection(BEST);
  const [, list, total, mine] = await Promise.all([
    readQuiz(db, quizId),
    best
      .where({ quizId })
      .orderBy('rankKey', 'desc')
      .orderBy('submittedMs', 'asc')
      .skip(page * QUIZ_PAGE_SIZE)
      .limit(QUIZ_PAGE_SIZE)
      .get(),
    best.where({ quizId }).count(),
    caller.memberId ? best.doc(bestDocId(quizId, caller.memberId)).get() : Promise.resolve({ data: null }),
  ]);
  const betterThan = async (rankKey: number) => (await best.where({ quizId, rankKey: gt(db, rankKey) }).count()).total;
  const first = list.data[0];
  const [firstRank, myRank] = await Promise.all([
    first && page > 0 ? betterThan(Number(first.rankKey)).then((n) => n + 1) : Promise.resolve(1),
    mine.data ? betterThan(Number(mine.data.rankKey)).then((n) => n + 1) : Promise.resolve(null),
  ]);
  const rows: MemberRankRow[] = [];
  list.data.forEach((d, i) => {
    const prev = list.data[i - 1];
    const rank =
      i === 0
        ? firstRank
        : Number(d.rankKey) === Number(prev.rankKey)
          ? rows[i - 1].rank
          : page * QUIZ_PAGE_SIZE + i + 1;
    rows.push({
      rank,
      memberId: String(d.memberId),
      name: String(d.name ?? ''),
      orgId: String(d.orgId ?? ''),
      score: Number(d.score) || 0,
      durationMs: Number(d.durationMs) || 0,
    });
  });
  return {
    rows,
    me: mine.data && myRank !== null ? { rank: myRank, score: Number(mine.data.score) || 0 } : null,
    total: total.total,
    formula: QUIZ_MEMBER_FORMULA,
    computedAt: null,
  };
}

/**
 * Organisations taking part (with members on the roster or participants) by participation rate and average best
 * score, from the quiz's branch sums (its shards) and the stored roster sizes. Reads: caller, quiz, sums, roster
 * sizes, directory, the caller's member document (plus a recount of the roster when it is stale).
 */
async function orgBoard(ctx: ActionContext, caller: Caller, quizId: string, page: number) {
  const { db } = ctx;
  const now = new Date();
  const [quiz, aggregates, rosters, directory, member] = await Promise.all([
    readQuiz(db, quizId),
    readQuizSums(db, quizId),
    readRosters(db, now),
    readDirectory(db),
    caller.memberId ? db.collection(MEMBERS).doc(caller.memberId).get() : Promise.resolve({ data: null }),
  ]);
  const names = new Map(directory.orgs.map((o) => [o.orgId, o.name]));
  const ids = new Set([
    ...Object.entries(rosters.counts)
      .filter(([, n]) => n > 0)
      .map(([id]) => id),
    ...Object.keys(aggregates),
  ]);
  const tallies: OrgTally[] = [...ids]
    .filter((id) => names.has(id) && (quiz.takingPart === null || quiz.takingPart.includes(id)))
    .map((orgId) => ({
      orgId,
      name: names.get(orgId) as string,
      participants: aggregates[orgId]?.participants ?? 0,
      scoreSum: aggregates[orgId]?.scoreSum ?? 0,
      expected: rosters.counts[orgId] ?? 0,
    }));
  const ranked = quizRankOrgs(tallies);
  const myOrg = typeof member.data?.orgId === 'string' ? member.data.orgId : null;
  const mine = ranked.find((r) => r.orgId === myOrg);
  return {
    rows: ranked.slice(page * QUIZ_PAGE_SIZE, (page + 1) * QUIZ_PAGE_SIZE),
    me: mine ? { rank: mine.rank, score: mine.averageScore } : null,
    total: ranked.length,
    formula: QUIZ_ORG_FORMULA,
    computedAt: shanghaiIso(rosters.computedMs),
  };
}

export async function leaderboard(
  input: z.output<typeof quizSchemas.leaderboard>,
  ctx: ActionContext,
): Promise<QuizApi['leaderboard']['output']> {
  const caller = await ctx.caller();
  requireBoardViewer(caller);
  const page = input.page ?? 0;
  return input.by === 'member'
    ? memberBoard(ctx, caller, input.quizId, page)
    : orgBoard(ctx, caller, input.quizId, page);
}

/** Admins: the attempts averaging under a second per question, in submission order. Two reads. */
export async function flagged(
  input: z.output<typeof quizSchemas.flagged>,
  ctx: ActionContext,
): Promise<QuizApi['flagged']['output']> {
  const { db } = ctx;
  const [, list] = await Promise.all([
    readQuiz(db, input.quizId),
    db
      .collection(ATTEMPTS)
      .where({ quizId: input.quizId, flagged: true })
      .field({ memberId: true, name: true, orgId: true, score: true, durationMs: true, total: true, submittedMs: true })
      .orderBy('submittedMs', 'asc')
      .limit(FLAGGED_MAX)
      .get(),
  ]);
  const attempts: FlaggedAttempt[] = list.data.map((d) => {
    const durationMs = Number(d.durationMs) || 0;
    const total = Number(d.total) || 1;
    return {
      attemptId: d._id,
      memberId: String(d.memberId),
      name: String(d.name ?? ''),
      orgId: String(d.orgId ?? ''),
      score: Number(d.score) || 0,
      durationMs,
      msPerQuestion: Math.round(durationMs / total),
      submittedAt: shanghaiIso(Number(d.submittedMs) || 0),
    };
  });
  return { attempts };
}
