// The weapp check's `wx`: only the base library's APIs, and the cloud database's doc().watch() over the emulator's
// realtime gateway with WeChat's snapshot shape (init, update, remove), for the pages that watch live documents.
import type { TestGateway } from '../helpers/cloud';
import { startTestGateway } from '../helpers/cloud';
import { sdkDb } from '../functions/support';
import type { WxHost } from './wx-api';
import { createWx } from './wx-api';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

function phone(libVersion = '2.29.1') {
  const host: WxHost = {
    libVersion,
    gatewayUrl: gw.url,
    openid: 'o-weapp',
    pending: { count: 0, at: 0 },
    navigations: [],
    toasts: [],
    unmodelled: new Set(),
    onCloudError: (m) => {
      throw new Error(m);
    },
    watchers: new Set(),
  };
  return { wx: createWx(host), host };
}

async function until<T>(list: T[], n: number): Promise<T[]> {
  const end = Date.now() + 5000;
  while (list.length < n) {
    if (Date.now() > end) throw new Error(`waited for ${n} snapshots, got ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return list;
}

type Db = { collection(c: string): { doc(id: string): { watch(o: object): { close(): Promise<void> } } } };

describe('the weapp check’s wx', () => {
  it('has the APIs of the declared base library and not the newer ones', () => {
    expect(typeof phone('2.29.1').wx.getWindowInfo).toBe('function');
    expect(phone('2.29.1').wx.getPrivacySetting).toBeUndefined();
    expect(typeof phone('3.5.2').wx.getPrivacySetting).toBe('function');
    expect(phone('2.19.0').wx.getWindowInfo).toBeUndefined();
  });

  it('watches a document as WeChat reports it: init, then an update per change, then its removal', async () => {
    const db = sdkDb();
    await db.collection('live_sessions').add({ data: { _id: 'ws1', n: 0 } });
    const { wx, host } = phone();
    const snapshots: Array<{ type?: string; docs: unknown[]; docChanges: Array<{ dataType: string }> }> = [];
    const errors: unknown[] = [];
    const watcher = ((wx.cloud as { database(): Db }).database() as Db)
      .collection('live_sessions')
      .doc('ws1')
      .watch({
        onChange: (s: (typeof snapshots)[number]) => snapshots.push(s),
        onError: (e: unknown) => errors.push(e),
      });
    try {
      await until(snapshots, 1);
      await db
        .collection('live_sessions')
        .doc('ws1')
        .update({ data: { n: 1 } });
      await until(snapshots, 2);
      await db.collection('live_sessions').doc('ws1').remove();
      await until(snapshots, 3);
      expect(snapshots.map((s) => [s.type, s.docChanges.map((c) => c.dataType), s.docs])).toEqual([
        ['init', ['init'], [{ _id: 'ws1', n: 0 }]],
        [undefined, ['update'], [{ _id: 'ws1', n: 1 }]],
        [undefined, ['remove'], []],
      ]);
      expect(errors).toEqual([]);
    } finally {
      await watcher.close();
    }
    expect(host.watchers.size).toBe(0);
  });

  it('reports a collection the client may not read through onError', async () => {
    const { wx } = phone();
    const errors: unknown[] = [];
    const watcher = ((wx.cloud as { database(): Db }).database() as Db)
      .collection('users')
      .doc('x')
      .watch({ onChange: () => undefined, onError: (e: unknown) => errors.push(e) });
    try {
      await until(errors, 1);
      expect(String(errors[0])).toMatch(/HTTP 403/);
    } finally {
      await watcher.close();
    }
  });
});
