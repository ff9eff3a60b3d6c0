// Benchmark cases for 民声热线: a submission (content check, numbering transaction), the public board over 300
// published tickets, and the department statistics over 20 departments, all seeded through the actions themselves.
import type { BenchCase, BenchContext } from '../harness';
import { must } from '../harness';
import { BENCH_ADMIN } from './identity';

const DEPARTMENTS = 20;
const PUBLISHED = 300;

const deptId = (d: number) => `bench-hd-${d}`;

const appeal = (i: number) => ({
  category: (['咨询', '求助', '投诉', '建议', '表扬'] as const)[i % 5],
  title: `基准诉求${i}：小区路灯不亮`,
  content: `我叫王小明，住幸福路${i}号，电话139${String(i).padStart(8, '0')}，小区门口路灯坏了一周，请尽快修复。`,
  departmentId: deptId(i % DEPARTMENTS),
  contactName: '王小明',
  contactPhone: `139${String(i).padStart(8, '0')}`,
  isPublic: true,
});

let seeded = false;
/** 20 departments, and 300 tickets submitted, assigned, answered and (every other one) rated. */
async function ensureTickets(ctx: BenchContext): Promise<void> {
  if (seeded) return;
  seeded = true;
  for (let d = 0; d < DEPARTMENTS; d++) {
    await must(
      ctx.call('org', 'saveDepartment', { departmentId: deptId(d), name: `热线基准部门${d + 1}` }, BENCH_ADMIN),
    );
  }
  for (let i = 0; i < PUBLISHED; i++) {
    const who = `bench-hotline-seed-${i}`;
    const { ticketId } = await must(ctx.call<{ ticketId: string }>('hotline', 'submit', appeal(i), who));
    await must(ctx.call('hotline', 'assign', { ticketId, departmentId: deptId(i % DEPARTMENTS) }, BENCH_ADMIN));
    await must(
      ctx.call(
        'hotline',
        'reply',
        { ticketId, content: `已联系王小明（139${String(i).padStart(8, '0')}），已修复。` },
        BENCH_ADMIN,
      ),
    );
    if (i % 2 === 0) await must(ctx.call('hotline', 'rate', { ticketId, score: 1 + (i % 5) }, who));
  }
}

export const hotlineCases: BenchCase[] = [
  {
    name: 'hotline.submit',
    scenario: 'a member of the public submits an appeal (content check, day number, daily limit)',
    iterations: 50,
    setup: ensureTickets,
    run: (ctx, i) => ctx.call('hotline', 'submit', appeal(i), `bench-hotline-submit-${i}`),
  },
  {
    name: 'hotline.publicList',
    scenario: `anyone opens the public board (page 1 of ${PUBLISHED} published tickets)`,
    iterations: 50,
    setup: ensureTickets,
    run: (ctx) => ctx.call('hotline', 'publicList', {}),
  },
  {
    name: 'hotline.stats',
    scenario: `anyone opens the department statistics (${DEPARTMENTS} departments)`,
    iterations: 50,
    setup: ensureTickets,
    run: (ctx) => ctx.call('hotline', 'stats', {}),
  },
];
