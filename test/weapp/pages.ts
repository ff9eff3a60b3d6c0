// Which role opens which page of the weapp check, with the query a real visit carries and the text that proves the
// page shows its data. Every page of app.json needs an entry here: a page without one fails the check.
import { DEMO_CONTEST_TITLE } from '../../emulator/demo/contest';
import { DEMO_TRAINING_TITLES } from '../../emulator/demo/training';
import { DEMO_HOTLINE_TITLES } from '../../emulator/demo/hotline';
import { DEMO_KNOWLEDGE_TITLES, DEMO_PROGRAMME_TOPICS } from '../../emulator/demo/hotline-public';
import { DEMO_NOTICE_TITLES, DEMO_OVERVIEW_TITLE } from '../../emulator/demo/notice';
import { DEMO_QUIZ_TITLES } from '../../emulator/demo/quiz';
import { DEMO_VOLUNTEER_TITLES } from '../../emulator/demo/volunteer';
import { DEMO_ORGLIFE, demoOrglifeAnchor } from '../../emulator/demo/orglife';
import { DEMO_CHECKIN_TITLES, DEMO_DEPARTMENTS, DEMO_ORGS, demoRatingTitle } from '../../emulator/demo/seed';

export type Role = 'member' | 'secretary' | 'handler' | 'admin' | 'public';

/** The demo identities (README, emulator/demo/seed.ts). */
export const ROLE_OPENIDS: Record<Role, string> = {
  member: 'demo-member',
  secretary: 'demo-secretary',
  handler: 'demo-handler',
  admin: 'demo-admin',
  public: 'demo-public',
};

/** Ids from the demo data that visits carry in their query (read from the emulator before the pages open). */
export interface DemoIds {
  /** The open 主题党日. */
  activityId: string;
  /** A fresh check-in code's scene for it, as WeChat passes it (URL-encoded); read at each visit, as codes expire. */
  checkinScene(): Promise<string>;
  campaignId: string;
  /** The open 七一 competition. */
  quizId: string;
  /** The secretary's submitted attempt at it. */
  attemptId: string;
  /** A ticket of the member's (the rated one), and the urgent one in the handler's queue. */
  memberTicketId: string;
  handlerTicketId: string;
  /** A 现场赛 in the lobby that the admin hosts and members may join. */
  liveSessionId: string;
  /** The demo branch's 支委会 with its 纪实. */
  minutesActivityId: string;
  /** The demo branch's open 民主评议. */
  reviewId: string;
  /** The 七一 notice (asks for 确认收到; unread by demo-member), and the plan's overview article. */
  noticeId: string;
  articleId: string;
  /** The demo 创新创优竞赛 (public vote open; demo-member judges it and has scored everything). */
  contestId: string;
  /** The demo branch's past 志愿服务 activity with hours recorded. */
  volunteerActivityId: string;
  /** The demo 大培训 class under way (three reported in). */
  trainingClassId: string;
}

export interface Visit {
  as: Role;
  query?: (ids: DemoIds) => Record<string, string> | Promise<Record<string, string>>;
  /** Every one of these must be in the page's text once it has settled. */
  expect: string[];
  /** CSS selectors of nodes that must be drawn, e.g. an icon's class (text alone does not show an icon). */
  nodes?: string[];
}

const orgName = (orgId: string) => DEMO_ORGS.find((o) => o.orgId === orgId)?.name ?? orgId;
const dept = (departmentId: string) => DEMO_DEPARTMENTS.find((d) => d.departmentId === departmentId)?.name ?? '';
const RATING = demoRatingTitle();

