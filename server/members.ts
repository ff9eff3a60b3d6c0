// The roster collection: one document per member, keyed by a random id, unique by phone.
import type { MemberSummary } from '@/domain/api/user';
import type { Doc } from './db';
import { str } from './db';

export const MEMBERS = 'members';

/** A member as `login` and other functions show it, or null when the document is not a member. */
export function memberSummary(doc: Doc | null): MemberSummary | null {
  const name = str(doc, 'name');
  const orgId = str(doc, 'orgId');
  if (!doc || name === null || orgId === null) return null;
  return { memberId: doc._id, name, orgId };
}
