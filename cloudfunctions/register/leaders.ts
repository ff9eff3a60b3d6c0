// register.leaders, saveLeader, removeLeader, recordVisit, visits and exportLeaders: 领学带学督学. The leaders live in
// one summary document (title, contact points, last visit, visits per year), which the register and the overview
// read in one read; each visit is its own document. The member document of a leader carries the mark `login` reads
// for 我的 (server/members.ts markLeader); the admin's and the secretaries' reads of the register heal it.
import { randomBytes } from 'node:crypto';
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { LeaderContact, LeaderRow, registerSchemas, RegisterApi, VisitRow } from '@/domain/api/register';
import { VISIT_PAGE_SIZE } from '@/domain/api/register-leader';
import type { OrgNode } from '@/domain/identity';
import { orgSubtree } from '@/domain/identity';
import type { LeaderVisits, VisitKind } from '@/domain/register';
import { compareLeaders, VISIT_KINDS, visitPhotosProblem, visitsIn, withVisit } from '@/domain/register';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, readPage, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { tempUrls } from '../../server/files';
import { markLeader, MEMBERS, memberIsLeader } from '../../server/members';
import { shanghaiDay, shanghaiIso, shanghaiStamp } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';

/** `leaders`: every leader's entry keyed by memberId (written with each leader and each visit). */
export const REGISTER_LEADERS = 'register_leaders';
const LEADERS_ID = 'leaders';
/** One document per visit. */
export const REGISTER_VISITS = 'register_visits';
/** The export lists at most this many visits of a year (100 a page). */
const EXPORT_VISITS_MAX = 2000;

export interface LeaderEntry extends LeaderVisits {
  name: string;
  title: string;
  orgId: string;
  contactOrgIds: string[];
}

function leaderEntry(raw: unknown): LeaderEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.name !== 'string' || !Array.isArray(e.contactOrgIds)) return null;
  const years: Record<string, number> = {};
  if (typeof e.years === 'object' && e.years !== null)
    for (const [y, n] of Object.entries(e.years as Record<string, unknown>)) years[y] = Number(n) || 0;
  return {
    name: e.name,
    title: typeof e.title === 'string' ? e.title : '',
    orgId: typeof e.orgId === 'string' ? e.orgId : '',
    contactOrgIds: e.contactOrgIds.filter((o): o is string => typeof o === 'string'),
    lastVisitOn: typeof e.lastVisitOn === 'string' ? e.lastVisitOn : null,
    years,
  };
}

/** Every leader by memberId (one read). */
export async function readLeaders(db: Database): Promise<{ exists: boolean; leaders: Map<string, LeaderEntry> }> {
  const { data } = await db.collection(REGISTER_LEADERS).doc(LEADERS_ID).get();
  const leaders = new Map<string, LeaderEntry>();
  const raw = data?.leaders;
  if (typeof raw === 'object' && raw !== null)
    for (const [memberId, v] of Object.entries(raw as Record<string, unknown>)) {
      const e = leaderEntry(v);
      if (e) leaders.set(memberId, e);
    }
  return { exists: data !== null, leaders };
}

/** Writes a leader's whole entry (one write; the first write ever creates the document). */
async function putLeader(db: Database, exists: boolean, memberId: string, e: LeaderEntry): Promise<void> {
  const ref = db.collection(REGISTER_LEADERS).doc(LEADERS_ID);
  const update = () => ref.update({ data: { leaders: { [memberId]: db.command.set({ ...e }) } } });
  if (exists) {
    await update();
    return;
  }
  try {
    await db.collection(REGISTER_LEADERS).add({ data: { _id: LEADERS_ID, leaders: { [memberId]: { ...e } } } });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await update();
  }
}

/** The organisations whose leaders' visits a secretary sees and records: the own organisations and those below. */
function ownOrgs(caller: Caller, orgs: readonly OrgNode[]): Set<string> {
  return orgSubtree(orgs, secretaryScopes(caller));
}

/** Whether the caller sees a leader: the admin all, the leader himself, a secretary of one of his contact points. */
function seesLeader(caller: Caller, own: ReadonlySet<string>, memberId: string, e: LeaderEntry): boolean {
  return callerIsAdmin(caller) || caller.memberId === memberId || e.contactOrgIds.some((o) => own.has(o));
}

