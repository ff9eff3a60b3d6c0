// points.today (首页): what is on today for the caller, in a fixed number of bounded reads: activities of the own
// branch to check in to, open competitions not yet taken, practice not yet done, hotline replies to rate, open
// 测评 campaigns not yet rated; and work waiting for the caller's roles (tickets to triage or answer, meetings a
// branch has not held yet). Each feature's data is read through that feature's public.ts.
import type { z } from 'zod';
import type { PointsApi, pointsSchemas, TodayItem } from '@/domain/api/points';
import { checkinRunsActivity } from '@/domain/checkin';
import type { Database } from '../../server/db';
import { str } from '../../server/db';
import type { Caller } from '../../server/caller';
import { callerIsAdmin, handlerScopes, secretaryScopes } from '../../server/caller';
import type { ActionContext } from '../../server/dispatch';
import { MEMBERS } from '../../server/members';
import { shanghaiDay, shanghaiFormat } from '../../server/time';
import { readActivitiesToCheckIn } from '../checkin/public';
import { countTicketsToTriage, readDepartmentQueue, readRepliedTickets } from '../hotline/public';
import { readOpenQuizzesToTake, readPracticeProgress } from '../quiz/public';
import { readOpenCampaignsToRate } from '../rating/public';
import { readBranchViews } from './views-store';

/** Most items of one kind on the home page. */
const PER_KIND = 5;

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
  const activities = await readActivitiesToCheckIn(db, memberId, orgId, now, dayEnd, PER_KIND);
  return activities.map((a) => {
    const open = a.opensAt.getTime() <= now.getTime();
    const runs = checkinRunsActivity(scopes, a.orgChains);
    const start = `${hhmm(a.startAt)} 开始`;
    const detail = runs
      ? open
        ? '正在签到：请打开签到码，投到大屏上'
        : `${start}，届时打开签到码投到大屏上`
      : open
        ? '正在签到，请扫描现场大屏上的二维码'
        : start;
    return {
      kind: 'checkin' as const,
      title: `${a.kind ?? '活动'}：${a.title}`,
      path: runs
        ? `/admin/activity-code/index?activityId=${encodeURIComponent(a.activityId)}`
        : '/pages/activities/index',
      detail: [detail, a.place].filter(Boolean).join(' · '),
    };
  });
}

/** Today's 每日一练, unless finished. */
async function practiceItem(db: Database, memberId: string, day: string): Promise<TodayItem[]> {
  const practice = await readPracticeProgress(db, memberId, day);
  if (practice.done) return [];
  return [
    {
      kind: 'practice',
      title: '每日一练',
      path: '/pages/practice/index',
      detail:
        practice.started && practice.total
          ? `已答 ${practice.answered}/${practice.total} 题，答对可得积分`
          : '今天还没有练习，答对可得积分',
    },
  ];
}

/** Open competitions of the member's branch that the member has not yet submitted. */
async function quizItems(db: Database, memberId: string, orgId: string, now: Date): Promise<TodayItem[]> {
  return (await readOpenQuizzesToTake(db, memberId, orgId, now, PER_KIND)).map((q) => ({
    kind: 'quiz' as const,
    title: `知识竞赛：${q.title}`,
    path: '/pages/quiz-list/index',
    detail: `${mmdd(q.endAt)} ${hhmm(q.endAt)} 截止`,
  }));
}

async function hotlineItems(db: Database, openid: string): Promise<TodayItem[]> {
  return (await readRepliedTickets(db, openid, PER_KIND)).map((t) => ({
    kind: 'hotline' as const,
    title: `诉求已答复：${t.title}`,
    path: `/pages/hotline-ticket/index?id=${t.ticketId}`,
    detail: `${t.ticketNo} · 请查看答复并评价`,
  }));
}

async function ratingItems(db: Database, openid: string, now: Date): Promise<TodayItem[]> {
  return (await readOpenCampaignsToRate(db, openid, now, PER_KIND)).map((c) => ({
    kind: 'rating' as const,
    title: `微信测评：${c.title}`,
    path: `/pages/rating/index?id=${c.campaignId}`,
    detail: `${mmdd(c.endAt)}截止，欢迎为部门作风打分`,
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
  const year = Number(shanghaiDay(now).slice(0, 4));
  const triage = callerIsAdmin(caller)
    ? countTicketsToTriage(db).then((total): TodayItem[] =>
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
      const queue = await readDepartmentQueue(db, departmentId);
      if (queue.total === 0) return [];
      return [
        {
          kind: 'work',
          title: `${queue.departmentName ?? '本部门'}：${queue.total} 件诉求待答复`,
          path: '/admin/hotline-queue/index',
          detail: `最近的办理期限 ${mmdd(new Date(queue.nearestDueMs))}`,
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
