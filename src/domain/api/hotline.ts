// Contract of the `hotline` cloud function (民声热线): input schemas and output shapes.
import { z } from 'zod';
import type { HotlineCategory } from '../hotline/categories';
import { HOTLINE_CATEGORIES } from '../hotline/categories';
import {
  HOTLINE_COMMENT_MAX,
  HOTLINE_CONTENT_MAX,
  HOTLINE_MAX_EXTENSION_DAYS,
  HOTLINE_MAX_PHOTOS,
  HOTLINE_REASON_MAX,
  HOTLINE_REPLY_MAX,
  HOTLINE_TITLE_MAX,
} from '../hotline/limits';
import type { HotlineStatus } from '../hotline/workflow';
import { id, input, phone, text } from './common';
import type { HotlinePublicApi, ParentProgress, SimilarTicket } from './hotline-public';
import { hotlinePublicSchemas } from './hotline-public';

const ticketId = id;
const page = z.number().int().min(1).max(500).optional();
/** A calendar month, 'YYYY-MM' (statistics periods). */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('统计月份');

export const hotlineSchemas = {
  submit: input({
    category: z.enum(HOTLINE_CATEGORIES),
    title: text(HOTLINE_TITLE_MAX),
    content: text(HOTLINE_CONTENT_MAX).describe('诉求内容'),
    departmentId: id.optional(),
    contactName: text(32).optional(),
    contactPhone: phone.optional(),
    isPublic: z.boolean(),
    /** fileIDs of photos already uploaded to `hotline/` in cloud storage. */
    photos: z.array(z.string().max(512)).max(HOTLINE_MAX_PHOTOS).optional(),
    /** The submitter allowed a subscribe message about the reply (wx.requestSubscribeMessage). */
    subscribe: z.boolean().optional(),
    /** A question for an upcoming 热线节目: routed to the chosen department on air. */
    programmeId: id.describe('热线节目').optional(),
  }),
  mine: input({}),
  get: input({ ticketId }),
  accept: input({ ticketId, note: text(HOTLINE_REASON_MAX).optional() }),
  reject: input({ ticketId, reason: text(HOTLINE_REASON_MAX).describe('不予受理的理由') }),
  assign: input({ ticketId, departmentId: id, note: text(HOTLINE_REASON_MAX).optional() }),
  reply: input({
    ticketId,
    content: text(HOTLINE_REPLY_MAX).describe('答复内容'),
    /** fileIDs of photos the handler uploaded to `hotline/` (shown only where the ticket's photos are). */
    photos: z.array(z.string().max(512)).max(HOTLINE_MAX_PHOTOS).describe('答复照片').optional(),
  }),
  rate: input({ ticketId, score: z.number().int().min(1).max(5), comment: text(HOTLINE_COMMENT_MAX).optional() }),
  reopen: input({ ticketId, reason: text(HOTLINE_REASON_MAX).describe('申请重新办理的理由') }),
  withdraw: input({ ticketId, reason: text(HOTLINE_REASON_MAX).describe('撤回的理由').optional() }),
  /**
   * The submitter's answer to wx.requestSubscribeMessage for the reply notice (a one-time subscription) and, asked in
   * the same dialog, for one progress notice (an approved 延期, a re-opened ticket).
   */
  subscribe: input({
    ticketId,
    accepted: z.boolean(),
    progress: z.boolean().describe('是否接收办理进度通知').optional(),
  }),
  close: input({ ticketId, note: text(HOTLINE_REASON_MAX).optional() }),
  triage: input({ page }),
  queue: input({ departmentId: id.optional(), page }),
  publicList: input({
    page,
    keyword: z.string().trim().max(20).describe('搜索关键词').optional(),
    category: z.enum(HOTLINE_CATEGORIES).optional(),
    departmentId: id.optional(),
  }),
  stats: input({ from: month.optional(), to: month.optional() }),
  // 知识库, 并单, 热线节目 (hotline-public.ts)
  ...hotlinePublicSchemas,
  // 12345 handling loop (issue 15): 退单 and its review, 延期 and its review, 主办/协办, 回访, 追问, 催办, 通报, export.
  /** A handler of the assigned department returns a ticket that is not the department's (退单). */
  returnTicket: input({ ticketId, reason: text(HOTLINE_REASON_MAX).describe('退单理由') }),
  /** The admin accepts a return and 改派 to `departmentId`, or rejects it (the department keeps the ticket). */
  reviewReturn: input({
    ticketId,
    accept: z.boolean().describe('是否同意退单'),
    departmentId: id.optional().describe('改派部门'),
    note: text(HOTLINE_REASON_MAX).optional(),
  }),
  /** Before the deadline a handler asks for more working days. */
  requestExtension: input({
    ticketId,
    days: z.number().int().min(1).max(HOTLINE_MAX_EXTENSION_DAYS).describe('延期工作日数'),
    reason: text(HOTLINE_REASON_MAX).describe('延期理由'),
  }),
  reviewExtension: input({
    ticketId,
    approve: z.boolean().describe('是否同意延期'),
    note: text(HOTLINE_REASON_MAX).optional(),
  }),
  /** The admin sets the co-handling departments (协办) of an assigned ticket; the assigned one stays 主办. */
  cohandle: input({ ticketId, departmentIds: z.array(id).max(5).describe('协办部门') }),
  /** A co-handling department's part (协办意见); `departmentId` when the handler serves several. */
  coReply: input({ ticketId, departmentId: id.optional(), content: text(HOTLINE_REPLY_MAX).describe('协办意见') }),
  /** The admin's 回访 after the answer: reached or not, solved or not, a note. */
  visit: input({
    ticketId,
    reached: z.boolean().describe('是否联系上诉求人'),
    solved: z.boolean().describe('问题是否解决'),
    note: text(HOTLINE_REASON_MAX).optional(),
  }),
  /** The admin sends a ticket the 回访 found unsolved back to its department. */
  visitReopen: input({ ticketId, note: text(HOTLINE_REASON_MAX).optional() }),
  /** The submitter's one 追问 on an answered ticket. */
  ask: input({ ticketId, content: text(HOTLINE_COMMENT_MAX).describe('追问内容') }),
  /** The department answers the 追问 in the same thread. */
  answerAsk: input({ ticketId, content: text(HOTLINE_REPLY_MAX).describe('追问答复') }),
  /** The submitter's 催办 on an overdue ticket, once a day. */
  urge: input({ ticketId }),
  /** The 通报 list: tickets 5 or more working days late (admin). */
  reports: input({ page }),
  /** The department statistics of a period as an Excel workbook (admin). */
  statsExport: input({ from: month.optional(), to: month.optional() }),
  /** How many 催办提醒 subscribe messages the handler or admin has allowed and not yet received. */
  remindSubscription: input({}),
  /** The handler's or admin's answer to wx.requestSubscribeMessage for a 催办提醒 (refused: reminders off). */
  remindSubscribe: input({ accepted: z.boolean().describe('是否接收催办提醒') }),
};

