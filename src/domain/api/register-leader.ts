// The `register` function's 领学带学督学 actions: the 工委 marks members as 领导干部 with their contact points (联系点);
// a visit (领学/带学/督学) is recorded by the admin, the leader himself or the contact point's secretary; leaders
// without a visit this year are listed. Spread into registerSchemas / RegisterApi (register.ts).
import { z } from 'zod';
import type { VisitKind } from '../register';
import { registerIsCalendarDay, LEADER_CONTACTS_MAX, VISIT_KINDS, VISIT_MAX_PHOTOS } from '../register';
import { id, input, text } from './common';

export const VISIT_PAGE_SIZE = 20;

const year = z.number().int().min(2000).max(2100).optional().describe('年度');

export const leaderSchemas = {
  /**
   * The leaders the caller sees with their visits in a year (default this year), those without one first: the
   * admin every leader, a secretary the leaders whose contact point is in the own organisations, a member himself.
   */
  leaders: input({ year }),
  /** Admin: marks a roster member as 领导干部 (or changes the title and contact points). */
  saveLeader: input({
    memberId: id.describe('领导干部'),
    title: text(30).describe('职务'),
    contactOrgIds: z.array(id).min(1).max(LEADER_CONTACTS_MAX).describe('联系点'),
  }),
  /** Admin: no longer a leader (the visits recorded stay). */
  removeLeader: input({ memberId: id.describe('领导干部') }),
  /** Records a visit to one of the leader's contact points. */
  recordVisit: input({
    leaderId: id.describe('领导干部'),
    orgId: id.describe('联系点'),
    visitedOn: z
      .string()
      .refine(registerIsCalendarDay, { message: '日期应为 YYYY-MM-DD 格式的有效日期' })
      .describe('日期'),
    kind: z.enum(VISIT_KINDS).describe('形式'),
    topic: text(50).describe('学习主题'),
    notes: z.string().trim().max(1000).optional().describe('情况记录'),
    photos: z.array(z.string().max(512)).max(VISIT_MAX_PHOTOS).describe('照片'),
  }),
  /** One leader's visits, newest first (a secretary sees those to the own organisations). */
  visits: input({ leaderId: id.describe('领导干部'), page: z.number().int().min(0).max(100).optional() }),
  /** The leaders and their visits in a year as an Excel workbook (the caller's view). */
  exportLeaders: input({ year }),
};

export interface LeaderContact {
  orgId: string;
  orgName: string;
}

export interface LeaderRow {
  memberId: string;
  name: string;
  title: string;
  /** The leader's own organisation (where the roster has him). */
  orgName: string;
  contacts: LeaderContact[];
  /** Visits in the year asked for. */
  visits: number;
  lastVisitOn: string | null;
}

export interface VisitRow {
  visitId: string;
  leaderId: string;
  leaderName: string;
  orgId: string;
  orgName: string;
  visitedOn: string;
  kind: VisitKind;
  topic: string;
  notes: string;
  photos: Array<{ fileID: string; url: string | null }>;
  recordedAt: string;
}

export interface LeaderApi {
  leaders: {
    input: z.input<typeof leaderSchemas.leaders>;
    output: { year: number; rows: LeaderRow[]; counts: { leaders: number; without: number } };
  };
  saveLeader: { input: z.input<typeof leaderSchemas.saveLeader>; output: { memberId: string } };
  removeLeader: { input: z.input<typeof leaderSchemas.removeLeader>; output: { removed: boolean } };
  recordVisit: {
    input: z.input<typeof leaderSchemas.recordVisit>;
    output: { visitId: string; visits: number };
  };
  visits: {
    input: z.input<typeof leaderSchemas.visits>;
    output: { leader: LeaderRow; visits: VisitRow[]; hasMore: boolean };
  };
  exportLeaders: {
    input: z.input<typeof leaderSchemas.exportLeaders>;
    output: { fileID: string; url: string; fileName: string };
  };
}
