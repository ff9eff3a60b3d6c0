// The `contest` function over the local cloud: 创新创优竞赛 / 效能典型案例评比 from set-up to published results, every
// action against every role (工委, judge, judge of the entrant's unit, the entering org's secretary, another
// secretary, member, public, anonymous), with the error codes, "changes nothing", and the results' database cost.
import type { ActionName } from '@/domain/api';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import type { Doc } from '../../server/db';
import { ADMIN, MEMBER, PUBLIC, ROSTER, SECRETARY, allDocs, getDoc, sdkDb, seedBasic, seedRoles } from './support';

/** 赵磊 (b3, unit p2) judges; 刘洋 (b2, unit p1) judges too, so he sits out b1's entry; b3's secretary. */
const JUDGE = 'judge-b3';
const JUDGE_SAME_UNIT = 'judge-b2';
const SECRETARY_B3 = 'sec-b3';
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const FILE = 'cloud://local.bucket/notice/20200701/plan.pdf';
const COLLECTIONS = ['contests', 'contest_entries', 'contest_scores', 'contest_votes'];

let cloud: TestCloud;
const memberIds: Record<string, string> = {};
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedRoles(cloud);
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[6].name, phone: ROSTER[6].phone }, JUDGE));
  await expectOk(cloud.call('user', 'bind', { name: ROSTER[3].name, phone: ROSTER[3].phone }, JUDGE_SAME_UNIT));
  await expectOk(cloud.call('org', 'grantRole', { openid: SECRETARY_B3, role: 'secretary', scopeId: 'b3' }, ADMIN));
  for (const openid of [JUDGE, JUDGE_SAME_UNIT, MEMBER])
    memberIds[openid] = (await expectOk(cloud.call('user', 'login', {}, openid))).member!.memberId;
});
afterAll(async () => {
  await cloud.close();
});

const call = <A extends ActionName<'contest'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('contest', action, data, openid);

const CRITERIA = [
  { key: 'innovation', name: '创新性', weight: 40 },
  { key: 'effect', name: '实效性', weight: 60 },
];

function createInput(extra: Record<string, unknown> = {}) {
  return {
    kind: '创新创优竞赛',
    title: '2020年机关工作创新创优竞赛',
    submitStartAt: iso(-HOUR),
    submitEndAt: iso(HOUR),
    criteria: CRITERIA,
    judgeIds: [memberIds[JUDGE], memberIds[JUDGE_SAME_UNIT]],
    publicVote: { startAt: iso(HOUR), endAt: iso(3 * HOUR) },
    weights: { panel: 70, public: 30 },
    ...extra,
  };
}

async function createContest(extra: Record<string, unknown> = {}): Promise<string> {
  return (await expectOk(call('create', createInput(extra), ADMIN))).contestId;
}

/** Moves a competition's windows: entries closed an hour ago, the public vote open now (or closed). */
async function closeSubmissions(contestId: string, vote: 'open' | 'closed' | 'none' = 'open'): Promise<void> {
  const now = Date.now();
  await sdkDb()
    .collection('contests')
    .doc(contestId)
    .update({
      data: {
        submitStartAt: new Date(now - 3 * HOUR),
        submitEndAt: new Date(now - HOUR),
        voteStartAt: vote === 'none' ? null : new Date(now - HOUR),
        voteEndAt: vote === 'none' ? null : new Date(vote === 'open' ? now + HOUR : now - 1000),
      },
    });
}

async function entry(contestId: string, orgId: 'b1' | 'b3', title: string): Promise<string> {
  const by = orgId === 'b1' ? SECRETARY : SECRETARY_B3;
  return (await expectOk(call('submit', { contestId, orgId, title, summary: `${title}的做法与成效。` }, by))).entryId;
}

async function state(): Promise<Record<string, Doc[]>> {
  return Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await allDocs(c)] as const)));
}

