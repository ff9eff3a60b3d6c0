// org.importMembers, org.importMembersFile and org.members: the roster, keyed by phone, scoped for secretaries.
import type { z } from 'zod';
import type { MemberRow, OrgApi, RowError, orgSchemas } from '@/domain/api/org';
import { IMPORT_MAX_ROWS, MEMBERS_PAGE_SIZE } from '@/domain/api/org';
import {
  orgSubtree,
  identityMaskPhone,
  identityChunk,
  identityPlanImport,
  validateRosterRows,
  rosterRowsFromSheet,
} from '@/domain/identity';
import type { RosterInputRow, RosterRow, RosterUpdate } from '@/domain/identity';
import { AppError } from '../../server/app-error';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, secretaryScopes } from '../../server/caller';
import type { Database } from '../../server/db';
import { containing, findIn, isDuplicateKeyError, PAGE_SIZE, str } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { newId } from '../../server/ids';
import { MEMBERS } from '../../server/members';
import { readUploadedWorkbook } from '../../server/xlsx';

type ImportResult = OrgApi['importMembers']['output'];

/** Largest roster workbook accepted (a 2,000-row sheet is well under 1 MB). */

const ROW_FIELDS = new Set(['name', 'phone', 'orgId']);

export async function importMembers(
  input: z.output<typeof orgSchemas.importMembers>,
  ctx: ActionContext,
): Promise<ImportResult> {
  const rows: RosterInputRow[] = input.rows.map((r, i) => ({
    row: i + 1,
    name: r.name,
    phone: r.phone,
    org: r.orgId,
    unknownFields: Object.keys(r).filter((k) => !ROW_FIELDS.has(k)),
  }));
  return importRoster(ctx, await ctx.caller(), rows, false);
}

