// The `ranking` cloud function: counts 微信测评 ratings into result documents, every 10 minutes and on demand.
import { rankingSchemas } from '@/domain/api/rating';
import type { Envelope } from '@/domain/errors';
import { contextOpenid, database } from '../../server/cloud';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
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
    return { ok: true, data: { campaigns: await runScheduled(database(), at) } };
  }
  return dispatch(event);
}