describe('contest.create', () => {
  it('stores the competition with its judges named from the roster', async () => {
    const contestId = await createContest({ description: '围绕“放管服”改革和优化营商环境' });
    const doc = await getDoc('contests', contestId);
    expect(doc).toMatchObject({
      kind: '创新创优竞赛',
      criteria: CRITERIA,
      judgeIds: [memberIds[JUDGE], memberIds[JUDGE_SAME_UNIT]],
      judges: [
        { memberId: memberIds[JUDGE], name: '赵磊', orgId: 'b3', orgName: '市公安局机关第一党支部' },
        { memberId: memberIds[JUDGE_SAME_UNIT], name: '刘洋', orgId: 'b2', orgName: '市教育局机关第二党支部' },
      ],
      weights: { panel: 70, public: 30 },
      entryCount: 0,
      publishedAt: null,
    });
  });

  it.each([
    ['an end before the start', { submitEndAt: iso(-2 * HOUR) }, 'INVALID_ARGUMENT', /晚于/],
    [
      'a vote before entries close',
      { publicVote: { startAt: iso(0), endAt: iso(HOUR) } },
      'INVALID_ARGUMENT',
      /征集截止后/,
    ],
    ['repeated criteria', { criteria: [CRITERIA[0], CRITERIA[0]] }, 'INVALID_ARGUMENT', /重复/],
    ['no panel weight', { weights: { panel: 0, public: 100 } }, 'INVALID_ARGUMENT', /评委评分权重/],
    ['a public weight without a vote', { publicVote: undefined }, 'INVALID_ARGUMENT', /群众投票权重/],
    ['an unknown judge', { judgeIds: ['m_nobody'] }, 'NOT_FOUND', /评委/],
    ['an unknown kind', { kind: '知识竞赛' }, 'INVALID_ARGUMENT', /评比类型/],
    ['an extra field', { prize: 1 }, 'INVALID_ARGUMENT', /prize/],
  ])('refuses %s and writes nothing', async (_name, extra, code, message) => {
    const before = await allDocs('contests');
    const e = await expectError(call('create', createInput(extra), ADMIN), code);
    expect(e.message).toMatch(message);
    expect(await allDocs('contests')).toEqual(before);
  });

  it.each([
    [JUDGE, 'PERMISSION_DENIED'],
    [SECRETARY, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s)', async (openid, code) => {
    const before = await allDocs('contests');
    await expectError(call('create', createInput(), openid), code);
    expect(await allDocs('contests')).toEqual(before);
  });
});

