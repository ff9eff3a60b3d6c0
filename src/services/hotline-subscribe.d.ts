// Type of `./hotline-subscribe` for the type checker; the build picks the .weapp.ts or .h5.ts file (Taro's suffixes).

/** Whether this build can ask for the 民声热线 reply notice (the mini-program, with a template id configured). */
export declare function replyNoticeAvailable(): boolean;

/**
 * Asks the user for one subscribe message about the reply; resolves true when they accepted. WeChat only opens the
 * dialog from a tap, so call it first thing in a tap handler, before any await.
 */
export declare function requestReplyNotice(): Promise<boolean>;
