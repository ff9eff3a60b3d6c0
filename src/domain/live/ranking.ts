// 现场赛 standings: players by score (accuracy: then less total answer time), teams by their players' average;
// ties share a rank (1, 2, 2, 4).
import type { Scoring } from '../api/live';

export interface PlayerTotal {
  memberId: string;
  name: string;
  teamId: string | null;
  score: number;
  /** Total answer time (ms): the tie-breaker of `accuracy`. */
  ms: number;
}

export interface RankedPlayer extends PlayerTotal {
  rank: number;
}

export interface RankedTeam {
  rank: number;
  teamId: string;
  name: string;
  players: number;
  /** Average of its players' scores, to one decimal. */
  score: number;
}

/** Ranks rows already sorted best first; `same` says whether two neighbours tie. */
function shareRanks<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): Array<T & { rank: number }> {
  const out: Array<T & { rank: number }> = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const rank = prev && same(sorted[i - 1], row) ? prev.rank : i + 1;
    out.push({ ...row, rank });
  });
  return out;
}

/**
 * Players best first. `accuracy`: more points, then less total time; `speed`: more points (speed is already in
 * them). Equal keys share a rank; the listing among equals is by name, then memberId.
 *
 * @example liveRankPlayers([{ memberId: 'a', name: '甲', teamId: null, score: 20, ms: 9000 }, { memberId: 'b', name: '乙', teamId: null, score: 20, ms: 7000 }], 'accuracy')
 * // [b rank 1, a rank 2]
 */
export function liveRankPlayers(players: readonly PlayerTotal[], scoring: Scoring): RankedPlayer[] {
  const useTime = scoring === 'accuracy';
  const sorted = [...players].sort(
    (x, y) =>
      y.score - x.score ||
      (useTime ? x.ms - y.ms : 0) ||
      x.name.localeCompare(y.name, 'zh-CN') ||
      (x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0),
  );
  return shareRanks(sorted, (a, b) => a.score === b.score && (!useTime || a.ms === b.ms));
}

/**
 * Teams by the average score of their players (so a small branch is neither favoured nor punished), one decimal;
 * equal averages share a rank. Players without a team are left out.
 *
 * @example liveRankTeams([{ teamId: 'o1', score: 30 }, { teamId: 'o1', score: 10 }, { teamId: 'o2', score: 20 }], { o1: '一支部', o2: '二支部' })
 * // [{ rank: 1, teamId: "o2", players: 1, score: 20 }, { rank: 1, teamId: "o1", players: 2, score: 20 }] (equal: by name)
 */
export function liveRankTeams(
  players: ReadonlyArray<{ teamId: string | null; score: number }>,
  names: Readonly<Record<string, string>>,
): RankedTeam[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const p of players) {
    if (!p.teamId) continue;
    const s = sums.get(p.teamId) ?? { total: 0, n: 0 };
    s.total += p.score;
    s.n += 1;
    sums.set(p.teamId, s);
  }
  const rows = [...sums].map(([teamId, s]) => ({
    teamId,
    name: names[teamId] ?? teamId,
    players: s.n,
    score: Math.round((s.total / s.n) * 10) / 10,
  }));
  rows.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name, 'zh-CN'));
  return shareRanks(rows, (a, b) => a.score === b.score);
}
