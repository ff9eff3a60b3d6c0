// Demo 现场赛 through the live function: a 七一 session open in the lobby with a few players already in, so that
// `npm start` shows the big screen and the host console at once; run after the quiz seed (it needs the bank and the
// quizzers' bindings).
import type { LiveSessionSummary } from '../../src/domain/api/live';
import type { DemoCall } from './quiz';

export const DEMO_LIVE_TITLE = '“七一”党的知识竞赛现场赛';

/** Bound demo openids (quiz.ts binds the quizzers) who are already in the lobby; demo-member joins in the browser. */
export const DEMO_LIVE_PLAYERS = [
  'demo-member-2',
  'demo-member-3',
  'demo-quizzer-1',
  'demo-quizzer-2',
  'demo-quizzer-3',
  'demo-quizzer-4',
  'demo-quizzer-5',
] as const;

/** Creates and opens the session unless it is already there (the seed may run again on the same database). */
export async function seedDemoLive(call: DemoCall, admin: string): Promise<void> {
  const { sessions } = await call<{ sessions: LiveSessionSummary[] }>('live', 'list', {}, admin);
  if (sessions.some((s) => s.title === DEMO_LIVE_TITLE)) return;
  const { sessionId } = await call<{ sessionId: string }>(
    'live',
    'createSession',
    {
      title: DEMO_LIVE_TITLE,
      teams: true,
      scoring: 'speed',
      rounds: [
        { kind: '必答', questionCount: 5, secondsPerQuestion: 20 },
        { kind: '抢答', questionCount: 2, secondsPerQuestion: 15 },
        { kind: '风险', questionCount: 3, secondsPerQuestion: 20, types: ['judge', 'single'] },
      ],
    },
    admin,
  );
  await call('live', 'host', { sessionId, command: 'open' }, admin);
  for (const openid of DEMO_LIVE_PLAYERS) await call('live', 'join', { sessionId }, openid);
  // The lobby's joined count is pushed by the screen's tick; one now so the big screen shows it at once.
  await call('live', 'tick', { sessionId }, admin);
}
