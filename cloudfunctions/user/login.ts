// user.login: the caller's openid, roles and bound member (one read, two when bound).
import type { UserApi } from '@/domain/api/user';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS, memberSummary } from '../../server/members';

export async function login(_input: unknown, ctx: ActionContext): Promise<UserApi['login']['output']> {
  const caller = await ctx.caller();
  let member = null;
  if (caller.memberId) {
    const { data } = await ctx.db.collection(MEMBERS).doc(caller.memberId).get();
    // A binding an admin has since removed or moved to another openid no longer counts.
    if (data?.openid === caller.openid) member = memberSummary(data);
  }
  return { openid: caller.openid, roles: caller.grants, member };
}