/** Who did a step, as every reader may see it; `by` (the openid) only for admins and handlers. */
export interface TimelineEntry {
  event: string;
  eventName: string;
  status: HotlineStatus;
  actor: 'submitter' | 'admin' | 'handler' | 'system';
  actorName: string;
  by?: string;
  note: string | null;
  at: string;
}

export interface TicketSummary {
  ticketId: string;
  ticketNo: string;
  category: HotlineCategory;
  title: string;
  status: HotlineStatus;
  statusName: string;
  departmentId: string | null;
  departmentName: string | null;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  /** The content check asked for a review: an admin should read it before it is published. */
  flagged: boolean;
  /** 并单: open tickets this one looks like (found at submit); empty when none. */
  similar: SimilarTicket[];
  /** The 热线节目 it was asked for, or null. */
  programmeId: string | null;
}

export interface TicketReply {
  content: string;
  departmentName: string;
  at: string;
  onTime: boolean;
  /** Photos the handler attached (temporary URLs, as the ticket's photos). */
  photos: TicketPhoto[];
}

export interface TicketRating {
  score: number;
  comment: string | null;
  at: string;
}

/** A photo of a ticket: its fileID and a temporary URL to show it (null when storage could not give one). */
export interface TicketPhoto {
  fileID: string;
  url: string | null;
}

export interface TicketDetail extends TicketSummary {
  content: string;
  /** Only ever in `get` (the submitter, admins, the assigned department); never on the public board. */
  photos: TicketPhoto[];
  /** The submitter allowed one subscribe message about the next reply (only shown to the submitter). */
  subscribed: boolean;
  isPublic: boolean;
  published: boolean;
  requestedDepartmentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Only for admins and handlers. */
  openid?: string;
  replies: TicketReply[];
  ratings: TicketRating[];
  reopened: boolean;
  rejectReason: string | null;
  /** 并单: the ticket this one was merged into and its progress (its reply is this one's answer). */
  parent: ParentProgress | null;
  /** Tickets merged into this one. */
  mergedNos: string[];
  timeline: TimelineEntry[];
  /** 12345 handling loop (issue 15). The pending 退单 (status `returned`). */
  returnRequest: { reason: string; departmentName: string; at: string } | null;
  /** A 延期申请 awaiting review. */
  extensionRequest: { days: number; reason: string; at: string; proposedDueAt: string } | null;
  /** Approved extensions, in working days, summed. */
  extendedDays: number;
  /** 协办 departments and their parts (the assigned department is 主办). */
  coDepartments: Array<{ departmentId: string; name: string; part: string | null; at: string | null }>;
  visits: Array<{ reached: boolean; solved: boolean; note: string | null; at: string }>;
  /** The one 追问 and its answer. */
  followUp: { question: string; askedAt: string; answer: string | null; answeredAt: string | null } | null;
  /** On the 通报 list (5 working days late). */
  reported: boolean;
  /** What the caller may do now (the pages show these buttons). */
  can: {
    withdraw: boolean;
    rate: boolean;
    reopen: boolean;
    accept: boolean;
    assign: boolean;
    reject: boolean;
    reply: boolean;
    close: boolean;
    /** The submitter may ask for the reply notice (a reply is awaited). */
    subscribe: boolean;
    /** An admin may merge it into an earlier ticket, or answer it from the knowledge base. */
    merge: boolean;
    answer: boolean;
    // 12345 handling loop (issue 15)
    returnTicket: boolean;
    reviewReturn: boolean;
    requestExtension: boolean;
    reviewExtension: boolean;
    cohandle: boolean;
    coReply: boolean;
    visit: boolean;
    visitReopen: boolean;
    ask: boolean;
    answerAsk: boolean;
    urge: boolean;
  };
}

