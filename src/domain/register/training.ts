// 培训: the kinds of training class, the quarter a class counts for, the yearly plan (千名科级党员干部大培训 in two
// classes each quarter; 6–8 classes a year for 书记 and 组织委员) and the coverage of each organisation's members.
// Pure: calendar days come in as 'YYYY-MM-DD' strings.

export const TRAINING_KINDS = ['千名科级党员干部大培训', '书记培训班', '组织委员培训班'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** 千名科级党员干部大培训: classes per quarter by the plan. */
export const BIG_CLASSES_PER_QUARTER = 2;
/** 书记 and 组织委员 classes together in a year, by the plan. */
export const CADRE_CLASSES_PER_YEAR = { min: 6, max: 8 } as const;

export type Quarter = 1 | 2 | 3 | 4;

/** Where a class stands: before its start, between its start and end, after its end; or called off. */
export const TRAINING_PHASE_LABELS = {
  upcoming: '未开班',
  open: '培训中',
  ended: '已结业',
  cancelled: '已取消',
} as const;

/**
 * The quarter of a calendar day.
 *
 * @example registerQuarterOf('2026-12-06') // { year: 2026, quarter: 4 }
 */
export function registerQuarterOf(day: string): { year: number; quarter: Quarter } {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return { year: Number(m[1]), quarter: (Math.floor((Number(m[2]) - 1) / 3) + 1) as Quarter };
}

/**
 * The key a quarter's coverage is stored under.
 *
 * @example registerQuarterKey(2026, 4) // '2026Q4'
 */
export function registerQuarterKey(year: number, quarter: Quarter): string {
  return `${year}Q${quarter}`;
}

/** @example registerQuarterLabel(2026, 4) // '2026年第四季度' */
export function registerQuarterLabel(year: number, quarter: Quarter): string {
  return `${year}年第${'一二三四'[quarter - 1]}季度`;
}

/** The document of one member's training in one quarter: the first class attended makes it. */
export function trainedId(qkey: string, memberId: string): string {
  return `${qkey}:${memberId}`;
}

/** The document of one member's enrolment in one class. */
export function enrolmentId(classId: string, memberId: string): string {
  return `${classId}:${memberId}`;
}

export interface PlanLine {
  label: string;
  held: number;
  planned: number;
  /** The plan is met (or, for 书记/组织委员, its lower bound). */
  met: boolean;
}

/**
 * How the year's classes stand against the plan: each quarter's 大培训 classes (2 each) and the 书记 and 组织委员
 * classes of the year together (6–8). A cancelled class is not held.
 *
 * @example trainingPlan([{ kind: '千名科级党员干部大培训', quarter: 1 }])[0] // { label: '第一季度大培训', held: 1, planned: 2, met: false }
 */
export function trainingPlan(all: readonly { kind: TrainingKind; quarter: Quarter; phase?: string }[]): PlanLine[] {
  const classes = all.filter((c) => c.phase !== 'cancelled');
  const lines: PlanLine[] = ([1, 2, 3, 4] as const).map((q) => {
    const held = classes.filter((c) => c.kind === '千名科级党员干部大培训' && c.quarter === q).length;
    return {
      label: `第${'一二三四'[q - 1]}季度大培训`,
      held,
      planned: BIG_CLASSES_PER_QUARTER,
      met: held >= BIG_CLASSES_PER_QUARTER,
    };
  });
  const cadre = classes.filter((c) => c.kind !== '千名科级党员干部大培训').length;
  lines.push({
    label: '书记、组织委员培训班',
    held: cadre,
    planned: CADRE_CLASSES_PER_YEAR.min,
    met: cadre >= CADRE_CLASSES_PER_YEAR.min,
  });
  return lines;
}

export interface CoverageRow {
  orgId: string;
  orgName: string;
  members: number;
  trained: number;
  untrained: number;
  /** Whole percent of the members trained this quarter (100 for an organisation without members). */
  rate: number;
}

/**
 * Each organisation's coverage this quarter from its roster size and the members trained, those with the most
 * untrained members first; organisations without members are left out. A count above the roster (members who moved
 * away after training) is capped at it.
 *
 * @example coverageRows([{ orgId: 'b1', name: '一支部' }], { b1: 4 }, { b1: 1 })[0].untrained // 3
 */
export function coverageRows(
  orgs: readonly { orgId: string; name: string }[],
  rosters: Readonly<Record<string, number>>,
  trained: Readonly<Record<string, number>>,
): CoverageRow[] {
  const count = (v: number | undefined) => (Number.isFinite(v) ? Math.max(0, Math.floor(v as number)) : 0);
  const rows: CoverageRow[] = [];
  for (const o of orgs) {
    const members = count(rosters[o.orgId]);
    if (members === 0) continue;
    const t = Math.min(members, count(trained[o.orgId]));
    rows.push({
      orgId: o.orgId,
      orgName: o.name,
      members,
      trained: t,
      untrained: members - t,
      rate: Math.floor((t * 100) / members),
    });
  }
  return rows.sort((a, b) => b.untrained - a.untrained || a.rate - b.rate);
}

/** The counts the overview shows: organisations with members not yet trained, and those members. */
export function coverageCounts(rows: readonly CoverageRow[]): { orgs: number; untrained: number; members: number } {
  let orgs = 0;
  let untrained = 0;
  let members = 0;
  for (const r of rows) {
    if (r.untrained > 0) orgs++;
    untrained += r.untrained;
    members += r.members;
  }
  return { orgs, untrained, members };
}
