// Benchmark cases for the 达标创优 overview's 领学 and 志愿服务 lines over 10 branches of 20 members: the leaders
// without a visit this year (20 leaders, 10 with a visit) and the year's volunteer hours per org (10 ended
// activities, 5 attendees each with their hours recorded). Each is 3 reads (caller, directory, the year's summary)
// whatever the number of leaders, visits, activities or attendees.
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const BRANCHES = 10;
const SIZE = 20;
const LEADERS_PER_BRANCH = 2;
const ATTENDEES = 5;
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** Today in Beijing, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);

interface Branch {
  orgId: string;
  memberIds: string[];
}
let branches: Branch[] | null = null;

async function registerBranches(ctx: BenchContext): Promise<Branch[]> {
  if (branches) return branches;
  const made: Branch[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const { orgId } = await must(
      ctx.call<{ orgId: string }>('org', 'saveOrg', { name: `台账${b}党支部` }, BENCH_ADMIN),
    );
    const rows = Array.from({ length: SIZE }, (_, i) => ({
      name: `台账${b}党员${i}`,
      phone: `157${String(b * SIZE + i).padStart(8, '0')}`,
      orgId,
    }));
    await must(ctx.call('org', 'importMembers', { rows }, BENCH_ADMIN));
    const res = await must(
      ctx.call<{ members: Array<{ memberId: string }> }>('org', 'members', { orgId, page: 0 }, BENCH_ADMIN),
    );
    made.push({ orgId, memberIds: res.members.map((m) => m.memberId) });
  }
  branches = made;
  return made;
}

let leadersReady = false;
async function leadersFixture(ctx: BenchContext): Promise<void> {
  if (leadersReady) return;
  const orgs = await registerBranches(ctx);
  for (const [b, branch] of orgs.entries()) {
    const contact = orgs[(b + 1) % orgs.length].orgId;
    for (const leaderId of branch.memberIds.slice(0, LEADERS_PER_BRANCH)) {
      await must(
        ctx.call(
          'register',
          'saveLeader',
          { memberId: leaderId, title: '副局长', contactOrgIds: [contact] },
          BENCH_ADMIN,
        ),
      );
    }
    // The first leader of each branch has visited his contact point this year; the second has not.
    await must(
      ctx.call(
        'register',
        'recordVisit',
        {
          leaderId: branch.memberIds[0],
          orgId: contact,
          visitedOn: today(),
          kind: '领学',
          topic: '基准测试领学',
          photos: [],
        },
        BENCH_ADMIN,
      ),
    );
  }
  leadersReady = true;
}

let volunteerReady = false;
async function volunteerFixture(ctx: BenchContext): Promise<void> {
  if (volunteerReady) return;
  const orgs = await registerBranches(ctx);
  const now = Date.now();
  for (const branch of orgs) {
    const { activityId, checkinActivityId } = await must(
      ctx.call<{ activityId: string; checkinActivityId: string }>(
        'register',
        'volCreate',
        {
          orgId: branch.orgId,
          title: '基准测试志愿服务进社区',
          mode: '进社区',
          partner: '基准社区',
          startAt: iso(now - 3 * HOUR),
          endAt: iso(now - HOUR),
          place: '基准社区服务中心',
          capacity: SIZE,
        },
        BENCH_ADMIN,
      ),
    );
    const attendees = branch.memberIds.slice(0, ATTENDEES);
    for (const memberId of attendees)
      await must(
        ctx.call('checkin', 'manualCheckIn', { activityId: checkinActivityId, memberId, reason: '基准' }, BENCH_ADMIN),
      );
    await must(
      ctx.call(
        'register',
        'volRecordHours',
        { activityId, hours: attendees.map((memberId) => ({ memberId, hours: 2 })) },
        BENCH_ADMIN,
      ),
    );
  }
  volunteerReady = true;
}

export const registerCases: BenchCase[] = [
  {
    name: 'register.leaders',
    scenario: `the 工委 lists the leaders without a visit this year (${BRANCHES * LEADERS_PER_BRANCH} leaders, ${BRANCHES} visits)`,
    iterations: 30,
    setup: leadersFixture,
    run: (ctx) => ctx.call('register', 'leaders', {}, BENCH_ADMIN),
  },
  {
    name: 'register.volSummary',
    scenario: `the 工委 opens the year's volunteer hours per org (${BRANCHES} activities, ${BRANCHES * ATTENDEES} attendees)`,
    iterations: 30,
    setup: volunteerFixture,
    run: (ctx) => ctx.call('register', 'volSummary', {}, BENCH_ADMIN),
  },
];
