// Demo 志愿服务 through the register function: a 进社区 activity of the demo branch held ten days before the seed with
// its attendees checked in (补签) and their hours recorded, a 共建 activity in three days open to every member with
// one place left, and a full 进农村 activity with a waiting list, so that the register, the overview's hours and the
// member's page open with something to act on. Skipped when the demo activities exist.
import type { VolunteerActivityRow } from '../../src/domain/api/volunteer';
import type { DemoCall } from './quiz';

export const DEMO_VOLUNTEER_TITLES = {
  past: '幸福里社区环境整治（演示）',
  open: '东岭村党支部结对共建：助农采摘（演示）',
  full: '敬老院重阳慰问（演示）',
} as const;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00');
/** 09:00 Beijing time `days` from today. */
const nine = (days: number) => {
  const d = new Date(Date.now() + 8 * HOUR + days * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 1);
};

export async function seedDemoVolunteer(
  call: DemoCall,
  admin: string,
  secretary: { openid: string; orgId: string },
  members: readonly string[],
): Promise<void> {
  const { activities } = await call<{ activities: VolunteerActivityRow[] }>('register', 'volList', {}, admin);
  if (activities.some((a) => a.title === DEMO_VOLUNTEER_TITLES.past)) return;

  const past = await call<{ activityId: string; checkinActivityId: string }>(
    'register',
    'volCreate',
    {
      orgId: secretary.orgId,
      title: DEMO_VOLUNTEER_TITLES.past,
      mode: '进社区',
      partner: '幸福里社区',
      startAt: iso(nine(-10)),
      endAt: iso(nine(-10) + 2.5 * HOUR),
      place: '幸福里社区服务中心',
      capacity: 10,
    },
    secretary.openid,
  );
  const { members: branch } = await call<{ members: Array<{ memberId: string }> }>(
    'org',
    'members',
    { orgId: secretary.orgId },
    secretary.openid,
  );
  const attended = branch.slice(0, 4);
  for (const m of attended)
    await call(
      'checkin',
      'manualCheckIn',
      { activityId: past.checkinActivityId, memberId: m.memberId, reason: '据现场签到表补录' },
      secretary.openid,
    );
  await call(
    'register',
    'volRecordHours',
    {
      activityId: past.activityId,
      hours: attended.map((m, i) => ({ memberId: m.memberId, hours: i === 0 ? 3 : 2.5 })),
    },
    secretary.openid,
  );

  const open = await call<{ activityId: string }>(
    'register',
    'volCreate',
    {
      orgId: 'gw',
      title: DEMO_VOLUNTEER_TITLES.open,
      mode: '共建',
      partner: '东岭村党支部',
      startAt: iso(nine(3)),
      endAt: iso(nine(3) + 3 * HOUR),
      place: '东岭村党群服务中心',
      capacity: 2,
    },
    admin,
  );
  await call('register', 'volSignUp', { activityId: open.activityId }, secretary.openid);
  const full = await call<{ activityId: string }>(
    'register',
    'volCreate',
    {
      orgId: 'gw',
      title: DEMO_VOLUNTEER_TITLES.full,
      mode: '进社区',
      partner: '城南社区',
      startAt: iso(nine(5)),
      endAt: iso(nine(5) + 2 * HOUR),
      place: '城南社区敬老院',
      capacity: 1,
    },
    admin,
  );
  for (const openid of [secretary.openid, ...members.slice(1)])
    await call('register', 'volSignUp', { activityId: full.activityId }, openid);
}
