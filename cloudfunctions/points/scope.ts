// Who may see an org's points views: admins every org, a secretary the own org and everything below it.
import { orgSubtree } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { OrgNode } from '@/domain/identity';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { shanghaiYear } from '../../server/time';

/** The org (NOT_FOUND when unknown) after checking the caller's scope (PERMISSION_DENIED); one directory read. */
export async function scopedOrg(ctx: ActionContext, orgId: string): Promise<{ org: OrgNode; orgs: OrgNode[] }> {
  const caller = await ctx.caller();
  const dir = await readDirectory(ctx.db);
  const org = dir.orgs.find((o) => o.orgId === orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  if (!callerIsAdmin(caller) && !orgSubtree(dir.orgs, secretaryScopes(caller)).has(orgId))
    throw new AppError('PERMISSION_DENIED', '只能查看本组织及下级组织的积分与看板');
  return { org, orgs: dir.orgs };
}

/** A year that has begun (FAILED_PRECONDITION for a later one: nothing to show or evaluate yet). */
export function requireStartedYear(year: number, now: Date): void {
  if (year > shanghaiYear(now)) throw new AppError('FAILED_PRECONDITION', `${year} 年尚未开始`);
}
