// Scores: settling a revealed question into every player's totals (one pass over its answers, bounded pages), the
// public scoreboard document, the caller's place, and the points ledger after the end.
import type { z } from 'zod';
import type { LiveApi, LiveBoard, LiveScoreboard, liveSchemas } from '@/domain/api/live';
import { LIVE_TOP_PLAYERS } from '@/domain/api/live';
import { liveIsCorrect, livePoints, liveRankPlayers, liveRankTeams } from '@/domain/live';
import type { RankedTeam } from '@/domain/live';
import { POINTS_CONFIG } from '@/domain/points';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { awardPoints } from '../points/public';
import type { Run } from './store';
import { ANSWERS, BOARDS, PAGE, PLAYERS, playerDocId, RUNS, SCORES } from './store';
import { shanghaiIso } from '../../server/time';

/** One player's totals in `live_scores/<sessionId>.players.<memberId>`. */
export interface PlayerScore {
  name: string;
  teamId: string | null;
  orgId: string;
  score: number;
  /** Total answer time (ms); an unanswered 必答/风险 question counts its full time. */
  ms: number;
  right: number;
  answered: number;
  /** Right answers in a row up to the last settled question. */
  streak: number;
  rank: number;
  /** The last settled question's result for this player. */
  last: { index: number; points: number; correct: boolean | null } | null;
}

export interface Scores {
  players: Record<string, PlayerScore>;
  teams: RankedTeam[];
  settledIndex: number;
}

export async function readScores(db: Database, sessionId: string): Promise<Scores> {
  const { data } = await db.collection(SCORES).doc(sessionId).get();
  return {
    players: (data?.players ?? {}) as Record<string, PlayerScore>,
    teams: (data?.teams ?? []) as RankedTeam[],
    settledIndex: typeof data?.settledIndex === 'number' ? data.settledIndex : -1,
  };
}

/** Every document matching `where`, in pages of PAGE (one read each: a few for a hall of hundreds). */
export async function readAll(db: Database, collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let page = 0; ; page++) {
    const { data } = await db
      .collection(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(page * PAGE)
      .limit(PAGE)
      .get();
    out.push(...data);
    if (data.length < PAGE) return out;
  }
}

function boardOf(run: Run, scores: Scores, now: number, ended: boolean): LiveBoard {
  const ranked = liveRankPlayers(
    Object.entries(scores.players).map(([memberId, p]) => ({ memberId, ...p })),
    run.scoring,
  );
  return {
    sessionId: run.sessionId,
    players: ranked
      .slice(0, LIVE_TOP_PLAYERS)
      .map(({ rank, memberId, name, teamId, score }) => ({ rank, memberId, name, teamId, score })),
    teams: scores.teams,
    index: scores.settledIndex,
    ended,
    updatedAt: shanghaiIso(now),
    seq: run.seq,
  };
}

export interface RevealNumbers {
  index: number;
  distribution: number[] | null;
  rightCount: number | null;
  answered: number;
}

/**
 * Scores the current question once (a second call for the same question changes nothing): every joined player's
 * totals, ranks, team averages, the board, and the reveal's numbers on the run. Reads: the scores, the players and
 * the question's answers (a page per 1000); writes: scores, board, run.
 */
