// Mini-program realtime: the cloud database's doc(id).watch() (base library 2.8.1 and later, see project.config.json).
import Taro from '@tarojs/taro';
import type { StopWatching, WatchHandlers } from './realtime-types';

type Snapshot = Taro.DB.Document.ISnapshot;
type Watcher = Taro.DB.Document.IWatcher;
/** WeChat's document reference has watch() too (Document.watch in the cloud SDK); Taro's types list it on collections only. */
type WatchableDoc = Taro.DB.Document & {
  watch(options: { onChange(snapshot: Snapshot): void; onError(error: unknown): void }): Watcher;
};

export function watchDoc(collection: string, docId: string, handlers: WatchHandlers): StopWatching {
  let stopped = false;
  let watcher: Watcher | null = null;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // Closing an already failed watcher rejects; there is nothing left to release then.
    watcher?.close().catch(() => undefined);
  };
  try {
    const ref = Taro.cloud.database().collection(collection).doc(docId) as WatchableDoc;
    watcher = ref.watch({
      onChange(snapshot) {
        if (stopped) return;
        // A doc() listener's snapshot holds that one document, or none while it does not exist.
        handlers.onChange(snapshot.docs?.[0] ?? null);
      },
      onError(err) {
        if (stopped) return;
        stop();
        handlers.onError(err);
      },
    });
  } catch (err) {
    // watch() throws at once when the base library is too old or the cloud is not initialised.
    stopped = true;
    setTimeout(() => handlers.onError(err), 0);
  }
  return stop;
}