describe('contest.submit', () => {
  it('takes one entry per org, editable while the window is open, counted once', async () => {
    const contestId = await createContest();
    const first = await expectOk(
      call(
        'submit',
        {
          contestId,
          orgId: 'b1',
          title: '“不见面审批”改革',
          summary: '推行网上办、掌上办。',
          attachments: [{ fileID: FILE, name: '材料.pdf' }],
        },
        SECRETARY,
      ),
    );
    expect(first).toEqual({ entryId: `${contestId}:b1`, created: true });
    const again = await expectOk(
      call('submit', { contestId, orgId: 'b1', title: '“不见面审批”改革（修改）', summary: '更新。' }, SECRETARY),
    );
    expect(again).toEqual({ entryId: `${contestId}:b1`, created: false });
    expect(await getDoc('contest_entries', `${contestId}:b1`)).toMatchObject({
      title: '“不见面审批”改革（修改）',
      orgName: '市教育局机关第一党支部',
      attachments: [],
    });
    expect((await getDoc('contests', contestId))?.entryCount).toBe(1);
  });

  it('shows entries to their own unit only while the window is open', async () => {
    const contestId = await createContest();
    await entry(contestId, 'b1', '项目甲');
    await entry(contestId, 'b3', '项目乙');
    expect((await expectOk(call('get', { contestId }, SECRETARY))).entries.map((e) => e.title)).toEqual(['项目甲']);
    expect((await expectOk(call('get', { contestId }, MEMBER))).entries).toEqual([]);
    expect((await expectOk(call('get', { contestId }))).entries).toEqual([]);
    expect((await expectOk(call('get', { contestId }, ADMIN))).entries).toHaveLength(2);
    await closeSubmissions(contestId);
    expect((await expectOk(call('get', { contestId }, PUBLIC))).entries).toHaveLength(2);
  });

  it.each([
    ['another secretary', SECRETARY_B3, 'PERMISSION_DENIED'],
    ['a judge', JUDGE, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['the 工委 (entries come from units)', ADMIN, 'PERMISSION_DENIED'],
  ])('refuses %s for b1 and writes nothing', async (_who, openid, code) => {
    const contestId = await createContest();
    const before = await state();
    await expectError(call('submit', { contestId, orgId: 'b1', title: 't', summary: 's' }, openid), code);
    expect(await state()).toEqual(before);
  });

  it('refuses after the window closes, a file from elsewhere, an unknown competition', async () => {
    const contestId = await createContest();
    await entry(contestId, 'b1', '项目甲');
    await closeSubmissions(contestId);
    const before = await state();
    expect(
      (
        await expectError(
          call('submit', { contestId, orgId: 'b1', title: '改', summary: '改' }, SECRETARY),
          'FAILED_PRECONDITION',
        )
      ).message,
    ).toMatch(/已截止/);
    const open = await createContest();
    await expectError(
      call(
        'submit',
        {
          contestId: open,
          orgId: 'b1',
          title: 't',
          summary: 's',
          attachments: [{ fileID: 'cloud://x.b/hotline/a.jpg', name: 'a' }],
        },
        SECRETARY,
      ),
      'INVALID_ARGUMENT',
    );
    await expectError(
      call('submit', { contestId: 'ct_none', orgId: 'b1', title: 't', summary: 's' }, SECRETARY),
      'NOT_FOUND',
    );
    expect(await allDocs('contest_entries')).toEqual(before.contest_entries);
  });
});

describe('contest.judging and score', () => {
  let contestId: string;
  let b1: string;
  let b3: string;
  // Each test gets its own competition with b1's and b3's entries, still taking entries (tests close it themselves).
  beforeEach(async () => {
    contestId = await createContest();
    b1 = await entry(contestId, 'b1', '“不见面审批”改革');
    b3 = await entry(contestId, 'b3', '“一窗通办”');
  });

  it('has nothing to score while entries are being submitted, and refuses a score', async () => {
    expect((await expectOk(call('judging', { contestId }, JUDGE))).entries).toEqual([]);
    await expectError(
      call('score', { contestId, entryId: b1, scores: { innovation: 90, effect: 80 } }, JUDGE),
      'FAILED_PRECONDITION',
    );
  });

  it('lists the entries with the own unit excluded, scores once, and writes sheet and total together', async () => {
    await closeSubmissions(contestId);
    const view = await expectOk(call('judging', { contestId }, JUDGE));
    expect(view.entries.map((e) => [e.title, e.excluded, e.scores])).toEqual([
      ['“不见面审批”改革', false, null],
      ['“一窗通办”', true, null],
    ]);
    expect(
      await expectOk(call('score', { contestId, entryId: b1, scores: { innovation: 90, effect: 80 } }, JUDGE)),
    ).toEqual({
      total: 84,
    });
    expect(await getDoc('contest_entries', b1)).toMatchObject({ judged: [{ memberId: memberIds[JUDGE], total: 84 }] });
    const before = await state();
    expect(
      (
        await expectError(
          call('score', { contestId, entryId: b1, scores: { innovation: 10, effect: 10 } }, JUDGE),
          'ALREADY_EXISTS',
        )
      ).message,
    ).toMatch(/只评一次/);
    expect(await state()).toEqual(before);
    const after = await expectOk(call('judging', { contestId }, JUDGE));
    expect(after.entries[0]).toMatchObject({ scores: { innovation: 90, effect: 80 }, total: 84 });
  });

  it('refuses the judge of the entrant’s own unit with a code and changes nothing', async () => {
    await closeSubmissions(contestId);
    const before = await state();
    const e = await expectError(
      call('score', { contestId, entryId: b1, scores: { innovation: 90, effect: 90 } }, JUDGE_SAME_UNIT),
      'PERMISSION_DENIED',
    );
    expect(e.message).toMatch(/回避/);
    expect(await state()).toEqual(before);
    await expectOk(call('score', { contestId, entryId: b3, scores: { innovation: 70, effect: 75 } }, JUDGE_SAME_UNIT));
  });

  it.each([
    ['a missing criterion', { innovation: 90 }, /实效性/],
    ['an unknown criterion', { innovation: 90, effect: 80, speed: 1 }, /speed/],
    ['a score over 100', { innovation: 101, effect: 80 }, /0 到 100/],
    ['a fraction', { innovation: 90.5, effect: 80 }, /整数/],
  ])('refuses %s and writes nothing', async (_name, scores, message) => {
    const fresh = await createContest();
    const id = await entry(fresh, 'b3', '项目');
    await closeSubmissions(fresh);
    const before = await state();
    expect(
      (await expectError(call('score', { contestId: fresh, entryId: id, scores }, JUDGE_SAME_UNIT), 'INVALID_ARGUMENT'))
        .message,
    ).toMatch(message);
    expect(await state()).toEqual(before);
  });

  it.each([
    ['the entering secretary', SECRETARY, 'PERMISSION_DENIED'],
    ['another secretary', SECRETARY_B3, 'PERMISSION_DENIED'],
    ['the 工委 (not a judge)', ADMIN, 'PERMISSION_DENIED'],
    ['a member', MEMBER, 'PERMISSION_DENIED'],
    ['the public', PUBLIC, 'PERMISSION_DENIED'],
    ['anonymous', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s to judge or score', async (_who, openid, code) => {
    const before = await state();
    await expectError(call('judging', { contestId }, openid), code);
    await expectError(call('score', { contestId, entryId: b3, scores: { innovation: 1, effect: 1 } }, openid), code);
    expect(await state()).toEqual(before);
  });

  it('refuses an entry of another competition', async () => {
    await closeSubmissions(contestId);
    const other = await createContest();
    const id = await entry(other, 'b3', '别的项目');
    await expectError(
      call('score', { contestId, entryId: id, scores: { innovation: 1, effect: 1 } }, JUDGE_SAME_UNIT),
      'NOT_FOUND',
    );
  });
});

describe('contest.vote', () => {
  let contestId: string;
  let b1: string;
  let b3: string;
  // Each test gets its own competition with two entries, still taking entries (no vote yet).
  beforeEach(async () => {
    contestId = await createContest();
    b1 = await entry(contestId, 'b1', '项目甲');
    b3 = await entry(contestId, 'b3', '项目乙');
  });

  it('is closed while entries are being submitted', async () => {
    await expectError(call('vote', { contestId, entryId: b1 }, PUBLIC), 'FAILED_PRECONDITION');
  });

  it('takes one vote per person per day, whatever the entry, and two concurrent taps count once', async () => {
    await closeSubmissions(contestId);
    const { day } = await expectOk(call('vote', { contestId, entryId: b1 }, PUBLIC));
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await expectError(call('vote', { contestId, entryId: b3 }, PUBLIC), 'RESOURCE_EXHAUSTED')).message).toMatch(
      /每人每天一票/,
    );
    const both = await Promise.all([
      call('vote', { contestId, entryId: b1 }, MEMBER),
      call('vote', { contestId, entryId: b3 }, MEMBER),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.error.code === 'RESOURCE_EXHAUSTED')).toHaveLength(1);
    const votes = (await allDocs('contest_votes')).filter((v) => v.contestId === contestId);
    expect(votes.map((v) => v._id).sort()).toEqual(
      [`${contestId}:${day}:${MEMBER}`, `${contestId}:${day}:${PUBLIC}`].sort(),
    );
    expect((await expectOk(call('get', { contestId }, PUBLIC))).votedToday).toBe(b1);
  });

  it('refuses the anonymous, an unknown entry, a closed vote and a competition without one', async () => {
    await closeSubmissions(contestId);
    const before = await state();
    await expectError(call('vote', { contestId, entryId: b1 }), 'UNAUTHENTICATED');
    await expectError(call('vote', { contestId, entryId: `${contestId}:b2` }, SECRETARY_B3), 'NOT_FOUND');
    const closed = await createContest();
    const id = await entry(closed, 'b1', '项目');
    await closeSubmissions(closed, 'closed');
    await expectError(call('vote', { contestId: closed, entryId: id }, SECRETARY_B3), 'FAILED_PRECONDITION');
    const none = await createContest({ publicVote: undefined, weights: { panel: 100, public: 0 } });
    const id2 = await entry(none, 'b1', '项目');
    await closeSubmissions(none, 'none');
    expect(
      (await expectError(call('vote', { contestId: none, entryId: id2 }, SECRETARY_B3), 'FAILED_PRECONDITION')).message,
    ).toMatch(/没有群众投票/);
    expect((await state()).contest_votes).toEqual(before.contest_votes);
  });
});

