// Sessions: creating one (questions drawn from the bank per round, on the server, at creation), the list for
// 首页/学习 and the host console, and the host's view with the answers and the flagged answers.
import type { z } from 'zod';
import type { LiveApi, LiveFlag, LiveSessionSummary, liveSchemas } from '@/domain/api/live';
import { LIVE_DEFAULT_READ_SECONDS, LIVE_MAX_QUESTIONS, STAKES } from '@/domain/api/live';
import { orgSubtree } from '@/domain/identity';
import { liveFloorMs, liveInitial } from '@/domain/live';
import { quizDraw } from '@/domain/quiz';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { newId } from '../../server/ids';
import { MEMBERS } from '../../server/members';
import { readBankPool, readQuestions } from '../quiz/public';
import type { Run, RunQuestion } from './store';
import {
  ANSWERS,
  BOARDS,
  canHost,
  emptyBoard,
  publicState,
  readRun,
  requireHost,
  RUNS,
  SCORES,
  SESSIONS,
  storedMachine,
  toRun,
} from './store';
import { shanghaiIso } from '../../server/time';

/** Sessions listed: the latest this many (an agency runs a few a year). */
const LIST_MAX = 30;
/** Flagged answers shown to the host. */
const FLAGS_MAX = 200;

export async function createSession(
  input: z.output<typeof liveSchemas.createSession>,
  ctx: ActionContext,
): Promise<LiveApi['createSession']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  if (!callerIsAdmin(caller)) {
    const scopes = secretaryScopes(caller);
    if (!input.orgIds || !input.orgIds.every((o) => scopes.includes(o)))
      throw new AppError('PERMISSION_DENIED', '支部书记只能为自己的支部创建现场赛（请选择本支部）');
  }
  const total = input.rounds.reduce((n, r) => n + r.questionCount, 0);
  if (total > LIVE_MAX_QUESTIONS) throw new AppError('INVALID_ARGUMENT', `一场最多 ${LIVE_MAX_QUESTIONS} 道题`);
  input.rounds.forEach((r, i) => {
    if (r.kind === '风险' && r.questionCount > STAKES.length)
      throw new AppError(
        'INVALID_ARGUMENT',
        `第 ${i + 1} 轮：风险题每轮最多 ${STAKES.length} 道（10、20、30 分各用一次）`,
      );
  });

  const [pool, directory] = await Promise.all([readBankPool(db), readDirectory(db)]);
  const known = new Set(directory.orgs.map((o) => o.orgId));
  const unknown = (input.orgIds ?? []).filter((o) => !known.has(o));
  if (unknown.length) throw new AppError('NOT_FOUND', `组织不存在：${unknown.slice(0, 5).join('、')}`);
  const takingPart = input.orgIds ? [...orgSubtree(directory.orgs, input.orgIds)].sort() : null;
  const orgNames = Object.fromEntries(
    directory.orgs.filter((o) => !takingPart || takingPart.includes(o.orgId)).map((o) => [o.orgId, o.name]),
  );

  const sessionId = newId('lv');
  // Each round draws from what earlier rounds left, so no question comes twice.
  const used = new Set<string>();
  const plan: Array<{ questionId: string; round: number }> = [];
  input.rounds.forEach((r, i) => {
    const candidates = pool.filter((q) => !used.has(q.questionId) && (!r.types || r.types.includes(q.type)));
    const drawn = quizDraw(candidates, { count: r.questionCount, tags: r.tags ?? null }, `${sessionId}:${i}`);
    if (!drawn.ok) throw new AppError('FAILED_PRECONDITION', `第 ${i + 1} 轮（${r.kind}）：${drawn.message}`);
    for (const questionId of drawn.questionIds) {
      used.add(questionId);
      plan.push({ questionId, round: i });
    }
  });
  const docs = await readQuestions(db, [...used]);
  const questions: RunQuestion[] = plan.map(({ questionId, round }) => {
    const q = docs.get(questionId);
    if (!q) throw new AppError('FAILED_PRECONDITION', '题库刚刚有变动，请重新创建');
    const r = input.rounds[round];
    return {
      questionId,
      kind: r.kind,
      round,
      seconds: r.secondsPerQuestion,
      type: q.type,
      stem: q.stem,
      options: q.options,
      answer: q.answer,
      analysis: q.analysis,
      floorMs: liveFloorMs(q.options),
    };
  });

  const now = Date.now();
  const readMs = (input.readSeconds ?? LIVE_DEFAULT_READ_SECONDS) * 1000;
  const machine = liveInitial(
    questions.map((q) => ({ kind: q.kind, round: q.round, seconds: q.seconds })),
    readMs,
  );
  const run: Run = {
    sessionId,
    title: input.title,
    hostOpenid: caller.openid,
    orgIds: input.orgIds ?? null,
    takingPart,
    teams: input.teams,
    scoring: input.scoring,
    streakBonus: input.scoring === 'speed' && input.streakBonus === true,
    rounds: input.rounds.map((r) => ({
      kind: r.kind,
      questionCount: r.questionCount,
      secondsPerQuestion: r.secondsPerQuestion,
    })),
    questions,
    machine,
    seq: 0,
    aggAt: 0,
    joined: 0,
    answered: 0,
    orgNames,
    settledIndex: -1,
    ledgerDone: false,
    buzz: null,
    reveal: null,
    createdAt: now,
  };
  const { sessionId: _id, ...stored } = run;
  await db.collection(RUNS).add({ data: { _id, ...stored, machine: storedMachine(machine) } });
  await db.collection(SCORES).add({ data: { _id, players: {}, teams: [], settledIndex: -1 } });
  await db.collection(BOARDS).add({ data: { _id, ...emptyBoard(sessionId, now) } });
  await db.collection(SESSIONS).add({ data: { _id, ...publicState(run, now), createdAt: now } });
  return { sessionId };
}

