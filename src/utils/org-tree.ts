// The flat org list (each row names its parent) as a tree for display, and as the domain's OrgNode rows.
import type { OrgRow } from '@/domain/api';
import type { OrgNode as DomainOrgNode } from '@/domain/identity';

export interface OrgNode {
  org: OrgRow;
  children: OrgNode[];
}

export interface FlatOrg {
  org: OrgRow;
  depth: number;
}

/**
 * org.list rows as the domain's OrgNode (which orders siblings by `seq`): org.list already answers in tree order,
 * so the position is the sequence.
 */
export function toOrgNodes(orgs: readonly OrgRow[]): DomainOrgNode[] {
  return orgs.map((o, seq) => ({ orgId: o.orgId, name: o.name, parentId: o.parentId, seq }));
}

/**
 * Builds the tree in the server's order. A row whose parent is missing (or part of a cycle) becomes a root, so that
 * no org is ever hidden.
 * @example buildOrgTree([{ orgId: 'a', name: '机关党委', parentId: null }, { orgId: 'b', name: '一支部', parentId: 'a' }])
 *          // -> [{ org: 机关党委, children: [{ org: 一支部, children: [] }] }]
 */
export function buildOrgTree(orgs: readonly OrgRow[]): OrgNode[] {
  const byId = new Map(orgs.map((o) => [o.orgId, o]));
  const nodes = new Map(orgs.map((o) => [o.orgId, { org: o, children: [] as OrgNode[] }]));
  const reachesRoot = (o: OrgRow): boolean => {
    const seen = new Set<string>();
    let cur: OrgRow | undefined = o;
    while (cur && cur.parentId) {
      if (seen.has(cur.orgId)) return false;
      seen.add(cur.orgId);
      cur = byId.get(cur.parentId);
      if (!cur) return false;
    }
    return true;
  };
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.orgId) as OrgNode;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    if (parent && reachesRoot(o)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Depth-first rows with their depth (0 for roots), e.g. for an indented list or a picker. */
export function flattenOrgTree(tree: readonly OrgNode[], depth = 0): FlatOrg[] {
  return tree.flatMap((n) => [{ org: n.org, depth }, ...flattenOrgTree(n.children, depth + 1)]);
}

/** Picker options for orgs in tree order (parents before their children); the native picker centres plain names. */
export function orgOptions(
  orgs: readonly OrgRow[],
  keep: (orgId: string) => boolean = () => true,
): Array<{ value: string; label: string }> {
  return flattenOrgTree(buildOrgTree(orgs))
    .filter((f) => keep(f.org.orgId))
    .map((f) => ({ value: f.org.orgId, label: f.org.name }));
}
