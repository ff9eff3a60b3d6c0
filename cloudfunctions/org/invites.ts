// org.createInvite, listInvites, cancelInvite and acceptInvite: a one-time code that gives a role to whoever opens it.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { InviteRow, OrgApi, orgSchemas } from '@/domain/api/org';
import { addGrant, INVITE_TTL_DAYS, inviteCodeFromBytes, inviteState, normalizeInviteCode } from '@/domain/identity';
import type { InviteState } from '@/domain/identity';
import type { RoleGrant } from '@/domain/roles';
import { AppError } from '../../server/app-error';
import type { Doc } from '../../server/db';
import { runTransactionWithRetry, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { checkedGrant, writeGrants } from './grants';
import { shanghaiIso, timeMs } from '../../server/time';

/** One document per invitation, `_id` = its code; read by this function only (it holds the codes). */
export const INVITES = 'invites';

/** Open invitations the role page lists (an office has a handful at a time). */
const LIST_LIMIT = 100;

const DAY_MS = 24 * 60 * 60 * 1000;

function stateOf(doc: Doc, nowMs: number): InviteState {
  return inviteState(
    { usedBy: str(doc, 'usedBy'), cancelled: doc.cancelled === true, expiresAtMs: timeMs(doc.expiresAt) },
    nowMs,
  );
}

function grantOf(doc: Doc): RoleGrant {
  const role = doc.role as RoleGrant['role'];
  const scopeId = str(doc, 'scopeId');
  return scopeId === null ? { role } : { role, scopeId };
}

/** The stored code a typed one stands for; a malformed one is refused before anything is read. */
function storedCode(typed: string): string {
  const code = normalizeInviteCode(typed);
  if (code === null) throw new AppError('INVALID_ARGUMENT', '邀请码应为 10 位字母和数字，例如 ABCDE-FGHJK');
  return code;
}

export async function createInvite(
  input: z.output<typeof orgSchemas.createInvite>,
  ctx: ActionContext,
): Promise<OrgApi['createInvite']['output']> {
  const { db } = ctx;
  const grant = await checkedGrant(db, input);
  const code = inviteCodeFromBytes(randomBytes(10));
  const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * DAY_MS);
  // `add` with the code as _id fails on the (vanishingly unlikely) reuse of a code instead of overwriting it.
  await db.collection(INVITES).add({
    data: {
      _id: code,
      ...grant,
      displayName: input.displayName,
      open: true,
      usedBy: null,
      cancelled: false,
      expiresAt,
      createdBy: ctx.requireOpenid(),
      createdAt: db.serverDate(),
    },
  });
  return { code, expiresAt: shanghaiIso(expiresAt) };
}

export async function listInvites(_input: unknown, ctx: ActionContext): Promise<OrgApi['listInvites']['output']> {
  const { db } = ctx;
  const { data } = await db
    .collection(INVITES)
    .where({ open: true, expiresAt: db.command.gt(new Date()) })
    .orderBy('expiresAt', 'desc')
    .limit(LIST_LIMIT)
    .get();
  const invites: InviteRow[] = data.map((d) => ({
    code: d._id,
    ...grantOf(d),
    displayName: str(d, 'displayName') ?? '',
    expiresAt: shanghaiIso(timeMs(d.expiresAt)),
  }));
  return { invites };
}

export async function cancelInvite(
  input: z.output<typeof orgSchemas.cancelInvite>,
  ctx: ActionContext,
): Promise<OrgApi['cancelInvite']['output']> {
  const code = storedCode(input.code);
  const { db } = ctx;
  const state = await runTransactionWithRetry(db, async (tx) => {
    const ref = tx.collection(INVITES).doc(code);
    const { data } = await ref.get();
    if (!data) return null;
    const now = stateOf(data, Date.now());
    if (now === 'open') await ref.update({ data: { open: false, cancelled: true, updatedAt: db.serverDate() } });
    return now;
  });
  if (state === null) throw new AppError('NOT_FOUND', '没有这个邀请码');
  if (state === 'used') throw new AppError('FAILED_PRECONDITION', '这个邀请已被接受，如需收回请撤销对方的角色');
  return {};
}

export async function acceptInvite(
  input: z.output<typeof orgSchemas.acceptInvite>,
  ctx: ActionContext,
): Promise<OrgApi['acceptInvite']['output']> {
  const code = storedCode(input.code);
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const outcome = await runTransactionWithRetry(db, async (tx) => {
    const ref = tx.collection(INVITES).doc(code);
    const { data } = await ref.get();
    if (!data) return { state: null };
    const state = stateOf(data, Date.now());
    const grant = grantOf(data);
    const displayName = str(data, 'displayName') ?? '';
    // Opening the same invitation twice (a second tap, a retry) is fine; someone else's is not.
    if (state === 'used' && str(data, 'usedBy') === openid) return { state: 'open' as const, grant, displayName };
    if (state !== 'open') return { state };
    await writeGrants(tx, db, openid, (grants) => addGrant(grants, grant), displayName);
    const now = db.serverDate();
    await ref.update({ data: { open: false, usedBy: openid, usedAt: now, updatedAt: now } });
    return { state, grant, displayName };
  });
  switch (outcome.state) {
    case null:
      throw new AppError('NOT_FOUND', '没有这个邀请码，请核对后重试');
    case 'used':
      throw new AppError('FAILED_PRECONDITION', '这个邀请码已被他人使用，请联系管理员重新邀请');
    case 'cancelled':
      throw new AppError('FAILED_PRECONDITION', '这个邀请已被管理员撤回');
    case 'expired':
      throw new AppError('FAILED_PRECONDITION', `邀请码已过期（${INVITE_TTL_DAYS} 天内有效），请联系管理员重新邀请`);
    case 'open':
      return { ...outcome.grant, displayName: outcome.displayName };
  }
}
