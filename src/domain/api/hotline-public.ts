// Contract of the `hotline` function's public side of the 12345 loop: 知识库 (answers before submitting, answering
// at triage), 并单 (merging a duplicate into an earlier ticket) and 热线节目 (programmes with departments on air).
import { z } from 'zod';
import { HOTLINE_CATEGORIES } from '../hotline/categories';
import type { HotlineCategory } from '../hotline/categories';
import {
  HOTLINE_KNOWLEDGE_ANSWER_MAX,
  HOTLINE_KNOWLEDGE_KEYWORD_MAX,
  HOTLINE_KNOWLEDGE_KEYWORDS_MAX,
  HOTLINE_KNOWLEDGE_TITLE_MAX,
} from '../hotline/knowledge';
import { HOTLINE_CONTENT_MAX, HOTLINE_REASON_MAX, HOTLINE_TITLE_MAX } from '../hotline/limits';
import type { HotlineProgrammePhase } from '../hotline/programme';
import {
  HOTLINE_PROGRAMME_DEPARTMENTS_MAX,
  HOTLINE_PROGRAMME_TOPIC_MAX,
  HOTLINE_PROGRAMME_URL_MAX,
} from '../hotline/programme';
import type { HotlineStatus } from '../hotline/workflow';
import { id, input, text } from './common';

const page = z.number().int().min(1).max(500).optional();
/** An ISO 8601 time with an offset, e.g. 2020-07-01T09:00:00+08:00. */
const isoTime = z.iso.datetime({ offset: true });

export const hotlinePublicSchemas = {
  /** The answers that fit an appeal being written (shown before it is sent). */
  knowledgeSearch: input({
    category: z.enum(HOTLINE_CATEGORIES).optional(),
    title: text(HOTLINE_TITLE_MAX),
    content: z.string().max(HOTLINE_CONTENT_MAX).describe('诉求内容').optional(),
  }),
  /** The person read an answer and does not need to submit (直接答复); counted once per person, answer and day. */
  knowledgeHelpful: input({ knowledgeId: id.describe('知识库条目') }),
  knowledgeList: input({ page, includeInactive: z.boolean().describe('是否包括已停用的').optional() }),
  knowledgeSave: input({
    knowledgeId: id.describe('知识库条目').optional(),
    title: text(HOTLINE_KNOWLEDGE_TITLE_MAX).describe('常见问题'),
    answer: text(HOTLINE_KNOWLEDGE_ANSWER_MAX).describe('答复口径'),
    keywords: z
      .array(text(HOTLINE_KNOWLEDGE_KEYWORD_MAX).describe('关键词'))
      .min(1)
      .max(HOTLINE_KNOWLEDGE_KEYWORDS_MAX)
      .describe('关键词'),
    category: z.enum(HOTLINE_CATEGORIES).nullable().optional(),
    departmentId: id.describe('答复部门'),
    active: z.boolean().describe('是否启用'),
  }),
  /** An admin answers a ticket at triage with a knowledge-base answer (it becomes the reply). */
  answerWithKnowledge: input({
    ticketId: id,
    knowledgeId: id.describe('知识库条目'),
    note: text(HOTLINE_REASON_MAX).describe('补充说明').optional(),
  }),
  /** An admin merges a duplicate into an earlier ticket; it then follows the parent's progress and reply. */
  merge: input({ ticketId: id, parentId: id.describe('并入的诉求') }),
  programmeSave: input({
    programmeId: id.describe('热线节目').optional(),
    topic: text(HOTLINE_PROGRAMME_TOPIC_MAX).describe('节目主题'),
    description: text(500).describe('节目说明').optional(),
    airAt: isoTime.describe('播出时间'),
    departmentIds: z.array(id).min(1).max(HOTLINE_PROGRAMME_DEPARTMENTS_MAX).describe('上线单位'),
    replayUrl: z.string().trim().max(HOTLINE_PROGRAMME_URL_MAX).describe('回放链接').optional(),
  }),
  programmeList: input({ page }),
  programmeGet: input({ programmeId: id.describe('热线节目'), page }),
};

export interface KnowledgeAnswer {
  knowledgeId: string;
  title: string;
  answer: string;
  departmentName: string;
}

export interface KnowledgeItem extends KnowledgeAnswer {
  keywords: string[];
  category: HotlineCategory | null;
  departmentId: string;
  active: boolean;
  /** People who stopped at this answer (直接答复). */
  helpful: number;
  /** Tickets answered with it at triage. */
  used: number;
  updatedAt: string;
}

/** A suggestion stored on a new ticket at submit: an open ticket it looks like (same category and department). */
export interface SimilarTicket {
  ticketId: string;
  ticketNo: string;
  title: string;
  similarity: number;
}

/** What a merged ticket shows of the ticket it follows. */
export interface ParentProgress {
  ticketId: string;
  ticketNo: string;
  status: HotlineStatus;
  statusName: string;
  departmentName: string | null;
  replies: Array<{ content: string; departmentName: string; at: string }>;
}

export interface ProgrammeSummary {
  programmeId: string;
  topic: string;
  description: string | null;
  airAt: string;
  departments: Array<{ departmentId: string; name: string }>;
  replayUrl: string | null;
  phase: HotlineProgrammePhase;
  phaseName: string;
  /** Questions submitted for it. */
  asked: number;
}

/** A question answered on a programme, as on the public board (masked). */
export interface ProgrammeQuestion {
  ticketNo: string;
  category: HotlineCategory;
  title: string;
  content: string;
  departmentName: string;
  reply: string;
  repliedAt: string;
}

type Io<S extends z.ZodType, O> = { input: z.input<S>; output: O };
type S = typeof hotlinePublicSchemas;
type Step = { ticketId: string; status: HotlineStatus };

export interface HotlinePublicApi {
  knowledgeSearch: Io<S['knowledgeSearch'], { answers: KnowledgeAnswer[] }>;
  knowledgeHelpful: Io<S['knowledgeHelpful'], { knowledgeId: string; counted: boolean }>;
  knowledgeList: Io<S['knowledgeList'], { items: KnowledgeItem[]; hasMore: boolean }>;
  knowledgeSave: Io<S['knowledgeSave'], { knowledgeId: string }>;
  answerWithKnowledge: Io<S['answerWithKnowledge'], Step>;
  merge: Io<S['merge'], Step & { parentId: string; parentNo: string }>;
  programmeSave: Io<S['programmeSave'], { programmeId: string }>;
  programmeList: Io<S['programmeList'], { programmes: ProgrammeSummary[]; hasMore: boolean }>;
  programmeGet: Io<
    S['programmeGet'],
    { programme: ProgrammeSummary; questions: ProgrammeQuestion[]; page: number; hasMore: boolean }
  >;
}
