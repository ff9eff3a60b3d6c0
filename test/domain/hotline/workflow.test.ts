// The ticket workflow table: every status × event, the re-open rule and when a rating closes a ticket.
import type { HotlineEvent, HotlineFlow, HotlineStatus } from '@/domain/hotline';
import {
  HOTLINE_EVENT_NAMES,
  HOTLINE_OPEN_STATUSES,
  HOTLINE_REPLIED_STATUSES,
  HOTLINE_STATUS_NAMES,
  HOTLINE_STATUSES,
  HOTLINE_TRANSITIONS,
  hotlineAfterVisit,
  hotlineRatingCloses,
  hotlineTransition,
} from '@/domain/hotline';

const EVENTS: HotlineEvent[] = [
  'accept',
  'reject',
  'assign',
  'reply',
  'rate',
  'reopen',
  'close',
  'withdraw',
  'return',
  'returnAccept',
  'returnReject',
  'extend',
  'extendApprove',
  'extendRefuse',
  'cohandle',
  'coReply',
  'visit',
  'visitReopen',
  'ask',
  'answerAsk',
  'urge',
  'merge',
  'answer',
];
const flow = (status: HotlineStatus, reopened = false, lastScore: number | null = null): HotlineFlow => ({
  status,
  reopened,
  lastScore,
});

