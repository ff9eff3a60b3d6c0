// The players' side: joining (again), answering once per question on the server's clock, buzzing in 抢答, and
// the caller's own place and last result.
import type { z } from 'zod';
import type { LiveApi, liveSchemas } from '@/domain/api/live';
import { liveCheckAnswer, liveCheckBuzz, liveStakesLeft } from '@/domain/live';
import { AppError } from '../../server/app-error';
import { requireMember } from '../../server/caller';
import type { Doc } from '../../server/db';
import { isDuplicateKeyError } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { readScores } from './board';
import type { Run } from './store';
import { ANSWERS, answerDocId, PLAYERS, playerDocId, publicState, pushState, readRun, RUNS } from './store';

export async function join(
  input: z.output<typeof liveSchemas.join>,
  ctx: ActionContext,
): Promise<LiveApi['join']['output']> {
  const { db } = ctx;
  const [caller, run] = await Promise.all([ctx.caller(), readRun(db, input.sessionId)]);
  const memberId = requireMember(caller);
  const { data: member } = await db.collection(MEMBERS).doc(memberId).get();
  const orgId = typeof member?.orgId === 'string' ? member.orgId : '';
  const name = typeof member?.name === 'string' ? member.name : '';
  if (run.takingPart && !run.takingPart.includes(orgId))
    throw new AppError('PERMISSION_DENIED', '本场现场赛不面向你所在的组织');
  const phase = run.machine.phase;
  if (phase === 'draft') throw new AppError('FAILED_PRECONDITION', '现场赛尚未开放入场，请稍候');
  const _id = playerDocId(run.sessionId, caller.openid);
  const teamId = run.teams ? orgId : null;
  try {
    if (phase === 'ended') throw new AppError('FAILED_PRECONDITION', '现场赛已结束');
    await db.collection(PLAYERS).add({
      data: {
        _id,
        sessionId: run.sessionId,
        openid: caller.openid,
        memberId,
        name,
        orgId,
        teamId,
        stakes: {},
        joinedAt: db.serverDate(),
      },
    });
    return { sessionId: run.sessionId, memberId, teamId, score: 0, name };
  } catch (e) {
    // Joining again (a phone that dropped out, even after the end): the same player with the score kept.
    if (!isDuplicateKeyError(e) && !(e instanceof AppError)) throw e;
    const { data: existing } = await db.collection(PLAYERS).doc(_id).get();
    if (!existing) throw e;
    const scores = await readScores(db, run.sessionId);
    return { sessionId: run.sessionId, memberId, teamId, score: scores.players[memberId]?.score ?? 0, name };
  }
}

async function playerOf(ctx: ActionContext, sessionId: string): Promise<[Run, Doc]> {
  const openid = ctx.requireOpenid();
  const [run, { data: player }] = await Promise.all([
    readRun(ctx.db, sessionId),
    ctx.db.collection(PLAYERS).doc(playerDocId(sessionId, openid)).get(),
  ]);
  if (!player) throw new AppError('PERMISSION_DENIED', '请先加入本场现场赛');
  return [run, player];
}

const usedStakes = (player: Doc, round: number): number[] => {
  const all = (player.stakes ?? {}) as Record<string, unknown>;
  const used = all[String(round)];
  return Array.isArray(used) ? used.filter((x): x is number => typeof x === 'number') : [];
};

/** Two reads (the run, the player) and one write (two in 风险: the stake used). */
export async function answer(
  input: z.output<typeof liveSchemas.answer>,
  ctx: ActionContext,
): Promise<LiveApi['answer']['output']> {
  const { db } = ctx;
  const [run, player] = await playerOf(ctx, input.sessionId);
  const now = Date.now();
  const check = liveCheckAnswer(run.machine, input.index, now);
  if (!check.ok) throw new AppError(check.code, check.message);
  const q = run.questions[input.index];
  const choice = [...new Set(input.choice)].sort((a, b) => a - b);
  if (choice.some((c) => c >= q.options.length)) throw new AppError('INVALID_ARGUMENT', '所选选项不存在');
  if (q.type !== 'multiple' && choice.length !== 1) throw new AppError('INVALID_ARGUMENT', '本题只能选一项');
  const stake = input.stake ?? null;
  if (check.kind === '风险') {
    if (stake === null) throw new AppError('INVALID_ARGUMENT', '风险题请选择分值（10、20 或 30）');
    if (usedStakes(player, check.round).includes(stake))
      throw new AppError('FAILED_PRECONDITION', `本轮已经用过 ${stake} 分，请选择其他分值`);
  } else if (stake !== null) throw new AppError('INVALID_ARGUMENT', '只有风险题需要选择分值');
  const memberId = String(player.memberId);
  try {
    // Correctness is decided at reveal; stored here only with the time, so that nothing is returned early.
    await db.collection(ANSWERS).add({
      data: {
        _id: answerDocId(run.sessionId, input.index, memberId),
        sessionId: run.sessionId,
        index: input.index,
        kind: 'answer',
        memberId,
        name: String(player.name),
        teamId: player.teamId ?? null,
        choice,
        stake,
        at: now,
        ms: check.ms,
        correct: choice.length === q.answer.length && q.answer.every((a) => choice.includes(a)),
        flagged: check.ms < q.floorMs,
        valid: true,
      },
    });
  } catch (e) {
    if (isDuplicateKeyError(e)) throw new AppError('ALREADY_EXISTS', '本题已经作答，不能修改');
    throw e;
  }
  if (stake !== null) {
    await db
      .collection(PLAYERS)
      .doc(player._id)
      .update({ data: { [`stakes.${check.round}`]: [...usedStakes(player, check.round), stake] } });
  }
  return { accepted: true };
}

