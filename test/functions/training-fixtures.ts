// The 培训 set-up shared by the register-training tests: the fields of a class (a 大培训 class that began ten minutes
// ago and runs two days, four seats), opening one as the 工委 admin, and a member's scan of its check-in code.
import type { TestCloud } from '../helpers/cloud';
import { expectOk } from '../helpers/cloud';
import { ADMIN } from './support';

/** An instant `m` minutes from now, as the contracts take it. */
export const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

export const classFields = (extra: Record<string, unknown> = {}) => ({
  title: '第一期千名科级党员干部大培训',
  kind: '千名科级党员干部大培训',
  startAt: minutes(-10),
  endAt: minutes(60 * 24 * 2),
  place: '市委党校报告厅',
  capacity: 4,
  ...extra,
});

export async function openClass(cloud: TestCloud, extra: Record<string, unknown> = {}): Promise<string> {
  return (await expectOk(cloud.call('register', 'createTrainingClass', classFields(extra), ADMIN))).classId;
}

/** A scan of the class's current code by `openid`, as the camera would send it. */
export async function scanClass(cloud: TestCloud, classId: string, openid: string) {
  const { scene } = await expectOk(cloud.call('checkin', 'qrToken', { activityId: classId }, ADMIN));
  return cloud.call('checkin', 'checkIn', { scene, launchScene: 1047 }, openid);
}
