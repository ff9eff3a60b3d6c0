// The `rating` and `ranking` functions over the local cloud: campaigns, rating and replacing, the window and the rate
// limit, content checks, entered scores, results with ties and 样本不足, flags, export, the timer, every role and
// error code, database operations per call, and 500 people rating at once.
import { Workbook } from 'exceljs';
import type { AnyAction, TestCloud } from '../helpers/cloud';
import { createTestCloud, expectError, expectOk } from '../helpers/cloud';
import {
  ADMIN,
  allDocs,
  getDoc,
  MEMBER,
  ROSTER,
  sdk,
  sdkDb,
  seedBasic,
  seedRoles,
  SECRETARY,
  HANDLER,
  PUBLIC,
} from './support';
import type { ActionName } from '@/domain/api';

let cloud: TestCloud;
const call = <A extends ActionName<'rating'>>(action: A, data: unknown, openid?: string) =>
  cloud.call('rating', action, data, openid);

const HOUR = 3600 * 1000;
/** An ISO time `offsetMs` from now, written with +08:00 as the pages send it. */
function iso(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs + 8 * HOUR);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

const INDICATORS = [
  { key: 'attitude', name: '服务态度', weight: 3 },
  { key: 'efficiency', name: '办事效率', weight: 2 },
];

async function seedDepartments(): Promise<void> {
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd2', name: '市公安局' }, ADMIN));
  await expectOk(cloud.call('org', 'saveDepartment', { departmentId: 'd3', name: '市住建局' }, ADMIN));
}

/** Enters 明察暗访 or 第三方 scores as the admin: `{ d1: 60, d2: null }` (null removes an entered score). */
async function enterScores(campaignId: string, source: 'inspection' | 'survey', scores: Record<string, number | null>) {
  return expectOk(
    call(
      'enterScores',
      { campaignId, source, scores: Object.entries(scores).map(([departmentId, score]) => ({ departmentId, score })) },
      ADMIN,
    ),
  );
}

async function createCampaign(extra: Record<string, unknown> = {}): Promise<string> {
  const { campaignId } = await expectOk(
    call(
      'createCampaign',
      {
        title: '2020年政风行风评议',
        departmentIds: ['d1', 'd2', 'd3'],
        indicators: INDICATORS,
        startAt: iso(-HOUR),
        endAt: iso(HOUR),
        minVotes: 2,
        sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
        ...extra,
      },
      ADMIN,
    ),
  );
  return campaignId;
}

const rate = (campaignId: string, departmentId: string, a: number, e: number, openid: string, comment?: string) =>
  call(
    'rate',
    { campaignId, departmentId, scores: { attitude: a, efficiency: e }, ...(comment ? { comment } : {}) },
    openid,
  );

beforeEach(async () => {
  cloud = await createTestCloud({ adminOpenids: [ADMIN] });
  await seedBasic(cloud);
  await seedDepartments();
});
afterEach(() => cloud.close());

