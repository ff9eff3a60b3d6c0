// The 新建现场赛 form as values people type, checked and turned into live.createSession's input.
import type { ActionInput, RoundKind, Scoring } from '@/domain/api';

export interface RoundValues {
  kind: RoundKind;
  /** As typed. */
  questionCount: string;
  seconds: string;
  /** Comma- or space-separated tags; empty = the whole bank. */
  tags: string;
}

export interface LiveFormValues {
  title: string;
  orgIds: string[];
  teams: boolean;
  rounds: RoundValues[];
  scoring: Scoring;
  streakBonus: boolean;
  readSeconds: string;
}

type CreateInput = ActionInput<'live', 'createSession'>;

/** The default 七一 programme: a 必答 round, a 抢答 round and a 风险 round. */
export function defaultLiveForm(): LiveFormValues {
  return {
    title: '',
    orgIds: [],
    teams: true,
    rounds: [
      { kind: '必答', questionCount: '10', seconds: '20', tags: '' },
      { kind: '抢答', questionCount: '5', seconds: '15', tags: '' },
      { kind: '风险', questionCount: '3', seconds: '30', tags: '' },
    ],
    scoring: 'accuracy',
    streakBonus: false,
    readSeconds: '3',
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/**
 * The createSession input, or the first problem in words people understand.
 * @example toLiveInput({ ...defaultLiveForm(), title: '七一知识竞赛' }).input?.rounds.length // 3
 */
export function toLiveInput(v: LiveFormValues): { input: CreateInput | null; error: string | null } {
  const title = v.title.trim();
  if (!title) return { input: null, error: '请填写现场赛名称' };
  if (v.rounds.length === 0) return { input: null, error: '请至少设置一轮' };
  const rounds: CreateInput['rounds'] = [];
  for (const [i, r] of v.rounds.entries()) {
    const n = int(r.questionCount);
    const s = int(r.seconds);
    const which = `第 ${i + 1} 轮（${r.kind}）`;
    if (!(n >= 1 && n <= 50)) return { input: null, error: `${which}题数应为 1–50` };
    if (r.kind === '风险' && n > 3) return { input: null, error: `${which}每个分值只能用一次，最多 3 题` };
    if (!(s >= 5 && s <= 300)) return { input: null, error: `${which}每题时间应为 5–300 秒` };
    const tags = r.tags
      .split(/[,，、\s]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    rounds.push({ kind: r.kind, questionCount: n, secondsPerQuestion: s, ...(tags.length ? { tags } : {}) });
  }
  const total = rounds.reduce((sum, r) => sum + r.questionCount, 0);
  if (total > 100) return { input: null, error: `共 ${total} 题，一场最多 100 题` };
  const read = int(v.readSeconds);
  if (!(read >= 0 && read <= 10)) return { input: null, error: '读题时间应为 0–10 秒' };
  return {
    input: {
      title,
      ...(v.orgIds.length ? { orgIds: v.orgIds } : {}),
      teams: v.teams,
      rounds,
      scoring: v.scoring,
      ...(v.scoring === 'speed' ? { streakBonus: v.streakBonus } : {}),
      readSeconds: read,
    },
    error: null,
  };
}
