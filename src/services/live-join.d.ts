// Type of `./live-join` for the type checker; the build picks live-join.weapp.ts or live-join.h5.ts (Taro's suffixes).

/** The address of an app path (`/admin/live-screen/index?id=…`) to open in another browser; null in the mini-program. */
export declare function liveAppLink(path: string): string | null;
/** The address the big screen's join code stands for (the H5 player page); null in the mini-program. */
export declare function liveJoinLink(sessionId: string): string | null;
/** The join code as an image (a data URL), or null where the app cannot draw one itself (the mini-program). */
export declare function liveJoinCode(sessionId: string): Promise<string | null>;
