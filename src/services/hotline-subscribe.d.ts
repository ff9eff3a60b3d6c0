// Type of `./hotline-subscribe` for the type checker; the build picks the .weapp.ts or .h5.ts file (Taro's suffixes).

/** The submitter's answers in one dialog: the reply notice, and the progress notice (null: not asked, no template). */
export interface TicketNoticeAnswer {
  reply: boolean;
  progress: boolean | null;
}

/** Whether this build can ask for the 民声热线 reply notice (the mini-program, with a template id configured). */
export declare function replyNoticeAvailable(): boolean;

/**
 * Asks the user for one subscribe message about the reply and, in the same dialog where a template is configured,
 * one about the ticket's progress (an approved 延期, a re-opening). WeChat only opens the dialog from a tap, so call
 * it first thing in a tap handler, before any await.
 */
export declare function requestReplyNotice(): Promise<TicketNoticeAnswer>;

/** Whether this build can ask a handler or admin for 催办提醒 messages (the mini-program, with a template id). */
export declare function remindNoticeAvailable(): boolean;

/** Asks for one 催办提醒 message; resolves true when accepted. Call it first thing in a tap handler. */
export declare function requestRemindNotice(): Promise<boolean>;
