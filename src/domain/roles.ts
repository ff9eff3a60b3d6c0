// Roles a caller can hold; "member" comes from a roster binding, not from a grant.

export type GrantedRole = 'admin' | 'secretary' | 'handler';

export interface RoleGrant {
  role: GrantedRole;
  /** orgId for a secretary, departmentId for a handler; absent for an admin. */
  scopeId?: string;
}
