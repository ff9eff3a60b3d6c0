// The `checkin` function over the local cloud: activities, the rotating code, scanning in with every outcome, 补签,
// attendance and the Excel export, every role against every action, database operations per call, concurrent scans
// (500 members at once: checkin-load.test.ts).
import { Workbook } from 'exceljs';
import { checkinSignScene, SCENE_PATTERN, CHECKIN_TOKEN_WINDOW_MS } from '@/domain/checkin';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  HANDLER,
  MEMBER,
  PARTY_SECRETARY,
  PUBLIC,
  ROSTER,
  SECRETARY,
  allDocs,
  getDoc,
  sdk,
  seedBasic,
  seedRoles,
} from './support';
import type { ActionName } from '@/domain/api';

/** A bound member of b2 (not in b1's activities). */
const OTHER = 'member-b2';
/** Secretary of b2. */
const SECRETARY_B2 = 'sec-b2';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[3].name, phone: ROSTER[3].phone }, OTHER));
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B2, role: 'secretary', scopeId: 'b2' }, ADMIN));
});
afterAll(() => cloud.close());

const call = <A extends ActionName<'checkin'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('checkin', action, data, openid);
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** An activity of b1 whose start is `startIn` minutes from now (negative: already started). */
async function createB1(startIn = 10, extra: Record<string, unknown> = {}, by = SECRETARY): Promise<string> {
  const { activityId } = await expectOk(
    call(
      'createActivity',
      {
        title: '七月主题党日',
        kind: '主题党日',
        orgIds: ['b1'],
        startAt: minutes(startIn),
        endAt: minutes(startIn + 90),
        ...extra,
      },
      by,
    ),
  );
  return activityId;
}

async function sceneOf(activityId: string): Promise<string> {
  return (await expectOk(call('qrToken', { activityId }, SECRETARY))).scene;
}

async function secretOf(activityId: string): Promise<string> {
  return String((await getDoc('activities', activityId))?.secret);
}

