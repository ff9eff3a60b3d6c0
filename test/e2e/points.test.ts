// 积分 and 评星定级 in the H5 build, in a real browser against the local cloud with the demo data: a member sees this
// year's points and stars on 我的 and 我的积分, turns on 大字模式 (kept after a reload), and finds the demo's open
// 主题党日 among today's items on 首页; the secretary sees the branch dashboard with its charts and the 评星定级 list;
// the admin sees the 达标创优 overview. Screenshots of each are saved.
import type { Page } from 'playwright-core';
import type { BranchDashboard, PointsMine, PointsToday } from '@/domain/api';
import { beijingYear } from '@/utils/time';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, textOf, waitForText } from './ui';

const thisYear = (): number => beijingYear(Date.now());

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member';
const BRANCH = '市发展改革委机关第一党支部';

describeBrowser('积分 and 评星定级 in the H5 build', () => {
  const { emu, pageErrors, withPage } = e2eSession();

  /** Scrolls to `selector`, waits for the page to rest and saves a screenshot named `name`. */
  async function shot(page: Page, selector: string | 'top', name: string): Promise<void> {
    await scrollTo(page, selector, selector === 'top' ? 'center' : 'start');
    await settled(page);
    await screenshot(page, name);
  }

  it('a member sees points and stars on 我的, the ledger, 大字模式 and today’s items on 首页', async () => {
    const { data } = emu();
    const login = await data<{ member: { memberId: string } | null }>('user', 'login', {}, MEMBER);
    if (!login.member) throw new Error(`${MEMBER} is not bound in the demo data`);
    // Points the member can see: an admin adjustment with a reason (the demo's check-ins may add more).
    await data(
      'points',
      'adjust',
      { memberId: login.member.memberId, points: 30, reason: '浏览器测试：先进个人表彰' },
      ADMIN,
    );
    const mine = await data<PointsMine>('points', 'mine', {}, MEMBER);
    expect(mine.yearTotal).toBeGreaterThanOrEqual(30);
    const today = await data<PointsToday>('points', 'today', {}, MEMBER);
    const openItem = today.items.find((i) => i.title.includes(DEMO_CHECKIN_TITLES.open));
    if (!openItem) throw new Error(`today has no ${DEMO_CHECKIN_TITLES.open}: ${JSON.stringify(today)}`);

    await withPage(
      'points-member',
      '/pages/mine/index',
      async (page) => {
        // 我的: this year's points and the stars.
        await waitForText(page, '.mine-points__value', String(mine.yearTotal));
        expect(await textOf(page, '.mine-points__label >> nth=1')).toBe(`${mine.stars} 星党员`);
        await shot(page, 'top', 'points-mine');

        // 大字模式: on, kept after a reload, and off again.
        const size = () => shown(page, '.mine-card__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        const normal = await size();
        await shown(page, '.mine-font__option--large').click();
        await waitForText(page, '.mine-font__state', '已开启');
        expect(await size()).toBeGreaterThan(normal * 1.1);
        await shot(page, '.mine-font', 'points-mine-large-font');
        await page.reload();
        await waitForText(page, '.mine-font__state', '已开启');
        expect(await shown(page, '.page').first().getAttribute('class')).toContain('page--large');
        await shown(page, '.mine-font__option--normal').click();
        await waitForText(page, '.mine-font__state', '未开启');

        // 我的积分: the summary and the ledger with the adjustment.
        await shown(page, '.mine-points').click();
        await waitForText(page, '.points-hero__total', String(mine.yearTotal));
        await waitForText(page, '.points-entry__reason', '浏览器测试：先进个人表彰');
        expect(await textOf(page, '.points-hero__star-text')).toBe(`${mine.stars} 星党员`);
        await shot(page, '.points-year', 'points-ledger');
      },
      MEMBER,
    );

    await withPage(
      'points-home',
      '/pages/index/index',
      async (page) => {
        const item = await waitForText(page, '.home-today__item', DEMO_CHECKIN_TITLES.open);
        await shot(page, 'top', 'points-home-today');
        await item.click();
        // The item opens its own page (its path from points.today).
        await page.waitForURL((u) => u.hash.startsWith(`#${(openItem?.path ?? '').split('?')[0]}`));
      },
      MEMBER,
    );
  });

  it('the secretary sees the branch dashboard with charts and the 评星定级 list; the admin the overview', async () => {
    const { data } = emu();
    const dash = await data<BranchDashboard>('points', 'dashboard', { orgId: 'fgw-1', year: thisYear() }, SECRETARY);
    expect(dash.activities.length).toBeGreaterThan(0);

    await withPage(
      'points-dashboard',
      '/admin/branch-dashboard/index',
      async (page) => {
        await waitForText(page, '.dash-head__title', BRANCH);
        // The cadence grid has the four kinds; bars and columns carry their numbers as text.
        expect(await shown(page, '.cadence__name').allInnerTexts()).toEqual([
          '支部党员大会',
          '支委会',
          '党小组会',
          '党课',
        ]);
        expect(await shown(page, '.bar-list__value').count()).toBeGreaterThanOrEqual(2);
        expect(await shown(page, '.column-chart__col').count()).toBe(dash.distribution.length);
        // A bar's width follows the rate written beside it. Read both from the page: the precomputed dashboard may be
        // refreshed by the timer between the call above and the page's own (a check-in of an earlier test).
        const rows = shown(page, '.dash-attendance .bar-list__row');
        const texts = await rows.locator('.bar-list__value').allInnerTexts();
        const i = texts.findIndex((t) => /\d+%$/.test(t));
        expect(i).toBeGreaterThanOrEqual(0);
        const ratio = await rows
          .nth(i)
          .locator('.bar-list__bar')
          .evaluate(
            (el) => el.getBoundingClientRect().width / (el.parentElement as HTMLElement).getBoundingClientRect().width,
          );
        expect(ratio).toBeCloseTo(Number(/(\d+)%$/.exec(texts[i])![1]) / 100, 1);
        await shot(page, 'top', 'points-dashboard');
        await shot(page, '.dash-cadence', 'points-dashboard-cadence');
        await shot(page, '.dash-attendance', 'points-dashboard-attendance');
        await shot(page, '.dash-points', 'points-dashboard-distribution');

        // The grid and bars keep their shape in 大字模式 (as Taro's H5 storage keeps the choice).
        await page.evaluate(() => window.localStorage.setItem('jgdj.large-font', JSON.stringify({ data: true })));
        await page.reload();
        await waitForText(page, '.dash-head__title', BRANCH);
        expect(await shown(page, '.page').first().getAttribute('class')).toContain('page--large');
        await shot(page, '.dash-cadence', 'points-dashboard-large-font');
        await page.evaluate(() => window.localStorage.removeItem('jgdj.large-font'));
        await page.reload();
        await waitForText(page, '.dash-head__title', BRANCH);

        await shown(page, '.dash-stars').click();
        await waitForText(page, '.stars-list .card__title', '党员星级');
        await shot(page, '.stars-summary', 'points-stars');
        await shot(page, '.stars-list', 'points-stars-list');
      },
      SECRETARY,
    );

    await withPage(
      'points-overview',
      '/admin/overview/index',
      async (page) => {
        await waitForText(page, '.overview-td', BRANCH);
        await shown(page, '.overview-th').filter({ hasText: '出勤率' }).click();
        await waitForText(page, '.overview-th--on', '出勤率');
        // Sorted by 出勤率, best first; branches without ended activities last.
        const rates = await shown(page, '.overview-td.overview-col--attendanceRate').allInnerTexts();
        expect(rates[0]).not.toBe('—');
        expect(rates.indexOf('—') === -1 || rates.slice(rates.indexOf('—')).every((r) => r === '—')).toBe(true);
        const table = shown(page, '.overview-scroll');
        await table.evaluate((el) => el.scrollTo({ left: 0 }));
        await shot(page, 'top', 'points-overview');
        // On a phone the numbers scroll sideways under the branch names, which stay in view.
        await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await shot(page, '.overview', 'points-overview-scrolled');
      },
      ADMIN,
    );

    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
