// 现场赛 pages: the player's phone through join, lobby, reading time, answering, 风险 stakes, 抢答, reveal and a
// reopened phone; the host console's controls per phase, commands, judging, flags and export; the create form.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LivePlayPage from '@/live/play/index';
import LiveRunPage, { hostControls } from '@/admin/live-run/index';
import LiveAdminPage from '@/admin/live/index';
import { defaultLiveForm, toLiveInput } from '@/admin/live/form';
import type { LiveMine, LiveState } from '@/domain/api';
import { openExport } from '@/services/checkin-device';
import { setLargeFont } from '@/services/preferences';
import { watchDoc } from '@/services/realtime';
import type { WatchHandlers } from '@/services/realtime-types';
import type { Handlers, KeyOutput } from './helpers';
import { ORGS, fail, ok, requests, resetAll, serve } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/realtime', () => ({ watchDoc: jest.fn() }));
jest.mock('@/services/checkin-device', () => ({ openExport: jest.fn(async () => undefined) }));

/** The open listeners by collection: a test pushes documents to them like the database would. */
let listeners: Record<string, WatchHandlers> = {};
const push = (collection: string, doc: Record<string, unknown>) => act(() => listeners[collection].onChange(doc));

beforeEach(() => {
  resetAll();
  listeners = {};
  (watchDoc as jest.Mock).mockImplementation((collection: string, _id: string, handlers: WatchHandlers) => {
    listeners[collection] = handlers;
    return () => undefined;
  });
});

const SERVER_NOW = '2020-07-01T09:00:00+08:00';
const at = (seconds: number) => new Date(Date.parse(SERVER_NOW) + seconds * 1000).toISOString();

const LOBBY: LiveState = {
  sessionId: 's1',
  title: '七一现场知识竞赛',
  phase: 'lobby',
  pausedFrom: null,
  round: 0,
  kind: null,
  index: -1,
  total: 4,
  rounds: [
    { kind: '必答', questionCount: 2, secondsPerQuestion: 20 },
    { kind: '抢答', questionCount: 1, secondsPerQuestion: 15 },
    { kind: '风险', questionCount: 1, secondsPerQuestion: 30 },
  ],
  scoring: 'accuracy',
  teams: true,
  orgIds: null,
  question: null,
  openedAt: null,
  optionsAt: null,
  unlockedAt: null,
  deadline: null,
  answered: 0,
  joined: 3,
  answer: null,
  distribution: null,
  rightCount: null,
  buzzWinner: null,
  buzzCorrect: null,
  updatedAt: SERVER_NOW,
  seq: 1,
};

const QUESTION = {
  stem: '党的最高理想和最终目标是什么？',
  type: 'single' as const,
  options: ['实现共产主义', '全面小康', '脱贫攻坚', '乡村振兴'],
};

/** Question 1 shown now, options at once (the read time is over), 20 s to answer. */
const OPEN: LiveState = {
  ...LOBBY,
  phase: 'question',
  kind: '必答',
  index: 0,
  question: QUESTION,
  openedAt: at(-3),
  optionsAt: at(-1),
  deadline: at(20),
  seq: 2,
};

const MINE: LiveMine = {
  joined: true,
  memberId: 'm1',
  teamId: 'fgw-1',
  score: 0,
  rank: null,
  teamRank: null,
  current: null,
  stakesLeft: [10, 20, 30],
  falseStart: false,
};

/** The host console opens behind AdminGate: a secretary's session and the org directory. */
const HOST: Handlers = {
  'user.login': ok({ openid: 'host', roles: [{ role: 'secretary', scopeId: 'org-a1' }], member: null }),
  'org.list': ok(ORGS),
};

