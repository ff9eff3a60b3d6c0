// notice.publish, inbox, open and confirm: a notice reaches every member of its orgs through one receipt each; the
// first open marks the receipt read and counts it on the notice (so the sender's view stays one read).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { NoticeApi, noticeSchemas } from '@/domain/api/notice';
import { NOTICE_PAGE_SIZE } from '@/domain/api/notice';
import {
  noticeAttachmentsProblem,
  confirmState,
  noticeAudience,
  noticeManagers,
  noticeReceiptId,
} from '@/domain/notice';
import { orgSubtree } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { findIn, isDuplicateKeyError, PAGE_SIZE, readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';
import { iso, managesNotice, ms, noticeSummary, NOTICE_RECEIPTS, NOTICES, strings, tempUrls } from './store';

/** The bound caller's roster entry (one read), or null for a caller who is not a member. */
export async function callerMember(db: Database, caller: Caller): Promise<Doc | null> {
  if (!caller.memberId) return null;
  const { data } = await db.collection(MEMBERS).doc(caller.memberId).get();
  return data && typeof data.orgId === 'string' ? data : null;
}

/** The audience's members in roster order: org as the tree lists it, then the roster's own order (pages of 100). */
async function readAudience(db: Database, orgIds: string[]): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let page = 0; ; page++) {
    const { data } = await db
      .collection(MEMBERS)
      .where({ orgId: db.command.in(orgIds) })
      .orderBy('orgId', 'asc')
      .orderBy('order', 'asc')
      .skip(page * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .field({ _id: true, name: true, orgId: true, order: true })
      .get();
    out.push(...data);
    if (data.length < PAGE_SIZE) break;
  }
  const rank = new Map(orgIds.map((o, i) => [o, i]));
  return out.sort(
    (a, b) =>
      (rank.get(String(a.orgId)) ?? 0) - (rank.get(String(b.orgId)) ?? 0) ||
      (Number(a.order) || 0) - (Number(b.order) || 0),
  );
}

/**
 * Publishes a notice: its receipts first (pages of 100 in one insert each), the notice last, so that no member sees a
 * notice whose receipts are not all there. A retried request (same `requestId`) finds the notice already sent.
 */
