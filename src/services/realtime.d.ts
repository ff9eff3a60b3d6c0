// Type of `./realtime` for the type checker; the build picks realtime.weapp.ts or realtime.h5.ts (Taro's suffixes).
import type { StopWatching, WatchHandlers } from './realtime-types';

export type { StopWatching, WatchHandlers } from './realtime-types';

/**
 * Watches one document of a collection that clients may read: the cloud database's `doc(id).watch()` in the
 * mini-program, the emulator's Server-Sent Events gateway (GET /api/watch) in the H5 build.
 */
export declare function watchDoc(collection: string, docId: string, handlers: WatchHandlers): StopWatching;
