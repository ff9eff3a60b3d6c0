// Table tests of the bind decision and the failed-attempt limit.
import { BIND_MAX_FAILURES_PER_DAY, bindAllowed, bindFailureCounterId, decideBind } from '@/domain/identity';

describe('decideBind', () => {
  it.each([
    ['free member, unbound caller', null, null, 'bind'],
    ['member bound to the caller', 'me', 'm1', 'already-mine'],
    ['member bound to the caller, caller record lost', 'me', null, 'bind'],
    ['member bound to someone else', 'other', null, 'taken'],
    ['member bound to someone else, caller bound elsewhere', 'other', 'm2', 'taken'],
    ['free member, caller bound to another member', null, 'm2', 'caller-bound-elsewhere'],
    ['free member, caller record points to it', null, 'm1', 'bind'],
  ] as const)('%s', (_title, memberOpenid, callerMemberId, expected) => {
    expect(decideBind({ memberId: 'm1', memberOpenid, callerOpenid: 'me', callerMemberId })).toBe(expected);
  });
});

describe('bind limit', () => {
  it('allows attempts below the daily limit only', () => {
    expect(BIND_MAX_FAILURES_PER_DAY).toBe(5);
    expect([0, 4, 5, 6].map(bindAllowed)).toEqual([true, true, false, false]);
  });

  it('keys the counter by day and openid', () => {
    expect(bindFailureCounterId('oAbc', '2020-07-01')).toBe('bind-fail:2020-07-01:oAbc');
    expect(bindFailureCounterId('oAbc', '2020-07-02')).not.toBe(bindFailureCounterId('oAbc', '2020-07-01'));
  });
});
