// The 现场赛 transition table: every host command in every phase (refusals included), timing of answers and buzzes.
import type { HostCommand, LivePhase } from '@/domain/api/live';
import { HOST_COMMANDS, LIVE_GRACE_MS } from '@/domain/api/live';
import type { LiveMachine, LiveQuestionPlan } from '@/domain/live';
import { liveBuzzWon, liveCheckAnswer, liveCheckBuzz, liveExpire, liveHost, liveInitial } from '@/domain/live';

const PLAN: LiveQuestionPlan[] = [
  { kind: '必答', round: 0, seconds: 20 },
  { kind: '抢答', round: 1, seconds: 10 },
  { kind: '风险', round: 2, seconds: 15 },
];
const READ = 3000;

function at(phase: LivePhase, index = 0, extra: Partial<LiveMachine> = {}): LiveMachine {
  const base = liveInitial(PLAN, READ);
  const open = index >= 0 && ['question', 'locked', 'revealed', 'paused'].includes(phase);
  return {
    ...base,
    phase,
    index: open ? index : -1,
    openedAt: open ? 0 : null,
    optionsAt: open ? READ : null,
    deadline: open && PLAN[index].kind !== '抢答' ? READ + PLAN[index].seconds * 1000 : null,
    pausedFrom: phase === 'paused' ? 'question' : null,
    pausedAt: phase === 'paused' ? 5000 : null,
    ...extra,
  };
}

// Which commands each phase allows, for question 0 (必答): every other pair must be refused.
const ALLOWED: Record<LivePhase, HostCommand[]> = {
  draft: ['open', 'end'],
  lobby: ['next', 'pause', 'end'],
  question: ['reveal', 'pause', 'end'],
  locked: ['reveal', 'pause', 'end'],
  revealed: ['next', 'pause', 'end'],
  paused: ['resume', 'end'],
  ended: [],
};

