// Contract of the `org` cloud function: input schemas and output shapes.
import { z } from 'zod';
import { id, input, slug, text } from './common';

/** Most rows one importMembers call takes; the admin page splits larger rosters. */
export const IMPORT_MAX_ROWS = 2000;

export const orgSchemas = {
  saveOrg: input({ orgId: slug.optional(), name: text(64).describe('组织名称'), parentId: id.nullable().optional() }),
  saveDepartment: input({ departmentId: slug.optional(), name: text(64).describe('部门名称') }),
  importMembers: input({
    // Rows are validated one by one in the handler so that a bad row yields a row error, not a failed call.
    rows: z.array(z.record(z.string(), z.unknown())).min(1).max(IMPORT_MAX_ROWS),
  }),
  grantRole: input({
    /** Who gets the role: a known openid, or (from the role page) a bound member picked from the roster. */
    openid: z.string().trim().min(1).max(64).optional(),
    memberId: id.optional(),
    role: z.enum(['admin', 'secretary', 'handler']),
    scopeId: id.optional(),
    /** The name shown for someone not on the roster (a handler, an admin from another office). */
    displayName: text(20).describe('显示姓名').optional(),
  }).refine((g) => (g.openid === undefined) !== (g.memberId === undefined), {
    message: '请从名册中选择一名党员',
  }),
  /** A one-time code for someone who is not a bound member yet: whoever opens it first holds the role. */
  createInvite: input({
    role: z.enum(['admin', 'secretary', 'handler']),
    scopeId: id.optional(),
    displayName: text(20).describe('被邀请人的姓名'),
  }),
  listInvites: input({}),
  cancelInvite: input({ code: z.string().trim().min(1).max(64).describe('邀请码') }),
  acceptInvite: input({ code: z.string().trim().min(1).max(64).describe('邀请码') }),
  importMembersFile: input({ fileID: z.string().trim().min(1).max(512) }),
  members: input({
    orgId: id.optional(),
    page: z.number().int().min(0).max(1000).optional(),
    /** Part of a name (the role page's picker). */
    query: z.string().trim().max(20).optional(),
  }),
  listGrants: input({}),
  revokeRole: input({
    openid: z.string().trim().min(1).max(64),
    role: z.enum(['admin', 'secretary', 'handler']),
    scopeId: id.optional(),
  }),
  list: input({}),
};

/** Roster page size (the database pages in 100s). */
export const MEMBERS_PAGE_SIZE = 100;

export interface MemberRow {
  memberId: string;
  name: string;
  /** Masked for display, e.g. 138****5678. */
  phone: string;
  orgId: string;
  bound: boolean;
}

export interface GrantRow {
  openid: string;
  role: 'admin' | 'secretary' | 'handler';
  scopeId?: string;
  /** The bound member's name, else the display name given when a role was granted. */
  name?: string;
  /** true for admins named in ADMIN_OPENIDS (cannot be revoked from the app). */
  fromConfig?: boolean;
}

/** An open invitation (org.listInvites). */
export interface InviteRow {
  /** The code as stored (10 characters); shown as two groups of five. */
  code: string;
  role: 'admin' | 'secretary' | 'handler';
  scopeId?: string;
  displayName: string;
  expiresAt: string;
}

export interface OrgRow {
  orgId: string;
  name: string;
  parentId: string | null;
}

export interface DepartmentRow {
  departmentId: string;
  name: string;
}

export interface RowError {
  /** 1-based row number in the submitted rows. */
  row: number;
  message: string;
}

export interface OrgApi {
  saveOrg: { input: z.input<typeof orgSchemas.saveOrg>; output: { orgId: string } };
  saveDepartment: { input: z.input<typeof orgSchemas.saveDepartment>; output: { departmentId: string } };
  importMembers: {
    input: { rows: Array<{ name: string; phone: string; orgId: string }> };
    output: { created: number; updated: number; errors: RowError[] };
  };
  importMembersFile: {
    input: z.input<typeof orgSchemas.importMembersFile>;
    output: { created: number; updated: number; errors: RowError[] };
  };
  members: {
    input: z.input<typeof orgSchemas.members>;
    output: { members: MemberRow[]; total: number; page: number; pageSize: number };
  };
  listGrants: { input: z.input<typeof orgSchemas.listGrants>; output: { grants: GrantRow[] } };
  revokeRole: { input: z.input<typeof orgSchemas.revokeRole>; output: Record<string, never> };
  grantRole: { input: z.input<typeof orgSchemas.grantRole>; output: Record<string, never> };
  list: { input: z.input<typeof orgSchemas.list>; output: { orgs: OrgRow[]; departments: DepartmentRow[] } };
  createInvite: { input: z.input<typeof orgSchemas.createInvite>; output: { code: string; expiresAt: string } };
  listInvites: { input: z.input<typeof orgSchemas.listInvites>; output: { invites: InviteRow[] } };
  cancelInvite: { input: z.input<typeof orgSchemas.cancelInvite>; output: Record<string, never> };
  /** The role the caller now holds. */
  acceptInvite: {
    input: z.input<typeof orgSchemas.acceptInvite>;
    output: { role: 'admin' | 'secretary' | 'handler'; scopeId?: string; displayName: string };
  };
}
