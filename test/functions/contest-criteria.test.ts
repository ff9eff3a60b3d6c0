// contest.setCriteria and the criteria check of contest.create over the local cloud: weights must add up to 100,
// names and codes once each; the 工委 may replace the criteria while entries are open, and is refused
// (FAILED_PRECONDITION) once the window has closed and judges may score; every other role is refused; a refusal
// changes nothing.
import type { ActionName } from '@/domain/api';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import { ADMIN, MEMBER, PUBLIC, ROSTER, SECRETARY, allDocs, getDoc, sdkDb, seedBasic, seedRoles } from './support';

const JUDGE = 'judge-b3';
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const CRITERIA = [
  { key: 'innovation', name: '创新性', weight: 40 },
  { key: 'effect', name: '实效性', weight: 60 },
];
const NEW_CRITERIA = [
  { key: 'innovation', name: '创新性', weight: 30 },
  { key: 'effect', name: '实效性', weight: 40 },
  { key: 'c3', name: '示范性', weight: 30 },
];

let cloud: TestCloud;
let judgeId = '';
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[6].name, phone: ROSTER[6].phone }, JUDGE));
  judgeId = (await expectOk(cloud.call('user', 'login', {}, JUDGE))).member!.memberId;
});
afterAll(async () => {
  await cloud.close();
});

const call = <A extends ActionName<'contest'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('contest', action, data, openid);

function createInput(extra: Record<string, unknown> = {}) {
  return {
    kind: '创新创优竞赛',
    title: '2020年机关工作创新创优竞赛',
    submitStartAt: iso(-HOUR),
    submitEndAt: iso(HOUR),
    criteria: CRITERIA,
    judgeIds: [judgeId],
    weights: { panel: 100, public: 0 },
    ...extra,
  };
}

const createContest = async () => (await expectOk(call('create', createInput(), ADMIN))).contestId;

describe('contest.create criteria', () => {
  it.each([
    ['weights adding up to less than 100', [{ ...CRITERIA[0], weight: 30 }, CRITERIA[1]], /权重合计应为 100，现为 90/],
    ['weights adding up to more than 100', [{ ...CRITERIA[0], weight: 50 }, CRITERIA[1]], /现为 110/],
    ['a repeated name', [CRITERIA[0], { key: 'x', name: '创新性', weight: 60 }], /“创新性”重复/],
    ['a repeated code', [CRITERIA[0], { ...CRITERIA[1], key: 'innovation' }], /代码重复/],
  ])('refuses %s and writes nothing', async (_what, criteria, message) => {
    const before = await allDocs('contests');
    const e = await expectError(call('create', createInput({ criteria }), ADMIN), 'INVALID_ARGUMENT');
    expect(e.message).toMatch(message);
    expect(await allDocs('contests')).toEqual(before);
  });
});

describe('contest.setCriteria', () => {
  it('replaces the criteria while entries are open (one read, one write)', async () => {
    const contestId = await createContest();
    const { result, reads, writes } = await cloud.countOps(() =>
      call('setCriteria', { contestId, criteria: NEW_CRITERIA }, ADMIN),
    );
    expect(await expectOk(Promise.resolve(result))).toEqual({ criteria: NEW_CRITERIA });
    // caller (the admin check), the competition; the conditional update.
    expect({ reads, writes }).toEqual({ reads: 2, writes: 1 });
    expect((await getDoc('contests', contestId))?.criteria).toEqual(NEW_CRITERIA);
    const judging = await expectOk(call('get', { contestId }, ADMIN));
    expect(judging.criteria).toEqual(NEW_CRITERIA);
  });

  it('refuses once the window has closed and judges may score, and changes nothing', async () => {
    const contestId = await createContest();
    const now = Date.now();
    await sdkDb()
      .collection('contests')
      .doc(contestId)
      .update({ data: { submitStartAt: new Date(now - 3 * HOUR), submitEndAt: new Date(now - HOUR) } });
    const before = await getDoc('contests', contestId);
    const e = await expectError(
      call('setCriteria', { contestId, criteria: NEW_CRITERIA }, ADMIN),
      'FAILED_PRECONDITION',
    );
    expect(e.message).toMatch(/评审已开始，评分项不能再修改/);
    expect(await getDoc('contests', contestId)).toEqual(before);
  });

  it('refuses after 截止征集 (close) too', async () => {
    const contestId = await createContest();
    await expectOk(call('close', { contestId }, ADMIN));
    await expectError(call('setCriteria', { contestId, criteria: NEW_CRITERIA }, ADMIN), 'FAILED_PRECONDITION');
  });

  it('rejects weights not adding up to 100 and an unknown competition, changing nothing', async () => {
    const contestId = await createContest();
    const before = await allDocs('contests');
    const e = await expectError(
      call('setCriteria', { contestId, criteria: [{ key: 'a', name: '创新性', weight: 99 }] }, ADMIN),
      'INVALID_ARGUMENT',
    );
    expect(e.message).toMatch(/权重合计应为 100，现为 99/);
    await expectError(call('setCriteria', { contestId, criteria: [] }, ADMIN), 'INVALID_ARGUMENT');
    await expectError(call('setCriteria', { contestId: 'ct_none', criteria: NEW_CRITERIA }, ADMIN), 'NOT_FOUND');
    expect(await allDocs('contests')).toEqual(before);
  });

  it.each([
    [JUDGE, 'PERMISSION_DENIED'],
    [SECRETARY, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) and changes nothing', async (openid, code) => {
    const contestId = await createContest();
    const before = await allDocs('contests');
    await expectError(call('setCriteria', { contestId, criteria: NEW_CRITERIA }, openid), code);
    expect(await allDocs('contests')).toEqual(before);
  });
});
