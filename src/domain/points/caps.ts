// Daily caps: how much of a requested award a member may still receive today in its category.

/**
 * The points actually credited: the request cut to what is left of the day's cap (never below 0). Deductions and
 * uncapped categories pass unchanged.
 *
 * @example pointsCapAward({ usedToday: 4, requested: 3, cap: 5 }) // 1
 * @example pointsCapAward({ usedToday: 5, requested: 1, cap: 5 }) // 0
 * @example pointsCapAward({ usedToday: 9, requested: 2, cap: null }) // 2
 */
export function pointsCapAward(a: { usedToday: number; requested: number; cap: number | null }): number {
  if (a.cap === null || a.requested <= 0) return a.requested;
  return Math.max(0, Math.min(a.requested, a.cap - Math.max(0, a.usedToday)));
}

/**
 * The deterministic id of a ledger entry: a retry, a second scan or a replayed event finds the same document.
 *
 * @example pointsEntryId('checkin', 'a1', 'm_1') // 'points:checkin:a1:m_1'
 */
export function pointsEntryId(source: string, sourceId: string, memberId: string): string {
  return `points:${source}:${sourceId}:${memberId}`;
}

/**
 * The per-member, per-day counter document that caps are checked against.
 *
 * @example pointsDayId('m_1', '2020-07-01') // 'm_1:2020-07-01'
 */
export function pointsDayId(memberId: string, day: string): string {
  return `${memberId}:${day}`;
}