describe('rating.createCampaign, list and get', () => {
  it('creates a campaign with the departments named from the directory, listed and read by anyone', async () => {
    const campaignId = await createCampaign();
    expect(campaignId).toMatch(/^rc_/);
    const { campaigns } = await expectOk(call('list', {}));
    expect(campaigns).toEqual([
      {
        campaignId,
        title: '2020年政风行风评议',
        startAt: expect.stringMatching(/\+08:00$/),
        endAt: expect.stringMatching(/\+08:00$/),
        status: 'open',
        published: false,
        departmentCount: 3,
      },
    ]);
    const detail = await expectOk(call('get', { campaignId }));
    expect(detail.departments).toEqual([
      { departmentId: 'd1', name: '市教育局' },
      { departmentId: 'd2', name: '市公安局' },
      { departmentId: 'd3', name: '市住建局' },
    ]);
    expect(detail).toMatchObject({ indicators: INDICATORS, minVotes: 2, mine: {} });
    expect(detail.external).toBeUndefined();
  });

  it('defaults minVotes to 30 and the source weights to 50/30/20', async () => {
    const campaignId = await createCampaign({ minVotes: undefined, sourceWeights: undefined });
    const detail = await expectOk(call('get', { campaignId }));
    expect(detail).toMatchObject({ minVotes: 30, sourceWeights: { wechat: 50, inspection: 30, survey: 20 } });
  });

  it('shows upcoming and closed campaigns with their status', async () => {
    await createCampaign({ startAt: iso(2 * HOUR), endAt: iso(3 * HOUR) });
    await createCampaign({ startAt: iso(-3 * HOUR), endAt: iso(-2 * HOUR) });
    const { campaigns } = await expectOk(call('list', {}));
    expect(campaigns.map((c: { status: string }) => c.status)).toEqual(['upcoming', 'closed']);
  });

  it.each([
    ['an end before the start', { startAt: iso(HOUR), endAt: iso(-HOUR) }, 'INVALID_ARGUMENT'],
    ['a repeated department', { departmentIds: ['d1', 'd1'] }, 'INVALID_ARGUMENT'],
    ['a repeated indicator', { indicators: [INDICATORS[0], INDICATORS[0]] }, 'INVALID_ARGUMENT'],
    ['no weight for 微信测评', { sourceWeights: { wechat: 0, inspection: 50, survey: 50 } }, 'INVALID_ARGUMENT'],
    ['an unknown department', { departmentIds: ['d1', 'nope'] }, 'NOT_FOUND'],
    ['a time without offset', { startAt: '2020-07-01T09:00:00' }, 'INVALID_ARGUMENT'],
    ['an indicator key with a dot', { indicators: [{ key: 'a.b', name: '甲', weight: 1 }] }, 'INVALID_ARGUMENT'],
    ['an unknown field', { color: 'red' }, 'INVALID_ARGUMENT'],
  ])('refuses %s and writes nothing', async (_title, extra, code) => {
    await expectError(
      call(
        'createCampaign',
        { title: 't', departmentIds: ['d1'], indicators: INDICATORS, startAt: iso(-HOUR), endAt: iso(HOUR), ...extra },
        ADMIN,
      ),
      code,
    );
    expect(await allDocs('rating_campaigns')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown campaign', async () => {
    await expectError(call('get', { campaignId: 'rc_none' }), 'NOT_FOUND');
  });
});

describe('rating.rate', () => {
  let campaignId: string;
  beforeEach(async () => {
    campaignId = await createCampaign();
  });

  it('stores one rating under <campaign>:<dept>:<openid> in five database operations', async () => {
    const { result, reads, writes } = await cloud.countOps(() => rate(campaignId, 'd1', 5, 4, 'p1'));
    expect(await expectOk(result)).toEqual({ replaced: false });
    expect(reads + writes).toBeLessThanOrEqual(5);
    // The campaign, then in one transaction the person's limit document and the rating read and both written.
    expect({ reads, writes }).toEqual({ reads: 3, writes: 2 });
    expect(await getDoc('ratings', `${campaignId}:d1:p1`)).toMatchObject({
      campaignId,
      departmentId: 'd1',
      openid: 'p1',
      scores: { attitude: 5, efficiency: 4 },
      pattern: '54',
      revisions: 1,
    });
  });

  it('replaces an earlier rating of the same department (replaced: true), still one document, five operations', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1'));
    const { result, reads, writes } = await cloud.countOps(() => rate(campaignId, 'd1', 2, 3, 'p1'));
    expect(await expectOk(result)).toEqual({ replaced: true });
    expect(reads + writes).toBe(5);
    const docs = await allDocs('ratings');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ scores: { attitude: 2, efficiency: 3 }, revisions: 2 });
    expect((await expectOk(call('get', { campaignId }, 'p1'))).mine).toEqual({
      d1: { scores: { attitude: 2, efficiency: 3 }, comment: null },
    });
  });

  it('keeps ratings of different departments apart', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1'));
    expect(await expectOk(rate(campaignId, 'd2', 1, 1, 'p1'))).toEqual({ replaced: false });
    expect((await allDocs('ratings')).map((d) => d._id).sort()).toEqual([`${campaignId}:d1:p1`, `${campaignId}:d2:p1`]);
  });

  it('needs an openid', async () => {
    await expectError(rate(campaignId, 'd1', 5, 5, undefined as unknown as string), 'UNAUTHENTICATED');
  });

  it('is open only in the campaign window', async () => {
    const upcoming = await createCampaign({ startAt: iso(HOUR), endAt: iso(2 * HOUR) });
    const closed = await createCampaign({ startAt: iso(-2 * HOUR), endAt: iso(-HOUR) });
    expect((await expectError(rate(upcoming, 'd1', 5, 5, 'p1'), 'FAILED_PRECONDITION')).message).toBe('测评尚未开始');
    expect((await expectError(rate(closed, 'd1', 5, 5, 'p1'), 'FAILED_PRECONDITION')).message).toBe('测评已结束');
    expect(await allDocs('ratings')).toEqual([]);
  });

  it.each([
    ['a department not in the campaign', { departmentId: 'd9' }, 'NOT_FOUND'],
    ['an unknown campaign', { campaignId: 'rc_none' }, 'NOT_FOUND'],
    ['a missing indicator', { scores: { attitude: 5 } }, 'INVALID_ARGUMENT'],
    ['an extra indicator', { scores: { attitude: 5, efficiency: 5, honesty: 5 } }, 'INVALID_ARGUMENT'],
    ['a level of 6', { scores: { attitude: 6, efficiency: 5 } }, 'INVALID_ARGUMENT'],
    ['a level of 2.5', { scores: { attitude: 2.5, efficiency: 5 } }, 'INVALID_ARGUMENT'],
    ['a comment over 300 characters', { comment: '很'.repeat(301) }, 'INVALID_ARGUMENT'],
    ['an unknown field', { weight: 100 }, 'INVALID_ARGUMENT'],
  ])('refuses %s and writes nothing', async (_title, extra, code) => {
    await expectError(
      call('rate', { campaignId, departmentId: 'd1', scores: { attitude: 5, efficiency: 5 }, ...extra }, 'p1'),
      code,
    );
    expect(await allDocs('ratings')).toEqual([]);
  });

  it('passes comments through msgSecCheck: clean kept, risky refused, review kept but marked', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1', '窗口人员很耐心'));
    expect(await getDoc('ratings', `${campaignId}:d1:p1`)).toMatchObject({
      comment: '窗口人员很耐心',
      commentStatus: 'pass',
    });
    await expectError(rate(campaignId, 'd2', 5, 5, 'p1', '这里有人出售枪支'), 'INVALID_ARGUMENT');
    expect(await getDoc('ratings', `${campaignId}:d2:p1`)).toBeNull();
    await expectOk(rate(campaignId, 'd3', 1, 1, 'p1', '办事的都是废物'));
    expect(await getDoc('ratings', `${campaignId}:d3:p1`)).toMatchObject({ commentStatus: 'review' });
  });

  it('limits one person to 10 ratings a minute', async () => {
    for (let i = 0; i < 10; i++) await expectOk(rate(campaignId, ['d1', 'd2', 'd3'][i % 3], 1 + (i % 5), 3, 'p1'));
    const e = await expectError(rate(campaignId, 'd1', 5, 5, 'p1'), 'RESOURCE_EXHAUSTED');
    expect(e.message).toBe('提交太频繁，请一分钟后再试');
    // Another person is not affected.
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p2'));
  });

  it('holds the limit of 10 a minute when one person rates many departments at once', async () => {
    // Fifteen ratings of three departments at the same moment: each would see an empty minute on its own.
    const departments = ['d1', 'd2', 'd3'];
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => rate(campaignId, departments[i % 3], 1 + (i % 5), 3, 'p1')),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(5);
    for (const a of refused)
      expect(a).toMatchObject({
        ok: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: '提交太频繁，请一分钟后再试' },
      });
    // Nothing of the refused ones was written: the ratings' revisions add up to the ten that passed.
    const ratings = await allDocs('ratings');
    expect(ratings.reduce((sum, d) => sum + Number(d.revisions), 0)).toBe(10);
    expect((await getDoc('rating_limits', `${campaignId}:p1`))?.times).toHaveLength(10);
    // Another person is not affected.
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p2'));
  });

  it('limits changes of one department rating to 20', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1'));
    await sdkDb()
      .collection('ratings')
      .doc(`${campaignId}:d1:p1`)
      .update({ data: { revisions: 20 } });
    const e = await expectError(rate(campaignId, 'd1', 4, 4, 'p1'), 'RESOURCE_EXHAUSTED');
    expect(e.message).toBe('对该部门的评价修改次数已达上限');
    await expectOk(rate(campaignId, 'd2', 4, 4, 'p1'));
  });

  it('holds the limit of 20 changes when one person sends many changes at once', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1'));
    await sdkDb()
      .collection('ratings')
      .doc(`${campaignId}:d1:p1`)
      .update({ data: { revisions: 17 } });
    // Eight changes at the same moment: each read saw 17, but only three may land.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rate(campaignId, 'd1', 1 + (i % 5), 2, 'p1')),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(5);
    for (const a of refused) expect(a).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } });
    expect(await getDoc('ratings', `${campaignId}:d1:p1`)).toMatchObject({ revisions: 20 });
  });

  it('counts 500 people rating at once, 100 of them twice, as exactly one rating per person per department', async () => {
    const people = Array.from({ length: 500 }, (_, i) => `crowd-${i}`);
    const calls = people.flatMap((p, i) => {
      const first = rate(campaignId, 'd1', 1 + (i % 5), 1 + ((i * 3) % 5), p);
      // Every fifth person also rates d2 and rates d1 a second time, at the same moment.
      return i % 5 === 0 ? [first, rate(campaignId, 'd2', 4, 4, p), rate(campaignId, 'd1', 5, 5, p)] : [first];
    });
    const answers = await Promise.all(calls);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const { votes } = await expectOk(cloud.call('ranking', 'run', { campaignId }, ADMIN));
    expect(votes).toBe(600);
    const docs = await allDocs('ratings');
    expect(docs).toHaveLength(600);
    expect(docs.filter((d) => d.departmentId === 'd1')).toHaveLength(500);
    expect(docs.filter((d) => d.departmentId === 'd2')).toHaveLength(100);
    const r = await expectOk(call('results', { campaignId }, ADMIN));
    expect(r.rows.find((x: { departmentId: string }) => x.departmentId === 'd1')!.votes).toBe(500);
    expect(r.rows.find((x: { departmentId: string }) => x.departmentId === 'd2')!.votes).toBe(100);
    expect(r.totalVotes).toBe(600);
    // 500 ratings of d1 inside one 10-minute window are flagged as a burst; d2's identical answers as well.
    expect(r.flags!.bursts.map((b: { departmentId: string }) => b.departmentId).sort()).toEqual(['d1', 'd2']);
    expect(r.flags!.nearIdentical).toEqual([{ departmentId: 'd2', votes: 100, share: 1, pattern: '44' }]);
  }, 60_000);
});

