// org.saveOrg, org.saveDepartment and org.list: the organisation tree and the departments, kept in the directory.
import type { z } from 'zod';
import type { OrgApi, orgSchemas } from '@/domain/api/org';
import { checkOrgParent, ORG_MAX_DEPTH, sortOrgTree } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import type { ActionContext } from '../../server/dispatch';
import { DEPARTMENTS, nextSeq, ORGS, putDirectoryEntry, readDirectory } from '../../server/directory';
import { newId } from '../../server/ids';

/** Caps that keep the directory document (and `list`) small. */
export const MAX_ORGS = 1000;
export const MAX_DEPARTMENTS = 300;

const squeeze = (s: string) => s.replace(/\s+/g, '');

export async function saveOrg(
  input: z.output<typeof orgSchemas.saveOrg>,
  ctx: ActionContext,
): Promise<OrgApi['saveOrg']['output']> {
  const { db } = ctx;
  const dir = await readDirectory(db);
  const existing = input.orgId === undefined ? undefined : dir.orgs.find((o) => o.orgId === input.orgId);
  if (!existing && dir.orgs.length >= MAX_ORGS)
    throw new AppError('FAILED_PRECONDITION', `组织数量已达上限（${MAX_ORGS} 个）`);
  const orgId = input.orgId ?? newId('o');
  // Omitted on an update keeps the current parent; null moves the organisation to the top level.
  const parentId = input.parentId === undefined ? (existing?.parentId ?? null) : input.parentId;

  switch (checkOrgParent(dir.orgs, orgId, parentId)) {
    case 'missing-parent':
      throw new AppError('NOT_FOUND', '上级组织不存在');
    case 'cycle':
      throw new AppError('FAILED_PRECONDITION', '不能把组织放到它自己或它的下级组织之下');
    case 'too-deep':
      throw new AppError('FAILED_PRECONDITION', `组织层级不能超过 ${ORG_MAX_DEPTH} 级`);
    case 'ok':
      break;
  }
  if (dir.orgs.some((o) => o.orgId !== orgId && o.parentId === parentId && squeeze(o.name) === squeeze(input.name))) {
    throw new AppError('ALREADY_EXISTS', `同一上级组织下已有“${input.name}”`);
  }

  const now = db.serverDate();
  const ref = db.collection(ORGS).doc(orgId);
  if (existing) await ref.update({ data: { name: input.name, parentId, updatedAt: now } });
  else await ref.set({ data: { name: input.name, parentId, createdAt: now, updatedAt: now } });
  await putDirectoryEntry(db, dir, 'orgs', orgId, {
    name: input.name,
    parentId,
    seq: existing?.seq ?? nextSeq(dir.orgs),
  });
  return { orgId };
}

export async function saveDepartment(
  input: z.output<typeof orgSchemas.saveDepartment>,
  ctx: ActionContext,
): Promise<OrgApi['saveDepartment']['output']> {
  const { db } = ctx;
  const dir = await readDirectory(db);
  const existing =
    input.departmentId === undefined ? undefined : dir.departments.find((d) => d.departmentId === input.departmentId);
  if (!existing && dir.departments.length >= MAX_DEPARTMENTS) {
    throw new AppError('FAILED_PRECONDITION', `部门数量已达上限（${MAX_DEPARTMENTS} 个）`);
  }
  const departmentId = input.departmentId ?? newId('d');
  if (dir.departments.some((d) => d.departmentId !== departmentId && squeeze(d.name) === squeeze(input.name))) {
    throw new AppError('ALREADY_EXISTS', `已有名为“${input.name}”的部门`);
  }
  const now = db.serverDate();
  const ref = db.collection(DEPARTMENTS).doc(departmentId);
  if (existing) await ref.update({ data: { name: input.name, updatedAt: now } });
  else await ref.set({ data: { name: input.name, createdAt: now, updatedAt: now } });
  await putDirectoryEntry(db, dir, 'departments', departmentId, {
    name: input.name,
    seq: existing?.seq ?? nextSeq(dir.departments),
  });
  return { departmentId };
}

export async function list(_input: unknown, ctx: ActionContext): Promise<OrgApi['list']['output']> {
  const dir = await readDirectory(ctx.db);
  return {
    orgs: sortOrgTree(dir.orgs).map(({ orgId, name, parentId }) => ({ orgId, name, parentId })),
    departments: dir.departments.map(({ departmentId, name }) => ({ departmentId, name })),
  };
}