describe('checkin.createActivity', () => {
  it('creates an activity for the own branch with a short id, a secret and the expected orgs', async () => {
    const { result, reads, writes } = await cloud.countOps(() =>
      call(
        'createActivity',
        {
          title: '七月主题党日',
          kind: '主题党日',
          orgIds: ['b1'],
          startAt: '2020-07-01T09:00:00+08:00',
          endAt: '2020-07-01T11:00:00+08:00',
          location: { latitude: 39.9, longitude: 116.4, radiusM: 100 },
          place: '三楼党员活动室',
        },
        SECRETARY,
      ),
    );
    const { activityId } = await expectOk(result);
    expect(activityId).toMatch(/^a[A-Za-z0-9_-]{8}$/);
    expect({ reads, writes }).toEqual({ reads: 2, writes: 1 });
    const doc = await getDoc('activities', activityId);
    expect(doc).toMatchObject({
      orgIds: ['b1'],
      expectedOrgIds: ['b1'],
      orgChains: [['b1', 'p1', 'gw']],
      startAt: new Date('2020-07-01T01:00:00Z'),
      opensAt: new Date('2020-07-01T00:30:00Z'),
      place: '三楼党员活动室',
      createdBy: SECRETARY,
    });
    expect(String(doc?.secret)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('lets an admin and a 机关党委 secretary create for branches below, with every branch expected', async () => {
    await createB1(10, { orgIds: ['b1', 'b2'] }, ADMIN);
    const id = await createB1(10, { orgIds: ['p1'] }, PARTY_SECRETARY);
    expect((await getDoc('activities', id))?.expectedOrgIds).toEqual(['p1', 'b1', 'b2']);
  });

  it.each([
    ['a secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, openid, code) => {
    await expectError(
      call(
        'createActivity',
        { title: 'x', kind: '党课', orgIds: ['b1'], startAt: minutes(0), endAt: minutes(60) },
        openid,
      ),
      code,
    );
  });

  it.each([
    ['an unknown kind', { kind: '茶话会' }],
    ['an end before the start', { endAt: minutes(-10) }],
    ['a time without offset', { startAt: '2020-07-01T09:00:00' }],
    ['an unknown field', { secret: 'mine' }],
    ['a radius that is too small', { location: { latitude: 39.9, longitude: 116.4, radiusM: 1 } }],
    ['no organisation', { orgIds: [] }],
  ])('answers INVALID_ARGUMENT for %s', async (_what, patch) => {
    const base = { title: '党课', kind: '党课', orgIds: ['b1'], startAt: minutes(0), endAt: minutes(60) };
    await expectError(call('createActivity', { ...base, ...patch }, ADMIN), 'INVALID_ARGUMENT');
  });

  it('answers NOT_FOUND for an organisation that does not exist', async () => {
    await expectError(
      call(
        'createActivity',
        { title: '党课', kind: '党课', orgIds: ['nope'], startAt: minutes(0), endAt: minutes(60) },
        ADMIN,
      ),
      'NOT_FOUND',
    );
  });
});

describe('checkin.qrToken and checkin.qrImage', () => {
  it('gives the manager a scene that fits WeChat, the page path, and never the secret', async () => {
    const activityId = await createB1();
    const secret = await secretOf(activityId);
    const token = await expectOk(call('qrToken', { activityId }, SECRETARY));
    expect(token.scene.length).toBeLessThanOrEqual(32);
    expect(token.scene).toMatch(SCENE_PATTERN);
    expect(token.path).toBe(`pages/checkin/index?scene=${encodeURIComponent(token.scene)}`);
    expect(token.expiresAt).toMatch(/\+08:00$/);
    const image = await expectOk(call('qrImage', { activityId }, ADMIN));
    expect(image.image).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(image.refreshMs).toBe(CHECKIN_TOKEN_WINDOW_MS);
    const everything = JSON.stringify([
      token,
      image,
      await expectOk(call('get', { activityId }, SECRETARY)),
      await expectOk(call('list', { scope: 'manage' }, SECRETARY)),
      await expectOk(call('list', { scope: 'mine' }, MEMBER)),
    ]);
    expect(everything).not.toContain(secret);
  });

  it('costs two reads (caller and activity) and no write', async () => {
    const activityId = await createB1();
    const { reads, writes } = await cloud.countOps(() => call('qrToken', { activityId }, SECRETARY));
    expect(reads).toBeLessThanOrEqual(2);
    expect(writes).toBe(0);
  });

  it.each([
    ['a secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, openid, code) => {
    const activityId = await createB1();
    await expectError(call('qrToken', { activityId }, openid), code);
    await expectError(call('qrImage', { activityId }, openid), code);
  });

  it('answers NOT_FOUND for an unknown activity and FAILED_PRECONDITION after the end', async () => {
    await expectError(call('qrToken', { activityId: 'aNOPE1234' }, ADMIN), 'NOT_FOUND');
    const ended = await createB1(-200);
    await expectError(call('qrToken', { activityId: ended }, SECRETARY), 'FAILED_PRECONDITION');
  });
});

describe('checkin.checkIn', () => {
  it('checks a member in on time with one check-in and one points entry', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    const r = await expectOk(call('checkIn', { scene, launchScene: 1047 }, MEMBER));
    expect(r).toMatchObject({
      activityId,
      status: 'present',
      duplicate: false,
      title: '七月主题党日',
      flags: [],
      source: 'camera',
    });
    const memberId = (await getDoc('users', MEMBER))?.memberId as string;
    expect(await getDoc('checkins', `${activityId}:${memberId}`)).toMatchObject({
      status: 'present',
      source: 'camera',
      flagged: false,
      openid: MEMBER,
      name: ROSTER[1].name,
    });
    expect(await getDoc('points', `points:checkin:${activityId}:${memberId}`)).toMatchObject({
      memberId,
      source: 'checkin',
      sourceId: activityId,
      points: 2,
    });
  });

  it('marks a check-in after the start as late', async () => {
    const activityId = await createB1(-10);
    const r = await expectOk(call('checkIn', { scene: await sceneOf(activityId) }, MEMBER));
    expect(r.status).toBe('late');
  });

  it('answers a second scan as a friendly duplicate with the first status', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    await expectOk(call('checkIn', { scene }, MEMBER));
    const again = await expectOk(call('checkIn', { scene }, MEMBER));
    expect(again).toMatchObject({ duplicate: true, status: 'present' });
  });

  it('costs at most three database operations once the instance knows the activity', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId); // the manager's call puts the activity in the instance's cache
    const { result, reads, writes } = await cloud.countOps(() => call('checkIn', { scene }, SECRETARY));
    await expectOk(result);
    expect(reads + writes).toBeLessThanOrEqual(3);
    expect({ reads, writes }).toEqual({ reads: 1, writes: 2 });
  });

  it('accepts a code from the previous window and refuses one older as expired', async () => {
    const activityId = await createB1(10);
    const secret = await secretOf(activityId);
    const previous = checkinSignScene(secret, activityId, new Date(Date.now() - CHECKIN_TOKEN_WINDOW_MS)).scene;
    await expectOk(call('checkIn', { scene: previous }, MEMBER));
    const old = checkinSignScene(secret, activityId, new Date(Date.now() - 3 * CHECKIN_TOKEN_WINDOW_MS)).scene;
    const e = await expectError(call('checkIn', { scene: old }, SECRETARY), 'FAILED_PRECONDITION');
    expect(e.message).toContain('已过期');
    expect(e.reason).toBe('CHECKIN_CODE_EXPIRED');
  });

  it('refuses a forged or altered code with INVALID_ARGUMENT', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    const forged = checkinSignScene('a-guessed-secret', activityId, new Date()).scene;
    await expectError(call('checkIn', { scene: forged }, MEMBER), 'INVALID_ARGUMENT');
    const altered = scene.slice(0, -1) + (scene.endsWith('A') ? 'B' : 'A');
    await expectError(call('checkIn', { scene: altered }, MEMBER), 'INVALID_ARGUMENT');
    await expectError(call('checkIn', { scene: 'not-a-scene' }, MEMBER), 'INVALID_ARGUMENT');
    const unknown = checkinSignScene('x', 'aNOPE1234', new Date()).scene;
    await expectError(call('checkIn', { scene: unknown }, MEMBER), 'INVALID_ARGUMENT');
    expect(await allDocs('checkins')).not.toContainEqual(expect.objectContaining({ activityId, openid: MEMBER }));
  });

  it('accepts the scene still URL-encoded', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    await expectOk(call('checkIn', { scene: encodeURIComponent(scene).replace(/\./g, '%2E') }, MEMBER));
  });

  it('refuses an unbound caller and a member of another branch with PERMISSION_DENIED', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    expect((await expectError(call('checkIn', { scene }, PUBLIC), 'PERMISSION_DENIED')).message).toContain('绑定');
    expect((await expectError(call('checkIn', { scene }, OTHER), 'PERMISSION_DENIED')).message).toContain('参加范围');
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const activityId = await createB1(10);
    await expectError(call('checkIn', { scene: await sceneOf(activityId) }), 'UNAUTHENTICATED');
  });

  it('refuses before the window opens and after it closes with FAILED_PRECONDITION', async () => {
    const early = await createB1(120);
    const e1 = await expectError(call('checkIn', { scene: await sceneOf(early) }, MEMBER), 'FAILED_PRECONDITION');
    expect(e1.message).toContain('尚未开始');
    const ended = await createB1(-200);
    const scene = checkinSignScene(await secretOf(ended), ended, new Date()).scene;
    const e2 = await expectError(call('checkIn', { scene }, MEMBER), 'FAILED_PRECONDITION');
    expect(e2.message).toContain('已结束');
  });

  it('accepts but flags an album scan and a scan far from the place, with the distance', async () => {
    const activityId = await createB1(10, { location: { latitude: 39.9, longitude: 116.4, radiusM: 100 } });
    const scene = await sceneOf(activityId);
    const far = await expectOk(
      call('checkIn', { scene, launchScene: 1049, location: { latitude: 39.905, longitude: 116.4 } }, MEMBER),
    );
    expect(far.flags).toEqual(['album', 'outside']);
    const near = await expectOk(
      call('checkIn', { scene, launchScene: 1047, location: { latitude: 39.9005, longitude: 116.4 } }, SECRETARY),
    );
    expect(near.flags).toEqual([]);
    const att = await expectOk(call('attendance', { activityId }, SECRETARY));
    expect(att.flagged).toBe(1);
    expect(att.flaggedList).toEqual([
      {
        memberId: expect.any(String),
        name: ROSTER[1].name,
        status: 'present',
        flags: ['album', 'outside'],
        distanceM: 556,
      },
    ]);
  });

  it('answers INVALID_ARGUMENT for bad input', async () => {
    await expectError(call('checkIn', {}, MEMBER), 'INVALID_ARGUMENT');
    await expectError(call('checkIn', { scene: 'x', memberId: 'm' }, MEMBER), 'INVALID_ARGUMENT');
    await expectError(
      call('checkIn', { scene: 'x', location: { latitude: 200, longitude: 0 } }, MEMBER),
      'INVALID_ARGUMENT',
    );
  });
});

