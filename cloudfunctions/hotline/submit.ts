// hotline.submit: the content check, then one transaction that takes the day's next number, counts the person's
// submissions today and stores the ticket, so a number is used only by a stored ticket (gap-free) and never twice.
import type { z } from 'zod';
import type { HotlineApi, hotlineSchemas } from '@/domain/api/hotline';
import {
  HOTLINE_DAILY_LIMIT,
  hotlineDue,
  hotlinePhotosProblem,
  hotlineShanghaiDay,
  hotlineTicketNo,
  hotlineWithinDailyLimit,
} from '@/domain/hotline';
import { AppError } from '../../server/app-error';
import type { Doc } from '../../server/db';
import { isDuplicateKeyError, runTransactionWithRetry } from '../../server/db';
import { readDirectory } from '../../server/directory';
import type { ActionContext } from '../../server/dispatch';
import { newId } from '../../server/ids';
import { similarityCheck } from './merge';
import { countQuestion, programmeDepartment, readProgramme } from './programmes';
import { bumpStats, COUNTERS, SYSTEM, TICKETS, timelineEntry } from './store';
import { shanghaiIso } from '../../server/time';
import { hotlineDeadlines } from '../../server/config';
import { checkContent } from '../../server/content-check';

type Outcome = { kind: 'ok'; seq: number } | { kind: 'no-counter' } | { kind: 'limited' };

export async function submit(
  input: z.output<typeof hotlineSchemas.submit>,
  ctx: ActionContext,
): Promise<HotlineApi['submit']['output']> {
  const openid = ctx.requireOpenid();
  const { db } = ctx;
  const photos = input.photos ?? [];
  const photoProblem = hotlinePhotosProblem(photos);
  if (photoProblem) throw new AppError('INVALID_ARGUMENT', photoProblem);
  const now = Date.now();
  // 热线节目: a question for an upcoming programme goes to the chosen department on air.
  const programme = input.programmeId ? await readProgramme(db, input.programmeId) : null;
  const onAir = programme ? programmeDepartment(programme, input.departmentId, now) : null;
  const requested = onAir?.departmentId ?? input.departmentId ?? null;
  if (input.departmentId && !onAir) {
    const directory = await readDirectory(db);
    if (!directory.departments.some((d) => d.departmentId === input.departmentId))
      throw new AppError('NOT_FOUND', '所选部门不存在');
  }
  const check = await checkContent(openid, `${input.title}\n${input.content}`, {
    scene: 'profile',
    refusal: '诉求内容含有不适宜的内容，请修改后再提交',
  });
  // 并单: the open appeals this one looks like (a bounded, indexed query), suggested to the admin at triage.
  const similarity = await similarityCheck(
    db,
    { category: input.category, title: input.title, content: input.content, departmentId: requested },
    now,
  );
  // A programme question is routed at once, unless the content check wants an admin to read it first.
  const routed = onAir && check !== 'review' ? onAir : null;

  const day = hotlineShanghaiDay(now);
  const due = hotlineDue(now, input.category, hotlineDeadlines());
  const ticketId = newId('ht');
  const seqId = `seq:${day}`;
  const limitId = `limit:${day}:${openid}`;
  const _ = db.command;

  const ticket = (seq: number): Record<string, unknown> => ({
    ticketNo: hotlineTicketNo(day, seq),
    day,
    seq,
    openid,
    category: input.category,
    title: input.title,
    content: input.content,
    photos,
    requestedDepartmentId: requested,
    departmentId: routed?.departmentId ?? null,
    departmentName: routed?.name ?? null,
    programmeId: programme?._id ?? null,
    ...similarity,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    isPublic: input.isPublic,
    subscribe: input.subscribe === true,
    status: routed ? 'assigned' : 'submitted',
    reopened: false,
    lastScore: null,
    flagged: check === 'review',
    contentCheck: check,
    dueMs: due.dueMs,
    dueDay: due.dueDay,
    overdue: false,
    dueSoonReminded: false,
    replies: [],
    ratings: [],
    rejectReason: null,
    published: false,
    public: null,
    version: 1,
    timeline: [
      timelineEntry(
        db,
        'submit',
        'submitted',
        { kind: 'submitter', name: '诉求人', openid },
        check === 'review' ? '内容待人工审核' : programme ? `热线节目“${String(programme.topic)}”征集的问题` : null,
      ),
      ...(routed ? [timelineEntry(db, 'assign', 'assigned', SYSTEM, `热线节目上线单位，交办至${routed.name}`)] : []),
    ],
    createdMs: now,
    createdAt: db.serverDate(),
    updatedAt: db.serverDate(),
  });

  for (let attempt = 0; ; attempt++) {
    const outcome = await runTransactionWithRetry<Outcome>(
      db,
      async (tx) => {
        const counters = tx.collection(COUNTERS);
        const { data: counter } = await counters.doc(seqId).get();
        if (!counter) return { kind: 'no-counter' };
        const { data: mine } = await counters.doc(limitId).get();
        const today = Number((mine as Doc | null)?.count) || 0;
        if (!hotlineWithinDailyLimit(today)) return { kind: 'limited' };
        const seq = (Number(counter.seq) || 0) + 1;
        await counters.doc(seqId).update({ data: { seq: _.inc(1) } });
        await counters.doc(limitId).set({ data: { count: today + 1, day, openid } });
        await tx
          .collection(TICKETS)
          .doc(ticketId)
          .set({ data: ticket(seq) });
        return { kind: 'ok', seq };
      },
      20,
    );
    if (outcome.kind === 'limited')
      throw new AppError('RESOURCE_EXHAUSTED', `每人每天最多提交 ${HOTLINE_DAILY_LIMIT} 件诉求，请明天再试`);
    if (outcome.kind === 'ok') {
      if (routed) await bumpStats(db, routed.departmentId, { received: 1 });
      if (programme) await countQuestion(db, programme._id);
      return {
        ticketId,
        ticketNo: hotlineTicketNo(day, outcome.seq),
        dueAt: shanghaiIso(due.dueMs),
        flagged: check === 'review',
      };
    }
    if (attempt >= 2) throw new Error(`hotline counter ${seqId} could not be created`);
    // The first ticket of the day creates the day's counter; a concurrent first one may have just done so.
    try {
      await db.collection(COUNTERS).add({ data: { _id: seqId, seq: 0, day } });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
}
