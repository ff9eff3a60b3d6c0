// Shared set-up for the live (现场赛) function tests: a session from the quiz test bank, the right and wrong choice
// of a shown question, and many bound players at once.
import type { LiveQuestionView, LiveState } from '../../src/domain/api/live';
import type { TestCloud } from '../helpers/cloud';
import { expectOk } from '../helpers/cloud';
import { bankEntry } from './quiz-support';
import { ADMIN, allDocs, sdkDb } from './support';

export const ROUNDS = [
  { kind: '必答', questionCount: 3, secondsPerQuestion: 20, types: ['single'] },
  { kind: '抢答', questionCount: 1, secondsPerQuestion: 10 },
  { kind: '风险', questionCount: 2, secondsPerQuestion: 15, types: ['judge'] },
] as const;

export async function createSession(cloud: TestCloud, extra: Record<string, unknown> = {}, openid = ADMIN) {
  const { sessionId } = await expectOk(
    cloud.call(
      'live',
      'createSession',
      { title: '七一知识竞赛', teams: true, rounds: ROUNDS, scoring: 'accuracy', ...extra },
      openid,
    ),
  );
  return sessionId as string;
}

/** The right option indexes of a shown question (live options are not shuffled). */
export function right(q: LiveQuestionView | null): number[] {
  if (!q) throw new Error('no question shown');
  return bankEntry(q.stem).answer;
}

/** A wrong single choice of a shown question. */
export function wrong(q: LiveQuestionView | null): number[] {
  const r = right(q);
  return [q!.options.findIndex((_, i) => !r.includes(i))];
}

export type StateOf = LiveState;

/** Imports `n` members into the branches in turn and binds `live-<memberId>` openids to them directly. */
export async function bindPlayers(cloud: TestCloud, n: number, orgs = ['b1', 'b2', 'b3']): Promise<string[]> {
  const created = await expectOk(
    cloud.call(
      'org',
      'importMembers',
      {
        rows: Array.from({ length: n }, (_, i) => ({
          name: `选手${i}`,
          phone: `1370000${String(i).padStart(4, '0')}`,
          orgId: orgs[i % orgs.length],
        })),
      },
      ADMIN,
    ),
  );
  if (created.created !== n) throw new Error(`import failed: ${JSON.stringify(created)}`);
  const members = (await allDocs('members')).filter((m) => String(m.name).startsWith('选手'));
  const db = sdkDb();
  for (let i = 0; i < members.length; i += 500) {
    await db.collection('users').add({
      data: members
        .slice(i, i + 500)
        .map((m) => ({ _id: `live-${m._id}`, roles: [], hasGrants: false, memberId: m._id })),
    });
  }
  return members.map((m) => `live-${m._id}`);
}
