// The `register` function's 领学带学督学 over the local cloud: the 工委 marks 领导干部 with their contact points, visits
// are recorded by the admin, the leader or the contact point's secretary, the register lists those without a visit
// this year in one read of the summary; every action against every role, bad input that changes nothing, the export.
import ExcelJS from 'exceljs';
import type { ActionName } from '@/domain/api';
import { shanghaiDay } from '../../server/time';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  HANDLER,
  MEMBER,
  PARTY_SECRETARY,
  PUBLIC,
  SECRETARY,
  allDocs,
  getDoc,
  sdk,
  sdkDb,
  seedBasic,
  seedRoles,
} from './support';

/** The secretary of b3 (another 党委's branch). */
const SECRETARY_B3 = 'sec-b3';

let cloud: TestCloud;
/** memberIds by name. */
const ids: Record<string, string> = {};

const call = <A extends ActionName<'register'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('register', action, data, openid);
const today = () => shanghaiDay();
const thisYear = () => Number(today().slice(0, 4));
const photo = (n: string) => `cloud://local.bucket/register/visits/20260701/${n}.jpg`;

/** 王芳 (b1, bound to MEMBER) visits b2 and b3; 刘洋 (b2, not bound) visits b1. */
async function resetLeaders() {
  const db = sdkDb();
  for (const name of ['register_leaders', 'register_visits'])
    for (const doc of await allDocs(name)) await db.collection(name).doc(doc._id).remove();
  // The leader marks login reads, cleared with the summary they go with.
  for (const m of await allDocs('members'))
    if (m.leader !== undefined)
      await db
        .collection('members')
        .doc(m._id)
        .update({ data: { leader: db.command.remove() } });
  await expectOk(
    call('saveLeader', { memberId: ids['王芳'], title: '市教育局副局长', contactOrgIds: ['b2', 'b3'] }, ADMIN),
  );
  await expectOk(call('saveLeader', { memberId: ids['刘洋'], title: '市教育局局长', contactOrgIds: ['b1'] }, ADMIN));
}

const visit = (extra: Record<string, unknown> = {}) => ({
  leaderId: ids['王芳'],
  orgId: 'b2',
  visitedOn: today(),
  kind: '领学',
  topic: '学习贯彻党的二十届四中全会精神',
  notes: '与支部党员交流学习体会',
  photos: [photo('a')],
  ...extra,
});

/** Every collection the leaders' register writes, to assert that a refused call wrote nothing. */
const state = () => Promise.all(['register_leaders', 'register_visits'].map((c) => allDocs(c)));

beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B3, role: 'secretary', scopeId: 'b3' }, ADMIN));
  for (const m of await allDocs('members')) ids[String(m.name)] = m._id;
});
beforeEach(resetLeaders);
afterAll(async () => {
  await cloud.close();
});