function summary(run: Run, caller: Caller, orgId: string | null): LiveSessionSummary {
  const phase = run.machine.phase;
  const member = orgId !== null && (run.takingPart === null || run.takingPart.includes(orgId));
  return {
    sessionId: run.sessionId,
    title: run.title,
    phase,
    joined: run.joined,
    total: run.rounds.reduce((n, r) => n + r.questionCount, 0),
    teams: run.teams,
    scoring: run.scoring,
    createdAt: shanghaiIso(run.createdAt),
    canHost: canHost(caller, run),
    canJoin: member && phase !== 'draft' && phase !== 'ended',
  };
}

/** The latest sessions the caller may see: hosts see theirs (drafts too), members those of their orgs. */
export async function list(
  _input: z.output<typeof liveSchemas.list>,
  ctx: ActionContext,
): Promise<LiveApi['list']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const [runs, member] = await Promise.all([
    db
      .collection(RUNS)
      .orderBy('createdAt', 'desc')
      .limit(LIST_MAX)
      .field({ questions: false })
      .get()
      .then(({ data }) => data.map((d) => toRun({ ...d, questions: [] }))),
    caller.memberId ? db.collection(MEMBERS).doc(caller.memberId).get() : Promise.resolve({ data: null }),
  ]);
  const orgId = typeof member.data?.orgId === 'string' ? member.data.orgId : null;
  const sessions = runs
    .map((r) => summary(r, caller, orgId))
    .filter((s) => s.canHost || (s.phase !== 'draft' && (s.canJoin || (orgId !== null && s.phase === 'ended'))));
  return { sessions };
}

export async function hostView(
  input: z.output<typeof liveSchemas.hostView>,
  ctx: ActionContext,
): Promise<LiveApi['hostView']['output']> {
  const { db } = ctx;
  const [caller, run] = await Promise.all([ctx.caller(), readRun(db, input.sessionId)]);
  requireHost(caller, run);
  const { data } = await db
    .collection(ANSWERS)
    .where({ sessionId: run.sessionId, flagged: true })
    .orderBy('index', 'asc')
    .limit(FLAGS_MAX)
    .get();
  const flags: LiveFlag[] = data.map((a) => ({
    index: Number(a.index),
    memberId: String(a.memberId),
    name: String(a.name),
    ms: Number(a.ms),
    floorMs: run.questions[Number(a.index)]?.floorMs ?? 0,
    correct: a.correct === true,
  }));
  return {
    state: publicState(run, Date.now()),
    questions: run.questions.map((q, index) => ({
      index,
      round: q.round,
      kind: q.kind,
      stem: q.stem,
      type: q.type,
      options: q.options,
      answer: q.answer,
      analysis: q.analysis,
    })),
    flags,
  };
}
