// Demo 通知公告 and 学习资料 through the notice function: the 2020 plan's overview and sections as articles in the 学习
// tab, and three notices from the plan's work (one asking for 确认收到, some already read by demo members); run after
// the members are bound (seed.ts).
import type { ArticleCategory, SentNotice } from '../../src/domain/api/notice';
import type { PlanPoint } from '../../src/content/work-plan-2020';
import { WORK_PLAN_2020 } from '../../src/content/work-plan-2020';
import type { DemoCall } from './quiz';

/** The plan's sections by id, with the 学习 category each goes under (the overview is `overview`). */
const SECTION_CATEGORIES: Record<string, ArticleCategory> = {
  overview: '工作要点',
  thought: '理论学习',
  organisation: '工作要点',
  assurance: '工作要点',
  activities: '先进典型',
  integrity: '党规党纪',
};

/** The demo articles' ids: fixed, so a second seed edits them instead of adding more. */
export const DEMO_ARTICLE_IDS = {
  overview: 'art-plan-overview',
  thought: 'art-plan-thought',
  organisation: 'art-plan-organisation',
  assurance: 'art-plan-assurance',
  activities: 'art-plan-activities',
  integrity: 'art-plan-integrity',
  notice: 'art-notice-qiyi',
} as const;

export const DEMO_OVERVIEW_TITLE = '2020 年机关党建工作总体要求';

export const DEMO_NOTICE_TITLES = {
  qiyi: '关于开展纪念建党99周年“七一”系列活动的通知',
  sanhui: '关于报送“三会一课”纪实落实情况的通知',
  branch: '关于召开支部党员大会开展民主评议的通知',
} as const;

function pointText(p: PlanPoint, i: number): string {
  const lists = (p.lists ?? []).map((l) => `${l.label}：${l.items.join('、')}。`);
  return [`${i + 1}. ${p.title}`, p.text, ...lists].join('\n');
}

/** The plan as articles: the overview, then each section with one text block per point. */
function planArticles(): Array<{ articleId: string; category: ArticleCategory; title: string; blocks: unknown[] }> {
  const plan = WORK_PLAN_2020;
  const overview = {
    articleId: DEMO_ARTICLE_IDS.overview,
    category: SECTION_CATEGORIES.overview,
    title: DEMO_OVERVIEW_TITLE,
    blocks: [
      { type: 'text', text: plan.overview.text },
      ...plan.overview.lists.map((l) => ({ type: 'text', text: `${l.label}：${l.items.join('、')}。` })),
    ],
  };
  const sections = plan.sections.map((s) => ({
    articleId: DEMO_ARTICLE_IDS[s.id as keyof typeof DEMO_ARTICLE_IDS] ?? `art-plan-${s.id}`,
    category: SECTION_CATEGORIES[s.id] ?? '工作要点',
    title: `${s.order}、${s.short}：${s.title}`.slice(0, 60),
    blocks: [
      ...(s.intro ? [{ type: 'text', text: s.intro }] : []),
      ...s.points.map((p, i) => ({ type: 'text', text: pointText(p, i) })),
    ],
  }));
  return [...sections.reverse(), overview];
}

const QIYI_BODY = [
  '各机关党委、机关党支部：',
  '为纪念中国共产党成立99周年暨建国71周年，推进“不忘初心、牢记使命”主题教育常态化制度化，经研究，决定在全市机关开展“七一”系列活动。',
  '一、党的知识竞赛。6月下旬在小程序开展线上知识竞赛，7月1日前举行现场赛，各机关党委组队参加。',
  '二、入党宣誓和现场教育。各支部结合主题党日组织党员重温入党誓词，就近开展现场教育。',
  '三、“七一”党内表彰。各机关党委推荐先进基层党组织、优秀党员和优秀党务工作者，6月20日前报工委组织科。',
  '请各单位收到后在小程序点“确认收到”。',
].join('\n');

const SANHUI_BODY = [
  '各机关党委、机关党支部：',
  '根据工委调研督导安排，请各支部对照“三会一课”制度，梳理本年度支部党员大会、支委会、党小组会和党课的召开情况，',
  '在小程序“会议纪实”中补全会议主题、主持人、记录人和会议记录，工委将通过支部看板查看落实情况。',
].join('\n');

const BRANCH_BODY = [
  '支部全体党员：',
  '定于本周五下午3时在机关三楼党员活动室召开支部党员大会，学习《2020年机关党建工作计划》，开展民主评议党员。',
  '请准时参加，不能参加的向支部书记请假。',
].join('\n');

/**
 * Saves the articles (fixed ids) and publishes the notices (fixed request ids: a retried publish returns the one
 * already sent), unless the notices are there already (the seed may run again on the same database); then has some demo members read: demo-member (张伟) leaves all unread for the
 * browser test; demo-member-2 and demo-member-3 read and confirm some.
 */
export async function seedDemoNotice(call: DemoCall, admin: string, secretary: string): Promise<void> {
  const { notices } = await call<{ notices: SentNotice[] }>('notice', 'sent', {}, admin);
  if (notices.some((n) => n.title === DEMO_NOTICE_TITLES.qiyi)) return;
  for (const a of planArticles())
    await call('notice', 'saveArticle', { ...a, source: '2020年机关党建工作计划' }, admin);
  await call(
    'notice',
    'saveArticle',
    {
      articleId: DEMO_ARTICLE_IDS.notice,
      category: '通知精神',
      title: '学习贯彻“七一”系列活动通知精神',
      source: '市直机关工委',
      blocks: QIYI_BODY.split('\n')
        .slice(1, 5)
        .map((text) => ({ type: 'text', text })),
    },
    admin,
  );

  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  const publish = (
    requestId: string,
    title: string,
    body: string,
    orgIds: string[],
    by: string,
    confirmDays?: number,
  ) =>
    call<{ noticeId: string }>(
      'notice',
      'publish',
      {
        requestId,
        title,
        body,
        orgIds,
        ...(confirmDays ? { confirmBy: iso(Date.now() + confirmDays * day) } : {}),
      },
      by,
    );
  const sanhui = await publish('demo-notice-sanhui', DEMO_NOTICE_TITLES.sanhui, SANHUI_BODY, ['gw'], admin);
  const qiyi = await publish('demo-notice-qiyi', DEMO_NOTICE_TITLES.qiyi, QIYI_BODY, ['gw'], admin, 5);
  const branch = await publish('demo-notice-branch', DEMO_NOTICE_TITLES.branch, BRANCH_BODY, ['fgw-1'], secretary, 3);

  for (const openid of ['demo-member-2', 'demo-member-3', secretary])
    await call('notice', 'open', { noticeId: sanhui.noticeId }, openid);
  for (const openid of ['demo-member-2', 'demo-member-3']) {
    await call('notice', 'open', { noticeId: qiyi.noticeId }, openid);
    await call('notice', 'confirm', { noticeId: qiyi.noticeId }, openid);
  }
  await call('notice', 'open', { noticeId: branch.noticeId }, 'demo-member-2');
}
