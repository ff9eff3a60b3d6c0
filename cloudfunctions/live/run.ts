// Running a session: the host's commands through the transition table, the screen's tick (deadline and the
// about-once-a-second counts), and the public state for phones that poll while their realtime link is down.
import type { z } from 'zod';
import type { LiveApi, liveSchemas } from '@/domain/api/live';
import { liveExpire, liveHost } from '@/domain/live';
import type { LiveMachine } from '@/domain/live';
import { AppError } from '../../server/app-error';
import type { Database } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { creditLedger, finishBoard, settle } from './board';
import type { Run } from './store';
import {
  ANSWERS,
  PLAYERS,
  publicState,
  pushState,
  readRun,
  readState,
  requireHost,
  RUNS,
  SESSIONS,
  storedMachine,
} from './store';
import { shanghaiIso } from '../../server/time';

/** The public counts are pushed at most this often (a watched document must not be written per answer). */
export const AGG_INTERVAL_MS = 1000;

/**
 * Moves the run to `machine` if nobody else moved it since it was read (the seq guards against two host consoles
 * or a buzz winning at the same moment), with the extra fields a phase change resets. False when it lost.
 */
async function advance(db: Database, run: Run, machine: LiveMachine, extra: Partial<Run> = {}): Promise<boolean> {
  const _ = db.command;
  const data: Record<string, unknown> = { machine: _.set(storedMachine(machine)), seq: run.seq + 1 };
  for (const [k, v] of Object.entries(extra)) data[k] = v !== null && typeof v === 'object' ? _.set(v) : v;
  const { stats } = await db.collection(RUNS).where({ _id: run.sessionId, seq: run.seq }).update({ data });
  if (stats.updated === 0) return false;
  Object.assign(run, extra, { machine, seq: run.seq + 1 });
  return true;
}

export async function host(
  input: z.output<typeof liveSchemas.host>,
  ctx: ActionContext,
): Promise<LiveApi['host']['output']> {
  const { db } = ctx;
  const [caller, run] = await Promise.all([ctx.caller(), readRun(db, input.sessionId)]);
  requireHost(caller, run);
  const now = Date.now();
  // An `end` whose ledger step did not finish (the function stopped half-way) is finished by repeating it.
  if (input.command === 'end' && run.machine.phase === 'ended' && !run.ledgerDone && input.stake === undefined) {
    await creditLedger(db, run, now);
    return { state: publicState(run, now) };
  }
  const step = liveHost(run.machine, { ...input, now });
  if (!step.ok) throw new AppError(step.code, step.message);
  // A revealed question whose scoring did not finish is scored before the next one opens.
  if (input.command === 'next' && run.machine.phase === 'revealed') await settle(db, run, now);
  const extra: Partial<Run> = input.command === 'next' ? { answered: 0, buzz: null, aggAt: now } : {};
  // Ending right after a reveal whose scoring did not finish scores it; ending during an open question does not.
  const wasRevealed = run.machine.phase === 'revealed' || run.machine.pausedFrom === 'revealed';
  if (!(await advance(db, run, step.machine, extra)))
    throw new AppError('FAILED_PRECONDITION', '现场赛状态刚刚有变化，请看大屏后重试');
  // (settle does nothing, not even a read, for a question already scored: e.g. `resume` back into a reveal.)
  if (input.command === 'end' ? wasRevealed : step.machine.phase === 'revealed') await settle(db, run, now);
  if (input.command === 'end') {
    await finishBoard(db, run, now);
    await creditLedger(db, run, now);
  }
  const state = publicState(run, now);
  await pushState(db, state);
  return { state };
}

/**
 * The big screen and the host console call this about once a second: it locks a question whose time is up and,
 * at most once per AGG_INTERVAL_MS, pushes the joined and answered counts to the watched document.
 */
export async function tick(
  input: z.output<typeof liveSchemas.tick>,
  ctx: ActionContext,
): Promise<LiveApi['tick']['output']> {
  const { db } = ctx;
  const [caller, run] = await Promise.all([ctx.caller(), readRun(db, input.sessionId)]);
  requireHost(caller, run);
  const now = Date.now();
  const expired = liveExpire(run.machine, now);
  if (expired && (await advance(db, run, expired))) await pushState(db, publicState(run, now));
  const counting = ['lobby', 'question', 'locked'].includes(run.machine.phase);
  if (counting && now - run.aggAt >= AGG_INTERVAL_MS) {
    const index = run.machine.index;
    const [joined, answered] = await Promise.all([
      db
        .collection(PLAYERS)
        .where({ sessionId: run.sessionId })
        .count()
        .then((r) => r.total),
      index >= 0
        ? db
            .collection(ANSWERS)
            .where({ sessionId: run.sessionId, index, valid: true })
            .count()
            .then((r) => r.total)
        : Promise.resolve(0),
    ]);
    // Claimed on aggAt so that two screens ticking together write once.
    const { stats } = await db
      .collection(RUNS)
      .where({ _id: run.sessionId, aggAt: run.aggAt, seq: run.seq })
      .update({ data: { aggAt: now, joined, answered } });
    if (stats.updated > 0 && (joined !== run.joined || answered !== run.answered)) {
      Object.assign(run, { aggAt: now, joined, answered });
      await db
        .collection(SESSIONS)
        .where({ _id: run.sessionId, seq: run.seq })
        .update({ data: { joined, answered, updatedAt: shanghaiIso(now) } });
    }
  }
  return { state: publicState(run, now), serverNow: shanghaiIso(now) };
}

export async function state(
  input: z.output<typeof liveSchemas.state>,
  ctx: ActionContext,
): Promise<LiveApi['state']['output']> {
  return { state: await readState(ctx.db, input.sessionId), serverNow: shanghaiIso(Date.now()) };
}
