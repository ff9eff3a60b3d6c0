// The demo seed where a year turns (seed.test.ts runs it on today's date): with the clock at 1 January 00:30 and on
// 20 January (Beijing), the 支委会, the 党课 and the 民主评议 all fall in one year (the year before:
// demoOrglifeAnchor), so the demo 台账 shows both meetings and its ballot is of the same year. The clock is faked for
// Date only (timers run for real); the functions run in this process, so they see the same clock.
import { DEMO_ORGLIFE, demoOrglifeAnchor } from '../../emulator/demo/orglife';
import { DEMO_ADMIN_OPENID, seedDemoData } from '../../emulator/demo/seed';
import type { MeetingList, ReviewSummary } from '../../src/domain/api/orglife';
import { createTestCloud, expectOk } from '../helpers/cloud';

jest.setTimeout(120_000);

const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

afterEach(() => jest.useRealTimers());

it.each([
  ['2027-01-01T00:30:00+08:00', 2026],
  ['2027-01-20T10:00:00+08:00', 2026],
])('at %s the demo 台账 and 民主评议 are of %i', async (at, year) => {
  jest.useFakeTimers({ now: Date.parse(at), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
  expect(demoOrglifeAnchor(Date.now()).year).toBe(year);
  const cloud = await createTestCloud({ adminOpenids: [DEMO_ADMIN_OPENID] });
  try {
    await seedDemoData((fn, action, data, openid) => cloud.callRaw(fn, action, data, openid));
    const list = await expectOk<MeetingList>(
      cloud.call('orglife', 'meetings', { orgId: DEMO_ORGLIFE.orgId, year }, 'demo-secretary'),
    );
    const started = list.rows.filter((r) => r.started);
    expect(started.find((r) => r.title === DEMO_ORGLIFE.lecture)?.state).toBe('none');
    expect(started.find((r) => r.title === DEMO_ORGLIFE.committee)?.state).toBe('complete');
    expect(list.withoutMinutes).toBe(1);
    const { reviews } = await expectOk<{ reviews: ReviewSummary[] }>(
      cloud.call('orglife', 'reviews', {}, 'demo-member'),
    );
    expect(reviews).toEqual([expect.objectContaining({ year, phase: 'open', voted: false })]);
  } finally {
    await cloud.close();
  }
});
