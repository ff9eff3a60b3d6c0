// 适老化 and accessibility of every page of the H5 build, as each role that uses it, at 375 px: axe-core's WCAG 2 A
// and AA rules in the standard and the 大字模式 (serious or critical violations fail), every text larger in
// 大字模式 (the tab bar too), and every control at least 44 × 44 px.
import { DEMO_TRAINING_TITLES } from '../../emulator/demo/training';
import type { Page } from 'playwright-core';
import type { ActivitySummary } from '@/domain/api/checkin';
import type { SentNotice } from '@/domain/api/notice';
import type { ContestSummary } from '@/domain/api/contest';
import type { QuizSummary } from '@/domain/api/quiz';
import type { ProgrammeSummary } from '@/domain/api/hotline-public';
import type { CampaignSummary } from '@/domain/api/rating';
import { DEMO_CONTEST_TITLE } from '../../emulator/demo/contest';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import { DEMO_PROGRAMME_TOPICS } from '../../emulator/demo/hotline-public';
import { DEMO_QUIZ_TITLES } from '../../emulator/demo/quiz';
import { DEMO_ARTICLE_IDS, DEMO_NOTICE_TITLES } from '../../emulator/demo/notice';
import { expectAccessible } from './a11y';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { settled, shown } from './ui';

// Some sixty pages, each visited twice (normal and 大字模式): over ten minutes on a loaded machine.
jest.setTimeout(900_000);

type Role = 'member' | 'public' | 'secretary' | 'handler' | 'admin';

const OPENIDS: Record<Role, string> = {
  member: 'demo-member',
  public: 'demo-public',
  secretary: 'demo-secretary',
  handler: 'demo-handler',
  admin: 'demo-admin',
};

/** Taro.setStorageSync's H5 format for the 大字模式 switch (src/services/preferences.ts). */
const LARGE_FONT_KEY = 'jgdj.large-font';

/** Smallest side of a control a finger can hit reliably (适老化: 44 × 44 CSS px on a 375-px phone). */
const MIN_TARGET_PX = 44;
/** 大字模式 must make each text at least this much larger, unless it is already this large in CSS px. */
const LARGER_BY = 1.1;
const ALREADY_LARGE_PX = 24;

interface Visit {
  role: Role;
  path: string;
  /** Waits for the page's data to show: a selector that is there once it has loaded. */
  ready: string;
}

interface Ids {
  trainingClassId: string;
  activityId: string;
  campaignId: string;
  quizId: string;
  attemptId: string;
  ticketId: string;
  handlerTicketId: string;
  noticeId: string;
  contestId: string;
  /** The demo 热线节目 that has aired (answers and replay) and the upcoming one (questions). */
  airedProgrammeId: string;
  upcomingProgrammeId: string;
}