describe('a servedOnly campaign', () => {
  /** A 民声热线 ticket of `openid` answered by d1 (submitted, assigned by the admin, replied by d1's handler). */
  async function servedByD1(openid: string): Promise<void> {
    const { ticketId } = await expectOk(
      cloud.call(
        'hotline',
        'submit',
        { category: '求助', title: '路灯坏了', content: '小区门口路灯坏了一周。', departmentId: 'd1', isPublic: false },
        openid,
      ),
    );
    await expectOk(cloud.call('hotline', 'assign', { ticketId, departmentId: 'd1' }, ADMIN));
    await expectOk(cloud.call('hotline', 'reply', { ticketId, content: '已修复' }, HANDLER));
  }

  it('lets a person rate only the departments that answered their 民声热线 ticket', async () => {
    await seedRoles(cloud);
    const campaignId = await createCampaign({ servedOnly: true });
    const detail = await expectOk(call('get', { campaignId }, 'p1'));
    expect(detail).toMatchObject({ servedOnly: true, servedDepartmentIds: [] });

    const refused = await expectError(rate(campaignId, 'd1', 5, 5, 'p1'), 'PERMISSION_DENIED');
    expect(refused.message).toContain('民声热线');
    expect(await allDocs('ratings')).toEqual([]);

    // A ticket assigned to d1 but not yet answered does not count; the answer does.
    const { ticketId } = await expectOk(
      cloud.call(
        'hotline',
        'submit',
        { category: '咨询', title: '办事指南', content: '请问怎么办理？', departmentId: 'd1', isPublic: false },
        'p1',
      ),
    );
    await expectOk(cloud.call('hotline', 'assign', { ticketId, departmentId: 'd1' }, ADMIN));
    await expectError(rate(campaignId, 'd1', 5, 5, 'p1'), 'PERMISSION_DENIED');
    await expectOk(cloud.call('hotline', 'reply', { ticketId, content: '请带身份证到窗口办理' }, HANDLER));

    const { result, reads, writes } = await cloud.countOps(() => rate(campaignId, 'd1', 5, 4, 'p1'));
    expect(await expectOk(result)).toEqual({ replaced: false });
    expect({ reads, writes }).toEqual({ reads: 4, writes: 2 });
    await expectError(rate(campaignId, 'd2', 5, 5, 'p1'), 'PERMISSION_DENIED');
    expect((await expectOk(call('get', { campaignId }, 'p1'))).servedDepartmentIds).toEqual(['d1']);

    // Someone else's ticket does not open the department to p2.
    await servedByD1('p3');
    await expectError(rate(campaignId, 'd1', 5, 5, 'p2'), 'PERMISSION_DENIED');
    await expectOk(rate(campaignId, 'd1', 3, 3, 'p3'));
  });

  it('leaves an ordinary campaign open to anyone with an openid', async () => {
    const campaignId = await createCampaign();
    expect(await expectOk(call('get', { campaignId }, 'p1'))).toMatchObject({ servedOnly: false });
    expect((await expectOk(call('get', { campaignId }, 'p1'))).servedDepartmentIds).toBeUndefined();
    await expectOk(rate(campaignId, 'd2', 4, 4, 'p1'));
  });
});