function leaderRow(memberId: string, e: LeaderEntry, names: ReadonlyMap<string, string>, year: number): LeaderRow {
  return {
    memberId,
    name: e.name,
    title: e.title,
    orgName: names.get(e.orgId) ?? '',
    contacts: e.contactOrgIds.map((orgId) => ({ orgId, orgName: names.get(orgId) ?? orgId })),
    visits: visitsIn(e, year),
    lastVisitOn: e.lastVisitOn,
  };
}

/** The leaders the caller sees in a year, those without a visit first; PERMISSION_DENIED for one who sees none. */
async function visibleLeaders(
  ctx: ActionContext,
  askedYear: number | undefined,
): Promise<{
  year: number;
  rows: LeaderRow[];
  caller: Caller;
  orgs: OrgNode[];
  own: Set<string>;
  all: Map<string, LeaderEntry>;
}> {
  const [caller, dir, { leaders }] = await Promise.all([ctx.caller(), readDirectory(ctx.db), readLeaders(ctx.db)]);
  const own = ownOrgs(caller, dir.orgs);
  // A bound member sees himself if he is a leader (an empty list otherwise); no one else sees any.
  if (!callerIsAdmin(caller) && own.size === 0 && !caller.memberId)
    throw new AppError('PERMISSION_DENIED', '只有领导干部本人、联系点书记和机关工委管理员可以查看领学记录');
  const year = askedYear ?? Number(shanghaiDay().slice(0, 4));
  const names = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  const rows = [...leaders]
    .filter(([memberId, e]) => seesLeader(caller, own, memberId, e))
    .map(([memberId, e]) => leaderRow(memberId, e, names, year))
    .sort(compareLeaders);
  return { year, rows, caller, orgs: dir.orgs, own, all: leaders };
}

/** The marks healLeaderMarks reads at most (a larger count would be a runaway: leaders are tens). */
const LEADER_MARKS_MAX = 200;

/**
 * Makes the members' leader marks (what login answers 我的 from) agree with the summary: one bounded read of the
 * marked members, and a write only on a mismatch (one for those to mark, one for those to clear). It heals the
 * leaders saved before the mark existed, a saveLeader that failed between its two writes, and a mark left behind.
 */
async function healLeaderMarks(db: Database, listed: ReadonlyMap<string, LeaderEntry>): Promise<void> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ leader: true })
    .limit(LEADER_MARKS_MAX)
    .field({ _id: true })
    .get();
  const marked = new Set(data.map((d) => d._id));
  const clear = [...marked].filter((id) => !listed.has(id));
  // A cut-off list cannot tell who lacks the mark; those it shows that are no longer listed are still stale.
  const set = data.length < LEADER_MARKS_MAX ? [...listed.keys()].filter((id) => !marked.has(id)) : [];
  const mark = (ids: string[], leader: boolean) =>
    db
      .collection(MEMBERS)
      .where({ _id: db.command.in(ids) })
      .update({ data: { leader: leader ? true : db.command.remove() } });
  await Promise.all([...(set.length ? [mark(set, true)] : []), ...(clear.length ? [mark(clear, false)] : [])]);
}

export async function leaders(
  input: z.output<typeof registerSchemas.leaders>,
  ctx: ActionContext,
): Promise<RegisterApi['leaders']['output']> {
  const { year, rows, caller, own, all } = await visibleLeaders(ctx, input.year);
  // Only the reads of the admin's and the secretaries' pages (领学, 达标创优) heal the marks: the leader's own entry on
  // 我的 and a plain member pay nothing for it.
  if (callerIsAdmin(caller) || own.size > 0) await healLeaderMarks(ctx.db, all);
  return { year, rows, counts: { leaders: rows.length, without: rows.filter((r) => r.visits === 0).length } };
}

export async function saveLeader(
  input: z.output<typeof registerSchemas.saveLeader>,
  ctx: ActionContext,
): Promise<RegisterApi['saveLeader']['output']> {
  const { db } = ctx;
  const contactOrgIds = [...new Set(input.contactOrgIds)];
  const [dir, summary, { data: member }] = await Promise.all([
    readDirectory(db),
    readLeaders(db),
    db.collection(MEMBERS).doc(input.memberId).get(),
  ]);
  const name = str(member, 'name');
  if (!member || name === null) throw new AppError('NOT_FOUND', '名册中没有这名党员');
  const missing = contactOrgIds.filter((o) => !dir.orgs.some((d) => d.orgId === o));
  if (missing.length) throw new AppError('NOT_FOUND', `联系点组织不存在：${missing.join('、')}`);
  const previous = summary.leaders.get(input.memberId);
  await putLeader(db, summary.exists, input.memberId, {
    name,
    title: input.title,
    orgId: str(member, 'orgId') ?? '',
    contactOrgIds,
    lastVisitOn: previous?.lastVisitOn ?? null,
    years: previous?.years ?? {},
  });
  // The mark login reads for 我的 (written once: saving a leader again writes only the summary).
  if (!memberIsLeader(member)) await markLeader(db, input.memberId, true);
  return { memberId: input.memberId };
}

