// The `live` function (现场赛) over the local cloud: sessions drawn from the bank, every action × role and error
// code, the phases on the server's clock, 抢答 with false starts, 风险 stakes, both scorings, nothing secret in
// the watched documents before reveal, the ledger after the end, the workbook, and database cost per action.
import { Workbook } from 'exceljs';
import type { LiveState } from '../../src/domain/api/live';
import { LIVE_GRACE_MS } from '../../src/domain/api/live';
import type { TestCloud } from '../helpers/cloud';
import { advance, fakeClock } from '../helpers/clock';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { SCENE_PATTERN } from '../../src/domain/checkin';
import { LIVE_PLAY_PAGE } from '../../src/utils/live';
import { createSession, right, ROUNDS, wrong } from './live-support';
import { importBank } from './quiz-support';
import {
  ADMIN,
  allDocs,
  getDoc,
  HANDLER,
  MEMBER,
  PUBLIC,
  ROSTER,
  sdk,
  seedBasic,
  seedRoles,
  SECRETARY,
} from './support';
import type { ActionName } from '@/domain/api';

jest.setTimeout(60_000);

let cloud: TestCloud;
const call = <A extends ActionName<'live'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('live', action, data, openid);
const host = async (sessionId: string, command: string, extra: Record<string, unknown> = {}): Promise<LiveState> =>
  (await expectOk(call('host', { sessionId, command, ...extra }, ADMIN))).state;

/** Bound members besides MEMBER (王芳, b1) and SECRETARY (张伟, b1): 李娜 (b1), 刘洋 (b2), 赵磊 (b3). */
const LI = 'm-li';
const LIU = 'm-liu';
const ZHAO = 'm-zhao';

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await importBank(cloud);
  for (const [openid, i] of [
    [LI, 2],
    [LIU, 3],
    [ZHAO, 6],
  ] as const)
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[i].name, phone: ROSTER[i].phone }, openid));
  fakeClock(new Date('2026-07-01T09:00:00+08:00'));
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

async function memberIdOf(openid: string): Promise<string> {
  return String((await getDoc('users', openid))?.memberId);
}

/** A session in the lobby with MEMBER, LIU and ZHAO joined. */
async function lobby(extra: Record<string, unknown> = {}): Promise<string> {
  const sessionId = await createSession(cloud, extra);
  await host(sessionId, 'open');
  for (const p of [MEMBER, LIU, ZHAO]) await expectOk(call('join', { sessionId }, p));
  return sessionId;
}

