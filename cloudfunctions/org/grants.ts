// org.grantRole, org.revokeRole and org.listGrants: roles stored on `users/<openid>`, plus the config admins.
import type { z } from 'zod';
import type { GrantRow, OrgApi, orgSchemas } from '@/domain/api/org';
import { addGrant, effectiveGrants, grantShapeError, removeGrant } from '@/domain/identity';
import type { RoleGrant } from '@/domain/roles';
import { AppError } from '../../server/app-error';
import { readGrantHolders, USERS } from '../../server/caller';
import { adminOpenids, isConfigAdmin } from '../../server/config';
import type { Database, Transaction } from '../../server/db';
import { findIn, runTransactionWithRetry, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { MEMBERS } from '../../server/members';

/** listGrants reads at most this many pages of granted users. */
const MAX_GRANT_PAGES = 5;

function toGrant(input: { role: RoleGrant['role']; scopeId?: string }): RoleGrant {
  return input.scopeId === undefined ? { role: input.role } : { role: input.role, scopeId: input.scopeId };
}

/**
 * Rewrites one openid's grants inside a transaction (and its display name when given); `change` says whether the
 * grants changed. Returns whether anything was written. Shared with accepting an invitation, which must mark the
 * invitation used in the same transaction.
 */
export async function writeGrants(
  tx: Transaction,
  db: Database,
  openid: string,
  change: (grants: RoleGrant[]) => { grants: RoleGrant[]; changed: boolean },
  displayName?: string,
): Promise<boolean> {
  const ref = tx.collection(USERS).doc(openid);
  const { data } = await ref.get();
  const next = change(effectiveGrants(data?.roles, false));
  const renamed = displayName !== undefined && displayName !== str(data, 'displayName');
  if (!next.changed && !renamed) return false;
  const now = db.serverDate();
  const fields = {
    roles: next.grants,
    hasGrants: next.grants.length > 0,
    updatedAt: now,
    ...(displayName === undefined ? {} : { displayName }),
  };
  if (data) await ref.update({ data: fields });
  else await ref.set({ data: { ...fields, memberId: null, createdAt: now } });
  return true;
}

/** The grant an input names, refused when its shape is wrong or its organisation or department does not exist. */
export async function checkedGrant(
  db: Database,
  input: { role: RoleGrant['role']; scopeId?: string },
): Promise<RoleGrant> {
  const grant = toGrant(input);
  const shape = grantShapeError(grant);
  if (shape) throw new AppError('INVALID_ARGUMENT', shape);
  if (grant.scopeId !== undefined) {
    const dir = await readDirectory(db);
    if (grant.role === 'secretary' && !dir.orgs.some((o) => o.orgId === grant.scopeId))
      throw new AppError('NOT_FOUND', '组织不存在');
    if (grant.role === 'handler' && !dir.departments.some((d) => d.departmentId === grant.scopeId))
      throw new AppError('NOT_FOUND', '部门不存在');
  }
  return grant;
}

/** The openid a grant goes to: given, or that of the bound roster member picked on the role page. */
async function grantee(db: Database, input: { openid?: string; memberId?: string }): Promise<string> {
  if (input.openid !== undefined) return input.openid;
  const { data } = await db.collection(MEMBERS).doc(input.memberId!).get();
  if (!data) throw new AppError('NOT_FOUND', '名册中没有这名党员，可能已被移除');
  const openid = str(data, 'openid');
  if (!openid) {
    throw new AppError(
      'FAILED_PRECONDITION',
      `${str(data, 'name') ?? '这名党员'}还没有绑定微信：请他先在“我的”中绑定，或改用邀请码授予`,
    );
  }
  return openid;
}

export async function grantRole(
  input: z.output<typeof orgSchemas.grantRole>,
  ctx: ActionContext,
): Promise<OrgApi['grantRole']['output']> {
  const grant = await checkedGrant(ctx.db, input);
  const openid = await grantee(ctx.db, input);
  await runTransactionWithRetry(ctx.db, (tx) =>
    writeGrants(tx, ctx.db, openid, (grants) => addGrant(grants, grant), input.displayName),
  );
  return {};
}

export async function revokeRole(
  input: z.output<typeof orgSchemas.revokeRole>,
  ctx: ActionContext,
): Promise<OrgApi['revokeRole']['output']> {
  const grant = toGrant(input);
  if (grant.role === 'admin' && isConfigAdmin(input.openid)) {
    throw new AppError('FAILED_PRECONDITION', '该管理员由部署配置 ADMIN_OPENIDS 指定，不能在此撤销');
  }
  if (grant.role === 'admin' && input.openid === ctx.openid) {
    throw new AppError('FAILED_PRECONDITION', '不能撤销自己的管理员权限');
  }
  const removed = await runTransactionWithRetry(ctx.db, (tx) =>
    writeGrants(tx, ctx.db, input.openid, (grants) => removeGrant(grants, grant)),
  );
  if (!removed) throw new AppError('NOT_FOUND', '该用户没有这项权限');
  return {};
}

export async function listGrants(_input: unknown, ctx: ActionContext): Promise<OrgApi['listGrants']['output']> {
  const { db } = ctx;
  const users = await readGrantHolders(db, MAX_GRANT_PAGES);
  const config = adminOpenids();
  const known = new Set(users.map((u) => u._id));
  // Config admins never granted in the app have no `users` document in the page above; read theirs for names.
  users.push(
    ...(await findIn(
      db,
      USERS,
      '_id',
      config.filter((o) => !known.has(o)),
    )),
  );

  const memberIds = users.map((u) => str(u, 'memberId')).filter((m): m is string => m !== null);
  const names = new Map(
    (await findIn(db, MEMBERS, '_id', memberIds, { _id: true, name: true })).map((m) => [m._id, str(m, 'name')]),
  );
  const nameOf = (openid: string) => {
    const user = users.find((u) => u._id === openid);
    const memberId = str(user, 'memberId');
    return (memberId && names.get(memberId)) || str(user, 'displayName') || undefined;
  };

  const rows: GrantRow[] = config.map((openid) =>
    withName({ openid, role: 'admin', fromConfig: true }, nameOf(openid)),
  );
  for (const user of users) {
    for (const g of effectiveGrants(user.roles, false)) {
      // A config admin's stored admin grant is already listed as the config row.
      if (g.role === 'admin' && config.includes(user._id)) continue;
      rows.push(withName({ openid: user._id, ...g }, nameOf(user._id)));
    }
  }
  return { grants: rows };
}

function withName(row: GrantRow, name: string | undefined): GrantRow {
  return name === undefined ? row : { ...row, name };
}
