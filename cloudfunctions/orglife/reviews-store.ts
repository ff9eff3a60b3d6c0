// The 民主评议 collections: one review per branch and year, one anonymous ballot per voter. A ballot's id is an HMAC
// of the voter under the review's own key, so it is found again (one ballot per voter, replaced on a second vote)
// without storing who cast it; the key is erased when the window closes, after which no one can link the two.
import { createHmac, randomBytes } from 'node:crypto';
import type { ReviewGrade } from '@/domain/api/points';
import { REVIEW_GRADES } from '@/domain/api/points';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { str } from '../../server/db';
import { REVIEWS } from './store';

export { REVIEWS };
/** Anonymous ballots: `<reviewId>:<keyed hash of the voter>` -> { reviewId, grades }. Only this function reads them. */
export const BALLOTS = 'orglife_ballots';

/** One review per branch and year: opening it twice is the same document. */
export const reviewDocId = (orgId: string, year: number) => `${year}:${orgId}`;

/** A 128-bit key per review, stored on the review until its window closes and never returned. */
export function newBallotKey(): string {
  return randomBytes(16).toString('base64url');
}

/** The ballot document of a voter: `<reviewId>:<HMAC-SHA256(key, memberId), 128 bits>`. */
export function ballotDocId(reviewId: string, key: string, memberId: string): string {
  return `${reviewId}:${createHmac('sha256', key).update(memberId).digest('base64url').slice(0, 22)}`;
}

export interface ReviewMember {
  memberId: string;
  name: string;
}

export interface Review {
  reviewId: string;
  orgId: string;
  orgName: string;
  /** The org and its ancestors: who may manage it, without reading the directory. */
  orgChain: string[];
  year: number;
  startAt: Date;
  endAt: Date;
  /** The branch's members when it opened: each votes once. */
  electorate: ReviewMember[];
  /** The members graded on every ballot, in roster order. */
  assessed: string[];
  /** null once the window has closed (erased). */
  key: string | null;
  results: Map<string, { grade: ReviewGrade; note: string | null }>;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function toReview(doc: Doc): Review {
  const members = Array.isArray(doc.electorate) ? (doc.electorate as Array<Record<string, unknown>>) : [];
  const results = (doc.results ?? {}) as Record<string, { grade?: unknown; note?: unknown }>;
  return {
    reviewId: doc._id,
    orgId: str(doc, 'orgId') ?? '',
    orgName: str(doc, 'orgName') ?? '',
    orgChain: Array.isArray(doc.orgChain) ? doc.orgChain.map(String) : [],
    year: Number(doc.year),
    startAt: date(doc.startAt),
    endAt: date(doc.endAt),
    electorate: members.map((m) => ({ memberId: String(m.memberId), name: String(m.name ?? '') })),
    assessed: Array.isArray(doc.assessed) ? doc.assessed.map(String) : [],
    key: str(doc, 'key'),
    results: new Map(
      Object.entries(results)
        .filter(([, r]) => (REVIEW_GRADES as readonly unknown[]).includes(r?.grade))
        .map(([m, r]) => [m, { grade: r.grade as ReviewGrade, note: typeof r.note === 'string' ? r.note : null }]),
    ),
  };
}

/** The review (one read), or null. */
export async function loadReview(db: Database, reviewId: string): Promise<Review | null> {
  const { data } = await db.collection(REVIEWS).doc(reviewId).get();
  return data ? toReview(data) : null;
}

/** Admins manage every review; a secretary the own branch's and those of branches below the own org. */
export function canManageReview(caller: Caller, review: Review): boolean {
  if (callerIsAdmin(caller)) return true;
  const scopes = new Set(secretaryScopes(caller));
  return review.orgChain.some((o) => scopes.has(o));
}

/** Erases the ballot key of a closed review (one write, only the first time), so ballots can no longer be linked. */
export async function eraseKeyIfClosed(db: Database, review: Review, now: Date): Promise<void> {
  if (review.key === null || now.getTime() < review.endAt.getTime()) return;
  await db
    .collection(REVIEWS)
    .doc(review.reviewId)
    .update({ data: { key: null } });
  review.key = null;
}