export async function publish(
  input: z.output<typeof noticeSchemas.publish>,
  ctx: ActionContext,
): Promise<NoticeApi['publish']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const noticeId = input.requestId ? `n_${input.requestId}` : `n_${randomBytes(12).toString('base64url')}`;
  if (input.requestId) {
    const { data: existing } = await db.collection(NOTICES).doc(noticeId).get();
    if (existing) {
      if (existing.senderOpenid !== caller.openid)
        throw new AppError('ALREADY_EXISTS', '请求编号已被使用，请刷新后重试');
      return { noticeId, expected: Number(existing.expected) || 0, duplicate: true };
    }
  }
  const attachments = input.attachments ?? [];
  const problem = noticeAttachmentsProblem(attachments.map((a) => a.fileID));
  if (problem) throw new AppError('INVALID_ARGUMENT', problem);
  const now = new Date();
  if (input.confirmBy && new Date(input.confirmBy).getTime() <= now.getTime())
    throw new AppError('INVALID_ARGUMENT', '确认截止时间应晚于现在');

  const dir = await readDirectory(db);
  const orgIds = [...new Set(input.orgIds)];
  const names = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  const missing = orgIds.filter((o) => !names.has(o));
  if (missing.length) throw new AppError('NOT_FOUND', `组织不存在：${missing.slice(0, 3).join('、')}`);
  const admin = callerIsAdmin(caller);
  const scopes = secretaryScopes(caller);
  if (!admin) {
    const own = orgSubtree(dir.orgs, scopes);
    if (!orgIds.every((o) => own.has(o))) throw new AppError('PERMISSION_DENIED', '支部书记只能向本组织发通知');
  }
  const audienceOrgIds = noticeAudience(dir.orgs, orgIds);
  const members = await readAudience(db, audienceOrgIds);
  if (members.length === 0) throw new AppError('FAILED_PRECONDITION', '所选组织还没有党员，请先导入党员名册');

  for (let i = 0; i < members.length; i += PAGE_SIZE) {
    const rows = members.slice(i, i + PAGE_SIZE).map((m, j) => ({
      _id: noticeReceiptId(noticeId, m._id),
      noticeId,
      memberId: m._id,
      name: str(m, 'name') ?? '',
      orgId: str(m, 'orgId') ?? '',
      order: i + j,
      read: false,
      readAt: null,
      confirmedAt: null,
      remindedAt: null,
    }));
    await db.collection(NOTICE_RECEIPTS).add({ data: rows });
  }
  // 工委 for an admin; otherwise the secretary's own organisation (the one the notice was sent within).
  const senderOrg = admin ? null : scopes.find((s) => orgSubtree(dir.orgs, [s]).has(orgIds[0]));
  try {
    await db.collection(NOTICES).add({
      data: {
        _id: noticeId,
        title: input.title,
        body: input.body,
        orgIds,
        audienceOrgIds,
        managerOrgIds: noticeManagers(dir.orgs, orgIds),
        attachments,
        confirmBy: input.confirmBy ? new Date(input.confirmBy) : null,
        senderOpenid: caller.openid,
        senderName: senderOrg ? (names.get(senderOrg) ?? '支部') : '机关工委',
        expected: members.length,
        read: 0,
        confirmed: 0,
        lastRemindedAt: null,
        publishedAt: db.serverDate(),
      },
    });
  } catch (e) {
    // Two taps with the same requestId: the other one published it.
    if (!isDuplicateKeyError(e)) throw e;
    return { noticeId, expected: members.length, duplicate: true };
  }
  return { noticeId, expected: members.length, duplicate: false };
}

export async function inbox(
  input: z.output<typeof noticeSchemas.inbox>,
  ctx: ActionContext,
): Promise<NoticeApi['inbox']['output']> {
  const { db } = ctx;
  const member = await callerMember(db, await ctx.caller());
  if (!member) return { notices: [], unread: 0, hasMore: false };
  const page = input.page ?? 0;
  const { rows: shown, hasMore } = await readPage(
    db
      .collection(NOTICES)
      .where({ audienceOrgIds: member.orgId })
      .orderBy('publishedAt', 'desc')
      .field({ body: false }),
    page,
    NOTICE_PAGE_SIZE,
  );
  const receipts = await findIn(
    db,
    NOTICE_RECEIPTS,
    '_id',
    shown.map((n) => noticeReceiptId(n._id, member._id)),
  );
  const byNotice = new Map(receipts.map((r) => [String(r.noticeId), r]));
  const nowMs = Date.now();
  const notices = shown.map((n) => noticeSummary(n, byNotice.get(n._id) ?? null, nowMs));
  return { notices, unread: notices.filter((n) => !n.read).length, hasMore };
}

/**
 * Marks the member's receipt read once. The update only matches an unread receipt, so of two concurrent opens one
 * counts; the counter is `_.inc`, so the many members reading at once never conflict on the notice. A member who
 * joined one of the orgs after publication gets a receipt now (and counts as expected from now on).
 */
