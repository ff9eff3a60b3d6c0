// 志愿服务's pure rules: places then the waiting list, promotion in order on a cancellation, hours in half hours, the
// points asked for the hours, and what a change of hours adds to each org.
import type { VolunteerRoster, VolunteerSignup } from '@/domain/register';
import {
  volunteerCancelSignup,
  volunteerDefaultHours,
  volunteerHoursDelta,
  volunteerRoundHours,
  volunteerSignUp,
  VOLUNTEER_WAITING_MAX,
  volunteerPoints,
} from '@/domain/register';

const s = (memberId: string): VolunteerSignup => ({
  memberId,
  name: memberId,
  orgId: 'b1',
  at: '2026-03-01T09:00:00+08:00',
});
const roster = (capacity: number, signups: string[] = [], waiting: string[] = []): VolunteerRoster => ({
  capacity,
  signups: signups.map(s),
  waiting: waiting.map(s),
});
const ids = (r: VolunteerRoster) => [r.signups.map((x) => x.memberId), r.waiting.map((x) => x.memberId)];

describe('volunteerSignUp', () => {
  it('takes a free place, then the end of the waiting list', () => {
    const a = volunteerSignUp(roster(2, ['m1']), s('m2'));
    expect([a.status, a.already, ids(a.roster)]).toEqual(['confirmed', false, [['m1', 'm2'], []]]);
    const b = volunteerSignUp(a.roster, s('m3'));
    expect([b.status, ids(b.roster)]).toEqual(['waiting', [['m1', 'm2'], ['m3']]]);
  });

  it('changes nothing for a member already on either list', () => {
    const r = roster(1, ['m1'], ['m2']);
    expect(volunteerSignUp(r, s('m1'))).toEqual({ roster: r, status: 'confirmed', already: true });
    expect(volunteerSignUp(r, s('m2'))).toEqual({ roster: r, status: 'waiting', already: true });
  });

  it('refuses when the waiting list is full', () => {
    const r = roster(
      1,
      ['m1'],
      Array.from({ length: VOLUNTEER_WAITING_MAX }, (_, i) => `w${i}`),
    );
    expect(volunteerSignUp(r, s('x')).status).toBe('full');
    expect(volunteerSignUp(r, s('x')).roster).toBe(r);
  });
});

describe('volunteerCancelSignup', () => {
  it('promotes the first waiting member into the freed place', () => {
    const r = volunteerCancelSignup(roster(2, ['m1', 'm2'], ['w1', 'w2']), 'm1');
    expect([r.removed, r.promoted?.memberId, ids(r.roster)]).toEqual(['confirmed', 'w1', [['m2', 'w1'], ['w2']]]);
  });

  it('leaves the places alone when a waiting member cancels', () => {
    const r = volunteerCancelSignup(roster(1, ['m1'], ['w1', 'w2']), 'w1');
    expect([r.removed, r.promoted, ids(r.roster)]).toEqual(['waiting', null, [['m1'], ['w2']]]);
  });

  it('changes nothing for a member on neither list', () => {
    const before = roster(1, ['m1']);
    expect(volunteerCancelSignup(before, 'x')).toEqual({ roster: before, removed: null, promoted: null });
  });

  it('never fills more places than there are', () => {
    const r = volunteerCancelSignup(roster(1, ['m1', 'm2'], ['w1']), 'm1');
    expect(ids(r.roster)).toEqual([['m2'], ['w1']]);
    expect(r.promoted).toBeNull();
  });
});

describe('hours and points', () => {
  it('rounds to half hours within a day', () => {
    expect([
      volunteerRoundHours(2.3),
      volunteerRoundHours(2.2),
      volunteerRoundHours(-1),
      volunteerRoundHours(30),
      volunteerRoundHours(Number.NaN),
    ]).toEqual([2.5, 2, 0, 24, 0]);
  });

  it('proposes the activity’s length', () => {
    expect(volunteerDefaultHours(new Date('2026-03-05T01:00:00Z'), new Date('2026-03-05T04:20:00Z'))).toBe(3.5);
    expect(volunteerDefaultHours(new Date('2026-03-05T01:00:00Z'), new Date('2026-03-05T01:10:00Z'))).toBe(0);
  });

  it('asks points for whole hours', () => {
    expect([volunteerPoints(3.5, 1), volunteerPoints(0.5, 1), volunteerPoints(4, 2)]).toEqual([3, 0, 8]);
  });

  it('adds the difference of hours and people per org', () => {
    expect(volunteerHoursDelta({}, { m1: { orgId: 'b1', hours: 2 }, m2: { orgId: 'b2', hours: 0 } })).toEqual({
      b1: { hours: 2, people: 1 },
    });
    expect(volunteerHoursDelta({ m1: { orgId: 'b1', hours: 2 } }, { m1: { orgId: 'b1', hours: 3 } })).toEqual({
      b1: { hours: 1, people: 0 },
    });
    expect(volunteerHoursDelta({ m1: { orgId: 'b1', hours: 2 } }, { m1: { orgId: 'b1', hours: 0 } })).toEqual({
      b1: { hours: -2, people: -1 },
    });
    expect(volunteerHoursDelta({ m1: { orgId: 'b1', hours: 2 } }, { m1: { orgId: 'b1', hours: 2 } })).toEqual({});
  });
});
