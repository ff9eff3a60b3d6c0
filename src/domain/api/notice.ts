// Contract of the `notice` cloud function: 通知公告 (publish to orgs, read receipts, 确认收到, remind the unread)
// and 学习资料 (articles in categories whose reading, timed on the server, earns capped points).
import { z } from 'zod';
import type { ConfirmState } from '../notice';
import { id, input, text } from './common';

const isoTime = z.iso.datetime({ offset: true });
const page = z.number().int().min(0).max(1000).describe('页码');
const fileID = z.string().max(512);

/** 学习资料 categories, in the 学习 tab's order. */
export const ARTICLE_CATEGORIES = ['工作要点', '理论学习', '党规党纪', '通知精神', '先进典型'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** Notices per `inbox` / `sent` page; rows per `receipts` page (the database pages in 100s). */
export const NOTICE_PAGE_SIZE = 20;
export const RECEIPTS_PAGE_SIZE = 100;
export const ARTICLE_PAGE_SIZE = 20;
export const NOTICE_TITLE_MAX = 60;
export const NOTICE_BODY_MAX = 5000;
export const ARTICLE_BLOCKS_MAX = 60;
export const ARTICLE_TEXT_MAX = 3000;

const articleBlock = z.discriminatedUnion('type', [
  input({ type: z.literal('text').describe('内容类型'), text: text(ARTICLE_TEXT_MAX).describe('段落') }),
  input({
    type: z.literal('image').describe('内容类型'),
    fileID: fileID.describe('图片'),
    caption: z.string().trim().max(60).optional().describe('图片说明'),
  }),
]);

export const noticeSchemas = {
  /** 工委 (any orgs) or a secretary (the own org and below): sends a notice; each member of those orgs receives it. */
  publish: input({
    title: text(NOTICE_TITLE_MAX).describe('通知标题'),
    body: text(NOTICE_BODY_MAX).describe('通知正文'),
    orgIds: z.array(id).min(1).max(50).describe('发送范围'),
    attachments: z
      .array(input({ fileID: fileID.describe('附件'), name: text(100).describe('附件名称') }))
      .max(20)
      .optional()
      .describe('附件'),
    /** Members are asked to tap 确认收到 by then (e.g. a meeting's 参会回执). */
    confirmBy: isoTime.optional().describe('确认截止时间'),
    /** Chosen by the page once per form: a retried publish returns the notice already sent instead of a second. */
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,40}$/)
      .optional()
      .describe('请求编号'),
  }),
  /** The caller's notices, newest first, with the unread marked. */
  inbox: input({ page: page.optional() }),
  /** One notice; the first open by a recipient records the read. */
  open: input({ noticeId: id.describe('通知') }),
  /** 确认收到 (only for a notice that asks for it). */
  confirm: input({ noticeId: id.describe('通知') }),
  /** The notices the caller manages (sent by them, or to orgs they are secretary of), newest first. */
  sent: input({ page: page.optional() }),
  /** Read receipts of one notice: one page of the unread or the read, in roster order. */
  receipts: input({
    noticeId: id.describe('通知'),
    status: z.enum(['unread', 'read']).describe('阅读情况'),
    page: page.optional(),
  }),
  /** Reminds the unread (a subscribe message to those who allowed one; a 催阅 mark for all); at most hourly. */
  remind: input({ noticeId: id.describe('通知') }),
  /** The member accepted (or refused) one subscribe message for the next reminder (wx.requestSubscribeMessage). */
  subscribe: input({ accepted: z.boolean().describe('是否同意') }),

  /** 学习资料 list: one category (default all), newest first, with the caller's learnt ones marked. */
  articles: input({ category: z.enum(ARTICLE_CATEGORIES).optional().describe('栏目'), page: page.optional() }),
  /** One article; for a bound member it starts the reading clock (on the server). */
  article: input({ articleId: id.describe('文章') }),
  /** The member finished reading: credits the points when the server's clock says it was long enough. */
  finishReading: input({ articleId: id.describe('文章') }),
  /** Admin: creates or edits an article. */
  saveArticle: input({
    articleId: id.optional().describe('文章'),
    category: z.enum(ARTICLE_CATEGORIES).describe('栏目'),
    title: text(NOTICE_TITLE_MAX).describe('文章标题'),
    summary: z.string().trim().max(120).optional().describe('摘要'),
    source: z.string().trim().max(60).optional().describe('来源'),
    blocks: z.array(articleBlock).min(1).max(ARTICLE_BLOCKS_MAX).describe('正文'),
  }),
  /** Admin: takes an article down (the points already earned stay in the ledger). */
  removeArticle: input({ articleId: id.describe('文章') }),
};

