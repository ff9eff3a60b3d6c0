// Contract of the `contest` cloud function: 机关工作创新创优竞赛 and 效能典型案例评比 (units submit entries, a panel
// of judges scores them on weighted criteria, an optional public vote, results combined by weights and published).
import { z } from 'zod';
import { id, input, text } from './common';

const isoTime = z.iso.datetime({ offset: true });
const fileID = z.string().max(512);

export const CONTEST_KINDS = ['创新创优竞赛', '效能典型案例评比'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

/** Where a competition stands: 征集 (entries open), 评审 (judges score, public votes), 已公布 (results published). */
export type ContestStage = 'upcoming' | 'submitting' | 'judging' | 'published';

/** Competitions per `list` page. */
export const CONTEST_PAGE_SIZE = 20;
/** Entries a competition takes (one per org; the results view reads them in one page). */
export const CONTEST_MAX_ENTRIES = 100;
export const CONTEST_MAX_JUDGES = 30;
export const CONTEST_SUMMARY_MAX = 2000;

const criterion = input({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,19}$/)
    .describe('评分项代码'),
  name: text(20).describe('评分项名称'),
  weight: z.number().int().min(1).max(100).describe('权重'),
});

export const contestSchemas = {
  /** Admin: a competition with its submission window, weighted criteria, judges and optional public vote. */
  create: input({
    kind: z.enum(CONTEST_KINDS).describe('评比类型'),
    title: text(60).describe('竞赛名称'),
    description: z.string().trim().max(500).optional().describe('说明'),
    submitStartAt: isoTime.describe('征集开始时间'),
    submitEndAt: isoTime.describe('征集截止时间'),
    criteria: z.array(criterion).min(1).max(10).describe('评分项'),
    /** Roster members who judge (members and role holders are all on the roster). */
    judgeIds: z.array(id).min(1).max(CONTEST_MAX_JUDGES).describe('评委'),
    publicVote: input({ startAt: isoTime.describe('投票开始时间'), endAt: isoTime.describe('投票截止时间') })
      .optional()
      .describe('群众投票'),
    /** Panel and public shares of the result (any non-negative numbers; without a public vote the panel is all). */
    weights: input({
      panel: z.number().int().min(0).max(100).describe('评委评分权重'),
      public: z.number().int().min(0).max(100).describe('群众投票权重'),
    }).describe('结果权重'),
  }),
  /**
   * Admin: ends the submission window now (every unit has sent its entry); judging starts, and a public vote set to
   * start later starts now.
   */
  close: input({ contestId: id.describe('竞赛') }),
  /**
   * Admin: replaces the weighted criteria (weights adding up to 100) while entries are still open; refused with
   * FAILED_PRECONDITION once the submission window has closed, as judges may score from then on.
   */
  setCriteria: input({
    contestId: id.describe('竞赛'),
    criteria: z.array(criterion).min(1).max(10).describe('评分项'),
  }),
  /** Competitions, newest first, with what the caller may do in each. */
  list: input({ page: z.number().int().min(0).max(1000).optional().describe('页码') }),
  /** One competition with its entries (entries are shown once the submission window has closed, or to the 工委). */
  get: input({ contestId: id.describe('竞赛') }),
  /** A secretary submits (or edits, until the window closes) the entry of the own org. */
  submit: input({
    contestId: id.describe('竞赛'),
    orgId: id.describe('参赛单位'),
    title: text(60).describe('参赛项目名称'),
    summary: text(CONTEST_SUMMARY_MAX).describe('项目简介'),
    attachments: z
      .array(input({ fileID: fileID.describe('附件'), name: text(100).describe('附件名称') }))
      .max(6)
      .optional()
      .describe('附件'),
  }),
  /** A judge: the entries to score, with the own scores and the entries of the own unit marked as excluded. */
  judging: input({ contestId: id.describe('竞赛') }),
  /** A judge scores one entry, every criterion 0–100, once. */
  score: input({
    contestId: id.describe('竞赛'),
    entryId: id.describe('参赛项目'),
    scores: z.record(z.string().max(20), z.number()).describe('各项评分'),
  }),
  /** Anyone with an openid: one vote per person per day while the public vote is open. */
  vote: input({ contestId: id.describe('竞赛'), entryId: id.describe('参赛项目') }),
  /** Admin: each judge's progress (entries scored of those assigned). */
  progress: input({ contestId: id.describe('竞赛') }),
  /** Results: live for the 工委 (with burst flags), the published list for everyone else. */
  results: input({ contestId: id.describe('竞赛') }),
  /** Admin: publishes the ranked list as it stands now (after the submission window and the public vote). */
  publish: input({ contestId: id.describe('竞赛') }),
  /** Admin: the results, entries and every judge's scores as an Excel workbook. */
  export: input({ contestId: id.describe('竞赛') }),
  /**
   * Admin (达标创优): for each competition whose submission window is open, the units (the organisations just below
   * the top) with no entry yet; read from the competition documents and the directory, whatever the entries.
   */
  due: input({}),
};

