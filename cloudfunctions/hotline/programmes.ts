// 热线节目 (上线单位): the admin schedules programmes with the departments on air; the public sends questions for an
// upcoming one (a ticket tagged with it, routed at once to the chosen department on air); after it airs its page
// lists the answered questions as the public board shows them (masked, only those the submitter allowed) and the
// replay link.
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import type { ProgrammeSummary } from '@/domain/api/hotline-public';
import {
  HOTLINE_PROGRAMME_PAGE_SIZE,
  HOTLINE_PROGRAMME_PHASE_NAMES,
  HOTLINE_REPLIED_STATUSES,
  hotlineProgrammePhase,
  hotlineReplayUrlOk,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Database, Doc } from '../../server/db';
import { readPage } from '../../server/db';
import { readDirectory } from '../../server/directory';
import type { ActionContext } from '../../server/dispatch';
import { newId } from '../../server/ids';
import { strOrNull, TICKETS } from './store';
import { publicQuestion } from './views';
import { shanghaiIso } from '../../server/time';

/** Programmes (`_id` = programmeId). */
export const PROGRAMMES = 'hotline_programmes';

function summaryOf(p: Doc, nowMs: number): ProgrammeSummary {
  const phase = hotlineProgrammePhase(Number(p.airMs), nowMs);
  return {
    programmeId: p._id,
    topic: String(p.topic ?? ''),
    description: strOrNull(p.description),
    airAt: shanghaiIso(p.airMs),
    departments: Array.isArray(p.departments)
      ? (p.departments as Doc[]).map((d) => ({ departmentId: String(d.departmentId), name: String(d.name) }))
      : [],
    replayUrl: strOrNull(p.replayUrl),
    phase,
    phaseName: HOTLINE_PROGRAMME_PHASE_NAMES[phase],
    asked: Number(p.asked) || 0,
  };
}

export async function readProgramme(db: Database, programmeId: string): Promise<Doc> {
  const { data } = await db.collection(PROGRAMMES).doc(programmeId).get();
  if (!data) throw new AppError('NOT_FOUND', '热线节目不存在');
  return data;
}

/**
 * The department a question for a programme goes to: the one chosen (it must be on air), or the only one on air.
 * FAILED_PRECONDITION once the programme has aired.
 */
export function programmeDepartment(
  p: Doc,
  chosen: string | undefined,
  nowMs: number,
): { departmentId: string; name: string } {
  if (hotlineProgrammePhase(Number(p.airMs), nowMs) !== 'upcoming')
    throw new AppError('FAILED_PRECONDITION', '该期热线节目已播出，不再征集问题，请直接提交诉求');
  const departments = Array.isArray(p.departments)
    ? (p.departments as Array<{ departmentId: string; name: string }>)
    : [];
  if (!chosen && departments.length === 1) return departments[0];
  const found = departments.find((d) => d.departmentId === chosen);
  if (!found) throw new AppError('INVALID_ARGUMENT', '请选择本期节目的上线单位之一');
  return found;
}

export async function countQuestion(db: Database, programmeId: string): Promise<void> {
  await db
    .collection(PROGRAMMES)
    .doc(programmeId)
    .update({ data: { asked: db.command.inc(1) } });
}

export async function programmeSave(
  input: z.output<typeof hotlineSchemas.programmeSave>,
  ctx: ActionContext,
): Promise<HotlineApi['programmeSave']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const replayUrl = input.replayUrl ? input.replayUrl : null;
  if (replayUrl && !hotlineReplayUrlOk(replayUrl))
    throw new AppError('INVALID_ARGUMENT', '回放链接须以 http:// 或 https:// 开头');
  const directory = await readDirectory(db);
  const departments = [...new Set(input.departmentIds)].map((id) => {
    const d = directory.departments.find((x) => x.departmentId === id);
    if (!d) throw new AppError('NOT_FOUND', `上线单位 ${id} 不存在`);
    return { departmentId: d.departmentId, name: d.name };
  });
  const fields = {
    topic: input.topic,
    description: input.description ?? null,
    airMs: dayjs(input.airAt).valueOf(),
    departments,
    departmentIds: departments.map((d) => d.departmentId),
    replayUrl,
    updatedBy: openid,
    updatedAt: db.serverDate(),
  };
  if (input.programmeId) {
    const { stats } = await db.collection(PROGRAMMES).doc(input.programmeId).update({ data: fields });
    if (stats.updated !== 1) throw new AppError('NOT_FOUND', '热线节目不存在');
    return { programmeId: input.programmeId };
  }
  const programmeId = newId('hp');
  await db.collection(PROGRAMMES).add({
    data: { _id: programmeId, kind: 'programme', ...fields, asked: 0, createdAt: db.serverDate() },
  });
  return { programmeId };
}

export async function programmeList(
  input: z.output<typeof hotlineSchemas.programmeList>,
  ctx: ActionContext,
): Promise<HotlineApi['programmeList']['output']> {
  const page = input.page ?? 1;
  const { rows, hasMore } = await readPage(
    ctx.db.collection(PROGRAMMES).where({ kind: 'programme' }).orderBy('airMs', 'desc'),
    page - 1,
    HOTLINE_PROGRAMME_PAGE_SIZE,
  );
  const now = Date.now();
  return { programmes: rows.map((p) => summaryOf(p, now)), hasMore };
}

export async function programmeGet(
  input: z.output<typeof hotlineSchemas.programmeGet>,
  ctx: ActionContext,
): Promise<HotlineApi['programmeGet']['output']> {
  const { db } = ctx;
  const page = input.page ?? 1;
  const [programme, { rows, hasMore }] = await Promise.all([
    readProgramme(db, input.programmeId),
    readPage(
      db
        .collection(TICKETS)
        .where({
          programmeId: input.programmeId,
          published: true,
          status: db.command.in(HOTLINE_REPLIED_STATUSES),
        })
        .orderBy('publishedAt', 'desc')
        .field({ public: true }),
      page - 1,
      HOTLINE_PROGRAMME_PAGE_SIZE,
    ),
  ]);
  const questions = rows
    .map((d) => d.public)
    .filter((p): p is Doc => typeof p === 'object' && p !== null)
    .map(publicQuestion);
  return {
    programme: summaryOf(programme, Date.now()),
    questions,
    page,
    hasMore,
  };
}