async function recordRead(db: Database, notice: Doc, member: Doc, receipt: Doc | null): Promise<Doc> {
  const _ = db.command;
  const id = noticeReceiptId(notice._id, member._id);
  const now = new Date();
  if (receipt) {
    if (receipt.read === true) return receipt;
    const { stats } = await db
      .collection(NOTICE_RECEIPTS)
      .where({ _id: id, read: false })
      .update({ data: { read: true, readAt: now } });
    if (stats.updated === 1)
      await db
        .collection(NOTICES)
        .doc(notice._id)
        .update({ data: { read: _.inc(1) } });
    return { ...receipt, read: true, readAt: now };
  }
  const row = {
    noticeId: notice._id,
    memberId: member._id,
    name: str(member, 'name') ?? '',
    orgId: str(member, 'orgId') ?? '',
    order: Number(notice.expected) || 0,
    read: true,
    readAt: now,
    confirmedAt: null,
    remindedAt: null,
    late: true,
  };
  try {
    await db.collection(NOTICE_RECEIPTS).add({ data: { _id: id, ...row } });
    await db
      .collection(NOTICES)
      .doc(notice._id)
      .update({ data: { read: _.inc(1), expected: _.inc(1) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  return { _id: id, ...row };
}

async function loadNotice(db: Database, noticeId: string): Promise<Doc> {
  const { data } = await db.collection(NOTICES).doc(noticeId).get();
  if (!data) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
  return data;
}

export async function open(
  input: z.output<typeof noticeSchemas.open>,
  ctx: ActionContext,
): Promise<NoticeApi['open']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const [notice, member] = await Promise.all([loadNotice(db, input.noticeId), callerMember(db, caller)]);
  const recipient = member !== null && strings(notice.audienceOrgIds).includes(String(member.orgId));
  const canManage = managesNotice(caller, notice);
  if (!recipient && !canManage) throw new AppError('PERMISSION_DENIED', '这条通知不是发给您所在组织的');
  let receipt: Doc | null = null;
  if (recipient && member) {
    const { data } = await db.collection(NOTICE_RECEIPTS).doc(noticeReceiptId(notice._id, member._id)).get();
    receipt = await recordRead(db, notice, member, data);
  }
  const attachments = Array.isArray(notice.attachments)
    ? (notice.attachments as Array<Record<string, unknown>>).map((a) => ({
        fileID: String(a.fileID),
        name: String(a.name),
      }))
    : [];
  const urls = await tempUrls(attachments.map((a) => a.fileID));
  return {
    ...noticeSummary(notice, receipt, Date.now()),
    body: str(notice, 'body') ?? '',
    orgIds: strings(notice.orgIds),
    attachments: attachments.map((a) => ({ ...a, url: urls.get(a.fileID) ?? null })),
    readAt: receipt?.read === true ? iso(receipt.readAt) : null,
    recipient,
    canManage,
  };
}

/** 确认收到: once per recipient (a late confirmation is recorded and shown as late). */
export async function confirm(
  input: z.output<typeof noticeSchemas.confirm>,
  ctx: ActionContext,
): Promise<NoticeApi['confirm']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const [notice, member] = await Promise.all([loadNotice(db, input.noticeId), callerMember(db, caller)]);
  if (!member || !strings(notice.audienceOrgIds).includes(String(member.orgId)))
    throw new AppError('PERMISSION_DENIED', '这条通知不是发给您所在组织的');
  const confirmByMs = ms(notice.confirmBy);
  if (confirmByMs === null) throw new AppError('FAILED_PRECONDITION', '这条通知不需要确认');
  const id = noticeReceiptId(notice._id, member._id);
  const { data: existing } = await db.collection(NOTICE_RECEIPTS).doc(id).get();
  // Confirming implies having read it (the page only offers 确认 on the opened notice; this keeps the counts honest).
  const receipt = await recordRead(db, notice, member, existing);
  const now = new Date();
  if (ms(receipt.confirmedAt) !== null)
    return {
      confirmState: confirmState({ confirmByMs, confirmedAtMs: ms(receipt.confirmedAt), nowMs: now.getTime() }),
      duplicate: true,
    };
  const { stats } = await db
    .collection(NOTICE_RECEIPTS)
    .where({ _id: id, confirmedAt: null })
    .update({ data: { confirmedAt: now } });
  if (stats.updated === 1)
    await db
      .collection(NOTICES)
      .doc(notice._id)
      .update({ data: { confirmed: db.command.inc(1) } });
  return {
    confirmState: confirmState({ confirmByMs, confirmedAtMs: now.getTime(), nowMs: now.getTime() }),
    duplicate: stats.updated !== 1,
  };
}
