// 学习资料: articles in categories, and reading them for points. Opening an article starts the member's reading
// clock on the server; finishing it credits the points when the server's own clock says it was long enough.
import type { z } from 'zod';
import type { ArticleBlock, NoticeApi, noticeSchemas } from '@/domain/api/notice';
import { ARTICLE_PAGE_SIZE } from '@/domain/api/notice';
import { articleReadId, judgeReading, requiredReadingSeconds, studyImagesProblem } from '@/domain/notice';
import { POINTS_CONFIG } from '@/domain/points';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError, readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { newId } from '../../server/ids';
import { MEMBERS } from '../../server/members';
import { awardPoints } from '../points/public';
import { ARTICLE_READS, ARTICLES, articleSummary, ms, STUDY_SESSIONS, tempUrls } from './store';
import { shanghaiIso } from '../../server/time';

type StoredBlock = { type: 'text'; text: string } | { type: 'image'; fileID: string; caption: string | null };

function storedBlocks(value: unknown): StoredBlock[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((b: Record<string, unknown>): StoredBlock[] => {
    if (b?.type === 'text' && typeof b.text === 'string') return [{ type: 'text', text: b.text }];
    if (b?.type === 'image' && typeof b.fileID === 'string')
      return [{ type: 'image', fileID: b.fileID, caption: typeof b.caption === 'string' ? b.caption : null }];
    return [];
  });
}

async function loadArticle(db: Database, articleId: string): Promise<Doc> {
  const { data } = await db.collection(ARTICLES).doc(articleId).get();
  if (!data) throw new AppError('NOT_FOUND', '文章不存在或已下架');
  return data;
}

export async function articles(
  input: z.output<typeof noticeSchemas.articles>,
  ctx: ActionContext,
): Promise<NoticeApi['articles']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const page = input.page ?? 0;
  const coll = db.collection(ARTICLES);
  const { rows: shown, hasMore } = await readPage(
    (input.category ? coll.where({ category: input.category }) : coll)
      .orderBy('publishedAt', 'desc')
      .field({ blocks: false }),
    page,
    ARTICLE_PAGE_SIZE,
  );
  const memberId = caller.memberId;
  const learned = memberId
    ? new Set(
        (
          await findIn(
            db,
            ARTICLE_READS,
            '_id',
            shown.map((a) => articleReadId(a._id, memberId)),
            { articleId: true },
          )
        ).map((r) => String(r.articleId)),
      )
    : new Set<string>();
  return {
    articles: shown.map((a) => articleSummary(a, learned.has(a._id))),
    hasMore,
  };
}

/**
 * Opens an article. For a bound member who has not yet learnt it, the open starts the reading clock: one document
 * per member, so opening another article restarts it (reading two at once cannot earn twice the time).
 */
export async function article(
  input: z.output<typeof noticeSchemas.article>,
  ctx: ActionContext,
): Promise<NoticeApi['article']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const memberId = caller.memberId;
  const [doc, read] = await Promise.all([
    loadArticle(db, input.articleId),
    memberId ? db.collection(ARTICLE_READS).doc(articleReadId(input.articleId, memberId)).get() : null,
  ]);
  const learned = read?.data != null;
  const now = new Date();
  const timing = memberId !== null && !learned;
  if (timing) {
    await db
      .collection(STUDY_SESSIONS)
      .doc(memberId)
      .set({
        data: {
          articleId: doc._id,
          title: str(doc, 'title') ?? '',
          openedAt: now,
          requiredSeconds: Number(doc.requiredSeconds) || 0,
        },
      });
  }
  const blocks = storedBlocks(doc.blocks);
  const urls = await tempUrls(blocks.flatMap((b) => (b.type === 'image' ? [b.fileID] : [])));
  return {
    ...articleSummary(doc, learned),
    blocks: blocks.map((b): ArticleBlock => (b.type === 'image' ? { ...b, url: urls.get(b.fileID) ?? null } : b)),
    timing,
    openedAt: shanghaiIso(now),
    points: POINTS_CONFIG.studyArticle,
    dailyCap: POINTS_CONFIG.dailyCaps.study,
  };
}