export interface NoticeAttachment {
  fileID: string;
  name: string;
  /** A temporary download URL (null when storage could not give one). */
  url: string | null;
}

export interface NoticeSummary {
  noticeId: string;
  title: string;
  /** 机关工委, or the sending secretary's organisation. */
  senderName: string;
  publishedAt: string;
  read: boolean;
  /** Set by a reminder the member has not yet answered by reading. */
  reminded: boolean;
  confirmBy: string | null;
  confirmState: ConfirmState;
  attachmentCount: number;
}

export interface NoticeDetail extends NoticeSummary {
  body: string;
  orgIds: string[];
  attachments: NoticeAttachment[];
  readAt: string | null;
  /** A recipient's own view (false for a manager who is not one). */
  recipient: boolean;
  /** Whether the caller may see the read list and remind. */
  canManage: boolean;
}

export interface SentNotice {
  noticeId: string;
  title: string;
  senderName: string;
  publishedAt: string;
  orgIds: string[];
  confirmBy: string | null;
  /** Members it was sent to (plus members who joined one of its orgs later and opened it). */
  expected: number;
  read: number;
  confirmed: number;
  /** Whole percent. */
  readRate: number;
  lastRemindedAt: string | null;
}

export interface ReceiptRow {
  memberId: string;
  name: string;
  orgId: string;
  readAt: string | null;
  confirmState: ConfirmState;
  remindedAt: string | null;
}

export type ArticleBlock =
  { type: 'text'; text: string } | { type: 'image'; fileID: string; url: string | null; caption: string | null };

export interface ArticleSummary {
  articleId: string;
  category: ArticleCategory;
  title: string;
  summary: string;
  source: string | null;
  publishedAt: string;
  requiredSeconds: number;
  /** The caller has earned this article's reading (false for a caller who is not a bound member). */
  learned: boolean;
}

export interface ArticleDetail extends ArticleSummary {
  blocks: ArticleBlock[];
  /** Whether this open started a reading clock (a bound member); others read without points. */
  timing: boolean;
  /** The server's time of this open: the page counts from it for display, the server decides. */
  openedAt: string;
  /** Points one reading earns, and the daily cap, for the page's hint. */
  points: number;
  dailyCap: number | null;
}

export type FinishStatus = 'credited' | 'already' | 'too-short';

export interface NoticeApi {
  publish: {
    input: z.input<typeof noticeSchemas.publish>;
    output: { noticeId: string; expected: number; duplicate: boolean };
  };
  inbox: {
    input: z.input<typeof noticeSchemas.inbox>;
    output: { notices: NoticeSummary[]; unread: number; hasMore: boolean };
  };
  open: { input: z.input<typeof noticeSchemas.open>; output: NoticeDetail };
  confirm: { input: z.input<typeof noticeSchemas.confirm>; output: { confirmState: ConfirmState; duplicate: boolean } };
  sent: { input: z.input<typeof noticeSchemas.sent>; output: { notices: SentNotice[]; hasMore: boolean } };
  receipts: {
    input: z.input<typeof noticeSchemas.receipts>;
    output: { notice: SentNotice; rows: ReceiptRow[]; hasMore: boolean };
  };
  remind: {
    input: z.input<typeof noticeSchemas.remind>;
    output: { unread: number; messaged: number; withoutSubscription: number; nextRemindAt: string };
  };
  subscribe: { input: z.input<typeof noticeSchemas.subscribe>; output: { credits: number } };
  articles: {
    input: z.input<typeof noticeSchemas.articles>;
    output: { articles: ArticleSummary[]; hasMore: boolean };
  };
  article: { input: z.input<typeof noticeSchemas.article>; output: ArticleDetail };
  finishReading: {
    input: z.input<typeof noticeSchemas.finishReading>;
    output: { status: FinishStatus; seconds: number; remainingSeconds: number; awarded: number };
  };
  saveArticle: { input: z.input<typeof noticeSchemas.saveArticle>; output: { articleId: string } };
  removeArticle: { input: z.input<typeof noticeSchemas.removeArticle>; output: Record<string, never> };
}
