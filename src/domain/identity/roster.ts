// Roster import: checking rows one by one (a bad row never stops the others) and planning creates and updates.
import type { RowError } from '../api/org';
import { identityNormalizeName } from './name';
import type { OrgNode } from './org-tree';
import { resolveOrgRef } from './org-tree';
import { identityNormalizePhone } from './phone';

/** One row as submitted: raw values, checked here. `row` is what errors report (1-based or the Excel row). */
export interface RosterInputRow {
  row: number;
  name: unknown;
  phone: unknown;
  org: unknown;
  /** Field names the row carried that the roster does not know. */
  unknownFields?: string[];
}

export interface RosterRow {
  row: number;
  name: string;
  phone: string;
  orgId: string;
}

export interface RosterRules {
  orgs: readonly OrgNode[];
  /** Organisations the caller may import into; null means any (an admin). */
  allowedOrgIds: ReadonlySet<string> | null;
  /** Whether 所属组织 may be a full organisation name as well as an orgId (Excel sheets). */
  orgByName: boolean;
  /** Used when a row leaves 所属组织 empty (a secretary of exactly one organisation). */
  defaultOrgId?: string;
}

/**
 * Checks every row and keeps the good ones; each bad row yields one error naming all its problems.
 * A phone number seen in an earlier row makes the later row an error (the roster is keyed by phone).
 *
 * @example validateRosterRows([{ row: 1, name: '张伟', phone: '13800000001', org: 'o1' }], { orgs: [{ orgId: 'o1', name: '支部', parentId: null, seq: 1 }], allowedOrgIds: null, orgByName: false })
 *   // { valid: [{ row: 1, name: '张伟', phone: '13800000001', orgId: 'o1' }], errors: [] }
 */
export function validateRosterRows(
  rows: readonly RosterInputRow[],
  rules: RosterRules,
): { valid: RosterRow[]; errors: RowError[] } {
  const valid: RosterRow[] = [];
  const errors: RowError[] = [];
  const firstRowOfPhone = new Map<string, number>();
  for (const input of rows) {
    const problems: string[] = [];
    if (input.unknownFields?.length)
      problems.push(`不支持的字段：${input.unknownFields.map((f) => f.slice(0, 32)).join('、')}`);

    const name = identityNormalizeName(input.name);
    if (name === null) problems.push(isBlank(input.name) ? '缺少姓名' : '姓名无效（最多 32 个字）');

    const phone = identityNormalizePhone(input.phone);
    if (phone === null) problems.push(isBlank(input.phone) ? '缺少手机号' : '手机号格式不正确（应为 11 位手机号）');
    else if (firstRowOfPhone.has(phone)) problems.push(`手机号与第 ${firstRowOfPhone.get(phone)} 行重复`);

    const orgId = resolveOrg(input.org, rules, problems);

    if (phone !== null && !firstRowOfPhone.has(phone)) firstRowOfPhone.set(phone, input.row);
    if (problems.length || name === null || phone === null || orgId === null) {
      errors.push({ row: input.row, message: problems.join('；') });
    } else {
      valid.push({ row: input.row, name, phone, orgId });
    }
  }
  return { valid, errors };
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function resolveOrg(raw: unknown, rules: RosterRules, problems: string[]): string | null {
  let orgId: string;
  if (isBlank(raw)) {
    if (rules.defaultOrgId === undefined) {
      problems.push('缺少所属组织');
      return null;
    }
    orgId = rules.defaultOrgId;
  } else if (typeof raw !== 'string' || raw.length > 128) {
    problems.push('所属组织无效');
    return null;
  } else {
    const ref = resolveOrgRef(rules.orgs, raw, rules.orgByName);
    if (!ref.ok) {
      problems.push(
        ref.reason === 'ambiguous'
          ? `组织名称“${raw.trim()}”不唯一，请填写组织编号`
          : `所属组织“${raw.trim().slice(0, 64)}”不存在`,
      );
      return null;
    }
    orgId = ref.orgId;
  }
  if (rules.allowedOrgIds !== null && !rules.allowedOrgIds.has(orgId)) {
    problems.push('无权导入到该组织（只能导入本组织的党员）');
    return null;
  }
  return orgId;
}

export interface ExistingMember {
  memberId: string;
  name: string;
  phone: string;
  orgId: string;
}

export interface RosterUpdate {
  memberId: string;
  row: number;
  /** Only the fields that change. */
  patch: { name?: string; orgId?: string };
}

export interface ImportPlan {
  creates: RosterRow[];
  updates: RosterUpdate[];
  /** Rows that match an existing member exactly: counted as updated, nothing to write. */
  unchanged: RosterRow[];
  errors: RowError[];
}

/**
 * Splits valid rows into new members, changed members and unchanged ones, keyed by phone.
 * A secretary may not take over a member registered in an organisation outside the own scope.
 *
 * @example identityPlanImport([{ row: 1, name: '张伟', phone: '13800000001', orgId: 'o2' }], [{ memberId: 'm1', name: '张伟', phone: '13800000001', orgId: 'o1' }], null)
 *   // { creates: [], updates: [{ memberId: 'm1', row: 1, patch: { orgId: 'o2' } }], unchanged: [], errors: [] }
 */
export function identityPlanImport(
  rows: readonly RosterRow[],
  existing: readonly ExistingMember[],
  allowedOrgIds: ReadonlySet<string> | null,
): ImportPlan {
  const byPhone = new Map(existing.map((m) => [m.phone, m]));
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], errors: [] };
  for (const r of rows) {
    const m = byPhone.get(r.phone);
    if (!m) {
      plan.creates.push(r);
      continue;
    }
    if (allowedOrgIds !== null && !allowedOrgIds.has(m.orgId)) {
      plan.errors.push({ row: r.row, message: '该手机号已登记在其他组织，无权修改，请联系机关工委' });
      continue;
    }
    const patch: RosterUpdate['patch'] = {};
    if (m.name !== r.name) patch.name = r.name;
    if (m.orgId !== r.orgId) patch.orgId = r.orgId;
    if (Object.keys(patch).length) plan.updates.push({ memberId: m.memberId, row: r.row, patch });
    else plan.unchanged.push(r);
  }
  return plan;
}

/**
 * Splits a list into chunks (database reads and batched writes go in 100s).
 *
 * @example identityChunk([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function identityChunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
