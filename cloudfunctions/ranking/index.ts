// The `ranking` cloud function: counts 微信测评 ratings into result documents and recomputes the points views
// (branch dashboards, stars, overview), every 10 minutes and on demand.
import { rankingSchemas } from '@/domain/api/rating';
import type { Envelope } from '@/domain/errors';
import { contextOpenid, database } from '../../server/cloud';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { runPointsScheduled } from './points';
import { runQuizScheduled } from './quiz';
import { run, runScheduled } from './run';

const actions = {
  run: action({ input: rankingSchemas.run, auth: ['admin'], handler: run }),
} satisfies ContractTable<'ranking'>;

const dispatch = defineFunction(actions);

function isTimerEvent(event: unknown): event is { Type: 'Timer'; Time?: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

export async function main(event: unknown): Promise<Envelope<unknown>> {
  // A timer call carries no openid; a client sending { Type: 'Timer' } does, and goes to the action table.
  if (isTimerEvent(event) && !contextOpenid()) {
    const at = event.Time ? new Date(event.Time) : new Date();
    const db = database();
    const campaigns = await runScheduled(db, at);
    await runPointsScheduled(db, at);
    await runQuizScheduled(db, at);
    return { ok: true, data: { campaigns } };
  }
  return dispatch(event);
}