describe('live.createSession', () => {
  it('draws each round from the bank on the server by types and tags, and keeps the answers server-only', async () => {
    const sessionId = await createSession(cloud, {
      rounds: [
        { kind: '必答', questionCount: 4, secondsPerQuestion: 20, types: ['single'], tags: ['党章'] },
        { kind: '风险', questionCount: 3, secondsPerQuestion: 15, types: ['judge'] },
      ],
    });
    const run = await getDoc('live_runs', sessionId);
    const questions = run?.questions as Array<{ type: string; kind: string; stem: string; answer: number[] }>;
    expect(questions.map((q) => [q.kind, q.type])).toEqual([
      ...Array(4).fill(['必答', 'single']),
      ...Array(3).fill(['风险', 'judge']),
    ]);
    expect(new Set(questions.map((q) => q.stem)).size).toBe(7);
    // The watched documents never hold an answer or a question before it is shown.
    const pub = await getDoc('live_sessions', sessionId);
    expect(pub).toMatchObject({ phase: 'draft', question: null, answer: null, total: 7 });
    expect(JSON.stringify(pub)).not.toContain('answer":[');
    expect(await getDoc('live_boards', sessionId)).toMatchObject({ players: [], teams: [], index: -1 });
  });

  it('lets a secretary create one for the own branch only', async () => {
    const sessionId = await createSession(cloud, { orgIds: ['b1'] }, SECRETARY);
    expect((await getDoc('live_runs', sessionId))?.takingPart).toEqual(['b1']);
    await expectError(
      call('createSession', { title: 't', teams: false, rounds: ROUNDS, scoring: 'speed', orgIds: ['b2'] }, SECRETARY),
      'PERMISSION_DENIED',
    );
    await expectError(
      call('createSession', { title: 't', teams: false, rounds: ROUNDS, scoring: 'speed' }, SECRETARY),
      'PERMISSION_DENIED',
    );
  });

  it.each([
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
    ['anonymous', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, openid, code) => {
    await expectError(
      call('createSession', { title: 't', teams: false, rounds: ROUNDS, scoring: 'speed' }, openid),
      code,
    );
  });

  it('refuses bad input, unknown orgs and rounds the bank cannot fill, writing nothing', async () => {
    const base = { title: '七一', teams: true, rounds: ROUNDS, scoring: 'accuracy' };
    await expectError(call('createSession', { ...base, scoring: 'fast' }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('createSession', { ...base, extra: 1 }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('createSession', { ...base, rounds: [] }, ADMIN), 'INVALID_ARGUMENT');
    const risky = await expectError(
      call('createSession', { ...base, rounds: [{ kind: '风险', questionCount: 4, secondsPerQuestion: 20 }] }, ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(risky.message).toContain('风险题每轮最多 3 道');
    await expectError(call('createSession', { ...base, orgIds: ['nope'] }, ADMIN), 'NOT_FOUND');
    const short = await expectError(
      call(
        'createSession',
        { ...base, rounds: [{ kind: '必答', questionCount: 7, secondsPerQuestion: 20, types: ['judge'] }] },
        ADMIN,
      ),
      'FAILED_PRECONDITION',
    );
    expect(short.message).toBe('第 1 轮（必答）：题库中符合条件的题目只有 6 道，不够抽取 7 道');
    expect(await allDocs('live_runs')).toHaveLength(0);
    expect(await allDocs('live_sessions')).toHaveLength(0);
  });
});

describe('live.join', () => {
  it('joins a member of a session org once; joining again returns the same player with the score kept', async () => {
    const sessionId = await createSession(cloud, { orgIds: ['p1'] });
    await expectError(call('join', { sessionId }, MEMBER), 'FAILED_PRECONDITION'); // draft
    await host(sessionId, 'open');
    const first = await expectOk(call('join', { sessionId }, MEMBER));
    expect(first).toEqual({ sessionId, memberId: await memberIdOf(MEMBER), teamId: 'b1', score: 0, name: '王芳' });
    expect(await expectOk(call('join', { sessionId }, MEMBER))).toEqual(first);
    await expectError(call('join', { sessionId }, ZHAO), 'PERMISSION_DENIED'); // b3 is not under p1
    await expectError(call('join', { sessionId }, PUBLIC), 'PERMISSION_DENIED'); // not bound
    await expectError(call('join', { sessionId }, undefined), 'UNAUTHENTICATED');
    await expectError(call('join', { sessionId: 'lv_nope' }, MEMBER), 'NOT_FOUND');
    await expectError(call('join', { sessionId: '' }, MEMBER), 'INVALID_ARGUMENT');
    expect((await allDocs('live_players')).map((p) => p._id)).toEqual([`${sessionId}:${MEMBER}`]);
  });
});

describe('live: a 必答 question on the server clock', () => {
  it('takes one answer per player between the options and the deadline + grace, and says nothing before reveal', async () => {
    const sessionId = await lobby();
    const s = await host(sessionId, 'next');
    expect(s).toMatchObject({ phase: 'question', index: 0, kind: '必答', answer: null, answered: 0 });
    expect(s.question?.options).toHaveLength(4);
    expect(Date.parse(s.optionsAt!) - Date.parse(s.openedAt!)).toBe(3000);
    const pick = (openid: string, choice: number[], extra = {}) =>
      call('answer', { sessionId, index: 0, choice, ...extra }, openid);
    // Before the options show.
    expect((await expectError(pick(MEMBER, right(s.question)), 'FAILED_PRECONDITION')).message).toBe(
      '选项尚未显示，请稍候',
    );
    advance(3000 + 4000);
    expect(await expectOk(pick(MEMBER, right(s.question)))).toEqual({ accepted: true });
    expect((await expectError(pick(MEMBER, wrong(s.question)), 'ALREADY_EXISTS')).message).toBe(
      '本题已经作答，不能修改',
    );
    await expectError(pick(LIU, [0, 1]), 'INVALID_ARGUMENT'); // a single-choice question
    await expectError(pick(LIU, [7]), 'INVALID_ARGUMENT');
    await expectError(pick(LIU, right(s.question), { stake: 10 }), 'INVALID_ARGUMENT');
    await expectError(call('answer', { sessionId, index: 1, choice: [0] }, LIU), 'FAILED_PRECONDITION');
    await expectError(pick(LI, [0]), 'PERMISSION_DENIED'); // not joined
    await expectError(pick(undefined as never, [0]), 'UNAUTHENTICATED');
    advance(10_000);
    expect(await expectOk(pick(LIU, wrong(s.question)))).toEqual({ accepted: true });
    // In the grace after the deadline (20 s after the options) a tap still counts; after it, late.
    advance(6000 + LIVE_GRACE_MS - 1);
    // Nothing about correctness anywhere a phone can read before reveal.
    const mine = await expectOk(call('mine', { sessionId }, MEMBER));
    expect(mine.current).toEqual({ index: 0, choice: right(s.question), stake: null, correct: null, points: null });
    expect(mine.score).toBe(0);
    expect((await getDoc('live_sessions', sessionId))?.answer).toBeNull();
    expect(await expectOk(call('scoreboard', { sessionId }, MEMBER))).toMatchObject({ players: [], me: null });
    advance(2);
    expect((await expectError(pick(ZHAO, right(s.question)), 'FAILED_PRECONDITION')).message).toBe('作答时间已到');

    // The screen's tick locks the question and pushes the counts.
    const ticked = await expectOk(call('tick', { sessionId }, ADMIN));
    expect(ticked.state).toMatchObject({ phase: 'locked', answered: 2, joined: 3 });
    expect(await getDoc('live_sessions', sessionId)).toMatchObject({ phase: 'locked', answered: 2, joined: 3 });

    const revealed = await host(sessionId, 'reveal');
    const r = right(s.question)[0];
    const w = wrong(s.question)[0];
    expect(revealed).toMatchObject({ phase: 'revealed', answer: right(s.question), rightCount: 1, answered: 2 });
    expect(revealed.distribution?.[r]).toBe(1);
    expect(revealed.distribution?.[w]).toBe(1);
    expect(await getDoc('live_sessions', sessionId)).toMatchObject({ answer: right(s.question), rightCount: 1 });
    expect(await expectOk(call('mine', { sessionId }, MEMBER))).toMatchObject({
      score: 10,
      rank: 1,
      teamRank: 1,
      current: { correct: true, points: 10 },
    });
    expect(await expectOk(call('mine', { sessionId }, LIU))).toMatchObject({
      score: 0,
      rank: 2,
      current: { correct: false, points: 0 },
    });
    // ZHAO never answered: ranked with LIU (0 points) but behind on time (a missed question counts its full time).
    const board = await expectOk(call('scoreboard', { sessionId }, ZHAO));
    expect(board.players.map((p: { name: string; rank: number }) => [p.name, p.rank])).toEqual([
      ['王芳', 1],
      ['刘洋', 2],
      ['赵磊', 3],
    ]);
    expect(
      board.teams.map((t: { teamId: string; rank: number; score: number }) => [t.teamId, t.rank, t.score]),
    ).toEqual([
      ['b1', 1, 10],
      // Equal averages share the rank, listed by name (市公安局… before 市教育局…).
      ['b3', 2, 0],
      ['b2', 2, 0],
    ]);
    expect(board).toMatchObject({ me: { rank: 3, score: 0 }, myTeam: { teamId: 'b3', rank: 2, score: 0 } });
  });

  it('scores speed like Kahoot and flags answers faster than the options can be read', async () => {
    const sessionId = await lobby({ scoring: 'speed' });
    const s = await host(sessionId, 'next');
    advance(3000 + 200); // 0.2 s after the options: full points, but too fast to have read them
    await expectOk(call('answer', { sessionId, index: 0, choice: right(s.question) }, MEMBER));
    advance(9800); // 10 s after the options: 750
    await expectOk(call('answer', { sessionId, index: 0, choice: right(s.question) }, LIU));
    await host(sessionId, 'reveal');
    const board = await expectOk(call('scoreboard', { sessionId }, MEMBER));
    expect(board.players.slice(0, 2).map((p: { score: number }) => p.score)).toEqual([1000, 750]);
    const view = await expectOk(call('hostView', { sessionId }, ADMIN));
    expect(view.flags).toEqual([
      {
        index: 0,
        memberId: await memberIdOf(MEMBER),
        name: '王芳',
        ms: 200,
        floorMs: expect.any(Number),
        correct: true,
      },
    ]);
    expect(view.questions[0]).toMatchObject({ answer: right(s.question), kind: '必答' });
  });
});

describe('live: 抢答 and 风险', () => {
  async function toQuestion(sessionId: string, index: number): Promise<LiveState> {
    let s = await host(sessionId, 'next');
    while (s.index < index) {
      if (s.kind === '抢答') {
        await host(sessionId, 'unlock');
        advance(20_000);
        await expectOk(call('tick', { sessionId }, ADMIN));
      }
      await host(sessionId, 'reveal');
      s = await host(sessionId, 'next');
    }
    return s;
  }

  it('locks out a false start, gives the question to the first valid buzz, and scores the judged answer', async () => {
    const sessionId = await lobby();
    const s = await toQuestion(sessionId, 3);
    expect(s).toMatchObject({ kind: '抢答', unlockedAt: null, deadline: null });
    const buzz = (openid: string) => call('buzz', { sessionId, index: 3 }, openid);
    expect(await expectOk(buzz(ZHAO))).toEqual({ accepted: false, order: null }); // false start
    await expectError(call('answer', { sessionId, index: 3, choice: [0] }, MEMBER), 'FAILED_PRECONDITION');
    await expectError(call('host', { sessionId, command: 'judge', correct: true }, ADMIN), 'FAILED_PRECONDITION');
    advance(1000);
    const unlocked = await host(sessionId, 'unlock');
    expect(unlocked.unlockedAt).not.toBeNull();
    advance(300);
    expect(await expectOk(buzz(ZHAO))).toEqual({ accepted: false, order: null }); // still locked out
    expect(await expectOk(buzz(LIU))).toEqual({ accepted: true, order: 1 });
    advance(10);
    expect(await expectOk(buzz(MEMBER))).toEqual({ accepted: true, order: 2 });
    expect(await expectOk(buzz(LIU))).toEqual({ accepted: true, order: 1 }); // a repeat keeps its place
    const pub = await getDoc('live_sessions', sessionId);
    expect(pub).toMatchObject({ phase: 'locked', buzzWinner: { name: '刘洋', teamId: 'b2' }, buzzCorrect: null });
    expect((await expectOk(call('mine', { sessionId }, ZHAO))).falseStart).toBe(true);
    expect(
      (await expectError(call('host', { sessionId, command: 'reveal' }, ADMIN), 'FAILED_PRECONDITION')).message,
    ).toBe('有选手抢到了答题权，请先判定对错');
    await expectError(
      call('host', { sessionId, command: 'judge', memberId: await memberIdOf(MEMBER), correct: true }, ADMIN),
      'INVALID_ARGUMENT',
    );
    const judged = await host(sessionId, 'judge', { memberId: await memberIdOf(LIU), correct: true });
    expect(judged).toMatchObject({ phase: 'revealed', buzzCorrect: true, answer: right(s.question) });
    expect(await expectOk(call('mine', { sessionId }, LIU))).toMatchObject({ current: { correct: true, points: 10 } });
  });

  it('takes each 风险 stake once per round: right +stake, wrong −stake', async () => {
    const sessionId = await lobby();
    let s = await toQuestion(sessionId, 4);
    expect(s.kind).toBe('风险');
    advance(4000);
    const risk = (openid: string, choice: number[], stake?: number) =>
      call('answer', { sessionId, index: s.index, choice, ...(stake ? { stake } : {}) }, openid);
    expect((await expectError(risk(MEMBER, right(s.question)), 'INVALID_ARGUMENT')).message).toContain(
      '风险题请选择分值',
    );
    await expectError(risk(MEMBER, right(s.question), 40), 'INVALID_ARGUMENT');
    expect((await expectOk(call('mine', { sessionId }, MEMBER))).stakesLeft).toEqual([10, 20, 30]);
    await expectOk(risk(MEMBER, right(s.question), 30));
    await expectOk(risk(LIU, wrong(s.question), 20));
    await host(sessionId, 'reveal');
    s = await host(sessionId, 'next');
    advance(4000);
    expect((await expectOk(call('mine', { sessionId }, MEMBER))).stakesLeft).toEqual([10, 20]);
    expect((await expectError(risk(MEMBER, right(s.question), 30), 'FAILED_PRECONDITION')).message).toBe(
      '本轮已经用过 30 分，请选择其他分值',
    );
    await expectOk(risk(MEMBER, wrong(s.question), 10));
    await host(sessionId, 'reveal');
    const me = await expectOk(call('mine', { sessionId }, MEMBER));
    const liu = await expectOk(call('mine', { sessionId }, LIU));
    expect([me.score, liu.score]).toEqual([30 - 10, -20]);
  });
});

describe('live.host', () => {
  it.each([
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['a secretary of another session', SECRETARY, 'PERMISSION_DENIED'],
    ['anonymous', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, openid, code) => {
    const sessionId = await createSession(cloud);
    for (const action of ['host', 'tick', 'hostView', 'export'] as const)
      await expectError(call(action, { sessionId, ...(action === 'host' ? { command: 'open' } : {}) }, openid), code);
    expect((await getDoc('live_runs', sessionId))?.seq).toBe(0);
  });

  it('refuses commands out of order, fields a command does not take, unknown sessions; pause stops the clock', async () => {
    const sessionId = await createSession(cloud);
    const refuse = async (command: string, code: string, extra = {}) =>
      (await expectError(call('host', { sessionId, command, ...extra }, ADMIN), code)).message;
    expect(await refuse('next', 'FAILED_PRECONDITION')).toBe('现场赛当前尚未开放，不能进入下一题');
    await host(sessionId, 'open');
    await expectOk(call('join', { sessionId }, MEMBER));
    expect(await refuse('reveal', 'FAILED_PRECONDITION')).toBe('现场赛当前等待开始，不能揭晓答案');
    expect(await refuse('unlock', 'FAILED_PRECONDITION')).toBe('现场赛当前等待开始，不能开始抢答');
    expect(await refuse('next', 'INVALID_ARGUMENT', { stake: 10 })).toContain('风险题分值由选手');
    expect(await refuse('next', 'INVALID_ARGUMENT', { correct: true })).toBe('只有“判定”需要选手和对错');
    await expectError(call('host', { sessionId, command: 'jump' }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('host', { sessionId: 'lv_nope', command: 'open' }, ADMIN), 'NOT_FOUND');
    const s = await host(sessionId, 'next');
    expect(await refuse('unlock', 'FAILED_PRECONDITION')).toBe('本题不是抢答题，不能开始抢答');
    advance(5000);
    const paused = await host(sessionId, 'pause');
    expect(paused).toMatchObject({ phase: 'paused', pausedFrom: 'question' });
    await expectError(
      call('answer', { sessionId, index: 0, choice: right(s.question) }, MEMBER),
      'FAILED_PRECONDITION',
    );
    advance(60_000);
    const resumed = await host(sessionId, 'resume');
    expect(Date.parse(resumed.deadline!) - Date.parse(s.deadline!)).toBe(60_000);
    expect(await refuse('resume', 'FAILED_PRECONDITION')).toBe('现场赛当前答题中，不能继续');
  });
});

describe('every action × role', () => {
  // What each caller gets from each action on a session in a question; `ok` = allowed.
  const ACTIONS: Partial<Record<ActionName<'live'>, (sessionId: string) => Record<string, unknown>>> = {
    join: (sessionId) => ({ sessionId }),
    state: (sessionId) => ({ sessionId }),
    answer: (sessionId) => ({ sessionId, index: 0, choice: [0] }),
    buzz: (sessionId) => ({ sessionId, index: 0 }),
    scoreboard: (sessionId) => ({ sessionId }),
    mine: (sessionId) => ({ sessionId }),
    list: () => ({}),
    host: (sessionId) => ({ sessionId, command: 'pause' }),
    tick: (sessionId) => ({ sessionId }),
    hostView: (sessionId) => ({ sessionId }),
    joinCode: (sessionId) => ({ sessionId }),
  };
  const ACTION_NAMES = Object.keys(ACTIONS) as ActionName<'live'>[];
  const EXPECTED: Record<string, Record<string, string>> = {
    // Anonymous: nothing.
    anonymous: Object.fromEntries(Object.keys(ACTIONS).map((a) => [a, 'UNAUTHENTICATED'])),
    // Not bound to the roster: may look at the public state and the board, not play or host.
    public: {
      join: 'PERMISSION_DENIED',
      state: 'ok',
      answer: 'PERMISSION_DENIED',
      buzz: 'PERMISSION_DENIED',
      scoreboard: 'ok',
      mine: 'ok',
      list: 'ok',
      host: 'PERMISSION_DENIED',
      tick: 'PERMISSION_DENIED',
      hostView: 'PERMISSION_DENIED',
      joinCode: 'ok',
    },
    // A bound member who has not joined: joins (first in the list), then is refused by the question's state only
    // (its options are not shown yet; it is not 抢答).
    member: {
      join: 'ok',
      state: 'ok',
      answer: 'FAILED_PRECONDITION',
      buzz: 'FAILED_PRECONDITION',
      scoreboard: 'ok',
      mine: 'ok',
      list: 'ok',
      host: 'PERMISSION_DENIED',
      tick: 'PERMISSION_DENIED',
      hostView: 'PERMISSION_DENIED',
      joinCode: 'ok',
    },
    // The secretary of b1 on a session for every org: a player, not its host.
    secretary: {
      join: 'ok',
      state: 'ok',
      answer: 'FAILED_PRECONDITION',
      buzz: 'FAILED_PRECONDITION',
      scoreboard: 'ok',
      mine: 'ok',
      list: 'ok',
      host: 'PERMISSION_DENIED',
      tick: 'PERMISSION_DENIED',
      hostView: 'PERMISSION_DENIED',
      joinCode: 'ok',
    },
  };
  const OPENIDS: Record<string, string | undefined> = {
    anonymous: undefined,
    public: PUBLIC,
    member: LI,
    secretary: SECRETARY,
  };
  it.each(Object.keys(EXPECTED))('%s', async (who) => {
    const sessionId = await lobby();
    await host(sessionId, 'next');
    for (const action of ACTION_NAMES) {
      const r = await call(action, ACTIONS[action]!(sessionId), OPENIDS[who]);
      expect([action, r.ok ? 'ok' : r.error.code]).toEqual([action, EXPECTED[who][action]]);
    }
    // The host may do everything a host does; unknown sessions are NOT_FOUND for every session action.
    for (const action of ['tick', 'hostView'] as const)
      expect((await call(action, { sessionId }, ADMIN)).ok).toBe(true);
    for (const action of [
      'join',
      'state',
      'answer',
      'buzz',
      'scoreboard',
      'mine',
      'tick',
      'hostView',
      'export',
      'joinCode',
    ] as const)
      await expectError(
        call(action, { ...(ACTIONS[action] ?? ((id: string) => ({ sessionId: id })))('lv_none') }, ADMIN),
        'NOT_FOUND',
      );
  });

  it('refuses a buzz on a question that is not 抢答, and unknown fields everywhere', async () => {
    const sessionId = await lobby();
    await host(sessionId, 'next');
    expect((await expectError(call('buzz', { sessionId, index: 0 }, MEMBER), 'FAILED_PRECONDITION')).message).toBe(
      '本题不是抢答题',
    );
    for (const action of [...ACTION_NAMES, 'createSession', 'export'] as const)
      await expectError(call(action, { sessionId, extra: true }, ADMIN), 'INVALID_ARGUMENT');
  });
});

describe('live: after the end', () => {
  it('credits the ledger once, keeps the session viewable, and exports the workbook', async () => {
    const sessionId = await lobby();
    const s = await host(sessionId, 'next');
    advance(5000);
    await expectOk(call('answer', { sessionId, index: 0, choice: right(s.question) }, MEMBER));
    await expectOk(call('answer', { sessionId, index: 0, choice: wrong(s.question) }, LIU));
    await host(sessionId, 'reveal');
    const ended = await host(sessionId, 'end');
    expect(ended).toMatchObject({ phase: 'ended', answer: right(s.question) });
    await expectError(call('host', { sessionId, command: 'end' }, ADMIN), 'FAILED_PRECONDITION');
    const points = (await allDocs('points')).filter((p) => p.sourceId === sessionId);
    expect(points.map((p) => [p.memberId, p.points, p.source]).sort()).toEqual(
      [
        [await memberIdOf(MEMBER), 3 + 3, 'live'],
        [await memberIdOf(LIU), 3 + 2, 'live'],
      ].sort(),
    );
    expect(await getDoc('live_boards', sessionId)).toMatchObject({ ended: true, index: 0 });
    expect((await expectOk(call('state', { sessionId }, ZHAO))).state.phase).toBe('ended');
    expect(await expectOk(call('join', { sessionId }, MEMBER))).toMatchObject({ score: 10 });
    await expectError(call('join', { sessionId }, LI), 'FAILED_PRECONDITION');
    await expectError(call('answer', { sessionId, index: 0, choice: [0] }, MEMBER), 'FAILED_PRECONDITION');

    const out = await expectOk(call('export', { sessionId }, ADMIN));
    expect(out.fileName).toBe('七一知识竞赛-现场赛成绩.xlsx');
    const { fileContent } = await sdk().downloadFile({ fileID: out.fileId });
    const wb = new Workbook();
    await wb.xlsx.load(fileContent as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '选手成绩',
      '支部成绩',
      ...[1, 2, 3, 4, 5, 6].map((i) => `第${i}题`),
    ]);
    const players = wb.getWorksheet('选手成绩')!;
    expect([4, 5, 6].map((r) => [players.getRow(r).getCell(1).value, players.getRow(r).getCell(2).value])).toEqual([
      [1, '王芳'],
      [2, '刘洋'],
      [3, '赵磊'],
    ]);
    const q1 = wb.getWorksheet('第1题')!;
    const rows = q1.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['正确率', '50%']);
    expect(rows).toContainEqual(['作答人数', 2]);
  });

  it('lists sessions for members and hosts', async () => {
    const draft = await createSession(cloud, { title: '草稿' });
    const open = await lobby({ title: '进行中' });
    const mine = await expectOk(call('list', {}, MEMBER));
    expect(mine.sessions.map((x: { sessionId: string }) => x.sessionId)).toEqual([open]);
    expect(mine.sessions[0]).toMatchObject({ canJoin: true, canHost: false, total: 6, phase: 'lobby' });
    const admin = await expectOk(call('list', {}, ADMIN));
    expect(admin.sessions.map((x: { sessionId: string }) => x.sessionId).sort()).toEqual([draft, open].sort());
  });
});

describe('live.joinCode', () => {
  it('gives the big screen a mini-program code of the player page with the session id as its scene', async () => {
    const sessionId = await lobby();
    const r = await cloud.countOps(() => call('joinCode', { sessionId }, ADMIN));
    expect({ reads: r.reads, writes: r.writes }).toEqual({ reads: 1, writes: 0 });
    const code = (r.result as { ok: true; data: { scene: string; page: string; image: string } }).data;
    // The player page (LIVE_PLAY_PAGE) takes the session id from the scene WeChat hands it.
    expect(code).toEqual({
      scene: sessionId,
      page: LIVE_PLAY_PAGE,
      image: expect.stringMatching(/^data:image\/png;base64,iVBOR/),
    });
    expect(code.scene).toMatch(SCENE_PATTERN);
  });
});

describe('database cost', () => {
  it('answer: 2 reads + 1 write; host next: 2 + 2; state: 1 read; scoreboard: 3 reads; tick bounded', async () => {
    const sessionId = await lobby();
    const next = await cloud.countOps(() => call('host', { sessionId, command: 'next' }, ADMIN));
    expect({ reads: next.reads, writes: next.writes }).toEqual({ reads: 2, writes: 2 });
    const s = (next.result as { data: { state: LiveState } }).data.state;
    advance(4000);
    const a = await cloud.countOps(() => call('answer', { sessionId, index: 0, choice: right(s.question) }, MEMBER));
    expect(a.result).toMatchObject({ ok: true });
    expect({ reads: a.reads, writes: a.writes }).toEqual({ reads: 2, writes: 1 });
    const st = await cloud.countOps(() => call('state', { sessionId }, MEMBER));
    expect({ reads: st.reads, writes: st.writes }).toEqual({ reads: 1, writes: 0 });
    const t = await cloud.countOps(() => call('tick', { sessionId }, ADMIN));
    expect({ reads: t.reads, writes: t.writes }).toEqual({ reads: 4, writes: 2 });
    const t2 = await cloud.countOps(() => call('tick', { sessionId }, ADMIN)); // within the second: nothing pushed
    expect({ reads: t2.reads, writes: t2.writes }).toEqual({ reads: 2, writes: 0 });
    const rv = await cloud.countOps(() => call('host', { sessionId, command: 'reveal' }, ADMIN));
    // caller, run, scores, players page, answers page; run, scores, board, run (reveal numbers), public state.
    expect({ reads: rv.reads, writes: rv.writes }).toEqual({ reads: 5, writes: 5 });
    const b = await cloud.countOps(() => call('scoreboard', { sessionId }, MEMBER));
    expect({ reads: b.reads, writes: b.writes }).toEqual({ reads: 3, writes: 0 });
  });
});
