// Contract of the `rating` (微信测评) cloud function: input schemas and output shapes.
import { z } from 'zod';
import type { BurstFlag, CampaignStatus, RatingSource, ResultRow, SourceWeights } from '../rating';
import { id, input, text } from './common';

/** An indicator key: it is also a field name in stored documents, so letters, digits and "_" only. */
const indicatorKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
/** A time with its offset, e.g. 2020-07-01T09:00:00+08:00. */
const isoTime = z.iso.datetime({ offset: true });
const weight = z.number().min(0).max(100);

/** Most departments and indicators in one campaign (keeps the campaign and result documents small). */
export const CAMPAIGN_MAX_DEPARTMENTS = 100;
export const CAMPAIGN_MAX_INDICATORS = 10;
/** Default minimum number of ratings for a department to be ranked. */
export const DEFAULT_MIN_VOTES = 30;
export const COMMENT_MAX_CHARS = 300;

export const ratingSchemas = {
  createCampaign: input({
    title: text(64),
    description: text(500).optional(),
    departmentIds: z.array(id).min(1).max(CAMPAIGN_MAX_DEPARTMENTS),
    indicators: z
      .array(input({ key: indicatorKey, name: text(16), weight: z.number().positive().max(100) }))
      .min(1)
      .max(CAMPAIGN_MAX_INDICATORS),
    startAt: isoTime,
    endAt: isoTime,
    minVotes: z.number().int().min(1).max(100000).optional(),
    sourceWeights: input({ wechat: weight, inspection: weight, survey: weight }).optional(),
    /**
     * Only people the department actually served may rate it: those whose 民声热线 ticket it answered (default
     * false: anyone with an openid).
     */
    servedOnly: z.boolean().optional(),
  }),
  list: input({}),
  get: input({ campaignId: id }),
  rate: input({
    campaignId: id,
    departmentId: id,
    scores: z.record(indicatorKey, z.number()),
    comment: z.string().trim().max(COMMENT_MAX_CHARS).optional(),
  }),
  results: input({ campaignId: id }),
  enterScores: input({
    campaignId: id,
    source: z.enum(['inspection', 'survey']),
    scores: z
      .array(input({ departmentId: id, score: z.number().min(0).max(100).nullable() }))
      .min(1)
      .max(CAMPAIGN_MAX_DEPARTMENTS),
  }),
  publish: input({ campaignId: id, published: z.boolean() }),
  export: input({ campaignId: id }),
  /** Admins: the public's written comments, newest first, optionally for one department. */
  comments: input({
    campaignId: id,
    departmentId: id.optional(),
    page: z.number().int().min(0).max(1000).optional(),
  }),
};

/** Comments per page of `comments`. */
export const COMMENTS_PAGE_SIZE = 50;

/** A written comment as admins read it: who wrote it is never shown, only when and what. */
export interface RatingComment {
  departmentId: string;
  departmentName: string;
  comment: string;
  /** 'review': WeChat's content check asked for a person to look at it (or could not be reached). */
  status: 'pass' | 'review';
  /** The same rating's indicator scores (1..5), by indicator key. */
  scores: Record<string, number>;
  updatedAt: string;
}

export interface CampaignIndicator {
  key: string;
  name: string;
  weight: number;
}

export interface CampaignSummary {
  campaignId: string;
  title: string;
  startAt: string;
  endAt: string;
  status: CampaignStatus;
  published: boolean;
  departmentCount: number;
}

/** A score entered by an admin for 明察暗访 or 第三方, with who entered it. */
export interface EnteredScore {
  score: number;
  enteredBy: string;
  enteredByName: string | null;
  enteredAt: string;
}

export interface CampaignDetail extends CampaignSummary {
  description: string | null;
  departments: Array<{ departmentId: string; name: string }>;
  indicators: CampaignIndicator[];
  minVotes: number;
  sourceWeights: SourceWeights;
  /** Only people a department served (answered a 民声热线 ticket of theirs) may rate it. */
  servedOnly: boolean;
  /** For a servedOnly campaign: the departments that served the caller (empty for an anonymous caller). */
  servedDepartmentIds?: string[];
  /** The caller's own ratings in this campaign, by department (empty for an anonymous caller). */
  mine: Record<string, { scores: Record<string, number>; comment: string | null }>;
  /** Admins only: the entered 明察暗访 / 第三方 scores by department. */
  external?: Record<string, Partial<Record<'inspection' | 'survey', EnteredScore>>>;
}

export interface ResultFlags {
  bursts: BurstFlag[];
  nearIdentical: Array<{ departmentId: string; votes: number; share: number; pattern: string }>;
}

export interface RatingResults {
  campaignId: string;
  title: string;
  status: CampaignStatus;
  published: boolean;
  /** When the ratings were last counted (`ranking.run` or the scheduler); null before the first count. */
  computedAt: string | null;
  minVotes: number;
  sourceWeights: SourceWeights;
  indicators: CampaignIndicator[];
  /** The formula lines the page shows. */
  formula: string[];
  totalVotes: number;
  rows: ResultRow[];
  /** Admins only. */
  flags?: ResultFlags;
}

export interface RatingApi {
  createCampaign: { input: z.input<typeof ratingSchemas.createCampaign>; output: { campaignId: string } };
  list: { input: z.input<typeof ratingSchemas.list>; output: { campaigns: CampaignSummary[] } };
  get: { input: z.input<typeof ratingSchemas.get>; output: CampaignDetail };
  rate: { input: z.input<typeof ratingSchemas.rate>; output: { replaced: boolean } };
  results: { input: z.input<typeof ratingSchemas.results>; output: RatingResults };
  enterScores: { input: z.input<typeof ratingSchemas.enterScores>; output: { updated: number } };
  publish: {
    input: z.input<typeof ratingSchemas.publish>;
    output: { published: boolean; computedAt: string };
  };
  export: { input: z.input<typeof ratingSchemas.export>; output: { fileID: string; url: string; fileName: string } };
  comments: {
    input: z.input<typeof ratingSchemas.comments>;
    output: { comments: RatingComment[]; hasMore: boolean };
  };
}

export type { RatingSource, ResultRow };
