// The roster collection: one document per member, keyed by a random id, unique by phone.
import type { MemberSummary } from '@/domain/api/user';
import type { Database, Doc } from './db';
import { str } from './db';

export const MEMBERS = 'members';

/** A member as `login` and other functions show it, or null when the document is not a member. */
export function memberSummary(doc: Doc | null): MemberSummary | null {
  const name = str(doc, 'name');
  const orgId = str(doc, 'orgId');
  if (!doc || name === null || orgId === null) return null;
  return { memberId: doc._id, name, orgId };
}

/** More organisations than a city's agencies have; one aggregation answers for all of them. */
const ORGS_MAX = 5000;

/** How many members each organisation has on the roster, by orgId (one aggregation). */
export async function countMembersByOrg(db: Database): Promise<Record<string, number>> {
  const { list } = await db
    .collection(MEMBERS)
    .aggregate()
    .group({ _id: '$orgId', n: { $sum: 1 } })
    .limit(ORGS_MAX)
    .end();
  const counts: Record<string, number> = {};
  for (const g of list) if (typeof g._id === 'string') counts[g._id] = Number(g.n) || 0;
  return counts;
}

/**
 * `leader: true` marks a member the register lists as a 领导干部 (register.saveLeader sets it, removeLeader clears
 * it; the admin's and the secretaries' register.leaders heal a missing or stale one), so that `login`, which reads
 * the member document anyway, tells 我的 whether to show 领学带学督学 without reading the register.
 */
export function memberIsLeader(doc: Doc | null): boolean {
  return doc?.leader === true;
}

/** Sets or clears a member's leader mark (one write). */
export async function markLeader(db: Database, memberId: string, leader: boolean): Promise<void> {
  await db
    .collection(MEMBERS)
    .doc(memberId)
    .update({ data: { leader: leader ? true : db.command.remove() } });
}