export async function settle(db: Database, run: Run, now: number): Promise<RevealNumbers | null> {
  const index = run.machine.index;
  if (index < 0 || run.settledIndex >= index) return run.reveal ? { ...run.reveal, answered: run.answered } : null;
  const q = run.questions[index];
  const [scores, players, answers] = await Promise.all([
    readScores(db, run.sessionId),
    readAll(db, PLAYERS, { sessionId: run.sessionId }),
    readAll(db, ANSWERS, { sessionId: run.sessionId, index }),
  ]);
  if (scores.settledIndex >= index) return run.reveal ? { ...run.reveal, answered: run.answered } : null;
  const byMember = new Map(answers.filter((a) => a.kind === 'answer').map((a) => [String(a.memberId), a]));
  const totals = scores.players;
  for (const p of players) {
    const memberId = String(p.memberId);
    totals[memberId] ??= {
      name: String(p.name),
      teamId: typeof p.teamId === 'string' ? p.teamId : null,
      orgId: String(p.orgId),
      score: 0,
      ms: 0,
      right: 0,
      answered: 0,
      streak: 0,
      rank: 0,
      last: null,
    };
  }
  const distribution = q.kind === '抢答' ? null : q.options.map(() => 0);
  let rightCount = 0;
  for (const [memberId, t] of Object.entries(totals)) {
    let points = 0;
    let correct: boolean | null = null;
    if (q.kind === '抢答') {
      if (memberId === run.machine.buzzWinner && run.machine.buzzCorrect !== null) {
        correct = run.machine.buzzCorrect;
        points = livePoints({ ...base(run, q.seconds), kind: '抢答', correct, ms: 0, stake: null, streak: 0 });
        t.answered += 1;
      }
    } else {
      const a = byMember.get(memberId);
      if (a) {
        const choice = (a.choice as number[]) ?? [];
        correct = liveIsCorrect(choice, q.answer);
        t.streak = correct ? t.streak + 1 : 0;
        const stake = typeof a.stake === 'number' ? a.stake : null;
        points = livePoints({
          ...base(run, q.seconds),
          kind: q.kind,
          correct,
          ms: Number(a.ms),
          stake,
          streak: t.streak,
        });
        t.ms += Number(a.ms);
        t.answered += 1;
        for (const c of choice) if (distribution && c < distribution.length) distribution[c] += 1;
      } else {
        t.streak = 0;
        t.ms += q.seconds * 1000;
      }
    }
    if (correct) {
      t.right += 1;
      rightCount += 1;
    }
    t.score += points;
    t.last = { index, points, correct };
  }
  const ranked = liveRankPlayers(
    Object.entries(totals).map(([memberId, p]) => ({ memberId, ...p })),
    run.scoring,
  );
  for (const r of ranked) totals[r.memberId].rank = r.rank;
  const teams = run.teams ? liveRankTeams(Object.values(totals), run.orgNames) : [];
  const next: Scores = { players: totals, teams, settledIndex: index };
  const _ = db.command;
  await db
    .collection(SCORES)
    .doc(run.sessionId)
    .set({ data: { players: totals, teams, settledIndex: index } });
  await db
    .collection(BOARDS)
    .doc(run.sessionId)
    .set({ data: { ...boardOf(run, next, now, run.machine.phase === 'ended') } });
  const valid = answers.filter((a) => a.valid === true).length;
  const reveal = { index, distribution, rightCount: q.kind === '抢答' ? null : rightCount };
  await db
    .collection(RUNS)
    .doc(run.sessionId)
    .update({ data: { settledIndex: index, reveal: _.set(reveal), answered: valid } });
  run.settledIndex = index;
  run.reveal = reveal;
  run.answered = valid;
  return { ...reveal, answered: valid };
}

function base(run: Run, seconds: number) {
  return { scoring: run.scoring, streakBonus: run.streakBonus, seconds };
}

/** Marks the board as final (the podium) after `end`. */
export async function finishBoard(db: Database, run: Run, now: number): Promise<void> {
  const scores = await readScores(db, run.sessionId);
  await db
    .collection(BOARDS)
    .doc(run.sessionId)
    .set({ data: { ...boardOf(run, scores, now, true) } });
}

/** Parallel awards at a time: the ledger's transactions stay few enough not to crowd the database. */
const AWARD_CONCURRENCY = 10;

/**
 * Credits the points ledger once the session has ended: every player who answered (or buzzed and was judged) gets
 * the participation points, the top three a bonus; entries are idempotent per session and member and capped per day
 * by the ledger's rules. Marks the run so a repeated `end` does not do it again.
 */
export async function creditLedger(db: Database, run: Run, now: number): Promise<void> {
  const scores = await readScores(db, run.sessionId);
  const takers = Object.entries(scores.players).filter(([, p]) => p.answered > 0);
  for (let i = 0; i < takers.length; i += AWARD_CONCURRENCY) {
    await Promise.all(
      takers.slice(i, i + AWARD_CONCURRENCY).map(([memberId, p]) =>
        awardPoints(db, {
          source: 'live',
          sourceId: run.sessionId,
          memberId,
          orgId: p.orgId,
          points: POINTS_CONFIG.liveParticipation + (POINTS_CONFIG.livePodiumBonus[p.rank - 1] ?? 0),
          reason: `参加现场赛：${run.title}${p.rank <= POINTS_CONFIG.livePodiumBonus.length ? `（第 ${p.rank} 名）` : ''}`,
          now: new Date(now),
        }),
      ),
    );
  }
  await db
    .collection(RUNS)
    .doc(run.sessionId)
    .update({ data: { ledgerDone: true } });
  run.ledgerDone = true;
}

export async function scoreboard(
  input: z.output<typeof liveSchemas.scoreboard>,
  ctx: ActionContext,
): Promise<LiveApi['scoreboard']['output']> {
  const { db } = ctx;
  const openid = ctx.requireOpenid();
  const [boardDoc, player] = await Promise.all([
    db.collection(BOARDS).doc(input.sessionId).get(),
    db.collection(PLAYERS).doc(playerDocId(input.sessionId, openid)).get(),
  ]);
  if (!boardDoc.data) throw new AppError('NOT_FOUND', '现场赛不存在');
  const { _id: _ignored, ...board } = boardDoc.data;
  void _ignored;
  const out: LiveScoreboard = { ...(board as unknown as LiveBoard), me: null, myTeam: null };
  if (player.data) {
    const scores = await readScores(db, input.sessionId);
    const mine = scores.players[String(player.data.memberId)];
    if (mine && mine.rank > 0) out.me = { rank: mine.rank, score: mine.score };
    const team = mine?.teamId ? scores.teams.find((t) => t.teamId === mine.teamId) : undefined;
    if (team) out.myTeam = { rank: team.rank, score: team.score, teamId: team.teamId };
  }
  return out;
}
