// register.terms, term, saveTerm and recordElection: the 换届选举台账. A term is saved to its own document and to the
// summary entry the register reads; an election record starts the new term on the day it was held.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { RegisterApi, registerSchemas } from '@/domain/api/register';
import { ELECTION_PAGE_SIZE } from '@/domain/api/register';
import { DEFAULT_TERM_YEARS, electionQuorum, termEndsOn, termState } from '@/domain/register';
import { AppError } from '../../server/app-error';
import { readPage } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { shanghaiDay } from '../../server/time';
import type { TermEntry } from './store';
import {
  electionRow,
  putTermEntry,
  readTermSummary,
  REGISTER_ELECTIONS,
  REGISTER_TERMS,
  registerScope,
  requireScopedOrg,
  termDetail,
  termRows,
} from './store';

export async function terms(
  _input: z.output<typeof registerSchemas.terms>,
  ctx: ActionContext,
): Promise<RegisterApi['terms']['output']> {
  const [caller, dir, summary] = await Promise.all([ctx.caller(), readDirectory(ctx.db), readTermSummary(ctx.db)]);
  const today = shanghaiDay();
  return { today, ...termRows(registerScope(caller, dir.orgs), summary.terms, today) };
}

export async function term(
  input: z.output<typeof registerSchemas.term>,
  ctx: ActionContext,
): Promise<RegisterApi['term']['output']> {
  const { db } = ctx;
  const [caller, dir] = await Promise.all([ctx.caller(), readDirectory(db)]);
  const org = requireScopedOrg(caller, dir.orgs, input.orgId);
  const page = input.page ?? 0;
  const [summary, { data: doc }, elections] = await Promise.all([
    readTermSummary(db),
    db.collection(REGISTER_TERMS).doc(org.orgId).get(),
    readPage(
      db.collection(REGISTER_ELECTIONS).where({ orgId: org.orgId }).orderBy('heldOn', 'desc'),
      page,
      ELECTION_PAGE_SIZE,
    ),
  ]);
  return {
    term: termDetail(org, summary.terms.get(org.orgId) ?? null, doc, shanghaiDay()),
    elections: elections.rows.map(electionRow),
    hasMore: elections.hasMore,
  };
}

type TermInput = z.output<typeof registerSchemas.saveTerm>;

interface PreparedTerm {
  orgId: string;
  openid: string;
  summaryExists: boolean;
  committee: string[];
  entry: TermEntry;
  /** The term already registered began later than this one (an older election being recorded). */
  older: boolean;
}

/** Reads and checks what saving a term needs (caller, directory, summary: three reads); writes nothing. */
async function prepareTerm(ctx: ActionContext, input: TermInput): Promise<PreparedTerm> {
  const { db } = ctx;
  const [caller, dir, summary] = await Promise.all([ctx.caller(), readDirectory(db), readTermSummary(db)]);
  const org = requireScopedOrg(caller, dir.orgs, input.orgId);
  if (input.electedOn > shanghaiDay()) throw new AppError('INVALID_ARGUMENT', '选举日期不能晚于今天');
  const termYears = input.termYears ?? DEFAULT_TERM_YEARS[input.orgKind];
  const endsOn = termEndsOn(input.electedOn, termYears);
  const previous = summary.terms.get(org.orgId);
  // A term whose end is unchanged keeps its reminder state: correcting a name does not send the reminders again.
  const same = previous?.endsOn === endsOn;
  return {
    orgId: org.orgId,
    openid: caller.openid,
    summaryExists: summary.exists,
    committee: input.committee,
    older: previous !== undefined && input.electedOn < previous.electedOn,
    entry: {
      orgKind: input.orgKind,
      electedOn: input.electedOn,
      termYears,
      endsOn,
      secretaryName: input.secretaryName,
      remindedMonths: same ? previous.remindedMonths : null,
      remindedOn: same ? previous.remindedOn : null,
    },
  };
}

/** Writes the term's document, then its summary entry (two writes). */
async function commitTerm(ctx: ActionContext, p: PreparedTerm): Promise<void> {
  const { db } = ctx;
  await db
    .collection(REGISTER_TERMS)
    .doc(p.orgId)
    .set({
      data: {
        ...p.entry,
        committee: p.committee,
        updatedBy: p.openid,
        updatedAt: db.serverDate(),
      },
    });
  await putTermEntry(db, p.summaryExists, p.orgId, p.entry);
}

export async function saveTerm(
  input: z.output<typeof registerSchemas.saveTerm>,
  ctx: ActionContext,
): Promise<RegisterApi['saveTerm']['output']> {
  const prepared = await prepareTerm(ctx, input);
  await commitTerm(ctx, prepared);
  const { endsOn } = prepared.entry;
  return { endsOn, state: termState(endsOn, shanghaiDay()) };
}

/**
 * Records an election: the record first, then the new term from the day it was held (an election older than the
 * registered term is history and leaves the term alone). A record with no term after it is what a failure between
 * the two writes leaves; saving again repairs it.
 */
export async function recordElection(
  input: z.output<typeof registerSchemas.recordElection>,
  ctx: ActionContext,
): Promise<RegisterApi['recordElection']['output']> {
  const { db } = ctx;
  if (input.present > input.expected) throw new AppError('INVALID_ARGUMENT', '实到人数不能多于应到人数');
  const { heldOn, expected, present, result, approval, ...term } = input;
  const prepared = await prepareTerm(ctx, { ...term, electedOn: heldOn });
  const electionId = `el_${randomBytes(9).toString('base64url')}`;
  await db.collection(REGISTER_ELECTIONS).add({
    data: {
      _id: electionId,
      orgId: input.orgId,
      orgKind: input.orgKind,
      heldOn,
      expected,
      present,
      secretaryName: input.secretaryName,
      committee: input.committee,
      result,
      approval: approval || null,
      recordedBy: prepared.openid,
      recordedAt: db.serverDate(),
    },
  });
  if (!prepared.older) await commitTerm(ctx, prepared);
  const { endsOn } = prepared.entry;
  return {
    electionId,
    endsOn,
    state: termState(endsOn, shanghaiDay()),
    quorate: electionQuorum(expected, present).quorate,
    current: !prepared.older,
  };
}
