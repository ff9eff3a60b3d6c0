// The register function's collections and how a term reads back. A term lives twice: one document per organisation
// (with its committee) and one entry in the summary document, which the register and the overview read in one read.
import type { ElectionRow, TermCounts, TermDetail, TermRow } from '@/domain/api/register';
import type { OrgNode } from '@/domain/identity';
import { orgSubtree } from '@/domain/identity';
import type { OrgKind, ReminderMonths } from '@/domain/register';
import {
  compareTerms,
  electionQuorum,
  ORG_KINDS,
  TERM_REMINDER_MONTHS,
  termReminderDays,
  termState,
} from '@/domain/register';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { isDuplicateKeyError, str } from '../../server/db';
import { shanghaiIso } from '../../server/time';

/** One document per organisation with a registered term, `_id` = orgId. */
export const REGISTER_TERMS = 'register_terms';
/** One document per recorded election. */
export const REGISTER_ELECTIONS = 'register_elections';
/** `terms`: every registered term's row fields keyed by orgId (written with each term). */
export const REGISTER_SUMMARY = 'register_summary';
const SUMMARY_ID = 'terms';
/** One document per reminder sent (`<orgId>:<endsOn>:<months>`): a timer run twice on one day sends it once. */
export const REGISTER_REMINDERS = 'register_reminders';

export interface TermEntry {
  orgKind: OrgKind;
  electedOn: string;
  termYears: number;
  endsOn: string;
  secretaryName: string;
  remindedMonths: ReminderMonths | null;
  remindedOn: string | null;
}

function orgKind(v: unknown): OrgKind {
  return (ORG_KINDS as readonly unknown[]).includes(v) ? (v as OrgKind) : '党支部';
}

function reminded(v: unknown): ReminderMonths | null {
  return (TERM_REMINDER_MONTHS as readonly unknown[]).includes(v) ? (v as ReminderMonths) : null;
}

function entry(raw: unknown): TermEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.endsOn !== 'string' || typeof e.electedOn !== 'string') return null;
  return {
    orgKind: orgKind(e.orgKind),
    electedOn: e.electedOn,
    termYears: Number(e.termYears) || 0,
    endsOn: e.endsOn,
    secretaryName: typeof e.secretaryName === 'string' ? e.secretaryName : '',
    remindedMonths: reminded(e.remindedMonths),
    remindedOn: typeof e.remindedOn === 'string' ? e.remindedOn : null,
  };
}

/** Every registered term by orgId (one read). */
export async function readTermSummary(db: Database): Promise<{ exists: boolean; terms: Map<string, TermEntry> }> {
  const { data } = await db.collection(REGISTER_SUMMARY).doc(SUMMARY_ID).get();
  const terms = new Map<string, TermEntry>();
  const raw = data?.terms;
  if (typeof raw === 'object' && raw !== null) {
    for (const [orgId, v] of Object.entries(raw as Record<string, unknown>)) {
      const e = entry(v);
      if (e) terms.set(orgId, e);
    }
  }
  return { exists: data !== null, terms };
}

/**
 * Writes one organisation's summary entry (one write; each entry is its own field path, so two organisations
 * saved at once do not overwrite each other). The first write ever creates the document.
 */
export async function putTermEntry(db: Database, exists: boolean, orgId: string, e: TermEntry): Promise<void> {
  const ref = db.collection(REGISTER_SUMMARY).doc(SUMMARY_ID);
  const update = () => ref.update({ data: { terms: { [orgId]: db.command.set({ ...e }) } } });
  if (exists) {
    await update();
    return;
  }
  try {
    await db.collection(REGISTER_SUMMARY).add({ data: { _id: SUMMARY_ID, terms: { [orgId]: { ...e } } } });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await update();
  }
}

/** Marks the reminder sent on a summary entry (one write). */
export async function markReminded(db: Database, orgId: string, months: ReminderMonths, on: string): Promise<void> {
  await db
    .collection(REGISTER_SUMMARY)
    .doc(SUMMARY_ID)
    .update({ data: { terms: { [orgId]: { remindedMonths: months, remindedOn: on } } } });
}

/**
 * The organisations a caller keeps the register of: an admin every one, a secretary the own organisations and those
 * below. The 工委 itself (a root) is appointed, not elected, so it has no term.
 */
export function registerScope(caller: Caller, orgs: readonly OrgNode[]): OrgNode[] {
  const elected = orgs.filter((o) => o.parentId !== null);
  if (callerIsAdmin(caller)) return elected;
  const own = orgSubtree(orgs, secretaryScopes(caller));
  return elected.filter((o) => own.has(o.orgId));
}

/** The organisation if the caller keeps its register; NOT_FOUND / PERMISSION_DENIED otherwise. */
export function requireScopedOrg(caller: Caller, orgs: readonly OrgNode[], orgId: string): OrgNode {
  const org = orgs.find((o) => o.orgId === orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在');
  if (org.parentId === null) throw new AppError('FAILED_PRECONDITION', `${org.name}不实行换届选举，无需登记任期`);
  if (!registerScope(caller, orgs).some((o) => o.orgId === orgId))
    throw new AppError('PERMISSION_DENIED', '只能登记本组织及下级组织的换届情况');
  return org;
}

export function termRow(org: OrgNode, e: TermEntry | null, today: string): TermRow {
  return {
    orgId: org.orgId,
    orgName: org.name,
    orgKind: e?.orgKind ?? null,
    electedOn: e?.electedOn ?? null,
    termYears: e?.termYears ?? null,
    endsOn: e?.endsOn ?? null,
    state: termState(e?.endsOn ?? null, today),
    secretaryName: e?.secretaryName ?? null,
    remindedMonths: e?.remindedMonths ?? null,
    remindedOn: e?.remindedOn ?? null,
  };
}

/** Register rows in the caller's scope, those needing attention first, with the counts the overview shows. */
export function termRows(
  orgs: readonly OrgNode[],
  terms: ReadonlyMap<string, TermEntry>,
  today: string,
): { rows: TermRow[]; counts: TermCounts } {
  const rows = orgs.map((o) => termRow(o, terms.get(o.orgId) ?? null, today)).sort(compareTerms);
  const counts: TermCounts = { overdue: 0, due: 0, none: 0 };
  for (const r of rows) {
    if (r.state === 'overdue') counts.overdue++;
    else if (r.state === 'none') counts.none++;
    else if (r.state !== 'ok') counts.due++;
  }
  return { rows, counts };
}

export function termDetail(org: OrgNode, e: TermEntry | null, doc: Doc | null, today: string): TermDetail {
  const row = termRow(org, e, today);
  const committee = Array.isArray(doc?.committee)
    ? doc.committee.filter((c): c is string => typeof c === 'string')
    : [];
  return { ...row, committee, reminderDays: row.endsOn ? termReminderDays(row.endsOn) : null };
}

export function electionRow(d: Doc): ElectionRow {
  const expected = Number(d.expected) || 0;
  const present = Number(d.present) || 0;
  return {
    electionId: d._id,
    heldOn: str(d, 'heldOn') ?? '',
    orgKind: orgKind(d.orgKind),
    expected,
    present,
    ...electionQuorum(expected, present),
    secretaryName: str(d, 'secretaryName') ?? '',
    committee: Array.isArray(d.committee) ? d.committee.filter((c): c is string => typeof c === 'string') : [],
    result: str(d, 'result') ?? '',
    approval: str(d, 'approval'),
    recordedAt: d.recordedAt ? shanghaiIso(d.recordedAt) : '',
  };
}
