// The ticket workflow table: every status × event, the re-open rule and when a rating closes a ticket.
import type { HotlineEvent, HotlineFlow, HotlineStatus } from '@/domain/hotline';
import { HOTLINE_STATUSES, HOTLINE_TRANSITIONS, hotlineRatingCloses, hotlineTransition } from '@/domain/hotline';

const EVENTS: HotlineEvent[] = ['accept', 'reject', 'assign', 'reply', 'rate', 'reopen', 'close', 'withdraw'];
const flow = (status: HotlineStatus, reopened = false, lastScore: number | null = null): HotlineFlow => ({
  status,
  reopened,
  lastScore,
});

/** The whole table written out: [from, event, to | null]. */
const TABLE: Array<[HotlineStatus, HotlineEvent, HotlineStatus | null]> = [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'assign', 'assigned'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['submitted', 'reply', null],
  ['submitted', 'rate', null],
  ['submitted', 'reopen', null],
  ['submitted', 'close', null],
  ['accepted', 'accept', null],
  ['accepted', 'assign', 'assigned'],
  ['accepted', 'reject', 'rejected'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['accepted', 'reply', null],
  ['assigned', 'assign', 'assigned'],
  ['assigned', 'reply', 'replied'],
  ['assigned', 'reject', 'rejected'],
  ['assigned', 'withdraw', 'withdrawn'],
  ['assigned', 'rate', null],
  ['assigned', 'close', null],
  ['replied', 'rate', 'rated'],
  ['replied', 'close', 'closed'],
  ['replied', 'withdraw', null],
  ['replied', 'reply', null],
  ['replied', 'assign', null],
  ['replied', 'reject', null],
  ['rated', 'close', 'closed'],
  ['rated', 'rate', null],
  ['rated', 'withdraw', null],
];

describe('hotlineTransition', () => {
  it.each(TABLE)('%s --%s--> %s', (from, event, to) => {
    const r = hotlineTransition(flow(from), event);
    if (to === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/\S/);
    } else {
      expect(r).toEqual({ ok: true, flow: flow(to) });
    }
  });

  it('ends for good in closed, rejected and withdrawn', () => {
    for (const status of ['closed', 'rejected', 'withdrawn'] as const)
      for (const event of EVENTS) expect(hotlineTransition(flow(status, false, 1), event).ok).toBe(false);
  });

  it('agrees with the table for every pair', () => {
    for (const status of HOTLINE_STATUSES)
      for (const event of EVENTS) {
        const r = hotlineTransition(flow(status, false, 1), event);
        expect(r.ok ? r.flow.status : null).toBe(HOTLINE_TRANSITIONS[status][event] ?? null);
      }
  });

  it('re-opens once, only after a poor rating, back to the department', () => {
    expect(hotlineTransition(flow('rated', false, 2), 'reopen')).toEqual({
      ok: true,
      flow: { status: 'assigned', reopened: true, lastScore: 2 },
    });
    const good = hotlineTransition(flow('rated', false, 3), 'reopen');
    expect(good).toEqual({ ok: false, message: '只有评价为 2 分及以下的诉求可以申请重新办理' });
    expect(hotlineTransition(flow('rated', true, 1), 'reopen')).toEqual({
      ok: false,
      message: '每件诉求只能申请重新办理一次',
    });
    expect(hotlineTransition(flow('replied', false, null), 'reopen').ok).toBe(false);
  });

  it('runs the whole life of a re-opened ticket', () => {
    const steps: HotlineEvent[] = ['accept', 'assign', 'reply', 'rate', 'reopen', 'assign', 'reply', 'rate', 'close'];
    let f = flow('submitted');
    const seen: HotlineStatus[] = [];
    for (const e of steps) {
      const r = hotlineTransition(e === 'reopen' ? { ...f, lastScore: 1 } : f, e);
      if (!r.ok) throw new Error(`${f.status} --${e}--> failed: ${r.message}`);
      f = r.flow;
      seen.push(f.status);
    }
    expect(seen).toEqual([
      'accepted',
      'assigned',
      'replied',
      'rated',
      'assigned',
      'assigned',
      'replied',
      'rated',
      'closed',
    ]);
    expect(hotlineTransition(f, 'reopen').ok).toBe(false);
  });
});

describe('hotlineRatingCloses', () => {
  it.each([
    [5, false, true],
    [3, false, true],
    [2, false, false],
    [1, false, false],
    [1, true, true],
    [5, true, true],
  ])('score %i, reopened %s -> closes %s', (score, reopened, closes) => {
    expect(hotlineRatingCloses(score, reopened)).toBe(closes);
  });
});
