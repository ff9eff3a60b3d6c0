// Demo 领学带学督学 through the register function: four 领导干部 with their contact points; two have visited this year
// (one of them 张伟, the demo member, who sees the entry on 我的), one only last year (a contact point is the demo
// secretary's branch) and one never, so the register and the 达标创优 overview list two without a visit this year.
// Skipped when leaders are registered already.
import type { RegisterApi } from '../../src/domain/api/register';
import { shanghaiDay } from '../../server/time';
import type { DemoCall } from './quiz';

const DAY_MS = 86400_000;

/** The demo leaders by roster name, with their titles, contact points and visits (days before the seed). */
export const DEMO_LEADERS: ReadonlyArray<{
  name: string;
  title: string;
  contactOrgIds: string[];
  /** Days before the seed, kept within this year (a visit of this year stays this year's at New Year). */
  visits: ReadonlyArray<{ daysAgo: number; orgId: string; kind: '领学' | '带学' | '督学'; topic: string }>;
  /** A visit last year (not counted this year). */
  lastYear?: { orgId: string; topic: string };
  /** Who records the visits: the leader himself (bound to this openid) or the admin. */
  by?: string;
}> = [
  {
    name: '张伟',
    title: '市发改委副主任',
    contactOrgIds: ['jyj-1'],
    by: 'demo-member',
    visits: [{ daysAgo: 20, orgId: 'jyj-1', kind: '领学', topic: '学习贯彻党的二十届四中全会精神' }],
  },
  {
    name: '黄志强',
    title: '市教育局副局长',
    contactOrgIds: ['fgw-1'],
    visits: [],
    lastYear: { orgId: 'fgw-1', topic: '《中国共产党纪律处分条例》专题学习' },
  },
  {
    name: '郭志刚',
    title: '市人社局局长',
    contactOrgIds: ['gaj-1', 'zjj-1'],
    visits: [
      { daysAgo: 60, orgId: 'gaj-1', kind: '带学', topic: '《习近平谈治国理政》第五卷' },
      { daysAgo: 10, orgId: 'zjj-1', kind: '督学', topic: '督导支部“三会一课”学习落实' },
    ],
  },
  { name: '梁建华', title: '机关工委副书记', contactOrgIds: ['fgw-2', 'rsj-1'], visits: [] },
];

/** The day `daysAgo` before today, but not before 1 January of this year. */
function thisYearDay(today: string, daysAgo: number): string {
  const day = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * DAY_MS).toISOString().slice(0, 10);
  return day < `${today.slice(0, 4)}-01-01` ? `${today.slice(0, 4)}-01-01` : day;
}

export async function seedDemoLeaders(call: DemoCall, admin: string): Promise<void> {
  // Once registered, left alone: the seed may run again on the same database.
  const { rows } = await call<RegisterApi['leaders']['output']>('register', 'leaders', {}, admin);
  if (rows.length > 0) return;
  const today = shanghaiDay();
  const lastYear = `${Number(today.slice(0, 4)) - 1}-11-18`;
  for (const l of DEMO_LEADERS) {
    const { members } = await call<{ members: Array<{ memberId: string; name: string }> }>(
      'org',
      'members',
      { query: l.name },
      admin,
    );
    const memberId = members.find((m) => m.name === l.name)?.memberId;
    if (!memberId) throw new Error(`演示领导干部不在名册中 / demo leader not in the roster: ${l.name}`);
    await call('register', 'saveLeader', { memberId, title: l.title, contactOrgIds: l.contactOrgIds }, admin);
    if (l.lastYear)
      await call(
        'register',
        'recordVisit',
        { leaderId: memberId, visitedOn: lastYear, kind: '领学', notes: '', photos: [], ...l.lastYear },
        admin,
      );
    for (const v of l.visits)
      await call(
        'register',
        'recordVisit',
        {
          leaderId: memberId,
          orgId: v.orgId,
          visitedOn: thisYearDay(today, v.daysAgo),
          kind: v.kind,
          topic: v.topic,
          notes: `${l.name}同志到联系点${v.kind}，与支部党员座谈交流学习体会。`,
          photos: [],
        },
        l.by ?? admin,
      );
  }
}
