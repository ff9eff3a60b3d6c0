// The demo seed run through the functions: it creates what it claims, its identities work, and it can run twice.
import { DEMO_QUESTIONS } from '../../emulator/demo/questions';
import { DEMO_QUIZ_FAST_PARTICIPANT, DEMO_QUIZ_PARTICIPANTS, DEMO_QUIZ_TITLES } from '../../emulator/demo/quiz';
import { DEMO_CONTEST_ENTRIES, DEMO_CONTEST_TITLE } from '../../emulator/demo/contest';
import { DEMO_HOTLINE_TITLES } from '../../emulator/demo/hotline';
import { DEMO_LIVE_PLAYERS, DEMO_LIVE_TITLE } from '../../emulator/demo/live';
import { DEMO_ARTICLE_IDS, DEMO_NOTICE_TITLES, DEMO_OVERVIEW_TITLE } from '../../emulator/demo/notice';
import { DEMO_ORGLIFE, demoOrglifeAnchor } from '../../emulator/demo/orglife';
import { DEMO_ADMIN_OPENID, DEMO_DEPARTMENTS, DEMO_ORGS, DEMO_ROSTER, seedDemoData } from '../../emulator/demo/seed';
import type { MeetingList, MeetingView, ReviewSummary } from '../../src/domain/api/orglife';
import type { LeaderboardResult, MemberRankRow, OrgRankRow, QuizSummary } from '../../src/domain/api/quiz';
import type { TermRow } from '../../src/domain/api/register';
import { termAddMonths } from '../../src/domain/register';
import { shanghaiDay } from '../../server/time';
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { allDocs } from './support';

// The demo 知识竞赛 waits a second per question before its members submit (emulator/demo/quiz.ts).
jest.setTimeout(60_000);

let cloud: TestCloud;
const invoke = (fn: string, action: string, data: unknown, openid?: string) => cloud.callRaw(fn, action, data, openid);

// Every test reads the one seeded database, so the seed runs here rather than in whichever test comes first: the
// tests hold in any order (jest --randomize), including the second run of the seed and the refused one.
let identities: Awaited<ReturnType<typeof seedDemoData>>;
beforeAll(async () => {
  cloud = await createTestCloud({ adminOpenids: [DEMO_ADMIN_OPENID] });
  identities = await seedDemoData(invoke);
});
afterAll(() => cloud.close());

