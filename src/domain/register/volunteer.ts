// 志愿服务进社区、进农村 and 共建: the sign-up roster of an activity (places limited, a waiting list promoted in order),
// the hours an attendance counts by default, and the points those hours earn. Pure: the function stores the roster
// in the activity's document and changes it in a transaction with these rules.

/** How a volunteer activity serves: in a community, in a village, or with a partner branch (共建). */
export const VOLUNTEER_MODES = ['进社区', '进农村', '共建'] as const;
export type VolunteerMode = (typeof VOLUNTEER_MODES)[number];

/** Most places an activity offers; its roster lives in one document. */
export const VOLUNTEER_CAPACITY_MAX = 200;
/** Most members on a waiting list. */
export const VOLUNTEER_WAITING_MAX = 100;
/** Hours are recorded in half hours, at most a day. */
export const VOLUNTEER_HOURS_MAX = 24;

export interface VolunteerSignup {
  memberId: string;
  name: string;
  orgId: string;
  /** When the member signed up (ISO time): the waiting list's order. */
  at: string;
}

export interface VolunteerRoster {
  capacity: number;
  signups: VolunteerSignup[];
  waiting: VolunteerSignup[];
}

export type SignupStatus = 'confirmed' | 'waiting';

/**
 * A member signs up: a place while one is free, else the end of the waiting list. Signing up again changes nothing
 * (`already`); a full waiting list refuses (`full`).
 *
 * @example volunteerSignUp({ capacity: 1, signups: [a], waiting: [] }, b).status // 'waiting'
 */
export function volunteerSignUp(
  roster: VolunteerRoster,
  s: VolunteerSignup,
): { roster: VolunteerRoster; status: SignupStatus | 'full'; already: boolean } {
  if (roster.signups.some((x) => x.memberId === s.memberId)) return { roster, status: 'confirmed', already: true };
  if (roster.waiting.some((x) => x.memberId === s.memberId)) return { roster, status: 'waiting', already: true };
  if (roster.signups.length < roster.capacity)
    return { roster: { ...roster, signups: [...roster.signups, s] }, status: 'confirmed', already: false };
  if (roster.waiting.length >= VOLUNTEER_WAITING_MAX) return { roster, status: 'full', already: false };
  return { roster: { ...roster, waiting: [...roster.waiting, s] }, status: 'waiting', already: false };
}

/**
 * A member cancels: leaving a place promotes the first on the waiting list into it. `removed` is null when the
 * member was on neither list (nothing changes).
 *
 * @example volunteerCancelSignup({ capacity: 1, signups: [a], waiting: [b] }, a.memberId).promoted // b
 */
export function volunteerCancelSignup(
  roster: VolunteerRoster,
  memberId: string,
): { roster: VolunteerRoster; removed: SignupStatus | null; promoted: VolunteerSignup | null } {
  if (roster.waiting.some((x) => x.memberId === memberId))
    return {
      roster: { ...roster, waiting: roster.waiting.filter((x) => x.memberId !== memberId) },
      removed: 'waiting',
      promoted: null,
    };
  if (!roster.signups.some((x) => x.memberId === memberId)) return { roster, removed: null, promoted: null };
  const signups = roster.signups.filter((x) => x.memberId !== memberId);
  const waiting = [...roster.waiting];
  let promoted: VolunteerSignup | null = null;
  while (signups.length < roster.capacity && waiting.length > 0) {
    const next = waiting.shift() as VolunteerSignup;
    signups.push(next);
    promoted ??= next;
  }
  return { roster: { ...roster, signups, waiting }, removed: 'confirmed', promoted };
}

/**
 * A number of hours as recorded: rounded to the nearest half hour, within 0..24.
 *
 * @example volunteerRoundHours(2.3) // 2.5
 */
export function volunteerRoundHours(h: number): number {
  if (!Number.isFinite(h) || h <= 0) return 0;
  return Math.min(VOLUNTEER_HOURS_MAX, Math.round(h * 2) / 2);
}

/**
 * The hours an attendee served unless the organiser says otherwise: the activity's length in half hours.
 *
 * @example volunteerDefaultHours(new Date('2026-03-05T01:00:00Z'), new Date('2026-03-05T04:20:00Z')) // 3.5
 */
export function volunteerDefaultHours(startAt: Date, endAt: Date): number {
  return volunteerRoundHours((endAt.getTime() - startAt.getTime()) / 3_600_000);
}

/**
 * Points asked of the ledger for the hours served: `perHour` for each whole hour (the ledger's daily cap for the
 * 志愿服务 category may cut them).
 *
 * @example volunteerPoints(3.5, 1) // 3
 */
export function volunteerPoints(hours: number, perHour: number): number {
  return Math.floor(volunteerRoundHours(hours)) * perHour;
}

/**
 * What a change of recorded hours adds to each org's totals: the difference of hours and of people served.
 *
 * @example volunteerHoursDelta({ m1: { orgId: 'b1', hours: 2 } }, { m1: { orgId: 'b1', hours: 3 } }) // { b1: { hours: 1, people: 0 } }
 */
export function volunteerHoursDelta(
  before: Readonly<Record<string, { orgId: string; hours: number }>>,
  after: Readonly<Record<string, { orgId: string; hours: number }>>,
): Record<string, { hours: number; people: number }> {
  const out: Record<string, { hours: number; people: number }> = {};
  const add = (orgId: string, hours: number, people: number) => {
    const o = (out[orgId] ??= { hours: 0, people: 0 });
    o.hours += hours;
    o.people += people;
  };
  for (const [, v] of Object.entries(before)) add(v.orgId, -v.hours, v.hours > 0 ? -1 : 0);
  for (const [, v] of Object.entries(after)) add(v.orgId, v.hours, v.hours > 0 ? 1 : 0);
  for (const [k, v] of Object.entries(out)) if (v.hours === 0 && v.people === 0) delete out[k];
  return out;
}