/**
 * The member finished reading. The time is the server's, from the open to now; a phone that calls early is told how
 * long is left (and can call again), a phone that never opened is told to open the article. The points go through the
 * ledger once per article, within the day's cap for reading.
 */
export async function finishReading(
  input: z.output<typeof noticeSchemas.finishReading>,
  ctx: ActionContext,
): Promise<NoticeApi['finishReading']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  if (!caller.memberId) throw new AppError('PERMISSION_DENIED', '绑定党员身份后阅读才计积分');
  const memberId = caller.memberId;
  const { data: session } = await db.collection(STUDY_SESSIONS).doc(memberId).get();
  const openedAtMs = ms(session?.openedAt);
  if (!session || session.articleId !== input.articleId || openedAtMs === null)
    throw new AppError('FAILED_PRECONDITION', '请重新打开这篇文章再阅读');
  const now = new Date();
  const verdict = judgeReading({
    openedAtMs,
    finishedAtMs: now.getTime(),
    requiredSeconds: Number(session.requiredSeconds) || 0,
  });
  if (verdict.kind === 'too-short')
    return { status: 'too-short', seconds: verdict.seconds, remainingSeconds: verdict.remainingSeconds, awarded: 0 };

  const { data: member } = await db.collection(MEMBERS).doc(memberId).get();
  if (!member || typeof member.orgId !== 'string')
    throw new AppError('PERMISSION_DENIED', '未找到您的党员信息，请重新绑定');
  try {
    await db.collection(ARTICLE_READS).add({
      data: {
        _id: articleReadId(input.articleId, memberId),
        articleId: input.articleId,
        memberId,
        seconds: verdict.seconds,
        readAt: now,
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return { status: 'already', seconds: verdict.seconds, remainingSeconds: 0, awarded: 0 };
  }
  const { awarded } = await awardPoints(db, {
    source: 'study',
    sourceId: input.articleId,
    memberId,
    orgId: member.orgId,
    points: POINTS_CONFIG.studyArticle,
    reason: `阅读学习资料：${String(session.title ?? '').slice(0, 40)}`,
    now,
  });
  return { status: 'credited', seconds: verdict.seconds, remainingSeconds: 0, awarded };
}

export async function saveArticle(
  input: z.output<typeof noticeSchemas.saveArticle>,
  ctx: ActionContext,
): Promise<NoticeApi['saveArticle']['output']> {
  const { db } = ctx;
  const images = input.blocks.flatMap((b) => (b.type === 'image' ? [b.fileID] : []));
  const problem = studyImagesProblem(images);
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const chars = input.blocks.reduce((n, b) => n + (b.type === 'text' ? b.text.length : (b.caption?.length ?? 0)), 0);
  const fields = {
    category: input.category,
    title: input.title,
    summary: input.summary || (input.blocks.find((b) => b.type === 'text')?.text.slice(0, 60) ?? ''),
    source: input.source || null,
    blocks: input.blocks.map((b) => (b.type === 'image' ? { ...b, caption: b.caption || null } : b)),
    requiredSeconds: requiredReadingSeconds({ chars, images: images.length }),
    updatedBy: ctx.requireOpenid(),
    updatedAt: db.serverDate(),
  };
  const articleId = input.articleId ?? newId('art');
  const ref = db.collection(ARTICLES).doc(articleId);
  // A chosen id that does not exist yet creates the article (a retried first save, or the demo data's fixed ids).
  const { stats } = await ref.update({ data: fields });
  if (stats.updated === 0) {
    try {
      await db.collection(ARTICLES).add({ data: { _id: articleId, ...fields, publishedAt: db.serverDate() } });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      await ref.update({ data: fields });
    }
  }
  return { articleId };
}

export async function removeArticle(
  input: z.output<typeof noticeSchemas.removeArticle>,
  ctx: ActionContext,
): Promise<NoticeApi['removeArticle']['output']> {
  const { stats } = await ctx.db.collection(ARTICLES).doc(input.articleId).remove();
  if (stats.removed === 0) throw new AppError('NOT_FOUND', '文章不存在或已下架');
  return {};
}