function servePlayer(state: LiveState, mine: LiveMine | (() => LiveMine) = MINE, extra: Handlers = {}) {
  serve({
    'live.join': ok({ sessionId: 's1', memberId: 'm1', teamId: 'fgw-1', score: 0, name: '张伟' }),
    'live.state': ok({ state, serverNow: new Date().toISOString() }),
    'live.scoreboard': ok({
      sessionId: 's1',
      players: [],
      teams: [],
      index: -1,
      ended: false,
      updatedAt: SERVER_NOW,
      seq: 1,
      me: null,
      myTeam: null,
    }),
    'live.mine': () => ok(typeof mine === 'function' ? mine() : mine),
    'live.answer': ok({ accepted: true }),
    ...extra,
  });
}

/** The state as the server would have it now (times relative to the phone's clock, offset 0). */
function live(state: LiveState, shift: Partial<LiveState> = {}): LiveState {
  const now = Date.now();
  const rel = (iso: string | null) =>
    iso ? new Date(now + (Date.parse(iso) - Date.parse(SERVER_NOW))).toISOString() : null;
  return {
    ...state,
    openedAt: rel(state.openedAt),
    optionsAt: rel(state.optionsAt),
    deadline: rel(state.deadline),
    ...shift,
  };
}

describe('现场赛 player', () => {
  beforeEach(() => setRouterParams({ id: 's1' }));

  it('joins, waits in the lobby, then answers a question with one tap and shows it was sent', async () => {
    servePlayer(LOBBY);
    render(<LivePlayPage />);
    await screen.findByText('已加入，等待开始');
    expect(screen.getByText(/已有 3 人加入/)).toBeTruthy();
    expect(requests[0]).toEqual({ key: 'live.join', data: { sessionId: 's1' } });

    push('live_sessions', live(OPEN) as unknown as Record<string, unknown>);
    await screen.findByText(QUESTION.stem);
    fireEvent.click(screen.getByText('实现共产主义'));
    await screen.findByText('✓ 已作答', undefined, { timeout: 3000 });
    expect(requests.find((r) => r.key === 'live.answer')?.data).toEqual({ sessionId: 's1', index: 0, choice: [0] });
    expect(screen.getByText(/您的答案：A/)).toBeTruthy();
  });

  it('shows the stem alone during the reading time, the options after it', async () => {
    servePlayer(live(OPEN, {}));
    render(<LivePlayPage />);
    await screen.findByText(QUESTION.stem);
    push(
      'live_sessions',
      live({ ...OPEN, optionsAt: at(5), deadline: at(25), seq: 3 }) as unknown as Record<string, unknown>,
    );
    await screen.findByText(/秒后出现选项/);
    expect(screen.queryByText('实现共产主义')).toBeNull();
  });

  it('shows right or wrong with the points and the ranks at reveal', async () => {
    let mine = MINE;
    servePlayer(live(OPEN), () => mine);
    render(<LivePlayPage />);
    await screen.findByText(QUESTION.stem);
    mine = {
      ...MINE,
      score: 10,
      rank: 2,
      teamRank: 1,
      current: { index: 0, choice: [0], stake: null, correct: true, points: 10 },
    };
    push('live_sessions', {
      ...live(OPEN),
      phase: 'revealed',
      answer: [0],
      distribution: [2, 1, 0, 0],
      rightCount: 2,
      seq: 5,
    } as unknown as Record<string, unknown>);
    await screen.findByText(/回答正确/);
    expect(screen.getByText('本题得分 +10')).toBeTruthy();
    expect(screen.getByText('个人排名').previousSibling?.textContent).toBe('2');
    expect(screen.getByText('支部排名').previousSibling?.textContent).toBe('1');
  });

  it('a reopened phone comes back to the current question as answered, with its score', async () => {
    servePlayer(live(OPEN), {
      ...MINE,
      score: 20,
      rank: 1,
      current: { index: 0, choice: [1], stake: null, correct: null, points: null },
    });
    render(<LivePlayPage />);
    await screen.findByText('✓ 已作答', undefined, { timeout: 3000 });
    expect(screen.getByText(/您的答案：B/)).toBeTruthy();
    expect(screen.getByText('我的得分').previousSibling?.textContent).toBe('20');
    expect(requests.some((r) => r.key === 'live.answer')).toBe(false);
  });

  it('says when an answer came too late instead of pretending it counted', async () => {
    servePlayer(live(OPEN), MINE, { 'live.answer': fail('FAILED_PRECONDITION', '本题已停止作答') });
    render(<LivePlayPage />);
    await screen.findByText(QUESTION.stem);
    fireEvent.click(screen.getByText('全面小康'));
    await screen.findByText('未能提交：本题已停止作答');
    expect(screen.queryByText('✓ 已作答')).toBeNull();
  });

  it('asks for a stake in 风险 and sends it with the answer; used stakes cannot be chosen', async () => {
    const risk = live({ ...OPEN, kind: '风险', round: 2, index: 3 });
    servePlayer(risk, { ...MINE, stakesLeft: [20, 30] });
    render(<LivePlayPage />);
    await screen.findByText('本题分值（答对加、答错扣）：');
    fireEvent.click(screen.getByText('实现共产主义'));
    await screen.findByText('请先选择本题分值');
    fireEvent.click(screen.getByText('10'));
    fireEvent.click(screen.getByText('实现共产主义'));
    expect(requests.some((r) => r.key === 'live.answer')).toBe(false);
    fireEvent.click(screen.getByText('30'));
    fireEvent.click(screen.getByText('实现共产主义'));
    await screen.findByText('✓ 已作答', undefined, { timeout: 3000 });
    expect(requests.find((r) => r.key === 'live.answer')?.data).toEqual({
      sessionId: 's1',
      index: 3,
      choice: [0],
      stake: 30,
    });
  });

  it('buzzes in 抢答 and shows a false start as one', async () => {
    const buzzQ = live({ ...OPEN, kind: '抢答', round: 1, index: 2, deadline: null });
    let mine = MINE;
    servePlayer(buzzQ, () => mine, { 'live.buzz': ok({ accepted: false, order: null }) });
    render(<LivePlayPage />);
    await screen.findByText(/提前按视为犯规/);
    mine = { ...MINE, falseStart: true };
    fireEvent.click(screen.getByLabelText('抢答'));
    await screen.findByText('抢答犯规');
    expect(requests.find((r) => r.key === 'live.buzz')?.data).toEqual({ sessionId: 's1', index: 2 });
  });

  it('guides a caller who is not a bound member to bind first', async () => {
    serve({ 'live.join': fail('PERMISSION_DENIED', '请先在“我的”中绑定党员身份') });
    render(<LivePlayPage />);
    await screen.findByText('未能加入现场赛');
    fireEvent.click(screen.getByText('去“我的”绑定身份'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  });

  it('takes the session from a scanned code’s scene and respects 大字模式', async () => {
    setRouterParams({ scene: encodeURIComponent('s1') });
    setLargeFont(true);
    servePlayer(LOBBY);
    const { container } = render(<LivePlayPage />);
    await screen.findByText('已加入，等待开始');
    expect(container.querySelector('.page--large')).not.toBeNull();
    setLargeFont(false);
  });
});

describe('现场赛 host console', () => {
  const HOST_VIEW: KeyOutput<'live.hostView'> = {
    state: OPEN,
    questions: [{ ...QUESTION, index: 0, round: 0, kind: '必答', answer: [0], analysis: '党章总纲。' }],
    flags: [{ index: 0, memberId: 'm9', name: '李强', ms: 180, floorMs: 600, correct: true }],
  };

  beforeEach(() => setRouterParams({ id: 's1' }));

  it('offers the commands of each phase, the main one first', () => {
    const keys = (s: LiveState, w: string | null = null) => hostControls(s, w).map((c) => c.key);
    expect(keys({ ...LOBBY, phase: 'draft' })).toEqual(['open']);
    expect(keys(LOBBY)).toEqual(['next', 'pause', 'end']);
    expect(keys(OPEN)).toEqual(['reveal', 'pause', 'end']);
    expect(keys({ ...OPEN, kind: '抢答' })).toEqual(['unlock', 'reveal', 'pause', 'end']);
    expect(keys({ ...OPEN, kind: '抢答', phase: 'locked', unlockedAt: at(1) }, 'm2')).toEqual([
      'judge-right',
      'judge-wrong',
      'pause',
    ]);
    expect(keys({ ...OPEN, phase: 'locked' })).toEqual(['reveal', 'pause', 'end']);
    expect(keys({ ...OPEN, phase: 'revealed' })).toEqual(['next', 'pause', 'end']);
    expect(keys({ ...OPEN, phase: 'revealed', index: 3 })).toEqual(['end']);
    expect(keys({ ...OPEN, phase: 'paused' })).toEqual(['resume', 'end']);
    expect(keys({ ...OPEN, phase: 'ended' })).toEqual([]);
  });

  it('runs the lobby into the first question and shows its answer and the flagged fast answers', async () => {
    serve({
      ...HOST,
      'live.state': ok({ state: LOBBY, serverNow: new Date().toISOString() }),
      'live.scoreboard': ok({
        sessionId: 's1',
        players: [],
        teams: [],
        index: -1,
        ended: false,
        updatedAt: SERVER_NOW,
        seq: 1,
        me: null,
        myTeam: null,
      }),
      'live.hostView': ok(HOST_VIEW),
      'live.host': ok({ state: live(OPEN) }),
      'live.tick': ok({ state: LOBBY, serverNow: new Date().toISOString() }),
    });
    render(<LiveRunPage />);
    await screen.findByText('开始第一题');
    fireEvent.click(screen.getByText('开始第一题'));
    await screen.findByText('揭晓答案');
    expect(requests.find((r) => r.key === 'live.host')?.data).toEqual({ sessionId: 's1', command: 'next' });
    await screen.findByText('正确答案：A');
    expect(screen.getByText(/李强：出现选项后 0.2 秒作答/)).toBeTruthy();
  });

  it('judges the 抢答 winner right or wrong', async () => {
    const locked = {
      ...OPEN,
      kind: '抢答' as const,
      phase: 'locked' as const,
      unlockedAt: at(1),
      buzzWinner: { memberId: 'm2', name: '王芳', teamId: 'fgw-1' },
    };
    serve({
      ...HOST,
      'live.state': ok({ state: locked, serverNow: new Date().toISOString() }),
      'live.scoreboard': ok({
        sessionId: 's1',
        players: [],
        teams: [],
        index: -1,
        ended: false,
        updatedAt: SERVER_NOW,
        seq: 1,
        me: null,
        myTeam: null,
      }),
      'live.hostView': ok({ ...HOST_VIEW, state: locked, flags: [] }),
      'live.host': ok({ state: { ...locked, phase: 'revealed', buzzCorrect: true, seq: 9 } }),
    });
    render(<LiveRunPage />);
    await screen.findByText('抢到答题权：王芳');
    fireEvent.click(screen.getByText('判定答对'));
    await screen.findByText('下一题');
    expect(requests.find((r) => r.key === 'live.host')?.data).toEqual({
      sessionId: 's1',
      command: 'judge',
      memberId: 'm2',
      correct: true,
    });
  });

  it('exports the results once ended and shows the final top ten', async () => {
    const ended = { ...OPEN, phase: 'ended' as const, seq: 20 };
    serve({
      ...HOST,
      'live.state': ok({ state: ended, serverNow: new Date().toISOString() }),
      'live.scoreboard': ok({
        sessionId: 's1',
        players: [{ rank: 1, memberId: 'm1', name: '张伟', teamId: 'fgw-1', score: 30 }],
        teams: [],
        index: 3,
        ended: true,
        updatedAt: SERVER_NOW,
        seq: 20,
        me: null,
        myTeam: null,
      }),
      'live.hostView': ok({ ...HOST_VIEW, state: ended }),
      'live.export': ok({ fileId: 'f1', url: 'http://x/f1.xlsx', fileName: '现场赛成绩.xlsx' }),
    });
    render(<LiveRunPage />);
    fireEvent.click(await screen.findByText('导出 Excel 成绩'));
    push('live_boards', {
      sessionId: 's1',
      players: [{ rank: 1, memberId: 'm1', name: '张伟', teamId: 'fgw-1', score: 30 }],
      teams: [],
      index: 3,
      ended: true,
      updatedAt: SERVER_NOW,
      seq: 20,
    });
    await waitFor(() => expect(openExport).toHaveBeenCalledWith('http://x/f1.xlsx', '现场赛成绩.xlsx'));
    expect(screen.getByText('1. 张伟 30 分')).toBeTruthy();
  });
});

describe('现场赛 host console refusals', () => {
  it('shows the server’s message when a command is refused', async () => {
    setRouterParams({ id: 's1' });
    serve({
      ...HOST,
      'live.state': ok({ state: { ...LOBBY, phase: 'draft' }, serverNow: new Date().toISOString() }),
      'live.scoreboard': fail('NOT_FOUND', '还没有成绩'),
      'live.hostView': ok({ state: LOBBY, questions: [], flags: [] }),
      'live.host': fail('PERMISSION_DENIED', '只有本场主持人可以操作'),
    });
    render(<LiveRunPage />);
    fireEvent.click(await screen.findByText('开放入场'));
    await screen.findByText('只有本场主持人可以操作');
    expect(screen.getByText('开放入场')).toBeTruthy();
  });
});

describe('新建现场赛', () => {
  it('turns the form into createSession input and names the first problem', () => {
    const v = { ...defaultLiveForm(), title: ' 七一知识竞赛 ', orgIds: ['fgw-1'] };
    expect(toLiveInput(v)).toEqual({
      error: null,
      input: {
        title: '七一知识竞赛',
        orgIds: ['fgw-1'],
        teams: true,
        rounds: [
          { kind: '必答', questionCount: 10, secondsPerQuestion: 20 },
          { kind: '抢答', questionCount: 5, secondsPerQuestion: 15 },
          { kind: '风险', questionCount: 3, secondsPerQuestion: 30 },
        ],
        scoring: 'accuracy',
        readSeconds: 3,
      },
    });
    expect(toLiveInput({ ...v, title: '' }).error).toBe('请填写现场赛名称');
    const tagged = toLiveInput({
      ...v,
      rounds: [{ kind: '必答', questionCount: '5', seconds: '20', tags: '党章，党规党纪' }],
    });
    expect(tagged.input?.rounds[0].tags).toEqual(['党章', '党规党纪']);
    expect(
      toLiveInput({ ...v, rounds: [{ kind: '风险', questionCount: '4', seconds: '20', tags: '' }] }).error,
    ).toContain('最多 3 题');
    expect(
      toLiveInput({ ...v, rounds: [{ kind: '必答', questionCount: '5', seconds: '3', tags: '' }] }).error,
    ).toContain('5–300 秒');
    expect(toLiveInput({ ...v, scoring: 'speed', streakBonus: true }).input).toMatchObject({
      scoring: 'speed',
      streakBonus: true,
    });
  });

  it('creates a session from the form and opens its console', async () => {
    serve({
      'user.login': ok({ openid: 'demo-admin', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'live.list': ok({ sessions: [] }),
      'live.createSession': ok({ sessionId: 'live-new' }),
    });
    render(<LiveAdminPage />);
    fireEvent.click(await screen.findByText('新建现场赛'));
    fireEvent.click(screen.getByText('从题库出题并创建'));
    await screen.findByText('请填写现场赛名称');
    const title = document.querySelector('input[name="live-title"]') as HTMLInputElement;
    fireEvent.change(title, { target: { value: '七一知识竞赛' } });
    fireEvent.click(screen.getByText('从题库出题并创建'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/live-run/index?id=live-new' }));
    expect(requests.find((r) => r.key === 'live.createSession')?.data).toMatchObject({
      title: '七一知识竞赛',
      teams: true,
    });
  });
});
