// Timer triggers (config.json `triggers`): a function's `main` answers WeChat's timer event with its timer work and
// every other event with its action table.
import type { Envelope } from '@/domain/errors';
import { contextOpenid, database } from './cloud';
import type { Database } from './db';

/** What WeChat passes for a timer trigger: `Time` is when it fired. */
interface TimerEvent {
  Type: 'Timer';
  Time?: string;
  TriggerName?: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/**
 * A `main` that runs `onTimer(db, firedAt)` for a timer trigger and `dispatch(event)` for everything else. A timer
 * call carries no openid; a client sending `{ Type: 'Timer' }` does, and goes to the action table like any call.
 *
 * @example export const main = withTimer(defineFunction(actions), (db, at) => runTimer(db, at));
 */
export function withTimer<T>(
  dispatch: (event: unknown) => Promise<Envelope<unknown>>,
  onTimer: (db: Database, firedAt: Date) => Promise<T>,
): (event: unknown) => Promise<Envelope<unknown>> {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    if (isTimerEvent(event) && !contextOpenid()) {
      const at = event.Time ? new Date(event.Time) : new Date();
      return { ok: true, data: await onTimer(database(), at) };
    }
    return dispatch(event);
  };
}