export interface ContestCriterion {
  key: string;
  name: string;
  weight: number;
}

export interface ContestJudge {
  memberId: string;
  name: string;
  orgId: string;
  orgName: string;
}

export interface ContestSummary {
  contestId: string;
  kind: ContestKind;
  title: string;
  stage: ContestStage;
  submitStartAt: string;
  submitEndAt: string;
  publicVote: { startAt: string; endAt: string } | null;
  /** Whether the public vote is open now. */
  voteOpen: boolean;
  entryCount: number;
  publishedAt: string | null;
  /** The caller judges this competition. */
  isJudge: boolean;
  /** Orgs the caller (a secretary) may submit for while the window is open. */
  canSubmitFor: string[];
}

export interface ContestEntry {
  entryId: string;
  orgId: string;
  orgName: string;
  title: string;
  summary: string;
  attachments: Array<{ fileID: string; name: string; url: string | null }>;
  updatedAt: string;
}

export interface ContestDetail extends ContestSummary {
  description: string;
  criteria: ContestCriterion[];
  weights: { panel: number; public: number };
  /** Names only, for everyone (who judges is public); the 工委 sees progress through `progress`. */
  judges: ContestJudge[];
  /** Empty for non-admins while entries are still being submitted, except the caller's own org's. */
  entries: ContestEntry[];
  /** The entry the caller voted for today (null: not yet, or not signed in). */
  votedToday: string | null;
}

export interface JudgingEntry {
  entryId: string;
  orgName: string;
  title: string;
  summary: string;
  attachments: Array<{ fileID: string; name: string; url: string | null }>;
  /** The judge's unit entered it: not scored by this judge. */
  excluded: boolean;
  /** The judge's scores (null: not yet scored) and their weighted total (0–100). */
  scores: Record<string, number> | null;
  total: number | null;
}

export interface JudgeProgress {
  memberId: string;
  name: string;
  orgName: string;
  /** Entries this judge may score (those of the own unit excluded). */
  assigned: number;
  scored: number;
}

export interface ContestResultRow {
  /** Null: no judge has scored it yet (not ranked). */
  rank: number | null;
  entryId: string;
  orgId: string;
  orgName: string;
  title: string;
  /** Mean of the judges' weighted totals, 0–100. */
  panel: number | null;
  judges: number;
  votes: number;
  /** Votes as a share of the most-voted entry's, 0–100 (null without a public vote). */
  public: number | null;
  score: number | null;
  /** Why this row shares a rank or was placed before an equal one (empty when its score is unique). */
  tieNote: string;
}

export interface ContestBurstFlag {
  entryId: string;
  orgName: string;
  startAt: string;
  count: number;
  share: number;
}

export interface ContestResults {
  contestId: string;
  title: string;
  kind: ContestKind;
  stage: ContestStage;
  weights: { panel: number; public: number };
  /** How the score is computed, in words, for the page and the export. */
  formula: string[];
  rows: ContestResultRow[];
  /** When these results were published (null: live results, the 工委 only). */
  publishedAt: string | null;
  /** Bursts of votes (the 工委's live view only). */
  flags: ContestBurstFlag[] | null;
}

/** Competitions whose submission window is open, at most this many on the overview. */
export const CONTEST_DUE_MAX = 20;

export interface ContestDue {
  contestId: string;
  kind: ContestKind;
  title: string;
  submitEndAt: string;
  /** Units that may enter. */
  units: number;
  /** Units with no entry yet, in directory order. */
  missing: Array<{ orgId: string; name: string }>;
}

export interface ContestApi {
  create: { input: z.input<typeof contestSchemas.create>; output: { contestId: string } };
  close: { input: z.input<typeof contestSchemas.close>; output: ContestSummary };
  setCriteria: { input: z.input<typeof contestSchemas.setCriteria>; output: { criteria: ContestCriterion[] } };
  list: {
    input: z.input<typeof contestSchemas.list>;
    output: { contests: ContestSummary[]; hasMore: boolean };
  };
  get: { input: z.input<typeof contestSchemas.get>; output: ContestDetail };
  submit: { input: z.input<typeof contestSchemas.submit>; output: { entryId: string; created: boolean } };
  judging: {
    input: z.input<typeof contestSchemas.judging>;
    output: { contest: ContestSummary; criteria: ContestCriterion[]; entries: JudgingEntry[] };
  };
  score: { input: z.input<typeof contestSchemas.score>; output: { total: number } };
  vote: { input: z.input<typeof contestSchemas.vote>; output: { day: string } };
  progress: { input: z.input<typeof contestSchemas.progress>; output: { judges: JudgeProgress[]; entries: number } };
  results: { input: z.input<typeof contestSchemas.results>; output: ContestResults };
  publish: { input: z.input<typeof contestSchemas.publish>; output: ContestResults };
  export: {
    input: z.input<typeof contestSchemas.export>;
    output: { fileID: string; url: string; fileName: string };
  };
  due: { input: z.input<typeof contestSchemas.due>; output: { contests: ContestDue[] } };
}
