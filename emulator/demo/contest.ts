// Demo 创新创优竞赛 through the contest function: the 工委's competition with entries from four branches (their
// secretaries granted here), the submission closed early by the 工委, scores from two judges (each sitting out the
// own unit's entry, one still judging) and the public vote open with a few votes in.
import type { ContestSummary } from '../../src/domain/api/contest';
import type { DemoCall } from './quiz';

export const DEMO_CONTEST_TITLE = '机关工作创新创优竞赛（演示）';

/** The entering branches: the demo secretary's own, and three more whose secretaries exist for the demo only. */
export const DEMO_CONTEST_ENTRIES: ReadonlyArray<{ orgId: string; openid: string; title: string; summary: string }> = [
  {
    orgId: 'fgw-1',
    openid: 'demo-secretary',
    title: '项目审批“容缺受理、并联审批”',
    summary:
      '对投资项目审批实行容缺受理，材料主件齐全即受理，次要材料限期补齐；发改、住建、自然资源等部门并联审批，平均审批时间由 45 个工作日压缩到 20 个工作日。',
  },
  {
    orgId: 'jyj-1',
    openid: 'demo-contest-jyj-1',
    title: '“教育服务一窗通办”',
    summary:
      '把入学登记、学籍转接、资助申请等 12 项高频事项集中到一个窗口、一张表单，群众办事“只进一扇门、最多跑一次”，全年办件 8600 余件，满意率 99%。',
  },
  {
    orgId: 'gaj-1',
    openid: 'demo-contest-gaj-1',
    title: '户籍业务“掌上办”',
    summary:
      '依托微信小程序推出户籍证明、迁移预约等 9 项“掌上办”业务，党员民警组成先锋岗，节假日错时服务，群众少跑腿 3 万余人次。',
  },
  {
    orgId: 'rsj-1',
    openid: 'demo-contest-rsj-1',
    title: '社保待遇“免申即享”',
    summary: '通过数据比对主动识别符合条件的退休人员和失业人员，待遇资格自动认定、按月发放，变“人找政策”为“政策找人”。',
  },
];

const CRITERIA = [
  { key: 'innovation', name: '创新性', weight: 30 },
  { key: 'effect', name: '实效性', weight: 40 },
  { key: 'model', name: '示范性', weight: 30 },
];

/** Judges' scores by roster index: 张伟 (fgw-1) sits out 发改委's entry, 赵丽华 (jyj-1) 教育局's and has one left. */
const SCORES: Record<number, Record<string, [number, number, number]>> = {
  1: { 'jyj-1': [88, 92, 90], 'gaj-1': [90, 86, 84], 'rsj-1': [86, 88, 80] },
  6: { 'fgw-1': [92, 90, 88], 'gaj-1': [85, 88, 86] },
};
const JUDGE_OPENIDS: Record<number, string> = { 1: 'demo-member', 6: 'demo-member-3' };
const VOTES: ReadonlyArray<[openid: string, orgId: string]> = [
  ['demo-public', 'gaj-1'],
  ['demo-member-2', 'gaj-1'],
  ['demo-handler', 'jyj-1'],
  ['demo-admin', 'fgw-1'],
];

const DAY_MS = 86400_000;

export async function seedDemoContest(
  call: DemoCall,
  admin: string,
  roster: ReadonlyArray<{ name: string; phone: string }>,
): Promise<void> {
  const { contests } = await call<{ contests: ContestSummary[] }>('contest', 'list', {}, admin);
  if (contests.some((c) => c.title === DEMO_CONTEST_TITLE)) return;
  for (const e of DEMO_CONTEST_ENTRIES)
    if (e.openid !== 'demo-secretary')
      await call('org', 'grantRole', { openid: e.openid, role: 'secretary', scopeId: e.orgId }, admin);
  const memberIds: Record<number, string> = {};
  for (const i of Object.keys(JUDGE_OPENIDS).map(Number)) {
    const me = await call<{ member: { memberId: string } | null }>('user', 'login', {}, JUDGE_OPENIDS[i]);
    if (!me.member || roster[i] === undefined) throw new Error(`demo judge ${JUDGE_OPENIDS[i]} is not bound`);
    memberIds[i] = me.member.memberId;
  }
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const { contestId } = await call<{ contestId: string }>(
    'contest',
    'create',
    {
      kind: '创新创优竞赛',
      title: DEMO_CONTEST_TITLE,
      description: '围绕深化“放管服”改革、优化营商环境，各单位报送一项本年度机关工作创新成果。',
      submitStartAt: iso(now - DAY_MS),
      submitEndAt: iso(now + 7 * DAY_MS),
      criteria: CRITERIA,
      judgeIds: Object.values(memberIds),
      publicVote: { startAt: iso(now + 7 * DAY_MS), endAt: iso(now + 14 * DAY_MS) },
      weights: { panel: 70, public: 30 },
    },
    admin,
  );
  for (const e of DEMO_CONTEST_ENTRIES)
    await call('contest', 'submit', { contestId, orgId: e.orgId, title: e.title, summary: e.summary }, e.openid);
  // Every unit has sent its entry: the 工委 ends the collection, and judging and the public vote start.
  await call('contest', 'close', { contestId }, admin);
  for (const [i, sheets] of Object.entries(SCORES))
    for (const [orgId, [innovation, effect, model]] of Object.entries(sheets))
      await call(
        'contest',
        'score',
        { contestId, entryId: `${contestId}:${orgId}`, scores: { innovation, effect, model } },
        JUDGE_OPENIDS[Number(i)],
      );
  for (const [openid, orgId] of VOTES)
    await call('contest', 'vote', { contestId, entryId: `${contestId}:${orgId}` }, openid);
}
