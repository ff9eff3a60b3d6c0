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
    openid: z.string().trim().min(1).max(64),
    role: z.enum(['admin', 'secretary', 'handler']),
    scopeId: id.optional(),
    /** The name shown for someone not on the roster (a handler, an admin from another office). */
    displayName: text(20).describe('显示姓名').optional(),
  }),
  importMembersFile: input({ fileID: z.string().trim().min(1).max(512) }),
  members: input({ orgId: id.optional(), page: z.number().int().min(0).max(1000).optional() }),
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
}
