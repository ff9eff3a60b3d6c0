// The contest function's collections and how their documents read back: one document per competition (judges,
// criteria, windows and, once published, the ranked list), one per entry (with its judges' totals), one per
// judge's score sheet and one per vote.
import type { ContestCriterion, ContestEntry, ContestJudge, ContestKind, ContestSummary } from '@/domain/api/contest';
import { CONTEST_KINDS } from '@/domain/api/contest';
import type { ContestTimes } from '@/domain/contest';
import { contestStage, contestVoteOpen } from '@/domain/contest';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { str } from '../../server/db';
import { tempUrls } from '../../server/files';
import { shanghaiIso, timeMs } from '../../server/time';

export const CONTESTS = 'contests';
/** `<contestId>:<orgId>`: one entry per org; `judged` holds each judge's weighted total (written with the sheet). */
export const CONTEST_ENTRIES = 'contest_entries';
/** `<entryId>:<memberId>`: one score sheet per judge and entry. */
export const CONTEST_SCORES = 'contest_scores';
/** `<contestId>:<day>:<openid>`: one public vote per person per day. */
export const CONTEST_VOTES = 'contest_votes';

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const msOrNull = (v: unknown): number | null => {
  const t = timeMs(v);
  return Number.isNaN(t) ? null : t;
};

export function contestTimes(c: Doc): ContestTimes {
  return {
    submitStartMs: timeMs(c.submitStartAt),
    submitEndMs: timeMs(c.submitEndAt),
    voteStartMs: msOrNull(c.voteStartAt),
    voteEndMs: msOrNull(c.voteEndAt),
    publishedMs: msOrNull(c.publishedAt),
  };
}

export function contestKind(value: unknown): ContestKind {
  return (CONTEST_KINDS as readonly unknown[]).includes(value) ? (value as ContestKind) : '创新创优竞赛';
}

export function contestJudges(c: Doc): ContestJudge[] {
  return Array.isArray(c.judges)
    ? (c.judges as Array<Record<string, unknown>>).map((j) => ({
        memberId: String(j.memberId),
        name: String(j.name ?? ''),
        orgId: String(j.orgId ?? ''),
        orgName: String(j.orgName ?? ''),
      }))
    : [];
}

export function contestCriteria(c: Doc): ContestCriterion[] {
  return Array.isArray(c.criteria)
    ? (c.criteria as Array<Record<string, unknown>>).map((k) => ({
        key: String(k.key),
        name: String(k.name),
        weight: Number(k.weight) || 0,
      }))
    : [];
}

export function contestWeights(c: Doc): { panel: number; public: number } {
  const w = (c.weights ?? {}) as Record<string, unknown>;
  return { panel: Number(w.panel) || 0, public: Number(w.public) || 0 };
}

/** Each judge's weighted total of an entry, as written with the score sheet. */
export function entryJudged(e: Doc): Array<{ memberId: string; total: number }> {
  return Array.isArray(e.judged)
    ? (e.judged as Array<Record<string, unknown>>).map((j) => ({
        memberId: String(j.memberId),
        total: Number(j.total) || 0,
      }))
    : [];
}

/** Orgs the caller may submit for in this competition now: the secretary's own orgs, while entries are open. */
export function submitScopes(caller: Caller | null, c: Doc, nowMs: number): string[] {
  if (!caller || contestStage(contestTimes(c), nowMs) !== 'submitting') return [];
  return secretaryScopes(caller);
}

export function contestSummary(c: Doc, caller: Caller | null, nowMs: number): ContestSummary {
  const t = contestTimes(c);
  return {
    contestId: c._id,
    kind: contestKind(c.kind),
    title: str(c, 'title') ?? '',
    stage: contestStage(t, nowMs),
    submitStartAt: shanghaiIso(c.submitStartAt),
    submitEndAt: shanghaiIso(c.submitEndAt),
    publicVote:
      t.voteStartMs !== null && t.voteEndMs !== null
        ? { startAt: shanghaiIso(c.voteStartAt), endAt: shanghaiIso(c.voteEndAt) }
        : null,
    voteOpen: contestVoteOpen(t, nowMs),
    entryCount: Number(c.entryCount) || 0,
    publishedAt: t.publishedMs === null ? null : shanghaiIso(c.publishedAt),
    isJudge: caller?.memberId ? strings(c.judgeIds).includes(caller.memberId) : false,
    canSubmitFor: submitScopes(caller, c, nowMs),
  };
}

export function entryAttachments(e: Doc): Array<{ fileID: string; name: string }> {
  return Array.isArray(e.attachments)
    ? (e.attachments as Array<Record<string, unknown>>).map((a) => ({ fileID: String(a.fileID), name: String(a.name) }))
    : [];
}

/** Download addresses of the entries' attachments (one request for all of them). */
export function attachmentUrls(entries: readonly Doc[]): Promise<Map<string, string>> {
  return tempUrls(entries.flatMap((e) => entryAttachments(e).map((a) => a.fileID)));
}

/** An entry's attachments with their download addresses (null when WeChat gave none). */
export function attachmentsWithUrls(e: Doc, urls: ReadonlyMap<string, string>) {
  return entryAttachments(e).map((a) => ({ ...a, url: urls.get(a.fileID) ?? null }));
}

export function contestEntry(e: Doc, urls: Map<string, string>): ContestEntry {
  return {
    entryId: e._id,
    orgId: str(e, 'orgId') ?? '',
    orgName: str(e, 'orgName') ?? '',
    title: str(e, 'title') ?? '',
    summary: str(e, 'summary') ?? '',
    attachments: attachmentsWithUrls(e, urls),
    updatedAt: shanghaiIso(e.updatedAt),
  };
}

export async function loadContest(db: Database, contestId: string): Promise<Doc> {
  const { data } = await db.collection(CONTESTS).doc(contestId).get();
  if (!data) throw new AppError('NOT_FOUND', '竞赛不存在');
  return data;
}

/** A competition's entries in submission order (at most CONTEST_MAX_ENTRIES: one read). */
export async function readEntries(db: Database, contestId: string, limit = 100): Promise<Doc[]> {
  const { data } = await db
    .collection(CONTEST_ENTRIES)
    .where({ contestId })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get();
  return data;
}