describe('register.saveLeader / removeLeader', () => {
  it('marks a roster member as a leader with the contact points in one write; saving again keeps the visits', async () => {
    await expectOk(call('recordVisit', visit(), ADMIN));
    const { result, reads, writes } = await cloud.countOps(() =>
      call('saveLeader', { memberId: ids['王芳'], title: '市教育局党委书记', contactOrgIds: ['b2', 'b2'] }, ADMIN),
    );
    expect(await expectOk(Promise.resolve(result))).toEqual({ memberId: ids['王芳'] });
    // caller, directory, summary, member; the summary entry.
    expect({ reads, writes }).toEqual({ reads: 4, writes: 1 });
    const entry = ((await getDoc('register_leaders', 'leaders'))?.leaders as Record<string, unknown>)[ids['王芳']];
    expect(entry).toMatchObject({
      name: '王芳',
      title: '市教育局党委书记',
      orgId: 'b1',
      contactOrgIds: ['b2'],
      lastVisitOn: today(),
      years: { [String(thisYear())]: 1 },
    });
  });

  it('removes a leader (the visits stay) and says so once', async () => {
    await expectOk(call('recordVisit', visit(), ADMIN));
    expect(await expectOk(call('removeLeader', { memberId: ids['王芳'] }, ADMIN))).toEqual({ removed: true });
    expect(await expectOk(call('removeLeader', { memberId: ids['王芳'] }, ADMIN))).toEqual({ removed: false });
    const { rows } = await expectOk(call('leaders', {}, ADMIN));
    expect(rows.map((r) => r.name)).toEqual(['刘洋']);
    expect(await allDocs('register_visits')).toHaveLength(1);
  });

  it.each([
    [SECRETARY, 'PERMISSION_DENIED'],
    [PARTY_SECRETARY, 'PERMISSION_DENIED'],
    [HANDLER, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) to save or remove a leader and writes nothing', async (openid, code) => {
    const before = await state();
    await expectError(
      call('saveLeader', { memberId: ids['张伟'], title: '副局长', contactOrgIds: ['b1'] }, openid),
      code,
    );
    await expectError(call('removeLeader', { memberId: ids['刘洋'] }, openid), code);
    expect(await state()).toEqual(before);
  });

  it('rejects an unknown member or contact point and bad input, writing nothing', async () => {
    const before = await state();
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ memberId: 'nobody' }, 'NOT_FOUND', /名册中没有/],
      [{ contactOrgIds: ['b1', 'zz'] }, 'NOT_FOUND', /联系点组织不存在：zz/],
      [{ contactOrgIds: [] }, 'INVALID_ARGUMENT', /联系点/],
      [{ contactOrgIds: ['b1', 'b2', 'b3', 'p1', 'p2', 'gw'] }, 'INVALID_ARGUMENT', /联系点最多 5 项/],
      [{ title: ' ' }, 'INVALID_ARGUMENT', /职务/],
    ];
    for (const [extra, code, message] of bad) {
      const err = await expectError(
        call('saveLeader', { memberId: ids['张伟'], title: '副局长', contactOrgIds: ['b1'], ...extra }, ADMIN),
        code,
      );
      expect(err.message).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });
});

describe('user.login tells 我的 whether the caller is a leader (the mark on the member document)', () => {
  const PLAIN = 'plain-1';
  const login = async (openid: string) => {
    const { result, reads } = await cloud.countOps(() => cloud.call('user', 'login', {}, openid));
    const out = await expectOk(Promise.resolve(result));
    // caller, member: the mark costs no read of its own.
    expect(reads).toBe(2);
    return out;
  };

  beforeAll(async () => {
    await expectOk(cloud.call('user', 'bind', { name: '李娜', phone: '13900000103' }, PLAIN));
  });

  it("marks a leader and neither a contact point's secretary nor a plain member", async () => {
    expect(await login(MEMBER)).toMatchObject({ member: { name: '王芳' }, leader: true });
    // The secretary of b1, 刘洋's contact point: the register opens from his 管理 menu, not from this entry.
    const secretary = await login(SECRETARY);
    expect(secretary.member?.name).toBe('张伟');
    expect(secretary.leader).toBeUndefined();
    const plain = await login(PLAIN);
    expect(plain.member?.name).toBe('李娜');
    expect(plain.leader).toBeUndefined();
  });

  it('sets the mark with the first save only and clears it with the removal (one write each)', async () => {
    const saved = await cloud.countOps(() =>
      call('saveLeader', { memberId: ids['张伟'], title: '科长', contactOrgIds: ['b3'] }, ADMIN),
    );
    await expectOk(Promise.resolve(saved.result));
    // The summary entry and the mark.
    expect(saved.writes).toBe(2);
    expect((await login(SECRETARY)).leader).toBe(true);

    const removed = await cloud.countOps(() => call('removeLeader', { memberId: ids['王芳'] }, ADMIN));
    expect(await expectOk(Promise.resolve(removed.result))).toEqual({ removed: true });
    // The mark and the summary entry.
    expect(removed.writes).toBe(2);
    expect((await login(MEMBER)).leader).toBeUndefined();
    expect((await getDoc('members', ids['王芳']))?.leader).toBeUndefined();
    // Removing again changes nothing; saving again marks her again.
    expect(await expectOk(call('removeLeader', { memberId: ids['王芳'] }, ADMIN))).toEqual({ removed: false });
    await expectOk(
      call('saveLeader', { memberId: ids['王芳'], title: '市教育局副局长', contactOrgIds: ['b2'] }, ADMIN),
    );
    expect((await login(MEMBER)).leader).toBe(true);
  });
});