export async function importMembersFile(
  input: z.output<typeof orgSchemas.importMembersFile>,
  ctx: ActionContext,
): Promise<ImportResult> {
  const caller = await ctx.caller();
  const sheets = await readUploadedWorkbook(input.fileID, IMPORT_MAX_ROWS);
  let firstProblem = '表格是空的';
  for (const sheet of sheets) {
    const parsed = rosterRowsFromSheet(sheet);
    if (!parsed.ok) {
      if (sheet.length) firstProblem = parsed.message;
      continue;
    }
    if (parsed.rows.length === 0) throw new AppError('INVALID_ARGUMENT', '表格中没有党员数据');
    if (parsed.rows.length > IMPORT_MAX_ROWS)
      throw new AppError('INVALID_ARGUMENT', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入`);
    return importRoster(ctx, caller, parsed.rows, true);
  }
  throw new AppError('INVALID_ARGUMENT', firstProblem);
}

/**
 * Validates rows, reads the members with those phones in pages of 100, inserts new members in batches of 100 and
 * writes only the members that change (moves to the same organisation go as one multi-document update).
 */
async function importRoster(
  ctx: ActionContext,
  caller: Caller,
  rows: RosterInputRow[],
  fromSheet: boolean,
): Promise<ImportResult> {
  const { db } = ctx;
  const dir = await readDirectory(db);
  const admin = callerIsAdmin(caller);
  const scopes = secretaryScopes(caller);
  const allowed = admin ? null : orgSubtree(dir.orgs, scopes);
  const { valid, errors } = validateRosterRows(rows, {
    orgs: dir.orgs,
    allowedOrgIds: allowed,
    orgByName: fromSheet,
    // A secretary's sheet may leave 所属组织 empty: it is the own branch.
    defaultOrgId: fromSheet && !admin && scopes.length === 1 ? scopes[0] : undefined,
  });

  const existing = (
    await findIn(
      db,
      MEMBERS,
      'phone',
      valid.map((r) => r.phone),
      { _id: true, name: true, phone: true, orgId: true },
    )
  ).map((d) => ({
    memberId: d._id,
    name: str(d, 'name') ?? '',
    phone: str(d, 'phone') ?? '',
    orgId: str(d, 'orgId') ?? '',
  }));
  const plan = identityPlanImport(valid, existing, allowed);
  errors.push(...plan.errors);

  let created = 0;
  for (const batch of identityChunk(plan.creates, PAGE_SIZE)) {
    const r = await insertMembers(db, batch);
    created += r.created;
    errors.push(...r.errors);
  }
  await applyUpdates(db, plan.updates);

  errors.sort((a, b) => a.row - b.row);
  return { created, updated: plan.updates.length + plan.unchanged.length, errors };
}

async function insertMembers(db: Database, rows: RosterRow[]): Promise<{ created: number; errors: RowError[] }> {
  const now = db.serverDate();
  const docs = rows.map((r) => ({
    _id: newId('m'),
    name: r.name,
    phone: r.phone,
    orgId: r.orgId,
    order: r.row,
    openid: null,
    createdAt: now,
    updatedAt: now,
  }));
  try {
    await db.collection(MEMBERS).add({ data: docs });
    return { created: docs.length, errors: [] };
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  // A concurrent import added one of these phones first. Part of the batch may have gone in: keep those and
  // insert the rest one by one, so that only the clashing rows fail.
  const landed = new Set(
    (
      await findIn(
        db,
        MEMBERS,
        '_id',
        docs.map((d) => d._id),
        { _id: true },
      )
    ).map((d) => d._id),
  );
  let created = landed.size;
  const errors: RowError[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (landed.has(docs[i]._id)) continue;
    try {
      await db.collection(MEMBERS).add({ data: docs[i] });
      created++;
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      errors.push({ row: rows[i].row, message: '该手机号刚被同时进行的另一次导入登记，请重新导入这一行' });
    }
  }
  return { created, errors };
}

async function applyUpdates(db: Database, updates: RosterUpdate[]): Promise<void> {
  const groups = new Map<string, RosterUpdate[]>();
  for (const u of updates) {
    const key = JSON.stringify(u.patch);
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  for (const group of groups.values()) {
    const patch = group[0].patch;
    for (const part of identityChunk(group, PAGE_SIZE)) {
      const data = { ...patch, updatedAt: db.serverDate() };
      if (part.length === 1) await db.collection(MEMBERS).doc(part[0].memberId).update({ data });
      else
        await db
          .collection(MEMBERS)
          .where({ _id: db.command.in(part.map((u) => u.memberId)) })
          .update({ data });
    }
  }
}

export async function members(
  input: z.output<typeof orgSchemas.members>,
  ctx: ActionContext,
): Promise<OrgApi['members']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  let orgIds: string[] | null;
  if (callerIsAdmin(caller)) {
    orgIds = input.orgId === undefined ? null : [input.orgId];
  } else {
    const scopes = secretaryScopes(caller);
    if (input.orgId !== undefined && scopes.includes(input.orgId)) {
      orgIds = [input.orgId];
    } else {
      const subtree = orgSubtree((await readDirectory(db)).orgs, scopes);
      if (input.orgId !== undefined && !subtree.has(input.orgId))
        throw new AppError('PERMISSION_DENIED', '只能查看本组织的党员名册');
      orgIds = input.orgId === undefined ? [...subtree] : [input.orgId];
    }
  }

  const page = input.page ?? 0;
  const coll = db.collection(MEMBERS);
  const where: Record<string, unknown> = {};
  if (orgIds !== null) where.orgId = orgIds.length === 1 ? orgIds[0] : db.command.in(orgIds);
  // Part of a name, as the role page's picker types it.
  if (input.query) where.name = containing(input.query);
  const filtered = Object.keys(where).length === 0 ? coll : coll.where(where);
  const [{ data }, { total }] = await Promise.all([
    filtered
      .orderBy('orgId', 'asc')
      .orderBy('order', 'asc')
      .skip(page * MEMBERS_PAGE_SIZE)
      .limit(MEMBERS_PAGE_SIZE)
      .field({ _id: true, name: true, phone: true, orgId: true, openid: true })
      .get(),
    filtered.count(),
  ]);
  const rows: MemberRow[] = data.map((d) => ({
    memberId: d._id,
    name: str(d, 'name') ?? '',
    phone: identityMaskPhone(str(d, 'phone') ?? ''),
    orgId: str(d, 'orgId') ?? '',
    bound: typeof d.openid === 'string' && d.openid !== '',
  }));
  return { members: rows, total, page, pageSize: MEMBERS_PAGE_SIZE };
}
