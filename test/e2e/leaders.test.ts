// 领学带学督学 in the H5 build, in a real browser against the local cloud with the demo data: the 工委 sees the leaders
// without a visit this year first, and on the 达标创优 overview; 张伟 (demo-member, a leader) opens his records from
// 我的 and records a visit, which the register counts. Screenshots at 375 px, the register also in 大字模式.
import type { RegisterApi } from '@/domain/api/register';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const LARGE_FONT_KEY = 'jgdj.large-font';

describeBrowser('领学带学督学 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('lists the leaders without a visit first; a leader records his own visit and the register counts it', async () => {
    await session.withPage(
      'leaders-admin',
      '/admin/register-leaders/index',
      async (page) => {
        await waitForText(page, '.leaders__row', '黄志强');
        const first = shown(page, '.leaders__row').first();
        expect(await first.textContent()).toContain('未开展');
        await waitForText(page, '.leaders__row', '郭志刚');
        await settled(page);
        await screenshot(page, 'leaders-register');
        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.leaders__row', '黄志强');
        await settled(page);
        await screenshot(page, 'leaders-register-large');
      },
      ADMIN,
    );

    await session.withPage(
      'leaders-overview',
      '/admin/overview/index',
      async (page) => {
        await waitForText(page, '.leaders-due', '未开展 2 名');
        await scrollTo(page, '.leaders-due');
        await settled(page);
        await screenshot(page, 'leaders-overview');
      },
      ADMIN,
    );

    await session.withPage(
      'leaders-member',
      '/pages/mine/index',
      async (page) => {
        // The entry comes with the session (user.login marks a leader); his row of the register adds the year's count.
        await waitForText(page, '.mine-menu__item', '年已登记');
        await scrollTo(page, '.mine-menu__item:has-text("领学带学督学")');
        await settled(page);
        await screenshot(page, 'leaders-mine');
        await shown(page, '.mine-menu__item').filter({ hasText: '领学带学督学' }).click();
        await waitForText(page, '.visit', '学习贯彻党的二十届四中全会精神');
        await settled(page);
        await screenshot(page, 'leader-visits');
        await clickButton(page, '.leaders__add');
        await shown(page, '.field').filter({ hasText: '学习主题' }).locator('input').fill('学习《中国共产党章程》');
        await shown(page, '.leaders__notes textarea').fill('到联系点与支部党员一起逐条学习党章，交流体会。');
        await scrollTo(page, '.leaders__submit');
        await settled(page);
        await screenshot(page, 'leader-visit-form');
        await clickButton(page, '.leaders__submit');
        await toastCame(page, '已登记');
        await waitForText(page, '.visit', '学习《中国共产党章程》');
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'leader-visit-saved');
      },
      MEMBER,
    );

    const { rows } = await emu().data<RegisterApi['leaders']['output']>('register', 'leaders', {}, ADMIN);
    expect(rows.find((r) => r.name === '张伟')).toMatchObject({ visits: 2 });
    expect(rows[0].name).toBe('黄志强');
    expect(pageErrors).toEqual([]);
  });
});
