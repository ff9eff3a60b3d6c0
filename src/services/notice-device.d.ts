// Type of `./notice-device` for the type checker; the build picks the .weapp.ts or .h5.ts file (Taro's suffixes).

/** Whether this build can ask for the 通知 未读提醒 (the mini-program, with a template id configured). */
export declare function remindNoticeAvailable(): boolean;

/**
 * Asks the member for one 未读提醒 subscribe message; resolves true when they accepted. WeChat only opens the dialog
 * from a tap, so call it first thing in a tap handler, before any await.
 */
export declare function requestRemindNotice(): Promise<boolean>;

/** Opens a notice's attachment: WeChat downloads it and opens the document viewer; a browser opens the link. */
export declare function openAttachment(url: string, name: string): Promise<void>;
