// The 现场赛 under load over the local cloud: 500 players join and answer one question at once — every answer
// counted once, 0 errors, and the scoreboard equal to a brute-force ranking.
import type { LiveBoard, LiveState } from '../../src/domain/api/live';
import { liveRankPlayers, liveRankTeams } from '../../src/domain/live';
import type { TestCloud } from '../helpers/cloud';
import { advance, fakeClock } from '../helpers/clock';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { bindPlayers, createSession, right, wrong } from './live-support';
import { importBank } from './quiz-support';
import { ADMIN, allDocs, getDoc, seedBasic } from './support';
import type { ActionName } from '@/domain/api';

jest.setTimeout(240_000);

let cloud: TestCloud;
const call = <A extends ActionName<'live'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('live', action, data, openid);

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await importBank(cloud);
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

it('counts 500 concurrent answers once each and ranks them exactly', async () => {
  const N = 500;
  const openids = await bindPlayers(cloud, N);
  fakeClock(new Date('2026-07-01T09:00:00+08:00'));
  const sessionId = await createSession(cloud, { scoring: 'speed' });
  await expectOk(call('host', { sessionId, command: 'open' }, ADMIN));
  const joins = await Promise.all(openids.map((o) => call('join', { sessionId }, o)));
  expect(joins.filter((j) => !j.ok)).toEqual([]);
  const { state } = (await expectOk(call('host', { sessionId, command: 'next' }, ADMIN))) as { state: LiveState };
  advance(3000 + 2000);
  // Every third player answers wrong; 50 players send their answer twice at the same moment.
  const choiceOf = (i: number) => (i % 3 === 0 ? wrong(state.question) : right(state.question));
  const sent = openids.map((o, i) => call('answer', { sessionId, index: 0, choice: choiceOf(i) }, o));
  const twice = openids.slice(0, 50).map((o, i) => call('answer', { sessionId, index: 0, choice: choiceOf(i) }, o));
  const results = await Promise.all([...sent, ...twice]);
  const failed = results.filter((r) => !r.ok);
  expect(failed.length).toBe(50);
  expect(failed.every((r) => !r.ok && r.error.code === 'ALREADY_EXISTS')).toBe(true);
  expect((await allDocs('live_answers')).filter((a) => a.sessionId === sessionId)).toHaveLength(N);

  advance(1000);
  const ticked = (await expectOk(call('tick', { sessionId }, ADMIN))) as { state: LiveState };
  expect(ticked.state).toMatchObject({ joined: N, answered: N });
  const revealed = (await expectOk(call('host', { sessionId, command: 'reveal' }, ADMIN))) as { state: LiveState };
  const wrongCount = openids.filter((_, i) => i % 3 === 0).length;
  expect(revealed.state).toMatchObject({ answered: N, rightCount: N - wrongCount });
  expect(revealed.state.distribution?.reduce((a, b) => a + b, 0)).toBe(N);

  // Brute force: all answered 2 s after the options of a 20 s question: 950 points if right.
  const players = (await allDocs('live_players')).filter((p) => p.sessionId === sessionId);
  const expected = players.map((p) => {
    const i = openids.indexOf(String(p.openid));
    return {
      memberId: String(p.memberId),
      name: String(p.name),
      teamId: String(p.teamId),
      score: i % 3 ? 950 : 0,
      ms: 2000,
    };
  });
  const ranked = liveRankPlayers(expected, 'speed');
  const board = (await getDoc('live_boards', sessionId)) as unknown as LiveBoard;
  expect(board.players).toEqual(
    ranked.slice(0, 10).map(({ rank, memberId, name, teamId, score }) => ({ rank, memberId, name, teamId, score })),
  );
  expect(board.teams).toEqual(
    liveRankTeams(expected, {
      b1: '市教育局机关第一党支部',
      b2: '市教育局机关第二党支部',
      b3: '市公安局机关第一党支部',
    }),
  );
  const last = await expectOk(call('scoreboard', { sessionId }, openids[0]));
  expect(last.me).toEqual({ rank: N - wrongCount + 1, score: 0 });
});
