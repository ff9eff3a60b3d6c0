// 现场赛 scoring with worked examples, 抢答 ordering with false starts, team averages with shared ranks.
import {
  liveArbitrate,
  liveFloorMs,
  liveIsCorrect,
  livePoints,
  liveRankPlayers,
  liveRankTeams,
  liveSpeedPoints,
  liveStakePoints,
  liveStakesLeft,
  liveStreakBonus,
} from '@/domain/live';
import type { ScoreInput } from '@/domain/live';

describe('speed scoring (Kahoot): round(1000 × (1 − (t/T)/2))', () => {
  test.each([
    [0, 20, 1000],
    [499, 20, 1000], // full points under 0.5 s
    [500, 20, 988], // 1000 × (1 − 0.025/2) = 987.5 -> 988
    [10_000, 20, 750],
    [15_000, 20, 625],
    [20_000, 20, 500],
    [25_000, 20, 500], // the grace does not go below half
    [3_333, 10, 833], // 1000 × (1 − 0.3333/2) = 833.35
  ])('%i ms of %i s -> %i', (ms, seconds, points) => expect(liveSpeedPoints(ms, seconds)).toBe(points));

  test('streak bonus only when turned on: +100 per right answer in a row after the first, at most +500', () => {
    expect([1, 2, 3, 6, 7, 20].map(liveStreakBonus)).toEqual([0, 100, 200, 500, 500, 500]);
    const right: ScoreInput = {
      kind: '必答',
      scoring: 'speed',
      correct: true,
      ms: 10_000,
      seconds: 20,
      stake: null,
      streak: 3,
      streakBonus: false,
    };
    expect(livePoints(right)).toBe(750);
    expect(livePoints({ ...right, streakBonus: true })).toBe(950);
    expect(livePoints({ ...right, correct: false, streakBonus: true })).toBe(0);
  });
});

describe('accuracy scoring and the rounds', () => {
  const base: ScoreInput = {
    kind: '必答',
    scoring: 'accuracy',
    correct: true,
    ms: 19_000,
    seconds: 20,
    stake: null,
    streak: 1,
    streakBonus: true,
  };
  test.each([
    ['必答 right, slow', base, 10],
    ['必答 wrong', { ...base, correct: false }, 0],
    ['抢答 right', { ...base, kind: '抢答' }, 10],
    ['抢答 right, speed', { ...base, kind: '抢答', scoring: 'speed' }, 1000],
    ['抢答 wrong', { ...base, kind: '抢答', correct: false }, 0],
    ['风险 10 right', { ...base, kind: '风险', stake: 10 }, 10],
    ['风险 30 wrong', { ...base, kind: '风险', stake: 30, correct: false }, -30],
    ['风险 20 right, speed', { ...base, kind: '风险', scoring: 'speed', stake: 20 }, 2000],
  ] as Array<[string, ScoreInput, number]>)('%s', (_name, input, points) => expect(livePoints(input)).toBe(points));

  test('stakes are used once per round', () => {
    expect(liveStakePoints(30, 'accuracy')).toBe(30);
    expect(liveStakesLeft([])).toEqual([10, 20, 30]);
    expect(liveStakesLeft([20])).toEqual([10, 30]);
    expect(liveStakesLeft([10, 20, 30])).toEqual([]);
  });

  test('a right answer is exactly the right options, in any order', () => {
    expect(liveIsCorrect([1], [1])).toBe(true);
    expect(liveIsCorrect([2, 0], [0, 2])).toBe(true);
    expect(liveIsCorrect([0], [0, 2])).toBe(false);
    expect(liveIsCorrect([0, 1, 2], [0, 2])).toBe(false);
    expect(liveIsCorrect([0, 0], [0, 2])).toBe(false);
  });

  test('the plausibility floor grows with the options to read, 0.6–3 s', () => {
    expect(liveFloorMs(['对', '错'])).toBe(600);
    expect(liveFloorMs(['中国共产党章程', '廉洁自律准则', '纪律处分条例', '问责条例'])).toBe(1220);
    expect(liveFloorMs(['一'.repeat(200)])).toBe(3000);
  });
});

describe('抢答 arbitration: server receive time, false starts locked out', () => {
  test('worked example', () => {
    const r = liveArbitrate(
      [
        { memberId: 'a', at: 900 }, // before the unlock at 1000: false start
        { memberId: 'a', at: 1001 }, // and stays out
        { memberId: 'b', at: 1200 },
        { memberId: 'c', at: 1100 },
        { memberId: 'd', at: 1100 }, // same ms as c: by id
        { memberId: 'e', at: 1000 }, // exactly at the unlock: valid
      ],
      1000,
    );
    expect(r).toEqual({ order: ['e', 'c', 'd', 'b'], winner: 'e', falseStarts: ['a'] });
  });
  test('no unlock: every buzz is a false start; nobody: no winner', () => {
    expect(liveArbitrate([{ memberId: 'x', at: 5 }], null)).toEqual({ order: [], winner: null, falseStarts: ['x'] });
    expect(liveArbitrate([], 0)).toEqual({ order: [], winner: null, falseStarts: [] });
  });
});

describe('standings', () => {
  const p = (memberId: string, score: number, ms: number, teamId: string | null = null) => ({
    memberId,
    name: memberId,
    teamId,
    score,
    ms,
  });
  test('accuracy: right answers first, total time breaks ties, equal both share a rank', () => {
    const rows = liveRankPlayers(
      [p('a', 20, 9000), p('b', 20, 7000), p('c', 30, 50_000), p('d', 20, 7000), p('e', 0, 0)],
      'accuracy',
    );
    expect(rows.map((r) => [r.memberId, r.rank])).toEqual([
      ['c', 1],
      ['b', 2],
      ['d', 2],
      ['a', 4],
      ['e', 5],
    ]);
  });
  test('speed: points only', () => {
    const rows = liveRankPlayers([p('a', 1750, 9000), p('b', 1750, 1000), p('c', 1800, 50_000)], 'speed');
    expect(rows.map((r) => [r.memberId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });
  test('teams: the average of their players, ties share a rank, no team left out', () => {
    const teams = liveRankTeams(
      [
        p('a', 30, 0, 'o1'),
        p('b', 10, 0, 'o1'),
        p('c', 20, 0, 'o2'),
        p('d', 25, 0, 'o3'),
        p('e', 0, 0, 'o3'),
        p('f', 99, 0),
      ],
      { o1: '一支部', o2: '二支部', o3: '三支部' },
    );
    expect(teams).toEqual([
      // Equal averages share the rank and are listed by name (pinyin: 二 er before 一 yi).
      { rank: 1, teamId: 'o2', name: '二支部', players: 1, score: 20 },
      { rank: 1, teamId: 'o1', name: '一支部', players: 2, score: 20 },
      { rank: 3, teamId: 'o3', name: '三支部', players: 2, score: 12.5 },
    ]);
  });
});