describe('seedDemoData', () => {
  it('creates the organisation, departments, roster and identities it returns', async () => {
    expect(identities.map((i) => [i.openid, i.role])).toEqual([
      ['demo-admin', 'admin'],
      ['demo-secretary', 'secretary'],
      ['demo-handler', 'handler'],
      ['demo-member', 'member'],
      ['demo-member-2', 'member'],
      ['demo-member-3', 'member'],
      ['demo-public', 'public'],
    ]);
    expect(identities.map((i) => i.label)).toEqual([
      '机关工委管理员',
      '支部书记 王建国（市发展改革委机关第一党支部）',
      '部门经办人（市教育局）',
      '党员 张伟',
      '党员 李秀英',
      '党员 赵丽华',
      '群众',
    ]);

    const list = await expectOk(cloud.call('org', 'list', {}));
    expect(list.orgs[0]).toEqual({ orgId: 'gw', name: '市直机关工委', parentId: null });
    expect(list.orgs).toHaveLength(DEMO_ORGS.length);
    expect(list.orgs.filter((o: { parentId: string | null }) => o.parentId === 'gw').length).toBeGreaterThanOrEqual(5);
    expect(list.departments.map((d: { name: string }) => d.name)).toEqual(DEMO_DEPARTMENTS.map((d) => d.name));
    expect(list.departments.length).toBeGreaterThanOrEqual(8);

    const members = await allDocs('members');
    expect(members).toHaveLength(30);
    expect(new Set(members.map((m) => m.phone)).size).toBe(30);
    expect(members.every((m) => /^1380000\d{4}$/.test(String(m.phone)))).toBe(true);
  });

  it('names the demo activities and the campaign by their own dates (no 九月主题党日 held in October)', async () => {
    const month = (iso: string) => Number(iso.slice(5, 7));
    const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const { activities } = await expectOk(cloud.call('checkin', 'list', { scope: 'manage' }, 'demo-secretary'));
    // Every past activity whose title names a month or a quarter names its own; the others name no date at all.
    const past = (activities as Array<{ title: string; startAt: string }>).filter((a) => !a.title.startsWith('本月'));
    const dated = past.filter((a) => /^(.+)月|^第(.)季度/.test(a.title));
    expect(dated.map((a) => a.title.replace(/^.+?(主题党日|支部党员大会).*$/, '$1')).sort()).toEqual([
      '主题党日',
      '支部党员大会',
    ]);
    for (const a of dated) {
      const named = /^(.+)月/.exec(a.title)?.[1];
      const quarter = /^第(.)季度/.exec(a.title)?.[1];
      expect({ title: a.title, named: named ?? quarter }).toEqual({
        title: a.title,
        named: named ? CN[month(a.startAt) - 1] : CN[Math.ceil(month(a.startAt) / 3) - 1],
      });
    }
    for (const a of past.filter((x) => !dated.includes(x)))
      expect(a.title).not.toMatch(/[一二三四五六七八九十]+月|季度/);
    const { campaigns } = await expectOk(cloud.call('rating', 'list', {}));
    const campaign = (campaigns as Array<{ title: string; startAt: string }>).find((c) => c.title.includes('政风行风'));
    expect(campaign?.title.slice(0, 4)).toBe(campaign?.startAt.slice(0, 4));
  });

  it('gives each identity the role its label claims', async () => {
    const login = (openid: string) => expectOk(cloud.call('user', 'login', {}, openid));
    expect(await login('demo-admin')).toMatchObject({ roles: [{ role: 'admin' }] });
    expect(await login('demo-secretary')).toMatchObject({
      roles: [{ role: 'secretary', scopeId: 'fgw-1' }],
      member: { name: '王建国', orgId: 'fgw-1' },
    });
    expect(await login('demo-handler')).toMatchObject({ roles: [{ role: 'handler', scopeId: 'jyj' }], member: null });
    expect(await login('demo-member')).toMatchObject({ roles: [], member: { name: '张伟', orgId: 'fgw-1' } });
    expect(await login('demo-member-2')).toMatchObject({ roles: [], member: { name: '李秀英', orgId: 'fgw-1' } });
    expect(await login('demo-member-3')).toMatchObject({ roles: [], member: { name: '赵丽华', orgId: 'jyj-1' } });
    expect(await login('demo-public')).toEqual({ openid: 'demo-public', roles: [], member: null });
    // The secretary manages the own branch's roster.
    expect((await expectOk(cloud.call('org', 'members', {}, 'demo-secretary'))).total).toBe(
      DEMO_ROSTER.filter((r) => r.orgId === 'fgw-1').length,
    );
  });

  it('seeds the 知识竞赛: the bank, the open 七一 competition with results, and a closed one', async () => {
    const admin = DEMO_ADMIN_OPENID;
    const bank = await expectOk(cloud.call('quiz', 'listQuestions', {}, admin));
    expect(bank.total).toBe(DEMO_QUESTIONS.length);
    expect(bank.total).toBeGreaterThanOrEqual(60);

    // demo-member has not taken it, so the browser test can.
    const { quizzes } = await expectOk<{ quizzes: QuizSummary[] }>(
      cloud.call('quiz', 'listQuizzes', {}, 'demo-member'),
    );
    const open = quizzes.find((q) => q.title === DEMO_QUIZ_TITLES.open);
    expect(open).toMatchObject({
      phase: 'open',
      questionCount: 10,
      timeLimitSec: 600,
      maxAttempts: 2,
      orgIds: null,
      mine: { attemptsUsed: 0, bestScore: null, openAttemptId: null },
    });
    const daysLeft = (new Date(open?.endAt ?? 0).getTime() - Date.now()) / 86400_000;
    expect(daysLeft).toBeGreaterThan(6.9);
    expect(daysLeft).toBeLessThanOrEqual(7);
    expect(quizzes.find((q) => q.title === DEMO_QUIZ_TITLES.past)).toMatchObject({ phase: 'closed' });
    const quizId = open?.quizId;

    // Every participant's result, scored on the server from the answers the seed chose.
    const everyone = [...DEMO_QUIZ_PARTICIPANTS, DEMO_QUIZ_FAST_PARTICIPANT];
    const members = await expectOk<LeaderboardResult>(
      cloud.call('quiz', 'leaderboard', { quizId, by: 'member' }, 'demo-member'),
    );
    expect(members.me).toBeNull();
    expect(members.total).toBe(everyone.length);
    const rows = members.rows as MemberRankRow[];
    expect(rows.map((r) => [r.name, r.score]).sort()).toEqual(
      everyone.map((p) => [DEMO_ROSTER[p.member].name, p.correct * 10]).sort(),
    );
    expect(rows[0]).toMatchObject({ rank: 1, score: 100 });
    // Only the deliberately fast attempt is under a second per question, and only it is flagged.
    expect(rows.filter((r) => r.durationMs < 10_000).map((r) => r.name)).toEqual([
      DEMO_ROSTER[DEMO_QUIZ_FAST_PARTICIPANT.member].name,
    ]);
    const { attempts: flagged } = await expectOk(cloud.call('quiz', 'flagged', { quizId }, admin));
    expect(flagged.map((a: { name: string }) => a.name)).toEqual([DEMO_ROSTER[DEMO_QUIZ_FAST_PARTICIPANT.member].name]);
    expect((await expectOk(cloud.call('quiz', 'leaderboard', { quizId, by: 'member' }, 'demo-member-2'))).me).toEqual({
      rank: expect.any(Number),
      score: 80,
    });

    const orgs = await expectOk<LeaderboardResult>(cloud.call('quiz', 'leaderboard', { quizId, by: 'org' }, admin));
    const orgRows = orgs.rows as OrgRankRow[];
    expect(orgRows.reduce((n, r) => n + r.participants, 0)).toBe(everyone.length);
    expect(orgRows.filter((r) => r.participants > 0).length).toBeGreaterThanOrEqual(6);
  });

  it('files the demo 民声热线 tickets through the function, one per stage, masked on the public board', async () => {
    const tickets = await allDocs('hotline_tickets');
    const byTitle = new Map(tickets.map((t) => [t.title, t]));
    expect(
      Object.fromEntries(Object.entries(DEMO_HOTLINE_TITLES).map(([k, title]) => [k, byTitle.get(title)?.status])),
    ).toEqual({
      submitted: 'submitted',
      assigned: 'assigned',
      replied: 'replied',
      rated: 'closed',
      urgent: 'assigned',
    });
    expect(byTitle.get(DEMO_HOTLINE_TITLES.assigned)!.departmentName).toBe('市住建局');
    // The demo handler's queue starts with the nearest deadline.
    const queue = await expectOk(cloud.call('hotline', 'queue', {}, 'demo-handler'));
    expect(queue.tickets.map((t: { title: string }) => t.title)).toEqual([DEMO_HOTLINE_TITLES.urgent]);
    const triage = await expectOk(cloud.call('hotline', 'triage', {}, 'demo-admin'));
    expect(triage.tickets.map((t: { title: string }) => t.title)).toEqual([DEMO_HOTLINE_TITLES.submitted]);
    const board = await expectOk(cloud.call('hotline', 'publicList', {}));
    // The 热线节目 question answered in the demo (emulator/demo/hotline-public.ts) is on the board too.
    expect(board.tickets.map((t: { title: string }) => t.title)).toEqual([
      '随迁子女转学需要什么手续',
      DEMO_HOTLINE_TITLES.rated,
      DEMO_HOTLINE_TITLES.replied,
    ]);
    const text = JSON.stringify(board);
    expect(text).toContain('139****5678');
    expect(text).toContain('我叫李**');
    expect(text).not.toMatch(/1\d{10}|李红梅/);
    const { departments } = await expectOk(cloud.call('hotline', 'stats', {}));
    expect(departments.find((d: { departmentId: string }) => d.departmentId === 'jyj')).toMatchObject({
      // Three demo tickets and the 热线节目 question, routed to 市教育局 at submit.
      received: 4,
      replied: 3,
    });
  });

  it('opens a 现场赛 in the lobby with a few players in, joinable by demo-member from 首页', async () => {
    const { sessions } = await expectOk(cloud.call('live', 'list', {}, 'demo-member'));
    expect(sessions).toEqual([
      expect.objectContaining({
        title: DEMO_LIVE_TITLE,
        phase: 'lobby',
        joined: DEMO_LIVE_PLAYERS.length,
        canJoin: true,
      }),
    ]);
    const { state } = await expectOk(cloud.call('live', 'state', { sessionId: sessions[0].sessionId }, 'demo-member'));
    expect(state).toMatchObject({ phase: 'lobby', joined: DEMO_LIVE_PLAYERS.length, total: 10, teams: true });
  });

  it('publishes the demo notices (one asking for 确认收到, some read) and the plan as 学习 articles', async () => {
    const inbox = await expectOk(cloud.call('notice', 'inbox', {}, 'demo-member'));
    expect(inbox.notices.map((n: { title: string }) => n.title)).toEqual([
      DEMO_NOTICE_TITLES.branch,
      DEMO_NOTICE_TITLES.qiyi,
      DEMO_NOTICE_TITLES.sanhui,
    ]);
    expect(inbox.unread).toBe(3);
    const { notices } = await expectOk(cloud.call('notice', 'sent', {}, 'demo-admin'));
    const byTitle = new Map(notices.map((n: { title: string }) => [n.title, n]));
    expect(byTitle.get(DEMO_NOTICE_TITLES.qiyi)).toMatchObject({ expected: 30, read: 2, confirmed: 2 });
    expect(byTitle.get(DEMO_NOTICE_TITLES.sanhui)).toMatchObject({ expected: 30, read: 3, confirmBy: null });
    expect(byTitle.get(DEMO_NOTICE_TITLES.branch)).toMatchObject({ expected: 4, read: 1 });

    const { articles } = await expectOk(cloud.call('notice', 'articles', {}, 'demo-member'));
    expect(articles.map((a: { articleId: string }) => a.articleId).sort()).toEqual(
      Object.values(DEMO_ARTICLE_IDS).sort(),
    );
    const overview = await expectOk(
      cloud.call('notice', 'article', { articleId: DEMO_ARTICLE_IDS.overview }, 'demo-member'),
    );
    expect(overview).toMatchObject({
      title: DEMO_OVERVIEW_TITLE,
      category: '工作要点',
      requiredSeconds: 30,
      timing: true,
    });
  });

  it('records the branch’s past meetings but one, and opens its 民主评议 with two ballots in', async () => {
    // The demo year: this year, or in the first 30 days of a year the one before (demoOrglifeAnchor).
    const { year } = demoOrglifeAnchor(Date.now());
    const list = await expectOk<MeetingList>(
      cloud.call('orglife', 'meetings', { orgId: DEMO_ORGLIFE.orgId, year }, 'demo-secretary'),
    );
    const started = list.rows.filter((r) => r.started);
    expect(started.find((r) => r.title === DEMO_ORGLIFE.lecture)?.state).toBe('none');
    expect(started.find((r) => r.title === DEMO_ORGLIFE.committee)?.state).toBe('complete');
    // The past meetings of this year (the September 主题党日 may fall in the year before in January).
    expect(list.withoutMinutes).toBe(1);
    const committee = started.find((r) => r.title === DEMO_ORGLIFE.committee);
    const m = await expectOk<MeetingView>(
      cloud.call('orglife', 'meeting', { activityId: committee?.activityId ?? '' }, 'demo-member'),
    );
    expect(m.record?.complete).toBe(true);
    expect(m.attendance.rows.filter((r) => r.status === 'absent').map((r) => r.reason)).toEqual(['外出学习']);

    const { reviews } = await expectOk<{ reviews: ReviewSummary[] }>(
      cloud.call('orglife', 'reviews', {}, 'demo-member'),
    );
    expect(reviews).toEqual([expect.objectContaining({ year, phase: 'open', voted: false })]);
    const tally = await expectOk(cloud.call('orglife', 'tally', { reviewId: reviews[0].reviewId }, 'demo-secretary'));
    expect(tally).toMatchObject({ voters: DEMO_ORGLIFE.voters.length, phase: 'open', quorum: false });
  });

  it('registers the demo terms: one branch due in 2 months, one overdue, one not yet registered, with elections', async () => {
    const { rows, counts } = await expectOk(cloud.call('register', 'terms', {}, 'demo-admin'));
    const byOrg = new Map(rows.map((r: TermRow) => [r.orgId, r]));
    expect(byOrg.get('jyj-2')).toMatchObject({ state: 'overdue', endsOn: termAddMonths(shanghaiDay(), -2) });
    expect(byOrg.get('fgw-1')).toMatchObject({ state: 'due3', endsOn: termAddMonths(shanghaiDay(), 2) });
    expect(byOrg.get('zjj-1')).toMatchObject({ state: 'none' });
    expect(rows[0].orgId).toBe('jyj-2');
    expect(counts).toEqual({ overdue: 1, due: 2, none: 1 });
    const branch = await expectOk(cloud.call('register', 'term', { orgId: 'fgw-1' }, 'demo-secretary'));
    expect(branch.elections).toHaveLength(2);
    expect(branch.term.secretaryName).toBe('王建国');
  });

  it('marks four 领导干部: two without a visit this year, 张伟 (demo-member) with his own', async () => {
    const { rows, counts } = await expectOk(cloud.call('register', 'leaders', {}, 'demo-admin'));
    expect(counts).toEqual({ leaders: 4, without: 2 });
    expect(rows.map((r) => [r.name, r.visits])).toEqual([
      ['黄志强', 0],
      ['梁建华', 0],
      ['张伟', 1],
      ['郭志刚', 2],
    ]);
    const own = await expectOk(cloud.call('register', 'leaders', {}, 'demo-member'));
    expect(own.rows.map((r) => r.name)).toEqual(['张伟']);
    const secretary = await expectOk(cloud.call('register', 'leaders', {}, 'demo-secretary'));
    expect(secretary.rows.map((r) => [r.name, r.visits])).toEqual([['黄志强', 0]]);
  });

  it('opens a 大培训 class under way with three reported in, and a 书记培训班 next week', async () => {
    const { classes } = await expectOk(cloud.call('register', 'trainingClasses', {}, 'demo-admin'));
    expect(classes.map((c) => [c.title, c.phase])).toEqual([
      ['书记培训班（本季度）', 'upcoming'],
      ['千名科级党员干部大培训（本季度第一期）', 'open'],
    ]);
    const { rows } = await expectOk(cloud.call('register', 'trainingCoverage', {}, 'demo-secretary'));
    expect(rows.find((r) => r.orgId === 'fgw-1')).toMatchObject({ trained: 2 });
    const mine = await expectOk(cloud.call('register', 'myTrainings', {}, 'demo-member'));
    expect(mine.classes.map((c) => c.attendance)).toEqual([null, 'present']);
  });

  it('opens a 创新创优 competition: four entries, judges part-way, the public vote open', async () => {
    const { contests } = await expectOk(cloud.call('contest', 'list', {}, 'demo-public'));
    const demo = contests.find((c) => c.title === DEMO_CONTEST_TITLE);
    expect(demo).toMatchObject({ stage: 'judging', voteOpen: true, entryCount: DEMO_CONTEST_ENTRIES.length });
    const contestId = demo!.contestId;
    const progress = await expectOk(cloud.call('contest', 'progress', { contestId }, 'demo-admin'));
    expect(progress.judges.map((j) => [j.name, j.scored, j.assigned])).toEqual([
      ['张伟', 3, 3],
      ['赵丽华', 2, 3],
    ]);
    const results = await expectOk(cloud.call('contest', 'results', { contestId }, 'demo-admin'));
    expect(results.rows.every((r) => r.rank !== null)).toBe(true);
    expect(results.rows.reduce((n, r) => n + r.votes, 0)).toBe(4);
    const judging = await expectOk(cloud.call('contest', 'judging', { contestId }, 'demo-member-3'));
    expect(judging.entries.filter((e) => e.scores === null && !e.excluded).map((e) => e.orgName)).toEqual([
      '市人力资源社会保障局机关党支部',
    ]);
  });

  it('can run again on the same database without changing anything', async () => {
    const before = await allDocs('members');
    const contests = await allDocs('contests');
    const contestVotes = await allDocs('contest_votes');
    const hotline = await allDocs('hotline_tickets');
    const quizzes = await allDocs('quizzes');
    const attempts = await allDocs('quiz_attempts');
    const live = await allDocs('live_sessions');
    const notices = await allDocs('notices');
    const articles = await allDocs('articles');
    const minutes = await allDocs('orglife_minutes');
    const terms = await allDocs('register_terms');
    const elections = await allDocs('register_elections');
    const visits = await allDocs('register_visits');
    await seedDemoData(invoke);
    expect(await allDocs('register_visits')).toEqual(visits);
    expect(await allDocs('contests')).toEqual(contests);
    expect(await allDocs('contest_votes')).toEqual(contestVotes);
    expect(await allDocs('register_terms')).toEqual(terms);
    expect(await allDocs('register_elections')).toEqual(elections);
    expect(await allDocs('notices')).toEqual(notices);
    expect(await allDocs('articles')).toEqual(articles);
    expect(await allDocs('orglife_minutes')).toEqual(minutes);
    expect(await allDocs('live_sessions')).toEqual(live);
    expect(await allDocs('members')).toEqual(before);
    expect(await allDocs('quizzes')).toEqual(quizzes);
    expect(await allDocs('quiz_attempts')).toEqual(attempts);
    expect(await allDocs('hotline_tickets')).toEqual(hotline);
  });

  it('says what went wrong when the admin is not configured', async () => {
    const denied = (fn: string, action: string, data: unknown) => cloud.callRaw(fn, action, data, 'not-an-admin');
    await expect(seedDemoData(denied)).rejects.toThrow(/org\.saveOrg: PERMISSION_DENIED .*ADMIN_OPENIDS/);
  });
});
