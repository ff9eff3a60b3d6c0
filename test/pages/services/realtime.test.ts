// Both realtime listeners: the mini-program's doc().watch() and the H5 EventSource on /api/watch, each delivering
// the document in order and closing itself on a failure (the feed re-opens it).
import Taro from '@tarojs/taro';
import { watchDoc as watchH5, watchUrl } from '@/services/realtime.h5';
import { watchDoc as watchWeapp } from '@/services/realtime.weapp';
import { resetTaroStub } from '../stubs/taro';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  resetTaroStub();
  window.localStorage.clear();
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});

describe('realtime.h5', () => {
  it('watches through the gateway as the chosen identity', () => {
    window.localStorage.setItem('jgdj.dev-openid', 'demo-member');
    expect(watchUrl('live_sessions', 'live:1')).toBe(
      '/api/watch?collection=live_sessions&docId=live%3A1&openid=demo-member',
    );
    window.localStorage.clear();
    expect(watchUrl('live_boards', 'b')).toBe('/api/watch?collection=live_boards&docId=b');
  });

  it('delivers each pushed document in order and closes itself on an error', () => {
    const changes: unknown[] = [];
    const onError = jest.fn();
    watchH5('live_sessions', 's1', { onChange: (d) => changes.push(d), onError });
    const es = FakeEventSource.last as FakeEventSource;
    es.onmessage?.({ data: '{"phase":"lobby"}' });
    es.onmessage?.({ data: '{"phase":"question"}' });
    es.onmessage?.({ data: 'null' });
    expect(changes).toEqual([{ phase: 'lobby' }, { phase: 'question' }, null]);
    es.onerror?.(new Event('error'));
    expect(es.closed).toBe(true);
    expect(onError).toHaveBeenCalledTimes(1);
    es.onmessage?.({ data: '{"phase":"ended"}' });
    expect(changes).toHaveLength(3);
  });

  it('stops delivering once stopped', () => {
    const onChange = jest.fn();
    const stop = watchH5('live_boards', 's1', { onChange, onError: jest.fn() });
    stop();
    const es = FakeEventSource.last as FakeEventSource;
    expect(es.closed).toBe(true);
    es.onmessage?.({ data: '{}' });
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('realtime.weapp', () => {
  function mockWatch() {
    const close = jest.fn(async () => undefined);
    let options: { onChange(s: unknown): void; onError(e: unknown): void } | null = null;
    const doc = jest.fn(() => ({
      watch: (o: typeof options) => {
        options = o;
        return { close };
      },
    }));
    const collection = jest.fn(() => ({ doc }));
    (Taro.cloud as unknown as { database: jest.Mock }).database = jest.fn(() => ({ collection }));
    return { close, collection, doc, options: () => options as NonNullable<typeof options> };
  }

  it('watches the document and delivers the first doc of each snapshot', () => {
    const m = mockWatch();
    const changes: unknown[] = [];
    watchWeapp('live_sessions', 's1', { onChange: (d) => changes.push(d), onError: jest.fn() });
    expect(m.collection).toHaveBeenCalledWith('live_sessions');
    expect(m.doc).toHaveBeenCalledWith('s1');
    m.options().onChange({ type: 'init', docs: [{ _id: 's1', phase: 'lobby' }], docChanges: [] });
    m.options().onChange({ docs: [], docChanges: [] });
    expect(changes).toEqual([{ _id: 's1', phase: 'lobby' }, null]);
  });

  it('closes the watcher on an error and reports it once', () => {
    const m = mockWatch();
    const onError = jest.fn();
    watchWeapp('live_sessions', 's1', { onChange: jest.fn(), onError });
    m.options().onError({ errCode: -402009 });
    m.options().onError({ errCode: -402009 });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(m.close).toHaveBeenCalledTimes(1);
  });

  it('reports a watch() that throws (an old base library) asynchronously', async () => {
    (Taro.cloud as unknown as { database: jest.Mock }).database = jest.fn(() => {
      throw new Error('database is not a function');
    });
    const onError = jest.fn();
    watchWeapp('live_sessions', 's1', { onChange: jest.fn(), onError });
    expect(onError).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
