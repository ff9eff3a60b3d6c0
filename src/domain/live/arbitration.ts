// 抢答 arbitration: the server's receive time is the only referee; buzzes before the unlock are false starts.

export interface Buzz {
  memberId: string;
  /** Server receive time (ms). */
  at: number;
}

export interface Arbitration {
  /** Valid buzzes, first first (equal times: by memberId, so every reader agrees). */
  order: string[];
  winner: string | null;
  /** Buzzed before the unlock: locked out of the question, even if they buzz again later. */
  falseStarts: string[];
}

/**
 * Orders a question's buzzes. A player's first buzz decides: one before `unlockedAt` (or before any unlock) is a
 * false start and that player takes no further part in the question.
 *
 * @example liveArbitrate([{ memberId: 'a', at: 900 }, { memberId: 'b', at: 1200 }, { memberId: 'c', at: 1100 }], 1000)
 * // { order: ['c', 'b'], winner: 'c', falseStarts: ['a'] }
 */
export function liveArbitrate(buzzes: readonly Buzz[], unlockedAt: number | null): Arbitration {
  const first = new Map<string, number>();
  for (const b of buzzes) {
    const seen = first.get(b.memberId);
    if (seen === undefined || b.at < seen) first.set(b.memberId, b.at);
  }
  const falseStarts: string[] = [];
  const valid: Buzz[] = [];
  for (const [memberId, at] of first) {
    if (unlockedAt === null || at < unlockedAt) falseStarts.push(memberId);
    else valid.push({ memberId, at });
  }
  valid.sort((x, y) => x.at - y.at || (x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0));
  const order = valid.map((b) => b.memberId);
  return { order, winner: order[0] ?? null, falseStarts: falseStarts.sort() };
}
