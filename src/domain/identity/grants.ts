// Role grants held in a `users` document: adding, removing, checking scopes, and the admins named in config.
import type { GrantedRole, RoleGrant } from '../roles';

/**
 * Whether two grants are the same role on the same scope.
 *
 * @example sameGrant({ role: 'secretary', scopeId: 'o1' }, { role: 'secretary', scopeId: 'o1' }) // true
 */
export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.role === b.role && (a.scopeId ?? null) === (b.scopeId ?? null);
}

/** A grant in its stored form: no `scopeId` key at all for an admin. */
function clean(g: RoleGrant): RoleGrant {
  return g.scopeId === undefined ? { role: g.role } : { role: g.role, scopeId: g.scopeId };
}

/**
 * Adds a grant unless it is already held (granting is idempotent).
 *
 * @example addGrant([], { role: 'handler', scopeId: 'd1' }) // { grants: [{ role: 'handler', scopeId: 'd1' }], changed: true }
 * @example addGrant([{ role: 'admin' }], { role: 'admin' })  // { grants: [{ role: 'admin' }], changed: false }
 */
export function addGrant(grants: readonly RoleGrant[], grant: RoleGrant): { grants: RoleGrant[]; changed: boolean } {
  if (grants.some((g) => sameGrant(g, grant))) return { grants: grants.map(clean), changed: false };
  return { grants: [...grants.map(clean), clean(grant)], changed: true };
}

/**
 * Removes a grant; `changed` is false when it was not held.
 *
 * @example removeGrant([{ role: 'admin' }, { role: 'handler', scopeId: 'd1' }], { role: 'admin' })
 *   // { grants: [{ role: 'handler', scopeId: 'd1' }], changed: true }
 */
export function removeGrant(grants: readonly RoleGrant[], grant: RoleGrant): { grants: RoleGrant[]; changed: boolean } {
  const kept = grants.filter((g) => !sameGrant(g, grant)).map(clean);
  return { grants: kept, changed: kept.length !== grants.length };
}

/**
 * The grants a caller holds: the stored ones plus `admin` when the openid is named in ADMIN_OPENIDS.
 * Malformed stored entries are dropped rather than trusted.
 *
 * @example effectiveGrants([{ role: 'secretary', scopeId: 'o1' }], true)
 *   // [{ role: 'admin' }, { role: 'secretary', scopeId: 'o1' }]
 */
export function effectiveGrants(stored: unknown, configAdmin: boolean): RoleGrant[] {
  const valid = (Array.isArray(stored) ? stored : []).filter(isRoleGrant).map(clean);
  if (configAdmin && !valid.some((g) => g.role === 'admin')) return [{ role: 'admin' }, ...valid];
  return valid;
}

function isRoleGrant(g: unknown): g is RoleGrant {
  if (typeof g !== 'object' || g === null) return false;
  const { role, scopeId } = g as { role?: unknown; scopeId?: unknown };
  if (role === 'admin') return scopeId === undefined || scopeId === null;
  return (role === 'secretary' || role === 'handler') && typeof scopeId === 'string' && scopeId.length > 0;
}

/**
 * The scopes (orgIds or departmentIds) a caller holds a role for.
 *
 * @example identityScopesOf([{ role: 'secretary', scopeId: 'o1' }, { role: 'handler', scopeId: 'd1' }], 'secretary') // ['o1']
 */
export function identityScopesOf(grants: readonly RoleGrant[], role: Exclude<GrantedRole, 'admin'>): string[] {
  return grants.filter((g) => g.role === role && g.scopeId !== undefined).map((g) => g.scopeId as string);
}

/**
 * Whether the grants include `admin`.
 *
 * @example identityIsAdmin([{ role: 'admin' }]) // true
 */
export function identityIsAdmin(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'admin');
}

/**
 * Checks the shape of a grant request: an admin has no scope, a secretary has an orgId, a handler a departmentId.
 * Returns a message for people, or null when the shape is right (existence of the scope is checked by the caller).
 *
 * @example grantShapeError({ role: 'secretary' }) // '授予支部书记权限需要指定组织（scopeId）'
 * @example grantShapeError({ role: 'admin' })     // null
 */
export function grantShapeError(grant: RoleGrant): string | null {
  if (grant.role === 'admin') return grant.scopeId === undefined ? null : '管理员权限不带范围，请去掉 scopeId';
  if (grant.scopeId === undefined) {
    return grant.role === 'secretary'
      ? '授予支部书记权限需要指定组织（scopeId）'
      : '授予部门经办人权限需要指定部门（scopeId）';
  }
  return null;
}

/**
 * Parses the ADMIN_OPENIDS setting (comma-separated; blanks ignored).
 *
 * @example parseAdminOpenids(' a, b,,c ') // ['a', 'b', 'c']
 */
export function parseAdminOpenids(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