export async function removeLeader(
  input: z.output<typeof registerSchemas.removeLeader>,
  ctx: ActionContext,
): Promise<RegisterApi['removeLeader']['output']> {
  const { db } = ctx;
  const { leaders: all } = await readLeaders(db);
  if (!all.has(input.memberId)) return { removed: false };
  // The mark first: a failure before the summary's write leaves the leader listed, and removing again clears both.
  await markLeader(db, input.memberId, false);
  await db
    .collection(REGISTER_LEADERS)
    .doc(LEADERS_ID)
    .update({ data: { leaders: { [input.memberId]: db.command.remove() } } });
  return { removed: true };
}

/**
 * Records a visit: its document first, then the leader's counts in the summary (the view the register and the
 * overview read). A visit with no count after it is what a failure between the two writes leaves.
 */
export async function recordVisit(
  input: z.output<typeof registerSchemas.recordVisit>,
  ctx: ActionContext,
): Promise<RegisterApi['recordVisit']['output']> {
  const { db } = ctx;
  const [caller, dir, { leaders: all }] = await Promise.all([ctx.caller(), readDirectory(db), readLeaders(db)]);
  const leader = all.get(input.leaderId);
  if (!leader) throw new AppError('NOT_FOUND', '没有这名领导干部');
  const own = ownOrgs(caller, dir.orgs);
  if (!callerIsAdmin(caller) && caller.memberId !== input.leaderId && !own.has(input.orgId))
    throw new AppError('PERMISSION_DENIED', '只有领导干部本人、联系点书记和机关工委管理员可以登记领学记录');
  if (!leader.contactOrgIds.includes(input.orgId))
    throw new AppError('FAILED_PRECONDITION', `该组织不是${leader.name}的联系点`);
  if (input.visitedOn > shanghaiDay()) throw new AppError('INVALID_ARGUMENT', '日期不能晚于今天');
  const photoProblem = visitPhotosProblem(input.photos);
  if (photoProblem) throw new AppError('INVALID_ARGUMENT', photoProblem);

  const visitId = `vs_${randomBytes(9).toString('base64url')}`;
  await db.collection(REGISTER_VISITS).add({
    data: {
      _id: visitId,
      leaderId: input.leaderId,
      leaderName: leader.name,
      orgId: input.orgId,
      visitedOn: input.visitedOn,
      year: Number(input.visitedOn.slice(0, 4)),
      kind: input.kind,
      topic: input.topic,
      notes: input.notes ?? '',
      photos: input.photos,
      recordedBy: caller.openid,
      recordedAt: db.serverDate(),
    },
  });
  const year = input.visitedOn.slice(0, 4);
  const after = withVisit(leader, input.visitedOn);
  await db
    .collection(REGISTER_LEADERS)
    .doc(LEADERS_ID)
    .update({
      data: {
        leaders: {
          [input.leaderId]: { lastVisitOn: after.lastVisitOn, years: { [year]: db.command.inc(1) } },
        },
      },
    });
  return { visitId, visits: after.years[year] };
}

function visitKind(v: unknown): VisitKind {
  return (VISIT_KINDS as readonly unknown[]).includes(v) ? (v as VisitKind) : '领学';
}

function visitRow(d: Doc, names: ReadonlyMap<string, string>, urls: ReadonlyMap<string, string>): VisitRow {
  const orgId = str(d, 'orgId') ?? '';
  const photos = Array.isArray(d.photos) ? d.photos.map(String) : [];
  return {
    visitId: d._id,
    leaderId: str(d, 'leaderId') ?? '',
    leaderName: str(d, 'leaderName') ?? '',
    orgId,
    orgName: names.get(orgId) ?? orgId,
    visitedOn: str(d, 'visitedOn') ?? '',
    kind: visitKind(d.kind),
    topic: str(d, 'topic') ?? '',
    notes: str(d, 'notes') ?? '',
    photos: photos.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null })),
    recordedAt: d.recordedAt ? shanghaiIso(d.recordedAt) : '',
  };
}