describe('contest.results, publish, progress, export', () => {
  /** A competition in its public vote: b1's entry scored 84 by 赵磊, b3's not yet scored; 3 votes for b3, 1 for b1. */
  async function judgedAndVoted() {
    const id = await createContest();
    const e1 = await entry(id, 'b1', '“不见面审批”改革');
    const e3 = await entry(id, 'b3', '“一窗通办”');
    await closeSubmissions(id);
    await expectOk(call('score', { contestId: id, entryId: e1, scores: { innovation: 90, effect: 80 } }, JUDGE));
    for (const openid of [PUBLIC, MEMBER, SECRETARY])
      await expectOk(call('vote', { contestId: id, entryId: e3 }, openid));
    await expectOk(call('vote', { contestId: id, entryId: e1 }, JUDGE));
    return { id, e1, e3 };
  }
  // The tests that only read or are refused share one such competition; the publishing test makes its own.
  let contestId: string;
  beforeAll(async () => {
    contestId = (await judgedAndVoted()).id;
  });

  it('shows the 工委 the judges’ progress (excluded entries are not assigned)', async () => {
    expect(await expectOk(call('progress', { contestId }, ADMIN))).toEqual({
      entries: 2,
      judges: [
        { memberId: memberIds[JUDGE], name: '赵磊', orgName: '市公安局机关第一党支部', assigned: 1, scored: 1 },
        {
          memberId: memberIds[JUDGE_SAME_UNIT],
          name: '刘洋',
          orgName: '市教育局机关第二党支部',
          assigned: 1,
          scored: 0,
        },
      ],
    });
  });

  it('gives the 工委 live results in a bounded number of reads; an unscored entry is not ranked', async () => {
    const { result, reads, writes } = await cloud.countOps(() => call('results', { contestId }, ADMIN));
    const r = await expectOk(Promise.resolve(result));
    // caller, competition, entries, the votes per entry, the bursts.
    expect({ reads, writes }).toEqual({ reads: 5, writes: 0 });
    expect(r.rows.map((x) => [x.title, x.rank, x.panel, x.votes, x.public, x.score])).toEqual([
      ['“不见面审批”改革', 1, 84, 1, 33.33, 68.8],
      ['“一窗通办”', null, null, 3, 100, null],
    ]);
    expect(r.flags).toEqual([]);
    expect(r.publishedAt).toBeNull();
  });

  it('keeps results from everyone but the 工委 until published', async () => {
    for (const openid of [JUDGE, SECRETARY, MEMBER, PUBLIC, undefined])
      await expectError(call('results', { contestId }, openid), 'FAILED_PRECONDITION');
  });

  it('refuses to publish while the vote is open, and refuses everyone but the 工委', async () => {
    const before = await state();
    expect((await expectError(call('publish', { contestId }, ADMIN), 'FAILED_PRECONDITION')).message).toMatch(
      /投票尚未结束/,
    );
    for (const openid of [JUDGE, SECRETARY, MEMBER, PUBLIC]) {
      await expectError(call('publish', { contestId }, openid), 'PERMISSION_DENIED');
      await expectError(call('progress', { contestId }, openid), 'PERMISSION_DENIED');
      await expectError(call('export', { contestId }, openid), 'PERMISSION_DENIED');
    }
    await expectError(call('publish', { contestId }), 'UNAUTHENTICATED');
    expect(await state()).toEqual(before);
  });

  it('publishes once; then everyone reads the ranked list from one document', async () => {
    const { id: contestId, e1: b1, e3: b3 } = await judgedAndVoted();
    await expectOk(call('score', { contestId, entryId: b3, scores: { innovation: 70, effect: 75 } }, JUDGE_SAME_UNIT));
    await closeSubmissions(contestId, 'closed');
    const published = await expectOk(call('publish', { contestId }, ADMIN));
    expect(published.publishedAt).toMatch(/\+08:00$/);
    // b1: 0.7·84 + 0.3·33.33 = 68.8; b3: 0.7·73 + 0.3·100 = 81.1
    expect(published.rows.map((x) => [x.rank, x.title, x.score])).toEqual([
      [1, '“一窗通办”', 81.1],
      [2, '“不见面审批”改革', 68.8],
    ]);
    await expectError(call('publish', { contestId }, ADMIN), 'FAILED_PRECONDITION');
    const { result, reads } = await cloud.countOps(() => call('results', { contestId }));
    expect(reads).toBe(1);
    expect(await expectOk(Promise.resolve(result))).toEqual(published);
    await expectError(
      call('score', { contestId, entryId: b1, scores: { innovation: 1, effect: 1 } }, JUDGE_SAME_UNIT),
      'FAILED_PRECONDITION',
    );
    expect((await expectOk(call('list', {}, PUBLIC))).contests.find((c) => c.contestId === contestId)?.stage).toBe(
      'published',
    );
  });

  it('exports the results and every judge’s sheet as Excel', async () => {
    const file = await expectOk(call('export', { contestId }, ADMIN));
    expect(file.fileName).toMatch(/评比结果\.xlsx$/);
    expect(file.url).toMatch(/^http/);
  });
});

