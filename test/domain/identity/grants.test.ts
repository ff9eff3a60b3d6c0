// Table tests of role grants.
import {
  addGrant,
  effectiveGrants,
  grantShapeError,
  identityIsAdmin,
  parseAdminOpenids,
  removeGrant,
  sameGrant,
  identityScopesOf,
} from '@/domain/identity';
import type { RoleGrant } from '@/domain/roles';

const sec = (scopeId: string): RoleGrant => ({ role: 'secretary', scopeId });
const handler = (scopeId: string): RoleGrant => ({ role: 'handler', scopeId });

describe('sameGrant', () => {
  it.each([
    [{ role: 'admin' }, { role: 'admin' }, true],
    [sec('o1'), sec('o1'), true],
    [sec('o1'), sec('o2'), false],
    [sec('o1'), handler('o1'), false],
  ] as Array<[RoleGrant, RoleGrant, boolean]>)('%p vs %p', (a, b, expected) => {
    expect(sameGrant(a, b)).toBe(expected);
  });
});

describe('addGrant / removeGrant', () => {
  it('adds a new grant and ignores a repeated one', () => {
    const once = addGrant([], sec('o1'));
    expect(once).toEqual({ grants: [sec('o1')], changed: true });
    expect(addGrant(once.grants, sec('o1'))).toEqual({ grants: [sec('o1')], changed: false });
    expect(addGrant(once.grants, sec('o2')).grants).toEqual([sec('o1'), sec('o2')]);
  });

  it('removes only the matching grant', () => {
    expect(removeGrant([sec('o1'), sec('o2'), { role: 'admin' }], sec('o2'))).toEqual({
      grants: [sec('o1'), { role: 'admin' }],
      changed: true,
    });
    expect(removeGrant([sec('o1')], handler('o1'))).toEqual({ grants: [sec('o1')], changed: false });
  });

  it('stores an admin grant without a scopeId key', () => {
    expect(addGrant([], { role: 'admin', scopeId: undefined }).grants[0]).toStrictEqual({ role: 'admin' });
  });
});

describe('effectiveGrants', () => {
  it.each([
    [[], false, []],
    [[], true, [{ role: 'admin' }]],
    [[{ role: 'admin' }], true, [{ role: 'admin' }]],
    [[sec('o1')], true, [{ role: 'admin' }, sec('o1')]],
    [undefined, false, []],
    ['garbage', false, []],
    [
      [{ role: 'root' }, { role: 'secretary' }, { role: 'handler', scopeId: '' }, null, handler('d1')],
      false,
      [handler('d1')],
    ],
  ])('%p (config admin %p) -> %p', (stored, configAdmin, expected) => {
    expect(effectiveGrants(stored, configAdmin)).toEqual(expected);
  });
});

describe('identityScopesOf / identityIsAdmin', () => {
  const grants: RoleGrant[] = [sec('o1'), handler('d1'), sec('o2')];
  it('lists scopes per role', () => {
    expect(identityScopesOf(grants, 'secretary')).toEqual(['o1', 'o2']);
    expect(identityScopesOf(grants, 'handler')).toEqual(['d1']);
  });
  it('tells admins apart', () => {
    expect(identityIsAdmin(grants)).toBe(false);
    expect(identityIsAdmin([...grants, { role: 'admin' }])).toBe(true);
  });
});

describe('grantShapeError', () => {
  it.each([
    [{ role: 'admin' }, null],
    [{ role: 'admin', scopeId: 'o1' }, '管理员权限不带范围，请去掉 scopeId'],
    [{ role: 'secretary' }, '授予支部书记权限需要指定组织（scopeId）'],
    [{ role: 'handler' }, '授予部门经办人权限需要指定部门（scopeId）'],
    [sec('o1'), null],
    [handler('d1'), null],
  ] as Array<[RoleGrant, string | null]>)('%p -> %p', (grant, expected) => {
    expect(grantShapeError(grant)).toBe(expected);
  });
});

describe('parseAdminOpenids', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['a', ['a']],
    [' a, b,,c ', ['a', 'b', 'c']],
  ])('%p -> %p', (raw, expected) => {
    expect(parseAdminOpenids(raw)).toEqual(expected);
  });
});