describe('liveHost: every command in every phase', () => {
  const cases = (Object.keys(ALLOWED) as LivePhase[]).flatMap((phase) =>
    HOST_COMMANDS.filter((c) => c !== 'judge' && c !== 'unlock').map((command) => ({ phase, command })),
  );
  test.each(cases)('$command in $phase', ({ phase, command }) => {
    const r = liveHost(at(phase), { command, now: 10_000 });
    if (ALLOWED[phase].includes(command)) expect(r.ok).toBe(true);
    else
      expect(r).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringMatching(/现场赛当前.+不能/) });
  });

  test.each((Object.keys(ALLOWED) as LivePhase[]).filter((p) => p !== 'question'))(
    'unlock in %s is refused',
    (phase) => {
      expect(liveHost(at(phase, 1), { command: 'unlock', now: 1 })).toMatchObject({
        ok: false,
        code: 'FAILED_PRECONDITION',
      });
    },
  );

  test.each((Object.keys(ALLOWED) as LivePhase[]).filter((p) => p !== 'locked'))('judge in %s is refused', (phase) => {
    const r = liveHost(at(phase, 1, { buzzWinner: 'm1' }), { command: 'judge', now: 1, correct: true });
    expect(r).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  test('results of the allowed commands', () => {
    const step = (m: LiveMachine, command: HostCommand, now: number, extra = {}) => {
      const r = liveHost(m, { command, now, ...extra });
      if (!r.ok) throw new Error(r.message);
      return r.machine;
    };
    let m = step(liveInitial(PLAN, READ), 'open', 0);
    expect(m.phase).toBe('lobby');
    m = step(m, 'next', 1000);
    expect(m).toMatchObject({ phase: 'question', index: 0, openedAt: 1000, optionsAt: 4000, deadline: 24_000 });
    // Paused for 5 s at 10 s: the question's clock moves on by the pause.
    m = step(m, 'pause', 10_000);
    expect(m).toMatchObject({ phase: 'paused', pausedFrom: 'question' });
    m = step(m, 'resume', 15_000);
    expect(m).toMatchObject({ phase: 'question', optionsAt: 4000 + 5000, deadline: 29_000, pausedFrom: null });
    m = step(m, 'reveal', 20_000);
    expect(m.phase).toBe('revealed');
    m = step(m, 'next', 30_000);
    // 抢答: shown without a deadline until the unlock.
    expect(m).toMatchObject({ phase: 'question', index: 1, deadline: null, unlockedAt: null });
    m = step(m, 'unlock', 35_000);
    expect(m).toMatchObject({ unlockedAt: 35_000, deadline: 45_000 });
    const won = liveBuzzWon(m, 'm7');
    expect(won).toMatchObject({ phase: 'locked', buzzWinner: 'm7' });
    expect(liveHost(won!, { command: 'reveal', now: 36_000 })).toEqual({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: '有选手抢到了答题权，请先判定对错',
    });
    m = step(won!, 'judge', 37_000, { memberId: 'm7', correct: false });
    expect(m).toMatchObject({ phase: 'revealed', buzzCorrect: false });
    m = step(m, 'next', 40_000);
    m = step(m, 'reveal', 41_000);
    expect(liveHost(m, { command: 'next', now: 50_000 })).toEqual({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: '已经是最后一题，请结束现场赛',
    });
    expect(step(m, 'end', 50_000).phase).toBe('ended');
  });

  test('unlock only on an un-unlocked 抢答 question; judge only the winner, with a verdict', () => {
    expect(liveHost(at('question', 0), { command: 'unlock', now: 1 })).toMatchObject({
      ok: false,
      message: '本题不是抢答题，不能开始抢答',
    });
    expect(liveHost(at('question', 1, { unlockedAt: 1 }), { command: 'unlock', now: 2 })).toMatchObject({
      ok: false,
      message: '本题已经开始抢答',
    });
    expect(liveHost(at('locked', 1), { command: 'judge', now: 1, correct: true })).toMatchObject({
      ok: false,
      code: 'FAILED_PRECONDITION',
    });
    const locked = at('locked', 1, { buzzWinner: 'm1' });
    expect(liveHost(locked, { command: 'judge', now: 1 })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(liveHost(locked, { command: 'judge', now: 1, memberId: 'm2', correct: true })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
    expect(liveHost(locked, { command: 'judge', now: 1, correct: true })).toMatchObject({ ok: true });
  });

  test('fields a command does not take are INVALID_ARGUMENT', () => {
    expect(liveHost(at('lobby'), { command: 'next', now: 1, stake: 10 })).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(liveHost(at('lobby'), { command: 'next', now: 1, correct: true })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(liveHost(at('lobby'), { command: 'pause', now: 1, memberId: 'm' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  test('the deadline passing locks the question (after the grace)', () => {
    const m = at('question', 0); // deadline 23 000
    expect(liveExpire(m, 23_000 + LIVE_GRACE_MS)).toBeNull();
    expect(liveExpire(m, 23_001 + LIVE_GRACE_MS)).toMatchObject({ phase: 'locked' });
    expect(liveExpire(at('question', 1), 1e9)).toBeNull(); // 抢答 not unlocked: no clock
    expect(liveExpire(at('revealed', 0), 1e9)).toBeNull();
  });
});

describe('liveCheckAnswer', () => {
  const m = at('question', 0); // options at 3 000, deadline 23 000
  test.each([
    [0, 8000, { ok: true, ms: 5000, kind: '必答', round: 0 }],
    [0, 3000, { ok: true, ms: 0, kind: '必答', round: 0 }],
    // In the grace: taken, time capped at the question's time.
    [0, 23_000 + LIVE_GRACE_MS, { ok: true, ms: 20_000, kind: '必答', round: 0 }],
    [0, 23_001 + LIVE_GRACE_MS, { ok: false, code: 'FAILED_PRECONDITION', message: '作答时间已到' }],
    [0, 2999, { ok: false, code: 'FAILED_PRECONDITION', message: '选项尚未显示，请稍候' }],
    [1, 8000, { ok: false, code: 'FAILED_PRECONDITION', message: '该题已停止作答' }],
  ])('question %i at %i ms', (index, now, expected) => {
    expect(liveCheckAnswer(m, index, now)).toEqual(expected);
  });
  test('refused when locked, revealed, paused, or on a 抢答 question', () => {
    expect(liveCheckAnswer(at('locked', 0), 0, 5000)).toMatchObject({ message: '该题已停止作答' });
    expect(liveCheckAnswer(at('revealed', 0), 0, 5000)).toMatchObject({ message: '该题已停止作答' });
    expect(liveCheckAnswer(at('paused', 0), 0, 5000)).toMatchObject({ message: '现场赛已暂停，请稍候' });
    expect(liveCheckAnswer(at('question', 1), 1, 5000)).toMatchObject({ message: '抢答题请点“抢答”' });
  });
});

describe('liveCheckBuzz', () => {
  test('before the unlock a buzz is a false start; after it valid until the deadline plus grace', () => {
    expect(liveCheckBuzz(at('question', 1), 1, 500)).toEqual({ ok: true, falseStart: true });
    const unlocked = at('question', 1, { unlockedAt: 10_000, deadline: 20_000 });
    expect(liveCheckBuzz(unlocked, 1, 9_999)).toEqual({ ok: true, falseStart: true });
    expect(liveCheckBuzz(unlocked, 1, 10_000)).toEqual({ ok: true, falseStart: false });
    expect(liveCheckBuzz({ ...unlocked, phase: 'locked', buzzWinner: 'x' }, 1, 11_000)).toEqual({
      ok: true,
      falseStart: false,
    });
    expect(liveCheckBuzz(unlocked, 1, 20_001 + LIVE_GRACE_MS)).toMatchObject({ ok: false, message: '抢答时间已到' });
  });
  test('refused off an open 抢答 question', () => {
    expect(liveCheckBuzz(at('question', 0), 0, 5000)).toMatchObject({ ok: false, message: '本题不是抢答题' });
    expect(liveCheckBuzz(at('question', 1), 0, 5000)).toMatchObject({ ok: false, message: '该题已停止抢答' });
    expect(liveCheckBuzz(at('revealed', 1), 1, 5000)).toMatchObject({ ok: false, message: '该题已停止抢答' });
    expect(liveCheckBuzz(at('paused', 1), 1, 5000)).toMatchObject({ ok: false, message: '现场赛已暂停，请稍候' });
  });
  test('only the first valid buzz wins', () => {
    const unlocked = at('question', 1, { unlockedAt: 1 });
    const won = liveBuzzWon(unlocked, 'a')!;
    expect(liveBuzzWon(won, 'b')).toBeNull();
  });
});
