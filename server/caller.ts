// Who is calling: the openid from the WeChat context, its grants from `users/<openid>`, and config admins.
import type { GrantedRole, RoleGrant } from '@/domain/roles';
import { effectiveGrants, identityIsAdmin, identityScopesOf } from '@/domain/identity';
import { AppError } from './app-error';
import { isConfigAdmin } from './config';
import type { Database, Doc } from './db';
import { PAGE_SIZE } from './db';

/** The `users` collection: one document per openid, `_id` = openid. */
export const USERS = 'users';

export interface Caller {
  openid: string;
  /** Stored grants plus `admin` for openids named in ADMIN_OPENIDS. */
  grants: RoleGrant[];
  /** The roster member this openid is bound to (the `member` role), or null. */
  memberId: string | null;
  /** Named in ADMIN_OPENIDS. */
  configAdmin: boolean;
  /** The stored `users` document, or null for an openid never granted or bound. */
  user: Doc | null;
}

/** Loads a caller with exactly one database read (`users.doc(openid).get()`). */
export async function loadCaller(db: Database, openid: string): Promise<Caller> {
  const { data: user } = await db.collection(USERS).doc(openid).get();
  const configAdmin = isConfigAdmin(openid);
  const memberId = typeof user?.memberId === 'string' && user.memberId ? user.memberId : null;
  return { openid, grants: effectiveGrants(user?.roles, configAdmin), memberId, configAdmin, user: user ?? null };
}

/** Whether the caller holds any of the roles (on any scope). */
export function hasAnyRole(caller: Caller, roles: readonly GrantedRole[]): boolean {
  return caller.grants.some((g) => roles.includes(g.role));
}

export function callerIsAdmin(caller: Caller): boolean {
  return identityIsAdmin(caller.grants);
}

/** orgIds the caller is secretary of (not including descendants). */
export function secretaryScopes(caller: Caller): string[] {
  return identityScopesOf(caller.grants, 'secretary');
}

/** departmentIds the caller handles. */
export function handlerScopes(caller: Caller): string[] {
  return identityScopesOf(caller.grants, 'handler');
}

/** The bound member's id, or PERMISSION_DENIED for a caller not bound to the roster. */
export function requireMember(caller: Caller): string {
  if (!caller.memberId) throw new AppError('PERMISSION_DENIED', '请先在“我的”页面绑定党员身份');
  return caller.memberId;
}

/**
 * The `users` documents that hold grants (admins, secretaries, handlers …), never the whole roster: pages of 100 in
 * `_id` order, one read each, at most `maxPages`; `fields` narrows what each document brings.
 */
export async function readGrantHolders(
  db: Database,
  maxPages: number,
  fields?: Record<string, boolean>,
): Promise<Doc[]> {
  const users: Doc[] = [];
  for (let page = 0; page < maxPages; page++) {
    const query = db
      .collection(USERS)
      .where({ hasGrants: true })
      .orderBy('_id', 'asc')
      .skip(page * PAGE_SIZE)
      .limit(PAGE_SIZE);
    const { data } = await (fields ? query.field(fields) : query).get();
    users.push(...data);
    if (data.length < PAGE_SIZE) break;
  }
  return users;
}
