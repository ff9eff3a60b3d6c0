// The notice function's collections and how their documents read back: notices with their counters, one receipt per
// recipient, the members' reminder subscriptions, articles, learnt-article records and the open reading clocks.
import type { NoticeSummary, ReceiptRow, SentNotice, ArticleCategory, ArticleSummary } from '@/domain/api/notice';
import { ARTICLE_CATEGORIES } from '@/domain/api/notice';
import { confirmState, readRate } from '@/domain/notice';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Doc } from '../../server/db';
import { str } from '../../server/db';
import { shanghaiIso } from '../../server/time';

/** One document per notice; `read` / `confirmed` / `expected` are counters kept by `_.inc`, so the read list's head is one read. */
export const NOTICES = 'notices';
/** One per recipient and notice (`<noticeId>:<memberId>`), written at publication: the read list pages through these. */
export const NOTICE_RECEIPTS = 'notice_receipts';
/** Per openid: subscribe messages the member allowed and not yet used (each wx.requestSubscribeMessage grants one). */
export const NOTICE_SUBSCRIPTIONS = 'notice_subscriptions';
export const ARTICLES = 'articles';
/** One per member and learnt article (`<articleId>:<memberId>`): the article's points came once. */
export const ARTICLE_READS = 'article_reads';
/** One per member: the article being read and when the server opened it. Opening another article restarts it. */
export const STUDY_SESSIONS = 'study_sessions';

export function ms(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') {
    const t = new Date(value).getTime();
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export function iso(value: unknown): string | null {
  const t = ms(value);
  return t === null ? null : shanghaiIso(new Date(t));
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Whether the caller manages a notice (sees its read list, reminds): an admin, its sender, or a secretary of an org
 * that is, or is above, all of the notice's orgs (`managerOrgIds`, decided at publication).
 */
export function managesNotice(caller: Caller, notice: Doc): boolean {
  if (callerIsAdmin(caller)) return true;
  if (notice.senderOpenid === caller.openid) return true;
  const managers = strings(notice.managerOrgIds);
  return secretaryScopes(caller).some((o) => managers.includes(o));
}

export function noticeSummary(n: Doc, receipt: Doc | null, nowMs: number): NoticeSummary {
  const read = receipt?.read === true;
  return {
    noticeId: n._id,
    title: str(n, 'title') ?? '',
    senderName: str(n, 'senderName') ?? '',
    publishedAt: iso(n.publishedAt) ?? '',
    read,
    reminded: !read && ms(receipt?.remindedAt) !== null,
    confirmBy: iso(n.confirmBy),
    confirmState: confirmState({
      confirmByMs: ms(n.confirmBy),
      confirmedAtMs: ms(receipt?.confirmedAt),
      nowMs,
    }),
    attachmentCount: Array.isArray(n.attachments) ? n.attachments.length : 0,
  };
}

export function sentNotice(n: Doc): SentNotice {
  const expected = Number(n.expected) || 0;
  const read = Number(n.read) || 0;
  return {
    noticeId: n._id,
    title: str(n, 'title') ?? '',
    senderName: str(n, 'senderName') ?? '',
    publishedAt: iso(n.publishedAt) ?? '',
    orgIds: strings(n.orgIds),
    confirmBy: iso(n.confirmBy),
    expected,
    read,
    confirmed: Number(n.confirmed) || 0,
    readRate: readRate({ read, expected }),
    lastRemindedAt: iso(n.lastRemindedAt),
  };
}

export function receiptRow(r: Doc, confirmByMs: number | null, nowMs: number): ReceiptRow {
  return {
    memberId: str(r, 'memberId') ?? '',
    name: str(r, 'name') ?? '',
    orgId: str(r, 'orgId') ?? '',
    readAt: iso(r.readAt),
    confirmState: confirmState({ confirmByMs, confirmedAtMs: ms(r.confirmedAt), nowMs }),
    remindedAt: iso(r.remindedAt),
  };
}

export function articleCategory(value: unknown): ArticleCategory {
  return (ARTICLE_CATEGORIES as readonly unknown[]).includes(value) ? (value as ArticleCategory) : '理论学习';
}

export function articleSummary(a: Doc, learned: boolean): ArticleSummary {
  return {
    articleId: a._id,
    category: articleCategory(a.category),
    title: str(a, 'title') ?? '',
    summary: str(a, 'summary') ?? '',
    source: str(a, 'source'),
    publishedAt: iso(a.publishedAt) ?? '',
    requiredSeconds: Number(a.requiredSeconds) || 0,
    learned,
  };
}

export { tempUrls } from '../../server/files';
