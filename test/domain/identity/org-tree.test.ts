// Table tests of the organisation tree: ordering, parent checks, subtrees and name lookup.
import type { OrgNode } from '@/domain/identity';
import { checkOrgParent, ORG_MAX_DEPTH, orgSubtree, resolveOrgRef, sortOrgTree } from '@/domain/identity';

const node = (orgId: string, parentId: string | null, seq: number, name = orgId): OrgNode => ({
  orgId,
  name,
  parentId,
  seq,
});

// 工委 gw -> 党委 a, b -> 支部 a1, a2, b1
const TREE: OrgNode[] = [
  node('a2', 'a', 6, '第二党支部'),
  node('b1', 'b', 5, '第一党支部'),
  node('a1', 'a', 4, '第一党支部'),
  node('b', 'gw', 3, '乙局机关党委'),
  node('a', 'gw', 2, '甲局机关党委'),
  node('gw', null, 1, '市直机关工委'),
];

describe('sortOrgTree', () => {
  it('puts every parent before its children, siblings in creation order', () => {
    expect(sortOrgTree(TREE).map((o) => o.orgId)).toEqual(['gw', 'a', 'a1', 'a2', 'b', 'b1']);
  });

  it('keeps nodes with a missing parent (as roots) and nodes on a cycle', () => {
    const odd = [node('x', 'missing', 2), node('p', 'q', 3), node('q', 'p', 4), node('r', null, 1)];
    expect(sortOrgTree(odd).map((o) => o.orgId)).toEqual(['r', 'x', 'p', 'q']);
  });
});

describe('checkOrgParent', () => {
  it.each([
    ['new node under a branch', 'new', 'a1', 'ok'],
    ['new root', 'new', null, 'ok'],
    ['move a branch to another 党委', 'a1', 'b', 'ok'],
    ['unknown parent', 'new', 'nope', 'missing-parent'],
    ['itself', 'a', 'a', 'cycle'],
    ['own child', 'a', 'a1', 'cycle'],
    ['own grandchild', 'gw', 'a1', 'cycle'],
  ] as const)('%s', (_title, orgId, parentId, expected) => {
    expect(checkOrgParent(TREE, orgId, parentId)).toBe(expected);
  });

  it(`refuses trees deeper than ${ORG_MAX_DEPTH} levels`, () => {
    const chain = Array.from({ length: ORG_MAX_DEPTH }, (_, i) => node(`l${i}`, i === 0 ? null : `l${i - 1}`, i));
    expect(checkOrgParent(chain, 'deeper', `l${ORG_MAX_DEPTH - 1}`)).toBe('too-deep');
    expect(checkOrgParent(chain, 'ok', `l${ORG_MAX_DEPTH - 2}`)).toBe('ok');
    // Moving a two-level subtree under the fifth level makes it seven deep.
    const withSub = [...chain, node('s', null, 10), node('s1', 's', 11)];
    expect(checkOrgParent(withSub, 's', `l${ORG_MAX_DEPTH - 2}`)).toBe('too-deep');
  });
});

describe('orgSubtree', () => {
  it.each([
    [['a'], ['a', 'a1', 'a2']],
    [['gw'], ['gw', 'a', 'a1', 'a2', 'b', 'b1']],
    [
      ['a1', 'b'],
      ['a1', 'b', 'b1'],
    ],
    [['unknown'], []],
    [[], []],
  ])('%p -> %p', (roots, expected) => {
    expect([...orgSubtree(TREE, roots)].sort()).toEqual([...expected].sort());
  });
});

describe('resolveOrgRef', () => {
  it.each([
    ['a1', true, { ok: true, orgId: 'a1' }],
    [' a1 ', true, { ok: true, orgId: 'a1' }],
    ['甲局机关党委', true, { ok: true, orgId: 'a' }],
    ['甲局 机关党委', true, { ok: true, orgId: 'a' }],
    ['甲局机关党委', false, { ok: false, reason: 'unknown' }],
    ['第一党支部', true, { ok: false, reason: 'ambiguous' }],
    ['不存在的支部', true, { ok: false, reason: 'unknown' }],
  ])('%p (names allowed: %p)', (ref, allowNames, expected) => {
    expect(resolveOrgRef(TREE, ref, allowNames)).toEqual(expected);
  });
});
