// WeChat's seven-field timer cron, evaluated in UTC+8, with injected times.
import { nextFire, parseCron } from '../../emulator/cron';
import type { FunctionRuntime } from '../../emulator/functions';
import { createFunctionRuntime } from '../../emulator/functions';
import { collectTriggers, startTimers, timerEvent } from '../../emulator/timers';
import { FIXTURE_FUNCTIONS_DIR } from '../helpers/fixtures';

const next = (expr: string, after: string) => nextFire(parseCron(expr), new Date(after))?.toISOString() ?? null;

describe('parseCron', () => {
  it('expands *, lists, ranges and steps', () => {
    const s = parseCron('*/15 0,30 9-11 1 JAN-MAR MON-FRI 2020-2022/2');
    expect([...s.seconds]).toEqual([0, 15, 30, 45]);
    expect([...s.minutes]).toEqual([0, 30]);
    expect([...s.hours]).toEqual([9, 10, 11]);
    expect([...s.months]).toEqual([1, 2, 3]);
    expect([...s.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect([...s.years]).toEqual([2020, 2022]);
  });

  it('reads "a/n" as from a to the end of the field', () => {
    expect([...parseCron('5/20 * * * * * *').seconds]).toEqual([5, 25, 45]);
  });

  it.each([
    ['0 0 9 * * *', /7 fields/],
    ['0 0 24 * * * *', /hour 24 is outside 0-23/],
    ['60 * * * * * *', /second 60/],
    ['0 0 9 0 * * *', /day 0/],
    ['0 0 9 * 13 * *', /month 13/],
    ['0 0 9 * * 7 *', /weekday 7/],
    ['0 0 9 * * * 2100', /year 2100/],
    ['*/0 * * * * * *', /step/],
    ['0 5-1 * * * * *', /backwards/],
    ['0 a * * * * *', /not a valid minute/],
    ['0 1,,2 * * * * *', /not a valid minute/],
  ])('rejects %s', (expr, message) => {
    expect(() => parseCron(expr)).toThrow(message);
  });
});

describe('nextFire (UTC+8)', () => {
  it('fires at 02:30 Beijing time, which is 18:30 UTC the day before', () => {
    expect(next('0 30 2 * * * *', '2020-07-01T00:00:00Z')).toBe('2020-07-01T18:30:00.000Z');
  });

  it('is strictly after the given time, in whole seconds', () => {
    expect(next('0 30 2 * * * *', '2020-07-01T18:30:00Z')).toBe('2020-07-02T18:30:00.000Z');
    expect(next('* * * * * * *', '2020-07-01T00:00:00.500Z')).toBe('2020-07-01T00:00:01.000Z');
  });

  it('skips to the next weekday in Beijing, not in UTC', () => {
    // Friday 3 July 2020, 10:00 in Beijing (02:00 UTC): the next weekday 09:00 is Monday 6 July.
    expect(next('0 0 9 * * MON-FRI *', '2020-07-03T02:00:00Z')).toBe('2020-07-06T01:00:00.000Z');
    // Sunday 5 July 23:30 UTC is already Monday 07:30 in Beijing.
    expect(next('0 0 9 * * MON-FRI *', '2020-07-05T23:30:00Z')).toBe('2020-07-06T01:00:00.000Z');
  });

  it('rolls over months, years and leap days', () => {
    expect(next('0 0 0 1 * * *', '2020-12-15T00:00:00Z')).toBe('2020-12-31T16:00:00.000Z');
    expect(next('0 0 12 29 2 * *', '2020-03-01T00:00:00Z')).toBe('2024-02-29T04:00:00.000Z');
    expect(next('0 0 0 31 * * *', '2020-04-01T00:00:00Z')).toBe('2020-05-30T16:00:00.000Z');
  });

  it('matches either the day or the weekday when both are restricted, as cron does', () => {
    // The 15th, or any Monday: after Friday 3 July 2020 the Monday 6 July comes first.
    expect(next('0 0 8 15 * MON *', '2020-07-03T00:00:00Z')).toBe('2020-07-06T00:00:00.000Z');
  });

  it('steps through seconds and minutes', () => {
    expect(next('*/20 */5 * * * * *', '2020-07-01T00:04:59Z')).toBe('2020-07-01T00:05:00.000Z');
    expect(next('*/20 */5 * * * * *', '2020-07-01T00:05:41Z')).toBe('2020-07-01T00:10:00.000Z');
  });

  it('returns null when the schedule never fires again', () => {
    expect(next('0 0 0 1 1 * 2020', '2021-01-01T00:00:00Z')).toBeNull();
    expect(next('0 0 0 30 2 * *', '2020-01-01T00:00:00Z')).toBeNull();
  });
});

describe('timer triggers', () => {
  it("reads triggers from each function's config.json", () => {
    const triggers = collectTriggers(createFunctionRuntime({ dir: FIXTURE_FUNCTIONS_DIR, from: 'source' }));
    expect(triggers.map((t) => [t.functionName, t.triggerName, t.schedule.source])).toEqual([
      ['echo', 'nightly', '0 30 2 * * * *'],
    ]);
  });

  it('sends the event WeChat sends to timer triggers', () => {
    expect(timerEvent('nightly', new Date('2020-07-01T18:30:00.000Z'))).toEqual({
      Type: 'Timer',
      TriggerName: 'nightly',
      Time: '2020-07-01T18:30:00Z',
    });
  });
});

describe('startTimers', () => {
  afterEach(() => jest.useRealTimers());

  function fakeRuntime(config: string) {
    const invoke = jest.fn().mockResolvedValue({ result: { ok: true, data: {} }, failed: false, durationMs: 1 });
    const runtime = {
      functions: new Map([
        ['job', { name: 'job', dir: '/nowhere', config: { triggers: [{ name: 'tick', type: 'timer', config }] } }],
      ]),
      has: () => true,
      loadAll: () => undefined,
      invoke,
    } as unknown as FunctionRuntime;
    return { runtime, invoke };
  }

  it('invokes the function at each scheduled time with the timer event, until stopped', () => {
    jest.useFakeTimers({ now: new Date('2020-07-01T18:29:58Z') });
    const { runtime, invoke } = fakeRuntime('0 30 2 * * * *');
    const stop = startTimers(runtime);
    jest.advanceTimersByTime(1000);
    expect(invoke).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000);
    expect(invoke).toHaveBeenCalledWith(
      'job',
      { Type: 'Timer', TriggerName: 'tick', Time: '2020-07-01T18:30:00Z' },
      { source: 'wx_trigger' },
    );
    jest.advanceTimersByTime(24 * 3600 * 1000);
    expect(invoke).toHaveBeenLastCalledWith('job', expect.objectContaining({ Time: '2020-07-02T18:30:00Z' }), {
      source: 'wx_trigger',
    });
    stop();
    jest.advanceTimersByTime(7 * 24 * 3600 * 1000);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('fails at start, naming the function, for a bad cron expression', () => {
    const { runtime } = fakeRuntime('0 30 25 * * * *');
    expect(() => startTimers(runtime)).toThrow(/cloudfunctions\/job\/config.json trigger "tick": .*hour 25/);
  });
});
