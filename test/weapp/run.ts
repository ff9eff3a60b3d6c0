// `npx tsx test/weapp/run.ts [dist]`: the weapp check on the production build (`npx taro build --type weapp`) with
// the emulator and its demo data; exits 1 on any failure. scripts/test.ts runs it after the weapp build.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ActivitySummary, CampaignSummary, LiveSessionSummary, ReviewSummary, TicketSummary } from '@/domain/api';
import type { ContestSummary } from '@/domain/api/contest';
import type { SentNotice } from '@/domain/api/notice';
import type { QuizSummary } from '@/domain/api/quiz';
import type { VolunteerActivityRow } from '@/domain/api/volunteer';
import { DEMO_CONTEST_TITLE } from '../../emulator/demo/contest';
import { DEMO_TRAINING_TITLES } from '../../emulator/demo/training';
import { DEMO_HOTLINE_TITLES } from '../../emulator/demo/hotline';
import { DEMO_ARTICLE_IDS, DEMO_NOTICE_TITLES } from '../../emulator/demo/notice';
import { DEMO_ORGLIFE } from '../../emulator/demo/orglife';
import { DEMO_QUIZ_TITLES } from '../../emulator/demo/quiz';
import { DEMO_VOLUNTEER_TITLES } from '../../emulator/demo/volunteer';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import type { E2eEmulator } from '../e2e/emulator';
import { startE2eEmulator } from '../e2e/emulator';
import { formatReport, runWeappCheck } from './check';
import { FLOWS } from './flows';
import type { DemoIds } from './pages';
import { PAGE_VISITS, ROLE_OPENIDS } from './pages';

function found<T>(what: string, value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error(`the demo data has no ${what}`);
  return value;
}

/** Reads the ids the visits carry from the demo data, through the functions as the roles that see them. */
async function demoIds(cloud: E2eEmulator): Promise<DemoIds> {
  const { data } = cloud;
  const { activities } = await data<{ activities: ActivitySummary[] }>(
    'checkin',
    'list',
    { scope: 'manage' },
    ROLE_OPENIDS.secretary,
  );
  const activityId = found(
    'open activity',
    activities.find((a) => a.title === DEMO_CHECKIN_TITLES.open),
  ).activityId;
  const { campaigns } = await data<{ campaigns: CampaignSummary[] }>('rating', 'list', {}, ROLE_OPENIDS.public);
  const { quizzes } = await data<{ quizzes: QuizSummary[] }>('quiz', 'listQuizzes', {}, ROLE_OPENIDS.secretary);
  const quiz = found(
    '七一 competition',
    quizzes.find((q) => q.title === DEMO_QUIZ_TITLES.open),
  );
  const { tickets } = await data<{ tickets: TicketSummary[] }>('hotline', 'mine', {}, ROLE_OPENIDS.member);
  const { tickets: queue } = await data<{ tickets: TicketSummary[] }>('hotline', 'queue', {}, ROLE_OPENIDS.handler);
  const { notices } = await data<{ notices: SentNotice[] }>('notice', 'sent', {}, ROLE_OPENIDS.admin);
  return {
    activityId,
    async checkinScene() {
      const { scene } = await data<{ scene: string }>('checkin', 'qrToken', { activityId }, ROLE_OPENIDS.secretary);
      return encodeURIComponent(scene);
    },
    campaignId: found('rating campaign', campaigns[0]).campaignId,
    quizId: quiz.quizId,
    attemptId: found("secretary's attempt", quiz.mine?.lastAttemptId),
    memberTicketId: found(
      'rated ticket',
      tickets.find((t) => t.title === DEMO_HOTLINE_TITLES.rated),
    ).ticketId,
    handlerTicketId: found(
      'urgent ticket',
      queue.find((t) => t.title === DEMO_HOTLINE_TITLES.urgent),
    ).ticketId,
    liveSessionId: await lobbySession(cloud),
    minutesActivityId: found(
      'recorded 支委会',
      activities.find((a) => a.title === DEMO_ORGLIFE.committee),
    ).activityId,
    reviewId: found(
      'open 民主评议',
      (await data<{ reviews: ReviewSummary[] }>('orglife', 'reviews', {}, ROLE_OPENIDS.member)).reviews[0],
    ).reviewId,
    noticeId: found(
      '七一 notice',
      notices.find((n) => n.title === DEMO_NOTICE_TITLES.qiyi),
    ).noticeId,
    articleId: DEMO_ARTICLE_IDS.overview,
    contestId: found(
      'demo 创新创优竞赛',
      (await data<{ contests: ContestSummary[] }>('contest', 'list', {}, ROLE_OPENIDS.public)).contests.find(
        (c) => c.title === DEMO_CONTEST_TITLE,
      ),
    ).contestId,
    volunteerActivityId: found(
      'demo 志愿服务',
      (
        await data<{ activities: VolunteerActivityRow[] }>('register', 'volList', {}, ROLE_OPENIDS.admin)
      ).activities.find((a) => a.title === DEMO_VOLUNTEER_TITLES.past),
    ).activityId,
    trainingClassId: found(
      'demo 大培训 class',
      (
        await data<{ classes: Array<{ classId: string; title: string }> }>(
          'register',
          'trainingClasses',
          {},
          ROLE_OPENIDS.admin,
        )
      ).classes.find((c) => c.title === DEMO_TRAINING_TITLES.open),
    ).classId,
  };
}

/** The demo's 现场赛 in the lobby, or (demo data without one) a session created and opened for the check. */
async function lobbySession(cloud: E2eEmulator): Promise<string> {
  const { data } = cloud;
  const { sessions } = await data<{ sessions: LiveSessionSummary[] }>('live', 'list', {}, ROLE_OPENIDS.admin);
  const lobby = sessions.find((s) => s.canHost && s.phase === 'lobby');
  if (lobby) return lobby.sessionId;
  const { sessionId } = await data<{ sessionId: string }>(
    'live',
    'createSession',
    {
      title: '七一现场知识竞赛（检查）',
      teams: true,
      rounds: [{ kind: '必答', questionCount: 1, secondsPerQuestion: 20 }],
      scoring: 'accuracy',
    },
    ROLE_OPENIDS.admin,
  );
  await data('live', 'host', { sessionId, command: 'open' }, ROLE_OPENIDS.admin);
  return sessionId;
}

async function main(): Promise<number> {
  const started = Date.now();
  const dist = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'dist'));
  if (!existsSync(join(dist, 'app.json'))) {
    console.error(`${dist}/app.json is missing: run "npx taro build --type weapp" (npm run build:weapp) first`);
    return 1;
  }
  const cloud = await startE2eEmulator({ h5: false });
  try {
    const report = await runWeappCheck({
      dist,
      visits: PAGE_VISITS,
      flows: FLOWS,
      openids: ROLE_OPENIDS,
      ids: await demoIds(cloud),
      gatewayUrl: cloud.url,
      log: process.env.WEAPP_CHECK_VERBOSE ? (line) => console.log(line) : undefined,
    });
    report.errors.push(...cloud.loggedErrors.map((e) => `cloud function: ${e}`));
    report.ok &&= cloud.loggedErrors.length === 0;
    // The stage's whole time, the emulator's start with the demo data included (the CI budget is 2 minutes).
    report.ms = Date.now() - started;
    console.log(formatReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await cloud.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
