// The `notice` cloud function: 通知公告 (publish, inbox, read receipts, 确认收到, remind the unread) and 学习资料
// (articles and timed reading for points). One function for both: a member moves between 首页's notices and the
// 学习 tab in one visit, and one warm instance answers both (one cold start, not two).
import { noticeSchemas } from '@/domain/api/notice';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { article, articles, finishReading, removeArticle, saveArticle } from './articles';
import { confirm, inbox, open, publish } from './notices';
import { receipts, remind, sent, subscribe } from './receipts';

const SENDERS = ['admin', 'secretary'] as const;

const actions = {
  publish: action({ input: noticeSchemas.publish, auth: SENDERS, handler: publish }),
  inbox: action({ input: noticeSchemas.inbox, auth: 'signed-in', handler: inbox }),
  open: action({ input: noticeSchemas.open, auth: 'signed-in', handler: open }),
  confirm: action({ input: noticeSchemas.confirm, auth: 'signed-in', handler: confirm }),
  sent: action({ input: noticeSchemas.sent, auth: SENDERS, handler: sent }),
  receipts: action({ input: noticeSchemas.receipts, auth: SENDERS, handler: receipts }),
  remind: action({ input: noticeSchemas.remind, auth: SENDERS, handler: remind }),
  subscribe: action({ input: noticeSchemas.subscribe, auth: 'signed-in', handler: subscribe }),
  articles: action({ input: noticeSchemas.articles, auth: 'signed-in', handler: articles }),
  article: action({ input: noticeSchemas.article, auth: 'signed-in', handler: article }),
  finishReading: action({ input: noticeSchemas.finishReading, auth: 'signed-in', handler: finishReading }),
  saveArticle: action({ input: noticeSchemas.saveArticle, auth: ['admin'], handler: saveArticle }),
  removeArticle: action({ input: noticeSchemas.removeArticle, auth: ['admin'], handler: removeArticle }),
} satisfies ContractTable<'notice'>;

export const main = defineFunction(actions);