function visits(ids: Ids): Visit[] {
  const v = (role: Role, path: string, ready = '.page'): Visit => ({ role, path, ready });
  return [
    v('member', '/pages/index/index', '.home-today'),
    v('member', '/pages/study/index'),
    v('member', '/pages/hotline/index'),
    v('member', '/pages/mine/index', '.mine-font'),
    v('member', '/pages/points/index'),
    v('member', '/pages/activities/index'),
    v('member', '/pages/checkin/index'),
    v('member', '/pages/quiz-list/index'),
    v('member', `/pages/quiz-board/index?quizId=${ids.quizId}`),
    v('member', '/pages/practice/index', '.quiz-option'),
    v('member', '/pages/wrong-book/index'),
    v('member', `/pages/rating/index?id=${ids.campaignId}`),
    v('member', `/pages/rating-results/index?id=${ids.campaignId}`),
    v('secretary', `/pages/quiz-result/index?attemptId=${ids.attemptId}`),
    v('public', '/pages/index/index'),
    v('public', '/pages/hotline-submit/index'),
    v('public', '/pages/hotline-mine/index'),
    v('public', `/pages/hotline-ticket/index?id=${ids.ticketId}`),
    v('public', '/pages/hotline-board/index'),
    v('public', '/pages/hotline-programme/index'),
    v('public', `/pages/hotline-programme/index?id=${ids.airedProgrammeId}`, '.programme-question'),
    v('public', `/pages/hotline-submit/index?programme=${ids.upcomingProgrammeId}`),
    v('public', '/pages/invite/index?code=ABCDE-FGHJK'),
    v('secretary', '/pages/index/index'),
    v('secretary', '/admin/activities/index'),
    v('secretary', '/admin/activity-form/index'),
    v('secretary', `/admin/activity-code/index?activityId=${ids.activityId}`, '.code-screen__image'),
    v('secretary', `/admin/attendance/index?activityId=${ids.activityId}`),
    v('secretary', '/admin/branch-dashboard/index'),
    v('secretary', '/admin/stars/index'),
    v('handler', '/admin/hotline-queue/index'),
    v('handler', `/pages/hotline-ticket/index?id=${ids.handlerTicketId}`),
    v('admin', '/admin/orgs/index'),
    v('admin', '/admin/departments/index'),
    v('admin', '/admin/members/index'),
    v('admin', '/admin/import/index'),
    v('admin', '/admin/roles/index'),
    v('admin', '/admin/rating/index'),
    v('admin', `/admin/rating-campaign/index?id=${ids.campaignId}`),
    v('admin', '/admin/rating-campaign/index'),
    v('admin', '/admin/hotline-triage/index'),
    v('admin', '/admin/hotline-knowledge/index'),
    v('admin', '/admin/hotline-programmes/index'),
    v('admin', '/admin/hotline-stats/index', '.hs-table'),
    v('admin', '/admin/hotline-stats/index?tab=reports', '.hs-report-intro'),
    v('admin', '/admin/overview/index', '.overview-table'),
    v('admin', '/admin/quiz/index'),
    v('admin', '/admin/quiz-bank/index'),
    v('admin', '/admin/quiz-import/index'),
    v('admin', '/admin/quiz-form/index'),
    v('admin', `/admin/quiz-view/index?id=${ids.quizId}`),
    v('member', '/notice/inbox/index', '.notice-row'),
    v('member', `/notice/detail/index?id=${ids.noticeId}`, '.notice-detail__title'),
    v('member', `/notice/article/index?id=${DEMO_ARTICLE_IDS.overview}`, '.article-reading'),
    v('secretary', '/admin/notices/index'),
    v('secretary', '/admin/notice-form/index'),
    v('admin', `/admin/notice-receipts/index?id=${ids.noticeId}`, '.receipts__row'),
    v('admin', '/admin/articles/index'),
    v('admin', `/admin/article-form/index?id=${DEMO_ARTICLE_IDS.overview}`, '.article-form__text'),
    v('admin', '/admin/register-terms/index', '.terms__row'),
    v('secretary', '/admin/term-form/index?orgId=fgw-1', '.term-election'),
    v('admin', '/admin/register-leaders/index', '.leaders__row'),
    v('member', '/admin/leader-visits/index', '.visit'),
    v('admin', '/admin/volunteer/index', '.vol__tag'),
    v('secretary', '/admin/volunteer-form/index'),
    v('member', '/pages/volunteer/index', '.volunteer__item'),
    v('admin', '/admin/trainings/index', '.trainings__org'),
    v('admin', `/admin/training-class/index?classId=${ids.trainingClassId}`, '.trainings__tag--present'),
    v('member', '/pages/trainings/index', '.my-training__row'),
    v('public', '/contest/list/index', '.contest-row'),
    v('public', `/contest/detail/index?id=${ids.contestId}`, '.contest-entry'),
    v('member', `/contest/judge/index?id=${ids.contestId}`, '.contest-entry'),
    v('admin', '/admin/contests/index', '.contest-row'),
  ];
}

/** Every shown text (elements with text of their own, and form fields) with its font size, keyed by its place. */
function textSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    const keyOf = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const siblings = e.parentElement ? Array.from(e.parentElement.children) : [];
        parts.unshift(`${e.tagName.toLowerCase()}.${e.classList[0] ?? ''}:${siblings.indexOf(e)}`);
      }
      return parts.join('>');
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (!box.width || !box.height) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!ownText && el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') continue;
      // Not text a person reads at its size: a file picker's hidden input, the 标准字号 preview on 我的.
      if (el.matches('input[type=file], .mine-font__option--normal .mine-font__sample')) continue;
      sizes[`${keyOf(el)} «${(el.textContent ?? '').trim().slice(0, 12)}»`] = parseFloat(style.fontSize);
    }
    return sizes;
  });
}

