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

/**
 * `leader: true` marks a member the register lists as a 领导干部 (register.saveLeader sets it, removeLeader clears
 * it), so that `login`, which reads the member document anyway, tells 我的 whether to show 领学带学督学 without
 * reading the register.
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