describe('register.leaders', () => {
  it('lists every leader for the admin in one read of the summary, those without a visit this year first', async () => {
    await expectOk(call('recordVisit', visit(), ADMIN));
    const { result, reads, writes } = await cloud.countOps(() => call('leaders', {}, ADMIN));
    const out = await expectOk(Promise.resolve(result));
    // caller, directory, summary, the marked members (the marks agree: no write): the same four reads however many
    // leaders and visits there are.
    expect({ reads, writes }).toEqual({ reads: 4, writes: 0 });
    expect(out.year).toBe(thisYear());
    expect(out.counts).toEqual({ leaders: 2, without: 1 });
    expect(out.rows.map((r) => [r.name, r.visits, r.lastVisitOn])).toEqual([
      ['刘洋', 0, null],
      ['王芳', 1, today()],
    ]);
    expect(out.rows[1]).toMatchObject({
      title: '市教育局副局长',
      orgName: '市教育局机关第一党支部',
      contacts: [
        { orgId: 'b2', orgName: '市教育局机关第二党支部' },
        { orgId: 'b3', orgName: '市公安局机关第一党支部' },
      ],
    });
    // Last year: nobody visited yet.
    const last = await expectOk(call('leaders', { year: thisYear() - 1 }, ADMIN));
    expect(last.counts).toEqual({ leaders: 2, without: 2 });
  });

  it.each([
    ['the secretary of b1 sees the leader whose contact point is b1', SECRETARY, ['刘洋']],
    ['the secretary of p1 sees the leaders of the branches below', PARTY_SECRETARY, ['刘洋', '王芳']],
    ['the secretary of b3 sees 王芳 (b3 is her contact point)', SECRETARY_B3, ['王芳']],
    ['a member who is a leader sees himself', MEMBER, ['王芳']],
  ])('%s', async (_what, openid, names) => {
    const { rows } = await expectOk(call('leaders', {}, openid));
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
  });

  it.each([
    [HANDLER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s)', async (openid, code) => {
    await expectError(call('leaders', {}, openid), code);
    await expectError(call('exportLeaders', {}, openid), code);
  });

  it('shows a secretary who is a leader himself besides the leaders of his contact points', async () => {
    await expectOk(call('saveLeader', { memberId: ids['张伟'], title: '科长', contactOrgIds: ['b3'] }, ADMIN));
    const { rows } = await expectOk(call('leaders', {}, SECRETARY));
    expect(rows.map((r) => r.name).sort()).toEqual(['刘洋', '张伟'].sort());
  });

  describe('heals the leader marks login reads (the admin and the secretaries only)', () => {
    const mark = (name: string, leader: boolean) =>
      sdkDb()
        .collection('members')
        .doc(ids[name])
        .update({ data: { leader: leader ? true : sdkDb().command.remove() } });
    const marks = async () =>
      (await allDocs('members'))
        .filter((m) => m.leader === true)
        .map((m) => String(m.name))
        .sort();

    it('gives back a mark removed by hand and clears a stale one, in one write each', async () => {
      // 王芳 saved before the mark existed (or her saveLeader failed between its writes); 李娜 no longer listed.
      await mark('王芳', false);
      await mark('李娜', true);
      expect((await expectOk(cloud.call('user', 'login', {}, MEMBER))).leader).toBeUndefined();
      const { result, reads, writes } = await cloud.countOps(() => call('leaders', {}, ADMIN));
      expect((await expectOk(Promise.resolve(result))).counts.leaders).toBe(2);
      // caller, directory, summary, the marked members; the marks to set and those to clear.
      expect({ reads, writes }).toEqual({ reads: 4, writes: 2 });
      expect(await marks()).toEqual(['刘洋', '王芳'].sort());
      expect(await expectOk(cloud.call('user', 'login', {}, MEMBER))).toMatchObject({ leader: true });
      // Healed: the next read writes nothing.
      const again = await cloud.countOps(() => call('leaders', {}, ADMIN));
      expect({ reads: again.reads, writes: again.writes }).toEqual({ reads: 4, writes: 0 });
    });

    it("heals on a secretary's read too (one write for a missing mark)", async () => {
      await mark('刘洋', false);
      const { reads, writes } = await cloud.countOps(() => call('leaders', {}, SECRETARY));
      expect({ reads, writes }).toEqual({ reads: 4, writes: 1 });
      expect(await marks()).toEqual(['刘洋', '王芳'].sort());
    });

    it("leaves the marks to the leader's own read on 我的 (no read or write for them)", async () => {
      await mark('刘洋', false);
      await mark('李娜', true);
      const { result, reads, writes } = await cloud.countOps(() => call('leaders', {}, MEMBER));
      expect((await expectOk(Promise.resolve(result))).rows.map((r) => r.name)).toEqual(['王芳']);
      expect({ reads, writes }).toEqual({ reads: 3, writes: 0 });
      expect(await marks()).toEqual(['李娜', '王芳'].sort());
      // Cleared by hand again so that the roster is as the other tests expect (resetLeaders also clears them).
      await mark('李娜', false);
    });
  });

  it('shows a bound member who is not a leader an empty list', async () => {
    await expectOk(call('removeLeader', { memberId: ids['王芳'] }, ADMIN));
    expect(await expectOk(call('leaders', {}, MEMBER))).toMatchObject({ rows: [], counts: { leaders: 0, without: 0 } });
    const err = await expectError(call('leaders', {}, PUBLIC), 'PERMISSION_DENIED');
    expect(err.message).toMatch(/领导干部本人/);
  });
});