export async function visits(
  input: z.output<typeof registerSchemas.visits>,
  ctx: ActionContext,
): Promise<RegisterApi['visits']['output']> {
  const { db } = ctx;
  const [caller, dir, { leaders: all }] = await Promise.all([ctx.caller(), readDirectory(db), readLeaders(db)]);
  const leader = all.get(input.leaderId);
  if (!leader) throw new AppError('NOT_FOUND', '没有这名领导干部');
  const own = ownOrgs(caller, dir.orgs);
  if (!seesLeader(caller, own, input.leaderId, leader))
    throw new AppError('PERMISSION_DENIED', '只有领导干部本人、联系点书记和机关工委管理员可以查看领学记录');
  // A secretary who is neither the admin nor the leader sees the visits to the own organisations only.
  const everyVisit = callerIsAdmin(caller) || caller.memberId === input.leaderId;
  const ownContacts = leader.contactOrgIds.filter((o) => own.has(o));
  const page = input.page ?? 0;
  const { rows: shown, hasMore } = await readPage(
    db
      .collection(REGISTER_VISITS)
      .where({ leaderId: input.leaderId, ...(everyVisit ? {} : { orgId: db.command.in(ownContacts) }) })
      .orderBy('visitedOn', 'desc'),
    page,
    VISIT_PAGE_SIZE,
  );
  const urls = await tempUrls(shown.flatMap((d) => (Array.isArray(d.photos) ? d.photos.map(String) : [])));
  const names = new Map(dir.orgs.map((o) => [o.orgId, o.name]));
  return {
    leader: leaderRow(input.leaderId, leader, names, Number(shanghaiDay().slice(0, 4))),
    visits: shown.map((d) => visitRow(d, names, urls)),
    hasMore,
  };
}

/** Two sheets: 领导干部 (a row per leader with the year's visits) and 领学记录 (every visit of the year they see). */
export async function leadersWorkbook(year: number, rows: readonly LeaderRow[], list: readonly VisitRow[]) {
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const sheet = wb.addWorksheet('领导干部');
  sheet.addRow([`领学带学督学台账（${year}年）`]);
  sheet.addRow(['姓名', '职务', '所在组织', '联系点', `${year}年次数`, '最近一次', '状态']);
  for (const r of rows)
    sheet.addRow([
      r.name,
      r.title,
      r.orgName,
      r.contacts.map((c: LeaderContact) => c.orgName).join('、'),
      r.visits,
      r.lastVisitOn ?? '',
      r.visits > 0 ? '已开展' : '本年度未开展',
    ]);
  for (const c of [3, 4]) sheet.getColumn(c).width = 30;
  const detail = wb.addWorksheet('领学记录');
  detail.addRow(['日期', '领导干部', '联系点', '形式', '学习主题', '情况记录', '照片（张）']);
  for (const v of list)
    detail.addRow([v.visitedOn, v.leaderName, v.orgName, v.kind, v.topic, v.notes, v.photos.length]);
  detail.getColumn(3).width = 30;
  detail.getColumn(5).width = 30;
  detail.getColumn(6).width = 50;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportLeaders(
  input: z.output<typeof registerSchemas.exportLeaders>,
  ctx: ActionContext,
): Promise<RegisterApi['exportLeaders']['output']> {
  const { db } = ctx;
  const { year, rows, caller, orgs, own } = await visibleLeaders(ctx, input.year);
  const names = new Map(orgs.map((o) => [o.orgId, o.name]));
  const seen = new Set(rows.map((r) => r.memberId));
  const admin = callerIsAdmin(caller);
  const list: VisitRow[] = [];
  for (let page = 0; list.length < EXPORT_VISITS_MAX; page++) {
    const { data } = await db
      .collection(REGISTER_VISITS)
      .where({ year })
      .orderBy('visitedOn', 'asc')
      .skip(page * 100)
      .limit(100)
      .get();
    for (const d of data) {
      const leaderId = str(d, 'leaderId') ?? '';
      const orgId = str(d, 'orgId') ?? '';
      // The same visits the caller sees in the register: all, the own, or those to the own organisations.
      if (seen.has(leaderId) && (admin || leaderId === caller.memberId || own.has(orgId)))
        list.push(visitRow(d, names, new Map()));
    }
    if (data.length < 100) break;
  }
  const file = await leadersWorkbook(year, rows, list);
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/register/leaders-${stamp}`, `领学带学督学台账-${year}.xlsx`, file);
}
