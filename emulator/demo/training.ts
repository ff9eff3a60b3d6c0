// Demo 培训 through the register function: this quarter's first 大培训 class under way (three branches enrolled, a
// few of them checked in by 补签 so that the coverage and the roster show both) and a 书记培训班 next week with the
// secretary's branch enrolled. Skipped when the year has classes already.
import type { TrainingApi } from '../../src/domain/api/training';
import type { DemoCall } from './quiz';

export const DEMO_TRAINING_TITLES = {
  open: '千名科级党员干部大培训（本季度第一期）',
  upcoming: '书记培训班（本季度）',
} as const;

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600_000;

export async function seedDemoTraining(call: DemoCall, admin: string): Promise<void> {
  const { classes } = await call<TrainingApi['trainingClasses']['output']>('register', 'trainingClasses', {}, admin);
  if (classes.length > 0) return;
  const now = Date.now();
  const { classId: open } = await call<{ classId: string }>(
    'register',
    'createTrainingClass',
    {
      title: DEMO_TRAINING_TITLES.open,
      kind: '千名科级党员干部大培训',
      startAt: iso(now - 2 * HOUR),
      endAt: iso(now + 48 * HOUR),
      place: '市委党校报告厅',
      capacity: 120,
    },
    admin,
  );
  for (const orgId of ['fgw-1', 'fgw-2', 'jyj-1'])
    await call('register', 'enrolTraining', { classId: open, orgId }, admin);
  const { roster } = await call<TrainingApi['trainingClass']['output']>(
    'register',
    'trainingClass',
    { classId: open },
    admin,
  );
  // The secretary and demo-member of fgw-1, and the first of fgw-2, reported in: 补签 as the 工委 would.
  const came = [
    ...roster.filter((r) => r.orgId === 'fgw-1').slice(0, 2),
    ...roster.filter((r) => r.orgId === 'fgw-2').slice(0, 1),
  ];
  for (const r of came)
    await call(
      'checkin',
      'manualCheckIn',
      { activityId: open, memberId: r.memberId, reason: '现场报到，纸质签到表补录' },
      admin,
    );

  const { classId: upcoming } = await call<{ classId: string }>(
    'register',
    'createTrainingClass',
    {
      title: DEMO_TRAINING_TITLES.upcoming,
      kind: '书记培训班',
      startAt: iso(now + 7 * 24 * HOUR),
      endAt: iso(now + 9 * 24 * HOUR),
      place: '市委党校第二教室',
      capacity: 40,
    },
    admin,
  );
  await call('register', 'enrolTraining', { classId: upcoming, orgId: 'fgw-1' }, admin);
}
