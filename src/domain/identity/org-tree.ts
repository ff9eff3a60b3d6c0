// The organisation tree (机关工委 -> 机关党委 -> 党支部): ordering, parent checks, scopes and name lookup.

export interface OrgNode {
  orgId: string;
  name: string;
  parentId: string | null;
  /** Creation sequence; orders siblings. */
  seq: number;
}

/** Deepest tree the app accepts (工委 / 机关党委 / 党总支 / 党支部 / 党小组 and one spare level). */
export const ORG_MAX_DEPTH = 6;

function childrenByParent(orgs: readonly OrgNode[]): Map<string | null, OrgNode[]> {
  const ids = new Set(orgs.map((o) => o.orgId));
  const map = new Map<string | null, OrgNode[]>();
  for (const o of orgs) {
    // A node whose parent is missing is shown as a root rather than lost.
    const key = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    const list = map.get(key) ?? [];
    list.push(o);
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name, 'zh-CN'));
  return map;
}

/**
 * Orders organisations depth-first: every parent before its children, siblings by creation order.
 *
 * @example sortOrgTree([{ orgId: 'b', name: '支部', parentId: 'a', seq: 1 }, { orgId: 'a', name: '工委', parentId: null, seq: 2 }])
 *   // -> [a, b]
 */
export function sortOrgTree<T extends OrgNode>(orgs: readonly T[]): T[] {
  const children = childrenByParent(orgs) as Map<string | null, T[]>;
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (node: T) => {
    if (seen.has(node.orgId)) return;
    seen.add(node.orgId);
    out.push(node);
    for (const c of children.get(node.orgId) ?? []) visit(c);
  };
  for (const root of children.get(null) ?? []) visit(root);
  // Nodes only reachable through a cycle (never written by saveOrg, but data can be edited by hand).
  for (const o of orgs) visit(o);
  return out;
}

export type ParentCheck = 'ok' | 'missing-parent' | 'cycle' | 'too-deep';

/**
 * Checks that `orgId` may hang under `parentId`: the parent exists, is not the node itself or one of its
 * descendants, and the result is at most ORG_MAX_DEPTH levels deep (counting the node's own subtree).
 *
 * @example checkOrgParent([{ orgId: 'a', name: '工委', parentId: null, seq: 1 }], 'b', 'a') // 'ok'
 * @example checkOrgParent([{ orgId: 'a', name: '工委', parentId: null, seq: 1 }], 'a', 'a') // 'cycle'
 */
export function checkOrgParent(orgs: readonly OrgNode[], orgId: string, parentId: string | null): ParentCheck {
  if (parentId === null) return 'ok';
  const byId = new Map(orgs.map((o) => [o.orgId, o]));
  if (!byId.has(parentId)) return 'missing-parent';
  let depthAbove = 0;
  for (let cur: string | null = parentId; cur !== null; cur = byId.get(cur)?.parentId ?? null) {
    if (cur === orgId) return 'cycle';
    depthAbove++;
    if (depthAbove > orgs.length) return 'cycle';
  }
  const below = subtreeHeight(orgs, orgId);
  return depthAbove + below > ORG_MAX_DEPTH ? 'too-deep' : 'ok';
}

function subtreeHeight(orgs: readonly OrgNode[], orgId: string): number {
  const children = childrenByParent(orgs);
  const height = (id: string, guard: number): number =>
    guard > orgs.length ? 0 : 1 + Math.max(0, ...(children.get(id) ?? []).map((c) => height(c.orgId, guard + 1)));
  return height(orgId, 0);
}

/**
 * The given organisations and all their descendants (a secretary of a 机关党委 also manages its branches).
 *
 * @example [...orgSubtree([{ orgId: 'a', name: '党委', parentId: null, seq: 1 }, { orgId: 'b', name: '支部', parentId: 'a', seq: 2 }], ['a'])]
 *   // -> ['a', 'b']
 */
export function orgSubtree(orgs: readonly OrgNode[], rootIds: readonly string[]): Set<string> {
  const known = new Set(orgs.map((o) => o.orgId));
  const children = childrenByParent(orgs);
  const out = new Set<string>();
  const stack = rootIds.filter((id) => known.has(id));
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c.orgId);
  }
  return out;
}

/**
 * An organisation and everything above it, nearest first (a broken tree with a cycle stops where it repeats).
 *
 * @example orgAncestry(new Map([['a', { orgId: 'a', name: '党委', parentId: null, seq: 1 }], ['b', { orgId: 'b', name: '支部', parentId: 'a', seq: 2 }]]), 'b')
 *   // -> ['b', 'a']
 */
export function orgAncestry(byId: ReadonlyMap<string, OrgNode>, orgId: string): string[] {
  const out: string[] = [];
  for (
    let cur = byId.get(orgId);
    cur && !out.includes(cur.orgId);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined
  )
    out.push(cur.orgId);
  return out;
}

export type OrgRefResult = { ok: true; orgId: string } | { ok: false; reason: 'unknown' | 'ambiguous' };

/**
 * Resolves what a roster sheet says in 所属组织: an orgId, or an organisation's full name when it is unique.
 *
 * @example resolveOrgRef([{ orgId: 'o1', name: '市教育局机关第一党支部', parentId: null, seq: 1 }], '市教育局机关第一党支部')
 *   // -> { ok: true, orgId: 'o1' }
 */
export function resolveOrgRef(orgs: readonly OrgNode[], ref: string, allowNames = true): OrgRefResult {
  const key = ref.trim();
  if (orgs.some((o) => o.orgId === key)) return { ok: true, orgId: key };
  if (!allowNames) return { ok: false, reason: 'unknown' };
  const squeezed = key.replace(/\s+/g, '');
  const byName = orgs.filter((o) => o.name.replace(/\s+/g, '') === squeezed);
  if (byName.length === 1) return { ok: true, orgId: byName[0].orgId };
  return { ok: false, reason: byName.length > 1 ? 'ambiguous' : 'unknown' };
}