describe('checkin.manualCheckIn', () => {
  async function memberIdOf(i: number): Promise<string> {
    const docs = await allDocs('members');
    return docs.find((d) => d.phone === ROSTER[i].phone)!._id;
  }

  it('records who did the 补签 and why, writes points, and is idempotent', async () => {
    const activityId = await createB1(-30);
    const memberId = await memberIdOf(2);
    expect(
      await expectOk(call('manualCheckIn', { activityId, memberId, reason: '扫码时手机没电' }, SECRETARY)),
    ).toEqual({
      duplicate: false,
    });
    expect(await getDoc('checkins', `${activityId}:${memberId}`)).toMatchObject({
      source: 'manual',
      isManual: true,
      manual: { reason: '扫码时手机没电', by: SECRETARY, byName: ROSTER[0].name },
    });
    expect(await getDoc('points', `points:checkin:${activityId}:${memberId}`)).toMatchObject({ points: 2 });
    expect(await expectOk(call('manualCheckIn', { activityId, memberId, reason: '再点一次' }, ADMIN))).toEqual({
      duplicate: true,
    });
    const att = await expectOk(call('attendance', { activityId }, SECRETARY));
    expect(att.manualList).toEqual([
      { memberId, name: ROSTER[2].name, reason: '扫码时手机没电', byName: ROSTER[0].name },
    ]);
  });

  it('credits a late 补签 to the day and year of the activity, not of the 补签', async () => {
    const activityId = await createB1(-3 * 24 * 60);
    const memberId = await memberIdOf(2);
    await expectOk(call('manualCheckIn', { activityId, memberId, reason: '会后补录' }, SECRETARY));
    const activity = await getDoc('activities', activityId);
    const startDay = new Date((activity!.startAt as Date).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await getDoc('points', `points:checkin:${activityId}:${memberId}`)).toMatchObject({
      day: startDay,
      year: Number(startDay.slice(0, 4)),
    });
  });

  it('works after the window closed (the point of 补签)', async () => {
    const activityId = await createB1(-300);
    await expectOk(call('manualCheckIn', { activityId, memberId: await memberIdOf(2), reason: '会后补录' }, SECRETARY));
  });

  it('refuses a member outside the activity, an unknown member, an early 补签 and a missing reason', async () => {
    const activityId = await createB1(-10);
    await expectError(
      call('manualCheckIn', { activityId, memberId: await memberIdOf(3), reason: 'x' }, SECRETARY),
      'FAILED_PRECONDITION',
    );
    await expectError(call('manualCheckIn', { activityId, memberId: 'm_nobody', reason: 'x' }, SECRETARY), 'NOT_FOUND');
    const future = await createB1(300);
    await expectError(
      call('manualCheckIn', { activityId: future, memberId: await memberIdOf(2), reason: 'x' }, SECRETARY),
      'FAILED_PRECONDITION',
    );
    await expectError(
      call('manualCheckIn', { activityId, memberId: await memberIdOf(2), reason: '  ' }, SECRETARY),
      'INVALID_ARGUMENT',
    );
  });

  it.each([
    ['a secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, openid, code) => {
    const activityId = await createB1(-10);
    await expectError(call('manualCheckIn', { activityId, memberId: await memberIdOf(2), reason: 'x' }, openid), code);
  });
});

describe('checkin.attendance, list, get and export', () => {
  it('counts expected, present, late and lists absentees in roster order, in a constant number of reads', async () => {
    const activityId = await createB1(-5);
    await expectOk(call('checkIn', { scene: await sceneOf(activityId) }, MEMBER));
    const { result, reads, writes } = await cloud.countOps(() => call('attendance', { activityId }, SECRETARY));
    expect(await expectOk(result)).toEqual({
      expected: 3,
      present: 1,
      late: 1,
      flagged: 0,
      manual: 0,
      rate: 33.3,
      absentees: [
        { memberId: expect.any(String), name: ROSTER[0].name, orgId: 'b1' },
        { memberId: expect.any(String), name: ROSTER[2].name, orgId: 'b1' },
      ],
      flaggedList: [],
      manualList: [],
    });
    expect(reads).toBeLessThanOrEqual(4);
    expect(writes).toBe(0);
    const summary = await cloud.countOps(() => call('attendance', { activityId, summary: true }, SECRETARY));
    expect(await expectOk(summary.result)).toMatchObject({ expected: 3, present: 1, late: 1, absentees: [] });
    expect(summary.reads).toBeLessThanOrEqual(4);
  });

  it.each([
    ['a secretary of another branch', SECRETARY_B2, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('refuses attendance and export to %s', async (_who, openid, code) => {
    const activityId = await createB1();
    await expectError(call('attendance', { activityId }, openid), code);
    await expectError(call('export', { activityId }, openid), code);
  });

  it('answers NOT_FOUND for the attendance of an unknown activity', async () => {
    await expectError(call('attendance', { activityId: 'aNOPE1234' }, ADMIN), 'NOT_FOUND');
    await expectError(call('get', { activityId: 'aNOPE1234' }, MEMBER), 'NOT_FOUND');
  });

  it('lists a member’s activities with the own status, and a manager’s activities', async () => {
    const activityId = await createB1(-5, { title: '列表测试' });
    await expectOk(call('checkIn', { scene: await sceneOf(activityId) }, MEMBER));
    const mine = await expectOk(call('list', { scope: 'mine' }, MEMBER));
    expect(mine.activities.find((a: { activityId: string }) => a.activityId === activityId)).toMatchObject({
      title: '列表测试',
      phase: 'open',
      myStatus: 'late',
    });
    const others = await expectOk(call('list', { scope: 'mine' }, OTHER));
    expect(others.activities.some((a: { activityId: string }) => a.activityId === activityId)).toBe(false);
    await expectError(call('list', { scope: 'mine' }, PUBLIC), 'PERMISSION_DENIED');
    const managed = await expectOk(call('list', { scope: 'manage' }, PARTY_SECRETARY));
    expect(managed.activities.some((a: { activityId: string }) => a.activityId === activityId)).toBe(true);
    const b2 = await expectOk(call('list', { scope: 'manage' }, SECRETARY_B2));
    expect(b2.activities.some((a: { activityId: string }) => a.activityId === activityId)).toBe(false);
    await expectError(call('list', { scope: 'manage' }, MEMBER), 'PERMISSION_DENIED');
    expect((await expectOk(call('get', { activityId }, MEMBER))).canManage).toBe(false);
    expect((await expectOk(call('get', { activityId }, PARTY_SECRETARY))).canManage).toBe(true);
  });

  it('answers the exact place only to who may attend or manage the activity', async () => {
    const place = { latitude: 39.9, longitude: 116.4, radiusM: 100 };
    const activityId = await createB1(10, { title: '地点测试', location: place });
    for (const who of [MEMBER, SECRETARY, PARTY_SECRETARY, ADMIN])
      expect((await expectOk(call('get', { activityId }, who))).location).toEqual(place);
    // A member of another branch, an unbound visitor with a forwarded code, another branch's secretary.
    for (const who of [OTHER, PUBLIC, SECRETARY_B2]) {
      const seen = await expectOk(call('get', { activityId }, who));
      expect(seen).toMatchObject({ title: '地点测试', hasLocation: true, location: null, canManage: false });
      expect(JSON.stringify(seen)).not.toContain('116.4');
    }
  });

  it('exports a workbook with the sign-in sheet and the absentee sheet', async () => {
    const activityId = await createB1(-5, { title: '导出测试' });
    await expectOk(call('checkIn', { scene: await sceneOf(activityId) }, MEMBER));
    // A 补签 made now for an activity that began 5 minutes ago: listed as 补签 with its time, not 按时签到.
    const manualId = (await allDocs('members')).find((d) => d.phone === ROSTER[0].phone)!._id;
    await expectOk(call('manualCheckIn', { activityId, memberId: manualId, reason: '扫码时手机没电' }, SECRETARY));
    const out = await expectOk(call('export', { activityId }, SECRETARY));
    expect(out.fileName).toBe('导出测试-签到表.xlsx');
    // The link itself names the file: a browser ignores `download` on another origin's link and saves it under the
    // last path segment, which the storage also sends as the attachment's filename.
    expect(decodeURIComponent(new URL(out.url).pathname.split('/').pop()!)).toBe('导出测试-签到表.xlsx');
    expect(out.fileID).toMatch(/\/导出测试-签到表\.xlsx$/);
    const { fileContent } = await sdk().downloadFile({ fileID: out.fileID });
    const wb = new Workbook();
    await wb.xlsx.load(fileContent as never);
    const sheet = wb.getWorksheet('签到表')!;
    const names = [4, 5, 6].map((r) => String(sheet.getRow(r).getCell(2).value));
    expect(names).toEqual([ROSTER[0].name, ROSTER[1].name, ROSTER[2].name]);
    expect(String(sheet.getRow(5).getCell(3).value)).toBe('迟到');
    expect(String(sheet.getRow(4).getCell(3).value)).toBe('补签');
    expect(String(sheet.getRow(4).getCell(4).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(String(sheet.getRow(4).getCell(6).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}.* 补签：扫码时手机没电/);
    expect(String(sheet.getRow(6).getCell(3).value)).toBe('缺勤');
    const absent = wb.getWorksheet('缺勤名单')!;
    expect(String(absent.getRow(4).getCell(2).value)).toBe(ROSTER[2].name);
    expect(absent.getRow(5).getCell(2).value).toBeNull();
  });
});

describe('concurrency', () => {
  it('turns 200 concurrent scans by one member into exactly one check-in and one points entry', async () => {
    const activityId = await createB1(10);
    const scene = await sceneOf(activityId);
    const results = await Promise.all(Array.from({ length: 200 }, () => call('checkIn', { scene }, MEMBER)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
    expect((await allDocs('checkins')).filter((d) => d.activityId === activityId)).toHaveLength(1);
    expect((await allDocs('points')).filter((d) => d.sourceId === activityId)).toHaveLength(1);
  });
});
