// Contract of the `register` cloud function: the 工委's 台账. 换届选举台账: each organisation's current term, the
// record of each election, reminders before a term ends and the overdue flag after it.
import { z } from 'zod';
import type { OrgKind, ReminderMonths, TermState } from '../register';
import { registerIsCalendarDay, ORG_KINDS } from '../register';
import { id, input, text } from './common';
import type { LeaderApi } from './register-leader';
import { leaderSchemas } from './register-leader';

export type { LeaderContact, LeaderRow, VisitRow } from './register-leader';
import type { VolunteerApi } from './volunteer';
import { volunteerSchemas } from './volunteer';
import type { TrainingApi } from './training';
import { trainingSchemas } from './training';

const day = z
  .string()
  .refine(registerIsCalendarDay, { message: '日期应为 YYYY-MM-DD 格式的有效日期' })
  .describe('日期');
const name = text(20);

/** Committee members named in a term (书记 and 委员 together): a 党委 has at most a few dozen. */
export const COMMITTEE_MAX = 31;
export const ELECTION_PAGE_SIZE = 20;

const termFields = {
  orgId: id.describe('组织'),
  orgKind: z.enum(ORG_KINDS).describe('组织类别'),
  /** Default: DEFAULT_TERM_YEARS of the kind (党委/总支 5, 支部 3). */
  termYears: z.number().int().min(1).max(10).optional().describe('任期年限'),
  secretaryName: name.describe('书记'),
  committee: z.array(name).max(COMMITTEE_MAX).describe('委员'),
};

export const registerSchemas = {
  /** The 换届 register: every organisation in the caller's scope with its term, those needing attention first. */
  terms: input({}),
  /** One organisation's term and its elections, newest first. */
  term: input({ orgId: id.describe('组织'), page: z.number().int().min(0).max(100).optional().describe('页码') }),
  /** Registers (or corrects) an organisation's current term without an election record: the register's first fill. */
  saveTerm: input({ ...termFields, electedOn: day.describe('选举日期') }),
  /** Records an election (换届 or 补选); it starts the organisation's new term on the day it was held. */
  recordElection: input({
    ...termFields,
    heldOn: day.describe('选举日期'),
    expected: z.number().int().min(1).max(100000).describe('应到人数'),
    present: z.number().int().min(0).max(100000).describe('实到人数'),
    result: text(500).describe('选举结果'),
    approval: z.string().trim().max(100).optional().describe('上级批复'),
  }),
  /** The register as an Excel workbook (the caller's scope). */
  exportTerms: input({}),
  ...leaderSchemas,
  ...volunteerSchemas,
  ...trainingSchemas,
};

export interface TermRow {
  orgId: string;
  orgName: string;
  /** null: no term registered yet. */
  orgKind: OrgKind | null;
  electedOn: string | null;
  termYears: number | null;
  endsOn: string | null;
  state: TermState;
  secretaryName: string | null;
  /** The last reminder sent for this term (6, 3 or 1 months before its end) and when. */
  remindedMonths: ReminderMonths | null;
  remindedOn: string | null;
}

export interface TermDetail extends TermRow {
  committee: string[];
  /** The three reminder days of the term. */
  reminderDays: Record<ReminderMonths, string> | null;
}

export interface ElectionRow {
  electionId: string;
  heldOn: string;
  orgKind: OrgKind;
  expected: number;
  present: number;
  /** Whole percent present, and whether more than four fifths were (the election is valid). */
  rate: number;
  quorate: boolean;
  secretaryName: string;
  committee: string[];
  result: string;
  approval: string | null;
  recordedAt: string;
}

export interface TermCounts {
  overdue: number;
  /** Within 6 months of the end. */
  due: number;
  /** No term registered. */
  none: number;
}

export interface RegisterApi extends LeaderApi, VolunteerApi, TrainingApi {
  terms: {
    input: z.input<typeof registerSchemas.terms>;
    output: { today: string; rows: TermRow[]; counts: TermCounts };
  };
  term: {
    input: z.input<typeof registerSchemas.term>;
    output: { term: TermDetail; elections: ElectionRow[]; hasMore: boolean };
  };
  saveTerm: { input: z.input<typeof registerSchemas.saveTerm>; output: { endsOn: string; state: TermState } };
  recordElection: {
    input: z.input<typeof registerSchemas.recordElection>;
    output: { electionId: string; endsOn: string; state: TermState; quorate: boolean; current: boolean };
  };
  exportTerms: {
    input: z.input<typeof registerSchemas.exportTerms>;
    output: { fileID: string; url: string; fileName: string };
  };
}