describe('contest.close', () => {
  it('ends the submission window now and starts a later public vote now', async () => {
    const contestId = await createContest();
    await entry(contestId, 'b1', '项目甲');
    const before = Date.now();
    const summary = await expectOk(call('close', { contestId }, ADMIN));
    expect(summary).toMatchObject({ stage: 'judging', voteOpen: true });
    const doc = await getDoc('contests', contestId);
    expect((doc?.submitEndAt as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((doc?.voteStartAt as Date).getTime()).toBe((doc?.submitEndAt as Date).getTime());
    await expectError(
      call('submit', { contestId, orgId: 'b1', title: '改', summary: '改' }, SECRETARY),
      'FAILED_PRECONDITION',
    );
    await expectError(call('close', { contestId }, ADMIN), 'FAILED_PRECONDITION');
  });

  it.each([
    [JUDGE, 'PERMISSION_DENIED'],
    [SECRETARY, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s) and changes nothing', async (openid, code) => {
    const contestId = await createContest();
    const before = await state();
    await expectError(call('close', { contestId }, openid), code);
    expect(await state()).toEqual(before);
  });
});

describe('contest.list and get', () => {
  it('lists competitions newest first for anyone, with what the caller may do', async () => {
    const contestId = await createContest({ title: '效能典型案例评比', kind: '效能典型案例评比' });
    const mine = await expectOk(call('list', {}, SECRETARY));
    expect(mine.contests[0]).toMatchObject({ contestId, stage: 'submitting', canSubmitFor: ['b1'], isJudge: false });
    expect((await expectOk(call('list', {}, JUDGE))).contests[0]).toMatchObject({ isJudge: true, canSubmitFor: [] });
    expect((await expectOk(call('list', {}))).contests[0]).toMatchObject({
      contestId,
      isJudge: false,
      canSubmitFor: [],
    });
    await expectError(call('get', { contestId: 'ct_none' }), 'NOT_FOUND');
    await expectError(call('list', { page: -1 }), 'INVALID_ARGUMENT');
  });
});

describe('contest.due (达标创优)', () => {
  // Ends before every other test's open competition, so it is among the first CONTEST_DUE_MAX listed.
  const SOON = 10 * 60_000;
  async function due() {
    const { result, reads, writes } = await cloud.countOps(() => call('due', {}, ADMIN));
    return { r: await expectOk(Promise.resolve(result)), reads, writes };
  }
  const missingOf = (r: { contests: Array<{ contestId: string; missing: Array<{ name: string }> }> }, id: string) =>
    r.contests.find((c) => c.contestId === id)?.missing.map((m) => m.name);

  it('lists the units without an entry of each open competition, and follows each entry, in bounded reads', async () => {
    const contestId = await createContest({ title: '2020年创新创优竞赛（第二批）', submitEndAt: iso(SOON) });
    const first = await due();
    // caller, directory, the open competitions: whatever the orgs and entries.
    expect({ reads: first.reads, writes: first.writes }).toEqual({ reads: 3, writes: 0 });
    expect(first.r.contests.find((c) => c.contestId === contestId)).toMatchObject({
      title: '2020年创新创优竞赛（第二批）',
      kind: '创新创优竞赛',
      units: 2,
      missing: [
        { orgId: 'p1', name: '市教育局机关党委' },
        { orgId: 'p2', name: '市公安局机关党委' },
      ],
    });
    // A branch's entry stands for its unit (市教育局).
    await entry(contestId, 'b1', '项目甲');
    const second = await due();
    expect(second.reads).toBe(3);
    expect(missingOf(second.r, contestId)).toEqual(['市公安局机关党委']);
    // Editing the entry neither counts twice nor changes the list.
    await entry(contestId, 'b1', '项目甲（修改）');
    expect((await getDoc('contests', contestId))?.enteredOrgIds).toEqual(['b1']);
    await entry(contestId, 'b3', '项目乙');
    expect(missingOf((await due()).r, contestId)).toEqual([]);
  });

  it('leaves out competitions not open for entries, and reads the entries of one kept before the list', async () => {
    const closed = await createContest({ submitEndAt: iso(SOON) });
    await closeSubmissions(closed);
    const upcoming = await createContest({ submitStartAt: iso(HOUR / 2), submitEndAt: iso(HOUR) });
    const legacy = await createContest({ submitEndAt: iso(SOON) });
    await entry(legacy, 'b3', '项目乙');
    // As a competition created before enteredOrgIds was kept: a count without the list.
    await sdkDb()
      .collection('contests')
      .doc(legacy)
      .update({ data: { enteredOrgIds: [] } });
    // Closed again after the look, so that the other tests' read counts see no such competition.
    const { r, reads } = await due().finally(() => closeSubmissions(legacy));
    const ids = r.contests.map((c) => c.contestId);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(upcoming);
    expect(missingOf(r, legacy)).toEqual(['市教育局机关党委']);
    expect(reads).toBe(4);
  });

  it.each([
    [JUDGE, 'PERMISSION_DENIED'],
    [SECRETARY, 'PERMISSION_DENIED'],
    [MEMBER, 'PERMISSION_DENIED'],
    [PUBLIC, 'PERMISSION_DENIED'],
    [undefined, 'UNAUTHENTICATED'],
  ])('refuses %s (%s)', async (openid, code) => {
    await expectError(call('due', {}, openid), code);
  });
});
