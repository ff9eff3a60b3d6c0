// user.login: the caller's openid, roles and bound member (one read, two when bound), and whether the member is a
// 领导干部 (the mark on the member document: no further read).
import type { UserApi } from '@/domain/api/user';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS, memberIsLeader, memberSummary } from '../../server/members';

export async function login(_input: unknown, ctx: ActionContext): Promise<UserApi['login']['output']> {
  const caller = await ctx.caller();
  let member = null;
  let leader = false;
  if (caller.memberId) {
    const { data } = await ctx.db.collection(MEMBERS).doc(caller.memberId).get();
    // A binding an admin has since removed or moved to another openid no longer counts.
    if (data?.openid === caller.openid) {
      member = memberSummary(data);
      leader = member !== null && memberIsLeader(data);
    }
  }
  return { openid: caller.openid, roles: caller.grants, member, ...(leader ? { leader: true } : {}) };
}
