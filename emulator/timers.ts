// Runs the timer triggers in each function's config.json on schedule, with the event WeChat sends to timer triggers.
import type { CronSchedule } from './cron';
import { nextFire, parseCron } from './cron';
import type { FunctionRuntime, RuntimeLogger } from './functions';
import { consoleLogger } from './functions';

/** What a timer trigger's `main(event)` receives on WeChat. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** The scheduled time, UTC, whole seconds: `2020-07-01T01:00:00Z`. */
  Time: string;
}

export interface ScheduledTrigger {
  functionName: string;
  triggerName: string;
  schedule: CronSchedule;
}

export function timerEvent(triggerName: string, at: Date): TimerEvent {
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** Every timer trigger of every function; a bad cron expression fails here, at start, naming the function. */
export function collectTriggers(runtime: FunctionRuntime): ScheduledTrigger[] {
  const out: ScheduledTrigger[] = [];
  for (const fn of runtime.functions.values()) {
    for (const t of fn.config.triggers ?? []) {
      if (t.type !== 'timer') continue;
      try {
        out.push({ functionName: fn.name, triggerName: t.name, schedule: parseCron(t.config) });
      } catch (e) {
        throw new Error(`cloudfunctions/${fn.name}/config.json trigger "${t.name}": ${(e as Error).message}`);
      }
    }
  }
  return out;
}

/** Longest delay setTimeout accepts; longer waits are re-armed. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface TimerOptions {
  logger?: RuntimeLogger;
  now?: () => Date;
}

/** Starts every trigger; returns the function that stops them. A run that fails is logged and the schedule goes on. */
export function startTimers(runtime: FunctionRuntime, opts: TimerOptions = {}): () => void {
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? consoleLogger;
  const handles = new Set<NodeJS.Timeout>();
  let stopped = false;

  const arm = (t: ScheduledTrigger, from: Date) => {
    const at = nextFire(t.schedule, from);
    if (!at || stopped) return;
    const delay = Math.max(0, at.getTime() - now().getTime());
    const handle = setTimeout(
      () => {
        handles.delete(handle);
        if (stopped) return;
        if (delay > MAX_DELAY_MS) return arm(t, from);
        arm(t, at);
        runtime
          .invoke(t.functionName, timerEvent(t.triggerName, at), { source: 'wx_trigger' })
          .then((r) => {
            if (r.failed) logger.error(`定时触发器 ${t.functionName}/${t.triggerName} 失败 / timer failed`);
          })
          .catch((e: unknown) => logger.error(`定时触发器 ${t.functionName}/${t.triggerName} 失败 / timer failed`, e));
      },
      Math.min(delay, MAX_DELAY_MS),
    );
    // Timers must not keep a process alive on their own (tests, scripts).
    handle.unref();
    handles.add(handle);
  };

  for (const t of collectTriggers(runtime)) arm(t, now());
  return () => {
    stopped = true;
    for (const h of handles) clearTimeout(h);
    handles.clear();
  };
}
