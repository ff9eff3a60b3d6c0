// Contract of the `hotline` cloud function (民声热线): input schemas and output shapes.
import { z } from 'zod';
import type { HotlineCategory } from '../hotline/categories';
import { HOTLINE_CATEGORIES } from '../hotline/categories';
import {
  HOTLINE_COMMENT_MAX,
  HOTLINE_CONTENT_MAX,
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
  /** The submitter's answer to wx.requestSubscribeMessage for the reply notice (a one-time subscription). */
  subscribe: input({ ticketId, accepted: z.boolean() }),
  close: input({ ticketId, note: text(HOTLINE_REASON_MAX).optional() }),
  triage: input({ page }),
  queue: input({ departmentId: id.optional(), page }),
  publicList: input({
    page,
    keyword: z.string().trim().max(20).describe('搜索关键词').optional(),
    category: z.enum(HOTLINE_CATEGORIES).optional(),
    departmentId: id.optional(),
  }),
  stats: input({}),
  // 知识库, 并单, 热线节目 (hotline-public.ts)
  ...hotlinePublicSchemas,
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
  queue: Io<S['queue'], { departmentId: string; tickets: TicketSummary[]; hasMore: boolean }>;
  publicList: Io<S['publicList'], { tickets: PublicTicket[]; page: number; hasMore: boolean }>;
  stats: Io<
    S['stats'],
    { departments: DepartmentStatsRow[]; total: Omit<DepartmentStatsRow, 'departmentId' | 'name'> }
  >;
}