describe('rating.comments', () => {
  let campaignId: string;
  beforeEach(async () => {
    campaignId = await createCampaign();
  });

  it('lists written comments newest first for admins, by department, never who wrote them, in three reads (caller, campaign, page)', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1', '窗口人员很耐心'));
    await expectOk(rate(campaignId, 'd1', 3, 3, 'p2'));
    await expectOk(rate(campaignId, 'd2', 1, 1, 'p3', '办事的都是废物'));
    await expectOk(rate(campaignId, 'd1', 4, 2, 'p4', '排队时间太长'));

    const { result, reads } = await cloud.countOps(() => call('comments', { campaignId }, ADMIN));
    const all = await expectOk(result);
    expect(reads).toBe(3);
    expect(all.hasMore).toBe(false);
    expect(all.comments.map((c: { comment: string }) => c.comment)).toEqual([
      '排队时间太长',
      '办事的都是废物',
      '窗口人员很耐心',
    ]);
    expect(all.comments[1]).toEqual({
      departmentId: 'd2',
      departmentName: '市公安局',
      comment: '办事的都是废物',
      status: 'review',
      scores: { attitude: 1, efficiency: 1 },
      updatedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(JSON.stringify(all)).not.toMatch(/p[1-4]/);

    const d1 = await expectOk(call('comments', { campaignId, departmentId: 'd1' }, ADMIN));
    expect(d1.comments.map((c: { comment: string }) => c.comment)).toEqual(['排队时间太长', '窗口人员很耐心']);
  });

  it('drops a comment that a later rating leaves out', async () => {
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1', '很好'));
    await expectOk(rate(campaignId, 'd1', 4, 4, 'p1'));
    expect((await expectOk(call('comments', { campaignId }, ADMIN))).comments).toEqual([]);
  });

  it('pages 50 at a time', async () => {
    const people = Array.from({ length: 55 }, (_, i) => `c${i}`);
    for (const p of people) await expectOk(rate(campaignId, 'd3', 5, 5, p, `意见${p}`));
    const first = await expectOk(call('comments', { campaignId }, ADMIN));
    const second = await expectOk(call('comments', { campaignId, page: 1 }, ADMIN));
    expect([first.comments.length, first.hasMore, second.comments.length, second.hasMore]).toEqual([
      50,
      true,
      5,
      false,
    ]);
    const seen = new Set([...first.comments, ...second.comments].map((c: { comment: string }) => c.comment));
    expect(seen.size).toBe(55);
  });

  it('answers NOT_FOUND for an unknown campaign or a department not in it', async () => {
    await expectError(call('comments', { campaignId: 'rc_none' }, ADMIN), 'NOT_FOUND');
    await expectError(call('comments', { campaignId, departmentId: 'd9' }, ADMIN), 'NOT_FOUND');
  });
});

describe('rating.results, enterScores, publish and ranking', () => {
  let campaignId: string;
  beforeEach(async () => {
    campaignId = await createCampaign();
    // d1: levels (5,5) and (5,4) -> attitude 100, efficiency 87.5 -> 微信测评 (3·100 + 2·87.5)/5 = 95
    await expectOk(rate(campaignId, 'd1', 5, 5, 'p1'));
    await expectOk(rate(campaignId, 'd1', 5, 4, 'p2'));
    // d2: (4,4) and (4,4) -> 75
    await expectOk(rate(campaignId, 'd2', 4, 4, 'p1'));
    await expectOk(rate(campaignId, 'd2', 4, 4, 'p2'));
    // d3: one rating only (样本不足 with minVotes 2)
    await expectOk(rate(campaignId, 'd3', 5, 5, 'p1'));
  });

  it('shows the public nothing before publishing', async () => {
    expect((await expectError(call('results', { campaignId }), 'FAILED_PRECONDITION')).message).toBe(
      '测评结果尚未公布',
    );
    await expectError(call('results', { campaignId }, PUBLIC), 'FAILED_PRECONDITION');
    await expectError(call('results', { campaignId: 'rc_none' }, ADMIN), 'NOT_FOUND');
  });

  it('combines the sources, ranks with 样本不足 last, and reads O(1) documents', async () => {
    await enterScores(campaignId, 'inspection', { d1: 60, d2: 100 });
    await enterScores(campaignId, 'survey', { d1: 80, d2: 90 });
    await expectOk(call('publish', { campaignId, published: true }, ADMIN));
    const { result, reads, writes } = await cloud.countOps(() => call('results', { campaignId }));
    const r = await expectOk(result);
    expect({ reads, writes }).toEqual({ reads: 2, writes: 0 });
    // d1: 0.5·95 + 0.3·60 + 0.2·80 = 81.5; d2: 0.5·75 + 0.3·100 + 0.2·90 = 85.5
    expect(r.rows.map((x) => [x.rank, x.departmentId, x.votes, x.score, x.sufficient])).toEqual([
      [1, 'd2', 2, 85.5, true],
      [2, 'd1', 2, 81.5, true],
      [null, 'd3', 1, 100, false],
    ]);
    const d1 = r.rows[1];
    expect(d1.sources).toEqual({ wechat: 95, inspection: 60, survey: 80 });
    expect(d1.indicators[0]).toEqual({ key: 'attitude', name: '服务态度', n: 2, mean: 100, low: 100, high: 100 });
    // efficiency levels 5, 4 -> 100, 75: mean 87.5, s = 17.68, t(1) = 12.706 -> clamped to 0..100
    expect(d1.indicators[1]).toEqual({ key: 'efficiency', name: '办事效率', n: 2, mean: 87.5, low: 0, high: 100 });
    expect(r.formula).toEqual([
      '微信测评得分 = (服务态度×3 + 办事效率×2) ÷ 5',
      '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%',
    ]);
    expect(r.flags).toBeUndefined();
    expect(r.published).toBe(true);
  });

  it('gives tied departments the same rank', async () => {
    await enterScores(campaignId, 'inspection', { d1: 55, d2: 75 });
    await enterScores(campaignId, 'survey', { d1: 75, d2: 75 });
    // d1: 0.5·95 + 0.3·55 + 0.2·75 = 79; d2: 0.5·75 + 0.3·75 + 0.2·75 = 75 -> not tied; make d1 equal:
    await enterScores(campaignId, 'inspection', { d1: 41.67 });
    await expectOk(cloud.call('ranking', 'run', { campaignId }, ADMIN));
    const r = await expectOk(call('results', { campaignId }, ADMIN));
    // d1: 47.5 + 12.5 + 15 = 75.0 (41.67·0.3 = 12.501 -> 75.0 at two decimals)
    expect(r.rows.map((x) => [x.rank, x.departmentId, x.score])).toEqual([
      [1, 'd1', 75],
      [1, 'd2', 75],
      [null, 'd3', 100],
    ]);
  });

  it('lists missing sources and spreads their weight', async () => {
    await expectOk(cloud.call('ranking', 'run', { campaignId }, ADMIN));
    const r = await expectOk(call('results', { campaignId }, ADMIN));
    const d1 = r.rows.find((x: { departmentId: string }) => x.departmentId === 'd1');
    expect(d1).toMatchObject({ score: 95, missing: ['inspection', 'survey'] });
  });

  it('records who entered scores, shows them to admins, and removes one with null', async () => {
    await expectOk(cloud.call('user', 'bind', { name: ROSTER[2].name, phone: ROSTER[2].phone }, ADMIN));
    const { result, reads, writes } = await cloud.countOps(() =>
      call(
        'enterScores',
        {
          campaignId,
          source: 'inspection',
          scores: [
            { departmentId: 'd1', score: 88 },
            { departmentId: 'd3', score: 70 },
          ],
        },
        ADMIN,
      ),
    );
    expect(await expectOk(result)).toEqual({ updated: 2 });
    expect({ reads, writes }).toEqual({ reads: 3, writes: 1 });
    const detail = await expectOk(call('get', { campaignId }, ADMIN));
    expect(detail.external!.d1.inspection).toEqual({
      score: 88,
      enteredBy: ADMIN,
      enteredByName: ROSTER[2].name,
      enteredAt: expect.stringMatching(/\+08:00$/),
    });
    // Saving the whole form again with one score changed stamps only that one.
    // An admin not on the roster is shown as 管理员 (or the name given with the role), never by openid.
    await expectOk(cloud.call('org', 'grantRole', { openid: 'o-admin-2', role: 'admin' }, ADMIN));
    await expectOk(
      call('enterScores', { campaignId, source: 'survey', scores: [{ departmentId: 'd2', score: 80 }] }, 'o-admin-2'),
    );
    expect((await expectOk(call('get', { campaignId }, ADMIN))).external!.d2.survey!.enteredByName).toBe('管理员');
    const stamped = detail.external!.d3.inspection!.enteredAt;
    await new Promise((r) => setTimeout(r, 1100));
    expect(await enterScores(campaignId, 'inspection', { d1: 90, d2: null, d3: 70 })).toEqual({ updated: 1 });
    const resaved = await expectOk(call('get', { campaignId }, ADMIN));
    expect(resaved.external!.d3.inspection!.enteredAt).toBe(stamped);
    expect(resaved.external!.d1.inspection!.score).toBe(90);
    expect(resaved.external!.d1.inspection!.enteredAt).not.toBe(stamped);
    const { result: same, writes: noWrites } = await cloud.countOps(() =>
      call('enterScores', { campaignId, source: 'inspection', scores: [{ departmentId: 'd3', score: 70 }] }, ADMIN),
    );
    expect(await expectOk(same)).toEqual({ updated: 0 });
    expect(noWrites).toBe(0);
    await enterScores(campaignId, 'inspection', { d1: null });
    const after = await expectOk(call('get', { campaignId }, ADMIN));
    expect(after.external!.d1).toEqual({});
    expect(after.external!.d3.inspection!.score).toBe(70);
  });

  it.each([
    ['a department not in the campaign', { scores: [{ departmentId: 'd9', score: 1 }] }, 'NOT_FOUND'],
    [
      'a repeated department',
      {
        scores: [
          { departmentId: 'd1', score: 1 },
          { departmentId: 'd1', score: 2 },
        ],
      },
      'INVALID_ARGUMENT',
    ],
    ['a score over 100', { scores: [{ departmentId: 'd1', score: 101 }] }, 'INVALID_ARGUMENT'],
    ['an unknown source', { source: 'rumour' }, 'INVALID_ARGUMENT'],
    ['an unknown campaign', { campaignId: 'rc_none' }, 'NOT_FOUND'],
  ])('enterScores refuses %s', async (_t, extra, code) => {
    await expectError(
      call(
        'enterScores',
        { campaignId, source: 'survey', scores: [{ departmentId: 'd1', score: 50 }], ...extra },
        ADMIN,
      ),
      code,
    );
  });

  it('counts the ratings on publish, and unpublishing hides them again', async () => {
    expect((await expectOk(call('results', { campaignId }, ADMIN))).totalVotes).toBe(0);
    const p = await expectOk(call('publish', { campaignId, published: true }, ADMIN));
    expect(p).toEqual({ published: true, computedAt: expect.stringMatching(/\+08:00$/) });
    expect((await expectOk(call('results', { campaignId }, PUBLIC))).totalVotes).toBe(5);
    await expectOk(call('publish', { campaignId, published: false }, ADMIN));
    await expectError(call('results', { campaignId }, PUBLIC), 'FAILED_PRECONDITION');
  });

  it('results reads stay constant as ratings grow', async () => {
    await expectOk(cloud.call('ranking', 'run', { campaignId }, ADMIN));
    const small = await cloud.countOps(() => call('results', { campaignId }, PUBLIC + '-x'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => rate(campaignId, 'd3', 1 + (i % 5), 2, `many-${i}`)));
    await expectOk(cloud.call('ranking', 'run', { campaignId }, ADMIN));
    const big = await cloud.countOps(() => call('results', { campaignId }, ADMIN));
    expect(big.reads).toBe(3);
    expect(small.reads).toBeLessThanOrEqual(3);
  });

  it('the timer counts open campaigns and ones closed less than a day ago', async () => {
    const old = await createCampaign({ startAt: iso(-72 * HOUR), endAt: iso(-48 * HOUR) });
    const r = (await cloud.fireTimer('ranking', 'every-10-minutes', new Date())) as {
      ok: boolean;
      data: { campaigns: number };
    };
    expect(r).toEqual({ ok: true, data: { campaigns: 1 } });
    expect(await getDoc('rating_results', campaignId)).toMatchObject({ totalVotes: 5 });
    expect(await getDoc('rating_results', old)).toBeNull();
  });

  it('a client cannot pose as the timer', async () => {
    const r = await cloud.invoke('ranking', { Type: 'Timer' }, PUBLIC);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('exports the results to an Excel workbook in storage', async () => {
    await enterScores(campaignId, 'inspection', { d1: 60 });
    await expectOk(rate(campaignId, 'd2', 4, 4, 'p1', '材料一次讲清楚了'));
    await expectOk(call('publish', { campaignId, published: true }, ADMIN));
    const { fileID, url, fileName } = await expectOk(call('export', { campaignId }, ADMIN));
    expect(fileName).toMatch(/-测评结果\.xlsx$/);
    expect(fileID).toContain(`exports/rating/${campaignId}-`);
    expect(fileID.endsWith(`/${fileName}`)).toBe(true);
    expect(decodeURIComponent(url.split('/').pop()!)).toBe(fileName);
    const { fileContent } = await sdk().downloadFile({ fileID });
    const wb = new Workbook();
    await wb.xlsx.load(fileContent as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结果', '指标', '异常标记', '群众意见']);
    const rows: unknown[][] = [];
    wb.getWorksheet('结果')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([1, '市教育局', 2, 95, 60, '', 81.88, '缺第三方']);
    expect(rows).toContainEqual(['', '市住建局', 1, 100, '', '', 100, '样本不足；缺明察暗访；缺第三方']);
    const notes: unknown[][] = [];
    wb.getWorksheet('群众意见')?.eachRow((row) => notes.push((row.values as unknown[]).slice(1)));
    expect(notes).toEqual([
      ['部门', '时间', '服务态度', '办事效率', '意见', '内容安全'],
      ['市公安局', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 4, 4, '材料一次讲清楚了', ''],
    ]);
  });
});

describe('roles', () => {
  let campaignId: string;
  beforeEach(async () => {
    await seedRoles(cloud);
    campaignId = await createCampaign();
  });
  const ROLES: Array<[string, string | undefined]> = [
    ['admin', ADMIN],
    ['secretary', SECRETARY],
    ['handler', HANDLER],
    ['member', MEMBER],
    ['public', PUBLIC],
    ['anonymous', undefined],
  ];
  const ADMIN_ONLY = [
    'ok',
    'PERMISSION_DENIED',
    'PERMISSION_DENIED',
    'PERMISSION_DENIED',
    'PERMISSION_DENIED',
    'UNAUTHENTICATED',
  ];
  const actions: Array<[...AnyAction, (id: string) => Record<string, unknown>, string[]]> = [
    [
      'rating',
      'createCampaign',
      () => ({ title: 't', departmentIds: ['d1'], indicators: INDICATORS, startAt: iso(-HOUR), endAt: iso(HOUR) }),
      ADMIN_ONLY,
    ],
    [
      'rating',
      'enterScores',
      (id) => ({ campaignId: id, source: 'survey', scores: [{ departmentId: 'd1', score: 50 }] }),
      ADMIN_ONLY,
    ],
    ['rating', 'publish', (id) => ({ campaignId: id, published: true }), ADMIN_ONLY],
    ['rating', 'export', (id) => ({ campaignId: id }), ADMIN_ONLY],
    ['rating', 'comments', (id) => ({ campaignId: id }), ADMIN_ONLY],
    ['ranking', 'run', (id) => ({ campaignId: id }), ADMIN_ONLY],
    [
      'rating',
      'rate',
      (id) => ({ campaignId: id, departmentId: 'd1', scores: { attitude: 5, efficiency: 5 } }),
      ['ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    ['rating', 'list', () => ({}), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    ['rating', 'get', (id) => ({ campaignId: id }), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    [
      'rating',
      'results',
      (id) => ({ campaignId: id }),
      [
        'ok',
        'FAILED_PRECONDITION',
        'FAILED_PRECONDITION',
        'FAILED_PRECONDITION',
        'FAILED_PRECONDITION',
        'FAILED_PRECONDITION',
      ],
    ],
  ];
  const cases = actions.flatMap(([fn, action, data, expected]) =>
    ROLES.map(([role, openid], i) => [`${fn}.${action}`, role, fn, action, data, openid, expected[i]] as const),
  );
  it.each(cases)('%s as %s', async (_name, _role, fn, action, data, openid, expected) => {
    const r = await cloud.callRaw(fn, action, data(campaignId), openid);
    if (expected === 'ok') expect(r).toMatchObject({ ok: true });
    else expect(r).toMatchObject({ ok: false, error: { code: expected } });
  });

  it('rejects an unknown action', async () => {
    await expectError(cloud.callRaw('rating', 'vote', {}, ADMIN), 'INVALID_ARGUMENT');
    await expectError(cloud.callRaw('ranking', 'nope', {}, ADMIN), 'INVALID_ARGUMENT');
  });
});
