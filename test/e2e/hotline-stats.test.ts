// 热线统计 in the H5 build at 375 px, against the local cloud with the demo data: the admin sees every demo department
// in the table with the period of this month, sorts by 受理量, picks 本年, and the export of that period downloads an
// Excel workbook; 超期通报 opens from its tab. Screenshots of the table (also scrolled sideways and in 大字模式) and
// of the 通报 tab.
import type { Page } from 'playwright-core';
import type { HotlineApi } from '@/domain/api';
import { statsPeriodMonths } from '@/utils/hotline-stats';
import { DEMO_DEPARTMENTS } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, waitForText } from './ui';

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
const LARGE_FONT_KEY = 'jgdj.large-font';

describeBrowser('热线统计 in the H5 build', () => {
  const { emu, pageErrors, withPage } = e2eSession();

  async function shot(page: Page, selector: string | 'top', name: string): Promise<void> {
    await scrollTo(page, selector, selector === 'top' ? 'center' : 'start');
    await settled(page);
    await screenshot(page, name);
  }

  it('shows each department’s figures for the period, sorts, exports, and lists 超期通报', async () => {
    await withPage(
      'hotline-stats',
      '/admin/hotline-stats/index',
      async (page) => {
        const month = statsPeriodMonths('month', Date.now())!;
        await waitForText(page, '.card__title', `统计期间：${month.from}`);
        const names = () => shown(page, '.hs-tr:not(.hs-tr--head):not(.hs-tr--total) .hs-col--name').allInnerTexts();
        expect((await names()).sort()).toEqual(DEMO_DEPARTMENTS.map((d) => d.name).sort());
        expect(await shown(page, '.hs-tr--head .hs-th__text').allInnerTexts()).toEqual([
          '部门',
          '受理量',
          '按时办结率',
          '解决率',
          '回访率',
          '重复诉求率',
          '直接答复率',
          '退单数',
          '延期数',
          '通报数',
        ]);
        // The department column stays in view while the figures scroll sideways.
        const scroller = shown(page, '.hs-scroll');
        const box = await scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
        expect(box.scroll).toBeGreaterThan(box.client);
        expect(box.client).toBeLessThanOrEqual(375);
        await shot(page, 'top', 'hotline-stats');

        // 本年: the figures the server counts for the months of this year, in the table's order of 受理量.
        await shown(page, '.hotline-chip').filter({ hasText: '本年' }).click();
        const year = statsPeriodMonths('year', Date.now())!;
        await waitForText(page, '.card__title', year.from === year.to ? year.from : `${year.from} 至 ${year.to}`);
        const stats = await emu().data<HotlineApi['stats']['output']>('hotline', 'stats', year, ADMIN);
        const byReceived = [...stats.departments]
          .sort((a, b) => b.received - a.received || a.name.localeCompare(b.name, 'zh-CN'))
          .map((d) => d.name);
        expect(await names()).toEqual(byReceived);
        const total = shown(page, '.hs-tr--total .hs-col--received');
        expect(await total.innerText()).toBe(String(stats.total.received));

        await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await shot(page, '.hs-table', 'hotline-stats-scrolled');

        // 导出 Excel: the browser downloads the workbook of that period.
        const download = page.waitForEvent('download');
        await shown(page, '.hs-export').click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/^民声热线部门统计_.+\.xlsx$/);

        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.card__title', '统计期间');
        await shot(page, 'top', 'hotline-stats-large');

        await shown(page, '.hs-tab').filter({ hasText: '超期通报' }).click();
        await waitForText(page, '.hs-report-intro', '超过办理期限满 5 个工作日');
        await shot(page, 'top', 'hotline-stats-reports');
      },
      ADMIN,
    );
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
