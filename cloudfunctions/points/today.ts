// points.today (首页): what is on today for the caller, in a fixed number of bounded reads: activities of the own
// branch to check in to, open competitions not yet taken, practice not yet done, hotline replies to rate, open
// 测评 campaigns not yet rated; and work waiting for the caller's roles (tickets to triage or answer, meetings a
// branch has not held yet).
import type { z } from 'zod';
import type { PointsApi, pointsSchemas, TodayItem } from '@/domain/api/points';
import { checkinRunsActivity } from '@/domain/checkin/rules';
import type { Database, Doc } from '../../server/db';
import { findIn, str } from '../../server/db';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, handlerScopes, secretaryScopes } from '../../server/caller';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { readBranchViews } from '../../server/points-views';
import { shanghaiDay, shanghaiFormat } from '../../server/time';

/** Most items of one kind on the home page. */
const PER_KIND = 5;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const hhmm = (d: Date) => shanghaiFormat(d, 'HH:mm');
const mmdd = (d: Date) => shanghaiFormat(d, 'M月D日');

/**
 * The branch's activities that end later today or are open now, minus those the member is already in. One the
 * caller runs as secretary (`scopes`) opens its code page: they show the code, they do not scan it.
 */
async function activityItems(
  db: Database,
  memberId: string,
  orgId: string,
  scopes: readonly string[],
  now: Date,
  dayEnd: Date,
): Promise<TodayItem[]> {
  const _ = db.command;
  const { data } = await db
    .collection('activities')
    .where({ expectedOrgIds: orgId, endAt: _.gt(now), opensAt: _.lt(dayEnd) })
    .orderBy('startAt', 'asc')
    .limit(PER_KIND)
    .field({ title: true, kind: true, startAt: true, endAt: true, opensAt: true, place: true, orgChains: true })
    .get();
  if (!data.length) return [];
  const done = new Set(
    (
      await findIn(
        db,
        'checkins',
        '_id',
        data.map((a) => `${a._id}:${memberId}`),
        { activityId: true },
      )
    ).map((c) => str(c, 'activityId')),
  );
  return data
    .filter((a) => !done.has(a._id))
    .map((a) => {
      const open = date(a.opensAt).getTime() <= now.getTime();
      const place = str(a, 'place');
      const chains = Array.isArray(a.orgChains) ? (a.orgChains as string[][]) : [];
      const runs = checkinRunsActivity(scopes, chains);
      const start = `${hhmm(date(a.startAt))} 开始`;
      const detail = runs
        ? open
          ? '正在签到：请打开签到码，投到大屏上'
          : `${start}，届时打开签到码投到大屏上`
        : open
          ? '正在签到，请扫描现场大屏上的二维码'
          : start;
      return {
        kind: 'checkin' as const,
        title: `${str(a, 'kind') ?? '活动'}：${str(a, 'title') ?? ''}`,
        path: runs ? `/admin/activity-code/index?activityId=${encodeURIComponent(a._id)}` : '/pages/activities/index',
        detail: [detail, place].filter(Boolean).join(' · '),
      };
    });
}

/** Today's 每日一练 (the quiz function's `quiz_practice/<memberId>:<day>`), unless finished. */
async function practiceItem(db: Database, memberId: string, day: string): Promise<TodayItem[]> {
  const { data } = await db.collection('quiz_practice').doc(`${memberId}:${day}`).get();
  if (data?.done === true) return [];
  const total = Array.isArray(data?.questions) ? data.questions.length : 0;
  const answered = typeof data?.answered === 'object' && data.answered !== null ? Object.keys(data.answered).length : 0;
  return [
    {
      kind: 'practice',
      title: '每日一练',
      path: '/pages/practice/index',
      detail: data && total ? `已答 ${answered}/${total} 题，答对可得积分` : '今天还没有练习，答对可得积分',
    },
  ];
}

/** Open competitions of the member's branch that the member has not yet submitted. */
async function quizItems(db: Database, memberId: string, orgId: string, now: Date): Promise<TodayItem[]> {
  const _ = db.command;
  const { data } = await db
    .collection('quizzes')
    .where({ startAt: _.lte(now), endAt: _.gt(now) })
    .limit(PER_KIND)
    .field({ title: true, endAt: true, takingPart: true })
    .get();
  const open = data.filter((q) => !Array.isArray(q.takingPart) || q.takingPart.includes(orgId));
  if (!open.length) return [];
  const { data: attempts } = await db
    .collection('quiz_attempts')
    .where({ memberId, quizId: _.in(open.map((q) => q._id)), status: 'submitted' })
    .limit(100)
    .field({ quizId: true })
    .get();
  const done = new Set(attempts.map((a) => str(a, 'quizId')));
  return open
    .filter((q) => !done.has(q._id))
    .map((q) => ({
      kind: 'quiz' as const,
      title: `知识竞赛：${str(q, 'title') ?? ''}`,
      path: '/pages/quiz-list/index',
      detail: `${mmdd(date(q.endAt))} ${hhmm(date(q.endAt))} 截止`,
    }));
}