describe('register.recordVisit', () => {
  it('lets the leader record his own visit: the record, then the count (one write each)', async () => {
    const { result, reads, writes } = await cloud.countOps(() => call('recordVisit', visit(), MEMBER));
    expect(await expectOk(Promise.resolve(result))).toMatchObject({ visits: 1 });
    // caller, directory, summary; the visit and the count.
    expect({ reads, writes }).toEqual({ reads: 3, writes: 2 });
    const [doc] = await allDocs('register_visits');
    expect(doc).toMatchObject({
      leaderName: '王芳',
      orgId: 'b2',
      kind: '领学',
      year: thisYear(),
      photos: [photo('a')],
    });
    // An earlier visit recorded late counts in its year and does not move the last visit back.
    const earlier = `${thisYear()}-01-01`;
    const second = await expectOk(call('recordVisit', visit({ visitedOn: earlier, kind: '督学' }), MEMBER));
    expect(second.visits).toBe(2);
    const { rows } = await expectOk(call('leaders', {}, ADMIN));
    expect(rows.find((r) => r.name === '王芳')).toMatchObject({ visits: 2, lastVisitOn: today() });
  });

  it('lets the contact point’s secretary and the admin record a visit', async () => {
    await expectOk(call('recordVisit', visit({ orgId: 'b3', kind: '带学' }), SECRETARY_B3));
    await expectOk(call('recordVisit', visit({ leaderId: ids['刘洋'], orgId: 'b1' }), SECRETARY));
    await expectOk(call('recordVisit', visit({ leaderId: ids['刘洋'], orgId: 'b1' }), PARTY_SECRETARY));
    await expectOk(call('recordVisit', visit({ photos: [] }), ADMIN));
    const { counts, rows } = await expectOk(call('leaders', {}, ADMIN));
    expect(counts.without).toBe(0);
    expect(rows.map((r) => [r.name, r.visits])).toEqual([
      ['刘洋', 2],
      ['王芳', 2],
    ]);
  });

  it.each([
    ['a secretary of another org', SECRETARY_B3, { orgId: 'b2' }, 'PERMISSION_DENIED'],
    ['the secretary of b1 for 王芳 at b2', SECRETARY, {}, 'PERMISSION_DENIED'],
    ['a member for another leader', MEMBER, { leaderId: 'x' }, 'NOT_FOUND'],
    ['a member for 刘洋', MEMBER, { orgId: 'b1', leaderIdName: '刘洋' }, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, {}, 'PERMISSION_DENIED'],
    ['someone not bound', PUBLIC, {}, 'PERMISSION_DENIED'],
    ['anonymous', undefined, {}, 'UNAUTHENTICATED'],
  ])('refuses %s and writes nothing', async (_who, openid, extra, code) => {
    const { leaderIdName, ...rest } = extra as Record<string, unknown>;
    const data = visit(leaderIdName ? { ...rest, leaderId: ids[String(leaderIdName)] } : rest);
    const before = await state();
    await expectError(call('recordVisit', data, openid), code);
    expect(await state()).toEqual(before);
  });

  it('rejects a visit elsewhere than a contact point, in the future, or with foreign photos; writes nothing', async () => {
    const before = await state();
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ orgId: 'b1' }, 'FAILED_PRECONDITION', /不是王芳的联系点/],
      [{ visitedOn: tomorrow }, 'INVALID_ARGUMENT', /不能晚于今天/],
      [{ visitedOn: '2026-02-30' }, 'INVALID_ARGUMENT', /有效日期/],
      [{ kind: '讲学' }, 'INVALID_ARGUMENT', /形式/],
      [{ topic: '' }, 'INVALID_ARGUMENT', /学习主题/],
      [{ photos: ['cloud://local.bucket/hotline/o1/a.jpg'] }, 'INVALID_ARGUMENT', /领学记录目录/],
      [{ photos: [photo('a'), photo('a')] }, 'INVALID_ARGUMENT', /照片重复/],
      [{ photos: Array.from({ length: 7 }, (_, i) => photo(String(i))) }, 'INVALID_ARGUMENT', /照片最多 6 项/],
    ];
    for (const [extra, code, message] of bad) {
      const err = await expectError(call('recordVisit', visit(extra), ADMIN), code);
      expect(err.message).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });
});