/** A flow in `status` whose flags let `event` through wherever the table has a row for it. */
const permissive = (status: HotlineStatus, event: HotlineEvent): HotlineFlow => ({
  status,
  reopened: false,
  lastScore: 1,
  extensionPending: event === 'extendApprove' || event === 'extendRefuse',
  asked: false,
  visitUnsolved: event === 'visitReopen',
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

  it('ends for good in rejected, withdrawn and merged; closed only takes a 回访 and the re-do it may lead to', () => {
    for (const status of ['rejected', 'withdrawn', 'merged'] as const)
      for (const event of EVENTS) expect(hotlineTransition(permissive(status, event), event).ok).toBe(false);
    for (const event of EVENTS)
      expect(hotlineTransition(permissive('closed', event), event).ok).toBe(['visit', 'visitReopen'].includes(event));
  });

  it('agrees with the table for every pair (with the flags each event needs)', () => {
    for (const status of HOTLINE_STATUSES)
      for (const event of EVENTS) {
        const r = hotlineTransition(permissive(status, event), event);
        expect([status, event, r.ok ? r.flow.status : null]).toEqual([
          status,
          event,
          HOTLINE_TRANSITIONS[status][event] ?? null,
        ]);
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

/** The handling loop's rows (issue 15), written out: [from, event, to | null], with the flags each needs. */
const LOOP_TABLE: Array<[HotlineStatus, HotlineEvent, HotlineStatus | null]> = [
  ['assigned', 'return', 'returned'],
  ['submitted', 'return', null],
  ['accepted', 'return', null],
  ['replied', 'return', null],
  ['returned', 'return', null],
  ['returned', 'returnAccept', 'assigned'],
  ['returned', 'returnReject', 'assigned'],
  ['assigned', 'returnAccept', null],
  ['assigned', 'returnReject', null],
  ['returned', 'reply', null],
  ['returned', 'assign', null],
  ['returned', 'withdraw', 'withdrawn'],
  ['returned', 'urge', 'returned'],
  ['assigned', 'extend', 'assigned'],
  ['returned', 'extend', null],
  ['replied', 'extend', null],
  ['assigned', 'extendApprove', 'assigned'],
  ['assigned', 'extendRefuse', 'assigned'],
  ['replied', 'extendApprove', null],
  ['assigned', 'cohandle', 'assigned'],
  ['accepted', 'cohandle', null],
  ['replied', 'cohandle', null],
  ['assigned', 'coReply', 'assigned'],
  ['replied', 'coReply', null],
  ['replied', 'visit', 'replied'],
  ['rated', 'visit', 'rated'],
  ['closed', 'visit', 'closed'],
  ['assigned', 'visit', null],
  ['asked', 'visit', null],
  ['replied', 'visitReopen', 'assigned'],
  ['rated', 'visitReopen', 'assigned'],
  ['closed', 'visitReopen', 'assigned'],
  ['assigned', 'visitReopen', null],
  ['replied', 'ask', 'asked'],
  ['rated', 'ask', 'asked'],
  ['closed', 'ask', null],
  ['assigned', 'ask', null],
  ['asked', 'answerAsk', 'replied'],
  ['replied', 'answerAsk', null],
  ['asked', 'answer', null],
  ['returned', 'answer', null],
  ['returned', 'merge', null],
  ['asked', 'merge', null],
  ['asked', 'reply', null],
  ['asked', 'rate', null],
  ['asked', 'close', null],
  ['asked', 'withdraw', null],
  ['submitted', 'urge', 'submitted'],
  ['accepted', 'urge', 'accepted'],
  ['assigned', 'urge', 'assigned'],
  ['replied', 'urge', null],
  ['closed', 'urge', null],
];

describe('the handling loop (issue 15)', () => {
  it.each(LOOP_TABLE)('%s --%s--> %s', (from, event, to) => {
    const r = hotlineTransition(permissive(from, event), event);
    expect(r.ok ? r.flow.status : null).toBe(to);
    if (!r.ok) expect(r.message).toMatch(/\S/);
  });

  it('allows one 延期申请 at a time and clears it on review, reply or an accepted return', () => {
    const requested = hotlineTransition(flow('assigned'), 'extend');
    expect(requested).toEqual({ ok: true, flow: { ...flow('assigned'), extensionPending: true } });
    if (!requested.ok) return;
    expect(hotlineTransition(requested.flow, 'extend')).toEqual({
      ok: false,
      message: '已有延期申请待审核，请等待机关工委审核',
    });
    for (const e of ['extendApprove', 'extendRefuse', 'reply'] as const) {
      const r = hotlineTransition(requested.flow, e);
      expect(r.ok && r.flow.extensionPending).toBe(false);
    }
    expect(hotlineTransition(flow('assigned'), 'extendApprove')).toEqual({
      ok: false,
      message: '该诉求没有待审核的延期申请',
    });
    const returned = hotlineTransition(requested.flow, 'return');
    if (!returned.ok) throw new Error(returned.message);
    const accepted = hotlineTransition(returned.flow, 'returnAccept');
    expect(accepted.ok && accepted.flow).toMatchObject({ status: 'assigned', extensionPending: false });
  });

  it('re-opens after a 回访 only when it found the problem unsolved, and once per such visit', () => {
    expect(hotlineTransition(flow('closed', false, 5), 'visitReopen')).toEqual({
      ok: false,
      message: '只有回访未解决的诉求可以重新办理',
    });
    const unsolved = hotlineAfterVisit(flow('closed', false, 5), false);
    expect(unsolved.visitUnsolved).toBe(true);
    const r = hotlineTransition(unsolved, 'visitReopen');
    expect(r).toEqual({ ok: true, flow: { ...unsolved, status: 'assigned', visitUnsolved: false } });
    expect(hotlineAfterVisit(unsolved, true).visitUnsolved).toBe(false);
  });

  it('takes one 追问 per ticket', () => {
    const r = hotlineTransition(flow('replied'), 'ask');
    expect(r).toEqual({ ok: true, flow: { ...flow('asked'), asked: true } });
    if (!r.ok) return;
    const answered = hotlineTransition(r.flow, 'answerAsk');
    expect(answered).toEqual({ ok: true, flow: { ...flow('replied'), asked: true } });
    if (!answered.ok) return;
    expect(hotlineTransition(answered.flow, 'ask')).toEqual({ ok: false, message: '每件诉求只能追问一次' });
  });

  it('runs return → re-assign → extension → reply → 回访 → re-open → reply', () => {
    const steps: HotlineEvent[] = [
      'assign',
      'return',
      'returnAccept',
      'extend',
      'extendApprove',
      'reply',
      'visit',
      'visitReopen',
      'reply',
    ];
    let f = flow('submitted');
    const seen: HotlineStatus[] = [];
    for (const e of steps) {
      const r = hotlineTransition(f, e);
      if (!r.ok) throw new Error(`${f.status} --${e}--> failed: ${r.message}`);
      f = e === 'visit' ? hotlineAfterVisit(r.flow, false) : r.flow;
      seen.push(f.status);
    }
    expect(seen).toEqual([
      'assigned',
      'returned',
      'assigned',
      'assigned',
      'assigned',
      'replied',
      'replied',
      'assigned',
      'replied',
    ]);
  });

  it('names every status and event in Chinese', () => {
    for (const status of HOTLINE_STATUSES) expect(HOTLINE_STATUS_NAMES[status]).toMatch(/[\u4e00-\u9fa5]/);
    for (const event of EVENTS) expect(HOTLINE_EVENT_NAMES[event]).toMatch(/[\u4e00-\u9fa5]/);
    expect(HOTLINE_OPEN_STATUSES).toContain('returned');
    expect(HOTLINE_REPLIED_STATUSES).toContain('asked');
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