/**
 * 抢答. The server's receive time is stamped first; the first valid buzz the server takes wins the question (a
 * conditional write, so exactly one does). Before the unlock it is a false start that locks the player out.
 */
export async function buzz(
  input: z.output<typeof liveSchemas.buzz>,
  ctx: ActionContext,
): Promise<LiveApi['buzz']['output']> {
  const { db } = ctx;
  const now = Date.now();
  const [run, player] = await playerOf(ctx, input.sessionId);
  const check = liveCheckBuzz(run.machine, input.index, now);
  if (!check.ok) throw new AppError(check.code, check.message);
  const memberId = String(player.memberId);
  const _id = answerDocId(run.sessionId, input.index, memberId);
  try {
    await db.collection(ANSWERS).add({
      data: {
        _id,
        sessionId: run.sessionId,
        index: input.index,
        kind: 'buzz',
        memberId,
        name: String(player.name),
        teamId: player.teamId ?? null,
        at: now,
        falseStart: check.falseStart,
        flagged: false,
        valid: !check.falseStart,
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // A second buzz: a false start stays locked out; a valid one keeps its place.
    const { data: first } = await db.collection(ANSWERS).doc(_id).get();
    if (!first || first.falseStart === true) return { accepted: false, order: null };
    return { accepted: true, order: await orderOf(ctx, run, input.index, Number(first.at), memberId) };
  }
  if (check.falseStart) return { accepted: false, order: null };
  const _ = db.command;
  const winner = {
    memberId,
    name: String(player.name),
    teamId: typeof player.teamId === 'string' ? player.teamId : null,
  };
  const { stats } = await db
    .collection(RUNS)
    .where({ _id: run.sessionId, seq: run.seq, 'machine.buzzWinner': null, 'machine.index': input.index })
    .update({
      data: { 'machine.buzzWinner': memberId, 'machine.phase': 'locked', buzz: _.set(winner), seq: run.seq + 1 },
    });
  if (stats.updated > 0) {
    Object.assign(run, {
      seq: run.seq + 1,
      buzz: winner,
      machine: { ...run.machine, buzzWinner: memberId, phase: 'locked' },
    });
    await pushState(db, publicState(run, now));
    return { accepted: true, order: 1 };
  }
  return { accepted: true, order: await orderOf(ctx, run, input.index, now, memberId) };
}

/** A valid buzz's place: 1 + the valid buzzes the server received before it (the winner is always 1). */
async function orderOf(ctx: ActionContext, run: Run, index: number, at: number, memberId: string): Promise<number> {
  if (run.machine.buzzWinner === memberId) return 1;
  const _ = ctx.db.command;
  const { total } = await ctx.db
    .collection(ANSWERS)
    .where({ sessionId: run.sessionId, index, valid: true, at: _.lte(at), memberId: _.neq(memberId) })
    .count();
  return Math.max(2, total + 1);
}

export async function mine(
  input: z.output<typeof liveSchemas.mine>,
  ctx: ActionContext,
): Promise<LiveApi['mine']['output']> {
  const { db } = ctx;
  const openid = ctx.requireOpenid();
  const [run, { data: player }] = await Promise.all([
    readRun(db, input.sessionId),
    db.collection(PLAYERS).doc(playerDocId(input.sessionId, openid)).get(),
  ]);
  const m = run.machine;
  const round = m.index >= 0 ? run.questions[m.index].round : 0;
  if (!player) {
    return {
      joined: false,
      memberId: null,
      teamId: null,
      score: 0,
      rank: null,
      teamRank: null,
      current: null,
      stakesLeft: [],
      falseStart: false,
    };
  }
  const memberId = String(player.memberId);
  const [scores, { data: given }] = await Promise.all([
    readScores(db, run.sessionId),
    m.index >= 0
      ? db
          .collection(ANSWERS)
          .doc(answerDocId(run.sessionId, m.index, memberId))
          .get()
      : Promise.resolve({ data: null }),
  ]);
  const mineScore = scores.players[memberId];
  const team = mineScore?.teamId ? scores.teams.find((t) => t.teamId === mineScore.teamId) : undefined;
  const settled = run.settledIndex >= m.index && mineScore?.last?.index === m.index;
  const current =
    given && given.kind === 'answer'
      ? {
          index: m.index,
          choice: (given.choice as number[]) ?? [],
          stake: typeof given.stake === 'number' ? given.stake : null,
          correct: settled ? (mineScore.last?.correct ?? null) : null,
          points: settled ? (mineScore.last?.points ?? null) : null,
        }
      : settled && mineScore.last && mineScore.last.correct !== null
        ? { index: m.index, choice: [], stake: null, correct: mineScore.last.correct, points: mineScore.last.points }
        : null;
  return {
    joined: true,
    memberId,
    teamId: typeof player.teamId === 'string' ? player.teamId : null,
    score: mineScore?.score ?? 0,
    rank: mineScore && mineScore.rank > 0 ? mineScore.rank : null,
    teamRank: team?.rank ?? null,
    current,
    stakesLeft: m.index >= 0 && run.questions[m.index].kind === '风险' ? liveStakesLeft(usedStakes(player, round)) : [],
    falseStart: given?.kind === 'buzz' && given.falseStart === true,
  };
}
