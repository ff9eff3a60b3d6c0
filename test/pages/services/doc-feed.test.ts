// The watched-document feed over a scripted listener: values in order, polling while the listener is down, re-opening
// with back-off, stale polls dropped, final errors stop it, and the H5 listener's gateway address.
import { CallError } from '@/services/call-error';
import type { DocFeedOptions, FeedStatus } from '@/services/doc-feed';
import { POLL_MS, REOPEN_DELAYS_MS, openDocFeed } from '@/services/doc-feed';
import { watchDoc } from '@/services/realtime';
import type { WatchHandlers } from '@/services/realtime-types';

jest.mock('@/services/realtime', () => ({ watchDoc: jest.fn() }));

interface Listener {
  handlers: WatchHandlers;
  stopped: boolean;
}

let listeners: Listener[] = [];
const watchMock = watchDoc as jest.Mock;

beforeEach(() => {
  jest.useFakeTimers();
  listeners = [];
  watchMock.mockReset();
  watchMock.mockImplementation((_c: string, _d: string, handlers: WatchHandlers) => {
    const l: Listener = { handlers, stopped: false };
    listeners.push(l);
    return () => {
      l.stopped = true;
    };
  });
});
afterEach(() => jest.useRealTimers());

const latest = () => listeners[listeners.length - 1];

function feed(poll: () => Promise<number>, extra: Partial<DocFeedOptions<number>> = {}) {
  const values: number[] = [];
  const statuses: FeedStatus[] = [];
  const errors: Array<string | null> = [];
  const f = openDocFeed<number>({
    collection: 'live_sessions',
    docId: 's1',
    poll,
    fromDoc: (d) => d.n as number,
    onValue: (v) => values.push(v),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e ? e.code : null),
    jitter: () => 0.5,
    ...extra,
  });
  return { f, values, statuses, errors };
}

/** Lets pending promise callbacks run between fake-timer steps. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('openDocFeed', () => {
  it('delivers the watched document now and after each change, without polling', async () => {
    const poll = jest.fn(async () => 0);
    const { values, statuses } = feed(poll);
    expect(watchMock).toHaveBeenCalledWith('live_sessions', 's1', expect.anything());
    latest().handlers.onChange({ n: 1 });
    latest().handlers.onChange({ n: 2 });
    await jest.advanceTimersByTimeAsync(POLL_MS * 4);
    expect(values).toEqual([1, 2]);
    expect(statuses).toEqual(['connecting', 'live']);
    expect(poll).not.toHaveBeenCalled();
  });

  it('skips a missing document instead of delivering nothing as a value', () => {
    const { values } = feed(async () => 0);
    latest().handlers.onChange(null);
    expect(values).toEqual([]);
  });

  it('polls every few seconds while the listener is down and re-opens it with growing back-off', async () => {
    let n = 10;
    const poll = jest.fn(async () => n++);
    const { values, statuses } = feed(poll);
    latest().handlers.onChange({ n: 1 });
    latest().handlers.onError(new Error('socket closed'));
    await jest.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['connecting', 'live', 'polling']);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(values).toEqual([1, 10]);

    // First re-open after REOPEN_DELAYS_MS[0]; it fails at once, the next waits REOPEN_DELAYS_MS[1].
    await jest.advanceTimersByTimeAsync(REOPEN_DELAYS_MS[0]);
    expect(listeners).toHaveLength(2);
    latest().handlers.onError(new Error('still down'));
    await jest.advanceTimersByTimeAsync(REOPEN_DELAYS_MS[1] - 1);
    expect(listeners).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(listeners).toHaveLength(3);

    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(poll.mock.calls.length).toBeGreaterThanOrEqual(2);

    // Back: polling stops, the back-off starts over.
    latest().handlers.onChange({ n: 2 });
    const polls = poll.mock.calls.length;
    await jest.advanceTimersByTimeAsync(POLL_MS * 4);
    expect(poll).toHaveBeenCalledTimes(polls);
    expect(values[values.length - 1]).toBe(2);
    expect(statuses[statuses.length - 1]).toBe('live');
    latest().handlers.onError(new Error('again'));
    await jest.advanceTimersByTimeAsync(REOPEN_DELAYS_MS[0]);
    expect(listeners).toHaveLength(4);
  });

  it('polls when a listener stays silent (a half-open socket)', async () => {
    const poll = jest.fn(async () => 7);
    const { values } = feed(poll);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(values).toEqual([7]);
  });

  it('drops a poll answer that arrives after the listener delivered something newer', async () => {
    let answer: (v: number) => void = () => undefined;
    const poll = jest.fn(() => new Promise<number>((resolve) => (answer = resolve)));
    const { values } = feed(poll);
    latest().handlers.onError(new Error('down'));
    await jest.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(REOPEN_DELAYS_MS[0]);
    latest().handlers.onChange({ n: 5 });
    answer(4);
    await flush();
    expect(values).toEqual([5]);
  });

  it('reports poll failures, keeps polling through passing ones and stops on final ones', async () => {
    const poll = jest
      .fn<Promise<number>, []>()
      .mockRejectedValueOnce(new CallError('UNAVAILABLE'))
      .mockResolvedValueOnce(3)
      .mockRejectedValue(new CallError('PERMISSION_DENIED', '您不是本场的选手'));
    const { values, errors, f } = feed(poll);
    latest().handlers.onError(new Error('403'));
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(errors).toEqual(['UNAVAILABLE', null, 'PERMISSION_DENIED']);
    expect(values).toEqual([3]);
    const calls = poll.mock.calls.length;
    const opened = listeners.length;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(calls);
    expect(listeners).toHaveLength(opened);
    f.close();
  });

  it('re-opens at once on reopen() and stops everything on close()', async () => {
    const poll = jest.fn(async () => 0);
    const { f } = feed(poll);
    latest().handlers.onChange({ n: 1 });
    f.reopen();
    expect(listeners[0].stopped).toBe(true);
    expect(listeners).toHaveLength(2);
    f.close();
    expect(listeners[1].stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(listeners).toHaveLength(2);
    expect(poll).not.toHaveBeenCalled();
  });
});
