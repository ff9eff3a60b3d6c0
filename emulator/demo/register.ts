// Demo 换届选举台账 through the register function: terms for the demo organisations dated from the day of the seed
// (one branch due in 2 months, one overdue, one 党委 within 6 months, one branch not yet registered) and a few
// election records, so that the register opens with something to act on. Skipped when terms are registered already.
import type { TermRow } from '../../src/domain/api/register';
import { termAddMonths } from '../../src/domain/register';
import { shanghaiDay } from '../../server/time';
import type { DemoCall } from './quiz';

/** How many months before the seed each demo term was elected, and the kind; orgs left out stay 未登记. */
export const DEMO_TERMS: ReadonlyArray<{ orgId: string; orgKind: '党委' | '党支部'; monthsAgo: number }> = [
  { orgId: 'fgw', orgKind: '党委', monthsAgo: 24 },
  // 3-year term elected 34 months ago: due in 2 months.
  { orgId: 'fgw-1', orgKind: '党支部', monthsAgo: 34 },
  { orgId: 'fgw-2', orgKind: '党支部', monthsAgo: 12 },
  // 5-year term elected 56 months ago: due in 4 months.
  { orgId: 'jyj', orgKind: '党委', monthsAgo: 56 },
  { orgId: 'jyj-1', orgKind: '党支部', monthsAgo: 20 },
  // Overdue by 2 months.
  { orgId: 'jyj-2', orgKind: '党支部', monthsAgo: 38 },
  { orgId: 'gaj', orgKind: '党委', monthsAgo: 30 },
  { orgId: 'gaj-1', orgKind: '党支部', monthsAgo: 8 },
  { orgId: 'rsj', orgKind: '党委', monthsAgo: 40 },
  { orgId: 'rsj-1', orgKind: '党支部', monthsAgo: 26 },
  { orgId: 'zjj', orgKind: '党委', monthsAgo: 14 },
  { orgId: 'gw-jg', orgKind: '党支部', monthsAgo: 6 },
];

/** The branches' elections recorded with their numbers (the others were registered from the paper register). */
const DEMO_ELECTIONS: ReadonlyArray<{ orgId: string; monthsAgo: number; expected: number; present: number }> = [
  { orgId: 'fgw-1', monthsAgo: 70, expected: 12, present: 11 },
  { orgId: 'fgw-1', monthsAgo: 34, expected: 13, present: 12 },
  { orgId: 'fgw', monthsAgo: 24, expected: 58, present: 52 },
  { orgId: 'gaj-1', monthsAgo: 8, expected: 9, present: 9 },
];

export async function seedDemoRegister(
  call: DemoCall,
  admin: string,
  roster: ReadonlyArray<{ name: string; orgId: string }>,
): Promise<void> {
  // Once registered, left alone: the seed may run again on the same database.
  const { rows } = await call<{ rows: TermRow[] }>('register', 'terms', {}, admin);
  if (rows.some((r) => r.state !== 'none')) return;
  const today = shanghaiDay();
  const people = (orgId: string) => {
    const own = roster.filter((m) => m.orgId === orgId || m.orgId.startsWith(`${orgId}-`)).map((m) => m.name);
    return { secretaryName: own[0] ?? '王建国', committee: own.slice(1, 3) };
  };
  const elected = new Set(DEMO_ELECTIONS.map((e) => `${e.orgId}:${e.monthsAgo}`));
  for (const t of DEMO_TERMS) {
    if (elected.has(`${t.orgId}:${t.monthsAgo}`)) continue;
    await call(
      'register',
      'saveTerm',
      { orgId: t.orgId, orgKind: t.orgKind, electedOn: termAddMonths(today, -t.monthsAgo), ...people(t.orgId) },
      admin,
    );
  }
  for (const e of DEMO_ELECTIONS) {
    const orgKind = DEMO_TERMS.find((t) => t.orgId === e.orgId)?.orgKind ?? '党支部';
    await call(
      'register',
      'recordElection',
      {
        orgId: e.orgId,
        orgKind,
        heldOn: termAddMonths(today, -e.monthsAgo),
        expected: e.expected,
        present: e.present,
        ...people(e.orgId),
        result: `选举产生新一届${orgKind === '党委' ? '党委' : '支部委员会'}，${people(e.orgId).secretaryName}当选书记`,
        approval: orgKind === '党委' ? '经市直机关工委批复同意' : '经机关党委批复同意',
      },
      admin,
    );
  }
}