/** Keyed by the page's path in app.json (subpackage root + page). */
export const PAGE_VISITS: Record<string, Visit[]> = {
  'pages/index/index': [
    { as: 'member', expect: ['张伟同志，您好', DEMO_CHECKIN_TITLES.open, DEMO_NOTICE_TITLES.qiyi, '3 条未读'] },
    { as: 'public', expect: ['您好，欢迎使用'] },
    { as: 'admin', expect: ['待办'] },
  ],
  'pages/study/index': [{ as: 'member', expect: [DEMO_OVERVIEW_TITLE, '每日一练', '读满 30 秒得 1 分'] }],
  // NutUI icons must be drawn (a view with the icon's class), not only leave no warning.
  'pages/hotline/index': [{ as: 'public', expect: ['我要反映', dept('fgw')], nodes: ['.nut-icon'] }],
  'pages/mine/index': [
    { as: 'member', expect: ['张伟', orgName('fgw-1')] },
    { as: 'secretary', expect: ['支部书记'] },
    { as: 'handler', expect: ['部门经办人'] },
    { as: 'admin', expect: ['管理员'] },
    { as: 'public', expect: ['绑定'], nodes: ['.nut-icon'] },
  ],
  'pages/rating/index': [{ as: 'public', expect: [RATING] }],
  'pages/rating-results/index': [{ as: 'public', query: (ids) => ({ id: ids.campaignId }), expect: [RATING] }],
  'pages/checkin/index': [
    {
      as: 'member',
      query: async (ids) => ({ scene: await ids.checkinScene() }),
      expect: [DEMO_CHECKIN_TITLES.open, '确认签到'],
    },
  ],
  'pages/activities/index': [{ as: 'member', expect: [DEMO_CHECKIN_TITLES.open] }],
  'pages/hotline-submit/index': [{ as: 'public', expect: ['诉求类别', dept('jyj')] }],
  'pages/hotline-mine/index': [{ as: 'member', expect: [DEMO_HOTLINE_TITLES.rated] }],
  'pages/hotline-ticket/index': [
    { as: 'member', query: (ids) => ({ id: ids.memberTicketId }), expect: [DEMO_HOTLINE_TITLES.rated, '办理过程'] },
    { as: 'handler', query: (ids) => ({ id: ids.handlerTicketId }), expect: [DEMO_HOTLINE_TITLES.urgent, '答复'] },
  ],
  'pages/invite/index': [
    { as: 'public', query: () => ({ code: 'abcde-fghjk' }), expect: ['接受邀请', '输入管理员发给您的邀请码'] },
  ],
  'pages/hotline-board/index': [{ as: 'public', expect: [DEMO_HOTLINE_TITLES.rated] }],
  'pages/hotline-programme/index': [
    { as: 'public', expect: [DEMO_PROGRAMME_TOPICS.aired, DEMO_PROGRAMME_TOPICS.upcoming] },
  ],
  'pages/points/index': [{ as: 'member', expect: ['积分明细', '星'] }],
  'pages/quiz-list/index': [{ as: 'member', expect: [DEMO_QUIZ_TITLES.open] }],
  'pages/quiz-answer/index': [
    { as: 'member', query: (ids) => ({ quizId: ids.quizId }), expect: ['第 1 / 10 题', '交卷'] },
  ],
  'pages/quiz-result/index': [
    { as: 'secretary', query: (ids) => ({ attemptId: ids.attemptId }), expect: [DEMO_QUIZ_TITLES.open, '90'] },
  ],
  'pages/quiz-board/index': [
    { as: 'member', query: (ids) => ({ quizId: ids.quizId }), expect: ['个人排名', '王建国'] },
  ],
  'pages/practice/index': [{ as: 'member', expect: ['每日一练', '第 1 题'] }],
  'pages/wrong-book/index': [{ as: 'member', expect: ['错题本'] }],
  'admin/orgs/index': [{ as: 'admin', expect: [orgName('gw'), orgName('jyj-2')] }],
  'admin/departments/index': [{ as: 'admin', expect: [dept('jtj')] }],
  'admin/members/index': [
    { as: 'admin', expect: ['王建国'] },
    { as: 'secretary', expect: ['王建国'] },
  ],
  'admin/import/index': [{ as: 'secretary', expect: ['导入'] }],
  'admin/roles/index': [{ as: 'admin', expect: ['角色'] }],
  'admin/rating/index': [{ as: 'admin', expect: [RATING] }],
  'admin/rating-campaign/index': [
    { as: 'admin', query: (ids) => ({ id: ids.campaignId }), expect: [RATING, '录入得分'] },
  ],
  'admin/activities/index': [
    { as: 'secretary', expect: [DEMO_CHECKIN_TITLES.open, '显示签到码'] },
    { as: 'admin', expect: ['新建活动'] },
  ],
  'admin/activity-form/index': [{ as: 'secretary', expect: ['参加组织', orgName('fgw-1')] }],
  'admin/activity-code/index': [
    { as: 'secretary', query: (ids) => ({ activityId: ids.activityId }), expect: [DEMO_CHECKIN_TITLES.open] },
  ],
  'admin/attendance/index': [
    { as: 'secretary', query: (ids) => ({ activityId: ids.activityId }), expect: [DEMO_CHECKIN_TITLES.open, '应到'] },
  ],
  'admin/hotline-triage/index': [{ as: 'admin', expect: [DEMO_HOTLINE_TITLES.submitted] }],
  'admin/hotline-queue/index': [{ as: 'handler', expect: [DEMO_HOTLINE_TITLES.urgent] }],
  'admin/hotline-knowledge/index': [{ as: 'admin', expect: [DEMO_KNOWLEDGE_TITLES.enrol, DEMO_KNOWLEDGE_TITLES.fund] }],
  'admin/hotline-programmes/index': [{ as: 'admin', expect: [DEMO_PROGRAMME_TOPICS.aired, '节目安排'] }],
  // One visit per role: the check loads a page's module once (the 超期通报 tab is in the page and browser tests).
  'admin/hotline-stats/index': [{ as: 'admin', expect: ['统计期间', dept('fgw'), '按时办结率', '合计', '导出 Excel'] }],
  'admin/branch-dashboard/index': [{ as: 'secretary', expect: [orgName('fgw-1'), '三会一课'] }],
  'admin/meetings/index': [
    {
      as: 'secretary',
      // The demo's 台账 year (the year before in the first 30 days of a year).
      query: () => ({ year: String(demoOrglifeAnchor(Date.now()).year) }),
      expect: [DEMO_ORGLIFE.committee, DEMO_ORGLIFE.lecture, '未填写纪实'],
    },
  ],
  'admin/minutes/index': [
    { as: 'secretary', query: (ids) => ({ activityId: ids.minutesActivityId }), expect: ['纪实已完成', '保存纪实'] },
    { as: 'member', query: (ids) => ({ activityId: ids.minutesActivityId }), expect: ['会议记录', '外出学习'] },
  ],
  'admin/reviews/index': [{ as: 'secretary', expect: ['年度民主评议党员', '投票中'] }],
  'admin/review/index': [
    { as: 'secretary', query: (ids) => ({ reviewId: ids.reviewId }), expect: ['已投票 2', '提前结束投票'] },
  ],
  'orglife/vote/index': [
    { as: 'member', query: (ids) => ({ reviewId: ids.reviewId }), expect: ['（自评）', '提交选票'] },
  ],
  'admin/stars/index': [{ as: 'secretary', expect: ['王建国', '星'] }],
  'admin/overview/index': [{ as: 'admin', expect: [orgName('fgw-1'), orgName('zjj-1')] }],
  'admin/quiz/index': [{ as: 'admin', expect: [DEMO_QUIZ_TITLES.open, DEMO_QUIZ_TITLES.past] }],
  'admin/quiz-bank/index': [{ as: 'admin', expect: ['题库'] }],
  'admin/quiz-import/index': [{ as: 'admin', expect: ['下载模板'] }],
  'admin/quiz-form/index': [{ as: 'admin', expect: ['题目数量'] }],
  'admin/live/index': [{ as: 'admin', expect: ['新建现场赛', '我主持的现场赛'] }],
  'admin/live-run/index': [
    { as: 'admin', query: (ids) => ({ id: ids.liveSessionId }), expect: ['入场中', '开始第一题', '打开大屏幕'] },
  ],
  // The mini-program cannot draw a join code itself: the screen says where members find the session instead.
  'admin/live-screen/index': [
    { as: 'admin', query: (ids) => ({ id: ids.liveSessionId }), expect: ['人已加入', '微信扫码加入'] },
  ],
  'live/play/index': [{ as: 'member', query: (ids) => ({ id: ids.liveSessionId }), expect: ['已加入，等待开始'] }],
  'notice/inbox/index': [{ as: 'member', expect: [DEMO_NOTICE_TITLES.branch, DEMO_NOTICE_TITLES.sanhui, '未读'] }],
  'notice/detail/index': [
    { as: 'member', query: (ids) => ({ id: ids.noticeId }), expect: [DEMO_NOTICE_TITLES.qiyi, '确认收到'] },
    { as: 'admin', query: (ids) => ({ id: ids.noticeId }), expect: [DEMO_NOTICE_TITLES.qiyi, '查看阅读情况'] },
  ],
  'notice/article/index': [
    { as: 'member', query: (ids) => ({ id: ids.articleId }), expect: [DEMO_OVERVIEW_TITLE, '读满 30 秒得 1 积分'] },
  ],
  'admin/notices/index': [
    { as: 'admin', expect: ['发布通知', DEMO_NOTICE_TITLES.qiyi, '已确认 2'] },
    { as: 'secretary', expect: ['发布通知', DEMO_NOTICE_TITLES.branch] },
  ],
  'admin/notice-form/index': [{ as: 'secretary', expect: ['发送范围', orgName('fgw-1'), '要求确认收到'] }],
  'admin/notice-receipts/index': [
    { as: 'admin', query: (ids) => ({ id: ids.noticeId }), expect: [DEMO_NOTICE_TITLES.qiyi, '提醒未读', '王建国'] },
  ],
  'admin/articles/index': [{ as: 'admin', expect: ['新增文章', DEMO_OVERVIEW_TITLE] }],
  'admin/article-form/index': [
    { as: 'admin', query: (ids) => ({ id: ids.articleId }), expect: ['编辑文章', '添加段落'] },
  ],
  'contest/list/index': [{ as: 'public', expect: [DEMO_CONTEST_TITLE, '投票中'] }],
  'contest/detail/index': [
    { as: 'public', query: (ids) => ({ id: ids.contestId }), expect: [DEMO_CONTEST_TITLE, '今天已投此项目'] },
    { as: 'member', query: (ids) => ({ id: ids.contestId }), expect: ['投它一票', '去评分'] },
  ],
  'contest/judge/index': [
    { as: 'member', query: (ids) => ({ id: ids.contestId }), expect: ['您已完成全部评分', '按规定回避'] },
  ],
  'admin/contests/index': [{ as: 'admin', expect: ['新建评比', DEMO_CONTEST_TITLE] }],
  'admin/quiz-view/index': [
    { as: 'admin', query: (ids) => ({ id: ids.quizId }), expect: [DEMO_QUIZ_TITLES.open, '排'] },
  ],
  'admin/register-terms/index': [
    { as: 'admin', expect: ['换届选举台账', orgName('jyj-2'), '已超期', '未登记'] },
    { as: 'secretary', expect: [orgName('fgw-1'), '三个月内到期'] },
  ],
  'admin/register-leaders/index': [
    { as: 'admin', expect: ['领学带学督学台账', '黄志强', '未开展', '设定领导干部'] },
    { as: 'secretary', expect: ['黄志强', '未开展'] },
  ],
  'admin/leader-visits/index': [{ as: 'member', expect: ['张伟的领学记录', '学习贯彻党的二十届四中全会精神'] }],
  'admin/term-form/index': [
    { as: 'secretary', query: () => ({ orgId: 'fgw-1' }), expect: [orgName('fgw-1'), '选举记录', '保存选举记录'] },
  ],
  'admin/volunteer/index': [
    { as: 'admin', expect: ['志愿服务台账', DEMO_VOLUNTEER_TITLES.open, '尚无服务的组织'] },
    { as: 'secretary', expect: [DEMO_VOLUNTEER_TITLES.past, '已登记 10.5 小时'] },
  ],
  'admin/volunteer-activity/index': [
    {
      as: 'secretary',
      query: (ids) => ({ activityId: ids.volunteerActivityId }),
      expect: [DEMO_VOLUNTEER_TITLES.past, '幸福里社区', '登记服务时长'],
    },
  ],
  'admin/volunteer-form/index': [{ as: 'secretary', expect: ['发布志愿服务活动', '服务的社区或村'] }],
  'pages/volunteer/index': [
    { as: 'member', expect: [DEMO_VOLUNTEER_TITLES.open, '我要报名', '名额已满，报名候补', '我的志愿服务时长'] },
  ],
  'admin/trainings/index': [
    { as: 'admin', expect: ['培训台账', DEMO_TRAINING_TITLES.open, '开设培训班', '人未培训'] },
    { as: 'secretary', expect: [orgName('fgw-1'), DEMO_TRAINING_TITLES.upcoming] },
  ],
  'admin/training-class/index': [
    {
      as: 'admin',
      query: (ids) => ({ classId: ids.trainingClassId }),
      expect: [DEMO_TRAINING_TITLES.open, '花名册与签到', '已签到', '打开签到码（大屏）'],
    },
  ],
  'pages/trainings/index': [{ as: 'member', expect: ['我的培训班', DEMO_TRAINING_TITLES.open, '已签到'] }],
};