/** Shown controls (roles a person taps, buttons, tab bar items, fields' boxes) smaller than the minimum. */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const selector = [
      'button',
      'a[href]',
      '[role=button]',
      '[role=radio]',
      '[role=checkbox]',
      '[role=tab]',
      '[role=link]',
      '[role=switch]',
      'taro-button-core',
      '.taro-tabbar__tabbar-item',
      '.weui-tabbar__item',
    ].join(',');
    return Array.from(document.querySelectorAll(selector))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') return false;
        return box.width < minPx - 0.5 || box.height < minPx - 0.5;
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 20);
        return `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} «${name}» ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  }, min);
}

async function open(page: Page, url: string, visit: Visit): Promise<void> {
  // A fresh document each time: a change of the hash alone would keep the app (and its 大字模式 setting) loaded.
  await page.goto(url);
  await page.reload();
  await shown(page, visit.ready).first().waitFor({ state: 'visible' });
  // Lists and counts load after the page's first paint; wait until nothing is loading any more.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.load-state--loading'));
  await settled(page);
}

describeBrowser('适老化 and accessibility of every page', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  async function findIds(): Promise<Ids> {
    const { data } = emu();
    const { activities } = await data<{ activities: ActivitySummary[] }>(
      'checkin',
      'list',
      { scope: 'manage' },
      OPENIDS.secretary,
    );
    const activity = activities.find((a) => a.title === DEMO_CHECKIN_TITLES.open);
    const { campaigns } = await data<{ campaigns: CampaignSummary[] }>('rating', 'list', {}, OPENIDS.admin);
    const { quizzes } = await data<{ quizzes: QuizSummary[] }>('quiz', 'listQuizzes', {}, OPENIDS.secretary);
    const quiz = quizzes.find((q) => q.title === DEMO_QUIZ_TITLES.open);
    const { tickets } = await data<{ tickets: Array<{ ticketId: string }> }>('hotline', 'mine', {}, OPENIDS.public);
    const queue = await data<{ tickets: Array<{ ticketId: string }> }>('hotline', 'queue', {}, OPENIDS.handler);
    const { notices } = await data<{ notices: SentNotice[] }>('notice', 'sent', {}, OPENIDS.admin);
    const { contests } = await data<{ contests: ContestSummary[] }>('contest', 'list', {}, OPENIDS.public);
    const { programmes } = await data<{ programmes: ProgrammeSummary[] }>('hotline', 'programmeList', {});
    const { classes } = await data<{ classes: Array<{ classId: string; title: string }> }>(
      'register',
      'trainingClasses',
      {},
      OPENIDS.admin,
    );
    const ids = {
      trainingClassId: classes.find((c) => c.title === DEMO_TRAINING_TITLES.open)?.classId ?? '',
      contestId: contests.find((c) => c.title === DEMO_CONTEST_TITLE)?.contestId ?? '',
      activityId: activity?.activityId ?? '',
      campaignId: campaigns[0]?.campaignId ?? '',
      quizId: quiz?.quizId ?? '',
      attemptId: quiz?.mine?.lastAttemptId ?? '',
      ticketId: tickets[0]?.ticketId ?? '',
      handlerTicketId: queue.tickets[0]?.ticketId ?? '',
      noticeId: notices.find((n) => n.title === DEMO_NOTICE_TITLES.qiyi)?.noticeId ?? '',
      airedProgrammeId: programmes.find((p) => p.topic === DEMO_PROGRAMME_TOPICS.aired)?.programmeId ?? '',
      upcomingProgrammeId: programmes.find((p) => p.topic === DEMO_PROGRAMME_TOPICS.upcoming)?.programmeId ?? '',
    };
    const missing = Object.entries(ids).filter(([, id]) => !id);
    if (missing.length) throw new Error(`the demo data has no ${missing.map(([k]) => k).join(', ')}`);
    return ids;
  }

  it('passes axe (WCAG 2 A+AA), scales every text in 大字模式 and keeps controls at least 44 × 44 px', async () => {
    const all = visits(await findIds());
    const problems: string[] = [];
    for (const role of Object.keys(OPENIDS) as Role[]) {
      const mine = all.filter((v) => v.role === role);
      if (!mine.length) continue;
      const page = await session.newPage(`a11y-${role}`, OPENIDS[role]);
      try {
        for (const visit of mine) {
          const url = `${emu().url}/#${visit.path}`;
          const where = `${visit.path.replace(/\?.*$/, '')} as ${OPENIDS[role]}`;
          const name = `a11y-${role}-${visit.path
            .split('?')[0]
            .replace(/^\/|\/index$/g, '')
            .replace(/\//g, '-')}`;
          try {
            await page.evaluate((key) => window.localStorage.removeItem(key), LARGE_FONT_KEY).catch(() => undefined);
            await open(page, url, visit);
            await expectAccessible(page, where).catch((e: Error) => problems.push(e.message));
            const small = await smallTargets(page, MIN_TARGET_PX);
            if (small.length) problems.push(`${where}: controls smaller than 44 × 44 px: ${small.join('; ')}`);
            const normal = await textSizes(page);

            await page.evaluate(
              (key) => window.localStorage.setItem(key, JSON.stringify({ data: true })),
              LARGE_FONT_KEY,
            );
            await open(page, url, visit);
            await expectAccessible(page, `${where}（大字模式）`).catch((e: Error) => problems.push(e.message));
            const large = await textSizes(page);
            const unscaled = Object.entries(normal)
              .filter(([key, px]) => px < ALREADY_LARGE_PX && key in large && large[key] < px * LARGER_BY)
              .map(([key, px]) => `${key.split('>').slice(-2).join('>')} ${px}→${large[key]} px`);
            if (unscaled.length) problems.push(`${where}: texts not larger in 大字模式: ${unscaled.join('; ')}`);
          } catch (e) {
            await screenshot(page, `${name}-failure`).catch(() => undefined);
            problems.push(`${where}: ${(e as Error).message.split('\n')[0]}`);
          } finally {
            await page.evaluate((key) => window.localStorage.removeItem(key), LARGE_FONT_KEY).catch(() => undefined);
          }
        }
      } finally {
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