async function hotlineItems(db: Database, openid: string): Promise<TodayItem[]> {
  const { data } = await db
    .collection('hotline_tickets')
    .where({ openid, status: 'replied' })
    .limit(PER_KIND)
    .field({ ticketNo: true, title: true })
    .get();
  return data.map((t: Doc) => ({
    kind: 'hotline' as const,
    title: `诉求已答复：${str(t, 'title') ?? ''}`,
    path: `/pages/hotline-ticket/index?id=${t._id}`,
    detail: `${str(t, 'ticketNo') ?? ''} · 请查看答复并评价`,
  }));
}

async function ratingItems(db: Database, openid: string, now: Date): Promise<TodayItem[]> {
  const _ = db.command;
  const { data } = await db
    .collection('rating_campaigns')
    .where({ startAt: _.lte(now), endAt: _.gt(now) })
    .limit(PER_KIND)
    .field({ title: true, endAt: true })
    .get();
  if (!data.length) return [];
  const rated = await db
    .collection('ratings')
    .where({ openid, campaignId: _.in(data.map((c) => c._id)) })
    .limit(100)
    .field({ campaignId: true })
    .get();
  const done = new Set(rated.data.map((r) => str(r, 'campaignId')));
  return data
    .filter((c) => !done.has(c._id))
    .map((c) => ({
      kind: 'rating' as const,
      title: `微信测评：${str(c, 'title') ?? ''}`,
      path: `/pages/rating/index?id=${c._id}`,
      detail: `${mmdd(date(c.endAt))}截止，欢迎为部门作风打分`,
    }));
}

/** Organisations and departments of one role looked at on the home page (each costs a read or two). */
const PER_ROLE = 3;

/**
 * Work waiting for the caller's roles: tickets to triage (admins: one count), tickets the department must answer
 * (handlers: a count and the nearest deadline per department), and the 三会一课 meetings a branch has not held yet
 * this month or quarter (secretaries: the branch's precomputed dashboard, one read per branch).
 */
async function workItems(db: Database, caller: Caller, now: Date): Promise<TodayItem[]> {
  const _ = db.command;
  const year = Number(shanghaiDay(now).slice(0, 4));
  const triage = callerIsAdmin(caller)
    ? db
        .collection('hotline_tickets')
        .where({ status: _.in(['submitted', 'accepted']) })
        .count()
        .then(({ total }): TodayItem[] =>
          total > 0
            ? [
                {
                  kind: 'work',
                  title: `民声热线：${total} 件诉求待分办`,
                  path: '/admin/hotline-triage/index',
                  detail: '请受理并交办承办部门',
                },
              ]
            : [],
        )
    : Promise.resolve([]);
  const answer = handlerScopes(caller)
    .slice(0, PER_ROLE)
    .map(async (departmentId): Promise<TodayItem[]> => {
      const waiting = db.collection('hotline_tickets').where({ departmentId, status: 'assigned' });
      const [{ total }, { data }] = await Promise.all([
        waiting.count(),
        waiting.orderBy('dueMs', 'asc').limit(1).field({ dueMs: true, departmentName: true }).get(),
      ]);
      if (total === 0) return [];
      const first = data[0];
      return [
        {
          kind: 'work',
          title: `${str(first, 'departmentName') ?? '本部门'}：${total} 件诉求待答复`,
          path: '/admin/hotline-queue/index',
          detail: `最近的办理期限 ${mmdd(new Date(Number(first?.dueMs)))}`,
        },
      ];
    });
  const meetings = secretaryScopes(caller)
    .slice(0, PER_ROLE)
    .map(async (orgId): Promise<TodayItem[]> => {
      const views = await readBranchViews(db, orgId, year);
      if (!views || views.dashboard.missing.length === 0) return [];
      return [
        {
          kind: 'work',
          title: `${views.dashboard.orgName}：“三会一课”待召开`,
          path: `/admin/branch-dashboard/index?orgId=${encodeURIComponent(orgId)}`,
          detail: views.dashboard.missing.join('；'),
        },
      ];
    });
  return (await Promise.all([triage, ...answer, ...meetings])).flat();
}

/**
 * Cost for a bound member: the caller, the member, activities and their check-ins, competitions and own attempts,
 * today's practice, tickets, campaigns and own ratings (ten reads at most); for anyone else four.
 */
export async function today(
  _input: z.output<typeof pointsSchemas.today>,
  ctx: ActionContext,
): Promise<PointsApi['today']['output']> {
  const { db } = ctx;
  const caller = await ctx.caller();
  const now = new Date();
  const day = shanghaiDay(now);
  // Asia/Shanghai has no daylight saving: a day is always 24 hours.
  const dayEnd = new Date(Date.parse(`${day}T00:00:00+08:00`) + 24 * 3600_000);
  const member = caller.memberId ? (await db.collection(MEMBERS).doc(caller.memberId).get()).data : null;
  const orgId = str(member, 'orgId');
  const [work, activities, quiz, practice, hotline, rating] = await Promise.all([
    workItems(db, caller, now),
    member && orgId ? activityItems(db, member._id, orgId, secretaryScopes(caller), now, dayEnd) : Promise.resolve([]),
    member && orgId ? quizItems(db, member._id, orgId, now) : Promise.resolve([]),
    member ? practiceItem(db, member._id, day) : Promise.resolve([]),
    hotlineItems(db, caller.openid),
    ratingItems(db, caller.openid, now),
  ]);
  return { day, items: [...work, ...activities, ...quiz, ...practice, ...hotline, ...rating] };
}