/** A ticket on the public board: every text masked, no contact, no openid. */
export interface PublicTicket {
  ticketNo: string;
  category: HotlineCategory;
  title: string;
  content: string;
  departmentName: string;
  reply: string;
  repliedAt: string;
  createdAt: string;
  score: number | null;
}

export interface DepartmentStatsRow {
  departmentId: string;
  name: string;
  received: number;
  replied: number;
  replyRate: number | null;
  onTimeRate: number | null;
  satisfaction: number | null;
  averageScore: number | null;
  averageReplyWorkdays: number | null;
  /** 直接答复: people who stopped at a knowledge answer + tickets answered with one; the rate over all appeals. */
  directAnswers: number;
  directRate: number | null;
  /** 并单: duplicates merged into an earlier ticket; 重复诉求率 over all appeals. */
  merged: number;
  duplicateRate: number | null;
  // 12345 handling loop (issue 15)
  /** 回访 that found the problem solved / 回访, 0..1. */
  solveRate: number | null;
  /** Tickets visited / tickets replied, 0..1. */
  visitRate: number | null;
  returned: number;
  extended: number;
  /** Tickets put on the 通报 list (5 working days late). */
  reported: number;
}

/** One row of the 通报 list. */
export interface ReportedTicket extends TicketSummary {
  dueDay: string;
  lateWorkdays: number;
}

type Io<S extends z.ZodType, O> = { input: z.input<S>; output: O };
type S = typeof hotlineSchemas;
type Step = { ticketId: string; status: HotlineStatus };

export interface HotlineApi extends HotlinePublicApi {
  submit: Io<S['submit'], { ticketId: string; ticketNo: string; dueAt: string; flagged: boolean }>;
  mine: Io<S['mine'], { tickets: TicketSummary[] }>;
  get: Io<S['get'], TicketDetail>;
  accept: Io<S['accept'], Step>;
  reject: Io<S['reject'], Step>;
  assign: Io<S['assign'], Step>;
  reply: Io<S['reply'], Step & { onTime: boolean }>;
  rate: Io<S['rate'], Step>;
  reopen: Io<S['reopen'], Step>;
  withdraw: Io<S['withdraw'], Step>;
  subscribe: Io<S['subscribe'], { ticketId: string; subscribed: boolean }>;
  close: Io<S['close'], Step>;
  triage: Io<S['triage'], { tickets: TicketSummary[]; hasMore: boolean }>;
  queue: Io<
    S['queue'],
    {
      departmentId: string;
      tickets: TicketSummary[];
      hasMore: boolean;
      /** 协办: open tickets another department leads and this one helps with (issue 15). */
      cohandling: TicketSummary[];
    }
  >;
  publicList: Io<S['publicList'], { tickets: PublicTicket[]; page: number; hasMore: boolean }>;
  stats: Io<
    S['stats'],
    {
      departments: DepartmentStatsRow[];
      total: Omit<DepartmentStatsRow, 'departmentId' | 'name'>;
      /** The period counted: months 'YYYY-MM' from..to, or null for all time. */
      period: { from: string; to: string } | null;
    }
  >;
  // 12345 handling loop (issue 15)
  returnTicket: Io<S['returnTicket'], Step>;
  reviewReturn: Io<S['reviewReturn'], Step>;
  requestExtension: Io<S['requestExtension'], Step & { proposedDueAt: string }>;
  reviewExtension: Io<S['reviewExtension'], Step & { dueAt: string }>;
  cohandle: Io<S['cohandle'], Step & { departmentIds: string[] }>;
  coReply: Io<S['coReply'], Step>;
  visit: Io<S['visit'], Step>;
  visitReopen: Io<S['visitReopen'], Step & { dueAt: string }>;
  ask: Io<S['ask'], Step>;
  answerAsk: Io<S['answerAsk'], Step>;
  urge: Io<S['urge'], Step>;
  reports: Io<S['reports'], { tickets: ReportedTicket[]; hasMore: boolean }>;
  statsExport: Io<S['statsExport'], { fileID: string; url: string; fileName: string }>;
  remindSubscription: Io<S['remindSubscription'], RemindSubscription>;
  remindSubscribe: Io<S['remindSubscribe'], RemindSubscription>;
}

/** A handler's or admin's 催办提醒 consent: messages still allowed, for which departments, and admin reminders. */
export interface RemindSubscription {
  credits: number;
  departmentIds: string[];
  admin: boolean;
}