describe('register.visits', () => {
  it('pages a leader’s visits newest first; a secretary sees those to the own organisations only', async () => {
    await expectOk(call('recordVisit', visit({ visitedOn: `${thisYear() - 1}-12-02` }), MEMBER));
    await expectOk(call('recordVisit', visit({ orgId: 'b3', visitedOn: `${thisYear() - 1}-12-03` }), MEMBER));
    const mine = await expectOk(call('visits', { leaderId: ids['王芳'] }, MEMBER));
    expect(mine.visits.map((v) => [v.visitedOn, v.orgName])).toEqual([
      [`${thisYear() - 1}-12-03`, '市公安局机关第一党支部'],
      [`${thisYear() - 1}-12-02`, '市教育局机关第二党支部'],
    ]);
    expect(mine.hasMore).toBe(false);
    expect(mine.leader).toMatchObject({ name: '王芳', visits: 0, lastVisitOn: `${thisYear() - 1}-12-03` });
    expect(mine.visits[0].photos).toEqual([{ fileID: photo('a'), url: null }]);
    const b3 = await expectOk(call('visits', { leaderId: ids['王芳'] }, SECRETARY_B3));
    expect(b3.visits.map((v) => v.orgId)).toEqual(['b3']);
    const admin = await expectOk(call('visits', { leaderId: ids['王芳'], page: 1 }, ADMIN));
    expect(admin.visits).toEqual([]);
  });

  it.each([
    [SECRETARY, 'PERMISSION_DENIED'],
    [HANDLER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) a leader he does not see', async (openid, code) => {
    await expectError(call('visits', { leaderId: ids['王芳'] }, openid), code);
  });

  it('says NOT_FOUND for someone who is not a leader', async () => {
    await expectError(call('visits', { leaderId: ids['张伟'] }, ADMIN), 'NOT_FOUND');
  });
});

describe('register.exportLeaders', () => {
  it('exports the leaders and the year’s visits the caller sees', async () => {
    await expectOk(call('recordVisit', visit(), MEMBER));
    await expectOk(call('recordVisit', visit({ orgId: 'b3', kind: '督学', topic: '督导学习' }), MEMBER));
    const { fileID, fileName } = await expectOk(call('exportLeaders', {}, PARTY_SECRETARY));
    expect(fileName).toBe(`领学带学督学台账-${thisYear()}.xlsx`);
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as never);
    const sheet = (name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const leadersSheet = sheet('领导干部');
    expect(leadersSheet[1]).toEqual(['姓名', '职务', '所在组织', '联系点', `${thisYear()}年次数`, '最近一次', '状态']);
    expect(leadersSheet.slice(2).map((r) => [r[0], r[4], r[6]])).toEqual([
      ['刘洋', 0, '本年度未开展'],
      ['王芳', 2, '已开展'],
    ]);
    // The secretary of p1 sees 王芳's visit to b2 (below p1), not the one to b3.
    const visitsSheet = sheet('领学记录');
    expect(visitsSheet.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([['王芳', '市教育局机关第二党支部', '领学']]);
    const all = await expectOk(call('exportLeaders', {}, ADMIN));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await sdk().downloadFile({ fileID: all.fileID })).fileContent as never);
    expect(wb2.getWorksheet('领学记录')?.rowCount).toBe(3);
  });
});
