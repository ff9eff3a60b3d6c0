// A fake clock for function tests: only Date is faked, so the emulator's timers, I/O and microtasks keep running.
const REAL = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** Fakes only the clock, starting at `at` (undo with jest.useRealTimers()). */
export function fakeClock(at: Date): void {
  jest.useFakeTimers({ doNotFake: [...REAL], now: at });
}

/** Moves the faked clock on by `ms`. */
export function advance(ms: number): void {
  jest.setSystemTime(new Date(Date.now() + ms));
}
