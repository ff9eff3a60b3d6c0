// Binding an openid to a roster member: the decision table and the daily limit on failed attempts.

/** Failed bind attempts allowed per openid per day (Asia/Shanghai) before binding is refused until tomorrow. */
export const BIND_MAX_FAILURES_PER_DAY = 5;

export type BindDecision =
  /** Bind the caller to the member. */
  | 'bind'
  /** Already bound to this caller: nothing to write. */
  | 'already-mine'
  /** Bound to another openid. */
  | 'taken'
  /** The caller is bound to a different member already. */
  | 'caller-bound-elsewhere';

/**
 * Decides a bind from the member's current binding and the caller's.
 *
 * @example decideBind({ memberId: 'm1', memberOpenid: null, callerOpenid: 'o', callerMemberId: null }) // 'bind'
 * @example decideBind({ memberId: 'm1', memberOpenid: 'x', callerOpenid: 'o', callerMemberId: null })  // 'taken'
 */
export function decideBind(s: {
  memberId: string;
  memberOpenid: string | null;
  callerOpenid: string;
  callerMemberId: string | null;
}): BindDecision {
  if (s.memberOpenid !== null && s.memberOpenid !== s.callerOpenid) return 'taken';
  if (s.callerMemberId !== null && s.callerMemberId !== s.memberId) return 'caller-bound-elsewhere';
  if (s.memberOpenid === s.callerOpenid && s.callerMemberId === s.memberId) return 'already-mine';
  return 'bind';
}

/**
 * The deterministic `_id` of the counter of an openid's failed binds on one day, so retries hit one document.
 *
 * @example bindFailureCounterId('oAbc', '2020-07-01') // 'bind-fail:2020-07-01:oAbc'
 */
export function bindFailureCounterId(openid: string, day: string): string {
  return `bind-fail:${day}:${openid}`;
}

/**
 * Whether an openid with `failures` failed attempts today may try again.
 *
 * @example bindAllowed(4) // true
 * @example bindAllowed(5) // false
 */
export function bindAllowed(failures: number): boolean {
  return failures < BIND_MAX_FAILURES_PER_DAY;
}
