// 培训's pure rules: the quarter of a day, the plan of the year's classes and each organisation's coverage.
import {
  coverageCounts,
  coverageRows,
  registerQuarterKey,
  registerQuarterLabel,
  registerQuarterOf,
  trainingPlan,
} from '@/domain/register';

describe('registerQuarterOf', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-09-30', 3],
    ['2026-10-01', 4],
    ['2026-12-31', 4],
  ])('%s is in quarter %i', (day, quarter) => {
    expect(registerQuarterOf(day)).toEqual({ year: 2026, quarter });
  });

  it('names and keys a quarter', () => {
    expect(registerQuarterKey(2026, 4)).toBe('2026Q4');
    expect(registerQuarterLabel(2026, 1)).toBe('2026年第一季度');
    expect(() => registerQuarterOf('12/06/2026')).toThrow(RangeError);
  });
});

describe('trainingPlan', () => {
  it('counts 大培训 classes per quarter against 2 and the 书记/组织委员 classes of the year against 6', () => {
    const plan = trainingPlan([
      { kind: '千名科级党员干部大培训', quarter: 1 },
      { kind: '千名科级党员干部大培训', quarter: 1 },
      { kind: '千名科级党员干部大培训', quarter: 2 },
      { kind: '书记培训班', quarter: 2 },
      { kind: '组织委员培训班', quarter: 3 },
    ]);
    expect(plan.map((l) => [l.label, l.held, l.planned, l.met])).toEqual([
      ['第一季度大培训', 2, 2, true],
      ['第二季度大培训', 1, 2, false],
      ['第三季度大培训', 0, 2, false],
      ['第四季度大培训', 0, 2, false],
      ['书记、组织委员培训班', 2, 6, false],
    ]);
  });

  it('does not count a cancelled class as held', () => {
    const plan = trainingPlan([
      { kind: '千名科级党员干部大培训', quarter: 1, phase: 'ended' },
      { kind: '千名科级党员干部大培训', quarter: 1, phase: 'cancelled' },
      { kind: '书记培训班', quarter: 2, phase: 'cancelled' },
    ]);
    expect([plan[0].held, plan[0].met, plan[4].held]).toEqual([1, false, 0]);
  });
});

describe('coverageRows', () => {
  const orgs = [
    { orgId: 'gw', name: '工委' },
    { orgId: 'b1', name: '一支部' },
    { orgId: 'b2', name: '二支部' },
    { orgId: 'b3', name: '三支部' },
  ];

  it('leaves out organisations without members and lists the most untrained first', () => {
    const rows = coverageRows(orgs, { b1: 4, b2: 10, b3: 3 }, { b1: 1, b2: 9, b3: 3 });
    expect(rows.map((r) => [r.orgId, r.members, r.trained, r.untrained, r.rate])).toEqual([
      ['b1', 4, 1, 3, 25],
      ['b2', 10, 9, 1, 90],
      ['b3', 3, 3, 0, 100],
    ]);
    expect(coverageCounts(rows)).toEqual({ orgs: 2, untrained: 4, members: 17 });
  });

  it('caps the trained at the roster (members who moved away after training) and reads junk as none', () => {
    const rows = coverageRows(orgs, { b1: 2, b2: Number.NaN }, { b1: 5, b3: 2 });
    expect(rows).toEqual([{ orgId: 'b1', orgName: '一支部', members: 2, trained: 2, untrained: 0, rate: 100 }]);
    expect(coverageCounts([])).toEqual({ orgs: 0, untrained: 0, members: 0 });
  });
});
