// Branch (支部) sums of a competition kept in shards: each member's best result counts in one shard, chosen by the
// member, so that concurrent submits of different members rarely write the same document; the board adds them up.

/** Participants and the sum of their best scores, per organisation. */
export type OrgSums = Record<string, { participants: number; scoreSum: number }>;

/**
 * Shards per competition. A submit rewrites its member's shard in the transaction that changes the best result, so
 * two submits conflict (and one retries) only when their members share a shard; the board reads all shards with
 * one query of at most 100 documents.
 */
export const QUIZ_TALLY_SHARDS = 64;

/**
 * The shard a member's best result counts in: a fixed hash of the member id (FNV-1a), the same for every
 * competition and every caller.
 *
 * @example quizTallyShard('m_1') // 0 ≤ n < QUIZ_TALLY_SHARDS, always the same n for 'm_1'
 */
export function quizTallyShard(memberId: string, shards: number = QUIZ_TALLY_SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < memberId.length; i++) {
    h ^= memberId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** A member's best result as it counts in the sums. */
export interface TallyEntry {
  orgId: string;
  score: number;
}

/**
 * The sums after a member's best result changed from `before` (null: none yet) to `after`; the member may have moved
 * to another organisation between attempts. An organisation left with no participant is dropped. `sums` is not
 * changed.
 *
 * @example quizMoveTally({ b1: { participants: 2, scoreSum: 150 } }, { orgId: 'b1', score: 70 }, { orgId: 'b1', score: 90 })
 * // { b1: { participants: 2, scoreSum: 170 } }
 * @example quizMoveTally({}, null, { orgId: 'b2', score: 60 }) // { b2: { participants: 1, scoreSum: 60 } }
 */
export function quizMoveTally(sums: OrgSums, before: TallyEntry | null, after: TallyEntry): OrgSums {
  const out: OrgSums = {};
  for (const [orgId, s] of Object.entries(sums)) out[orgId] = { ...s };
  const add = (e: TallyEntry, sign: 1 | -1) => {
    const s = out[e.orgId] ?? { participants: 0, scoreSum: 0 };
    out[e.orgId] = { participants: s.participants + sign, scoreSum: s.scoreSum + sign * e.score };
    if (out[e.orgId].participants <= 0) delete out[e.orgId];
  };
  if (before) add(before, -1);
  add(after, 1);
  return out;
}

/**
 * The sums of a list of best results (what a recount compares a shard with).
 *
 * @example quizTallySums([{ orgId: 'b1', score: 80 }, { orgId: 'b1', score: 60 }]) // { b1: { participants: 2, scoreSum: 140 } }
 */
export function quizTallySums(entries: readonly TallyEntry[]): OrgSums {
  const out: OrgSums = {};
  for (const e of entries) {
    const s = out[e.orgId] ?? { participants: 0, scoreSum: 0 };
    out[e.orgId] = { participants: s.participants + 1, scoreSum: s.scoreSum + e.score };
  }
  return out;
}

/**
 * Several shards' sums added up (the board).
 *
 * @example quizAddSums([{ b1: { participants: 1, scoreSum: 80 } }, { b1: { participants: 2, scoreSum: 100 } }])
 * // { b1: { participants: 3, scoreSum: 180 } }
 */
export function quizAddSums(parts: readonly OrgSums[]): OrgSums {
  const out: OrgSums = {};
  for (const part of parts)
    for (const [orgId, s] of Object.entries(part)) {
      const t = out[orgId] ?? { participants: 0, scoreSum: 0 };
      out[orgId] = { participants: t.participants + s.participants, scoreSum: t.scoreSum + s.scoreSum };
    }
  return out;
}

/**
 * Whether two sums are the same (a recount writes only a shard that differs).
 *
 * @example quizSameSums({ b1: { participants: 1, scoreSum: 80 } }, { b1: { scoreSum: 80, participants: 1 } }) // true
 */
export function quizSameSums(a: OrgSums, b: OrgSums): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (k) => b[k] !== undefined && a[k].participants === b[k].participants && a[k].scoreSum === b[k].scoreSum,
  );
}
