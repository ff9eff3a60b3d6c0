// 志愿服务 in the H5 build, in a real browser against the local cloud with the demo data: a member signs up for the
// 共建 activity with a place left (and sees the full one offer 候补); the 工委 opens the register with the hours per
// org, opens the past activity and corrects an attendee's hours; the summary follows. Screenshots at 375 px, the
// member's page also in 大字模式.
import type { RegisterApi } from '@/domain/api/register';
import { DEMO_VOLUNTEER_TITLES } from '../../emulator/demo/volunteer';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const LARGE_FONT_KEY = 'jgdj.large-font';

describeBrowser('志愿服务 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('a member signs up; the 工委 sees the hours per org and corrects an attendee’s hours', async () => {
    await session.withPage(
      'volunteer-member',
      '/pages/volunteer/index',
      async (page) => {
        await waitForText(page, '.volunteer__item', DEMO_VOLUNTEER_TITLES.open);
        const full = shown(page, '.volunteer__item').filter({ hasText: DEMO_VOLUNTEER_TITLES.full });
        expect(await full.textContent()).toContain('名额已满，报名候补');
        await settled(page);
        await screenshot(page, 'volunteer-member');
        await shown(page, '.volunteer__item')
          .filter({ hasText: DEMO_VOLUNTEER_TITLES.open })
          .locator('.volunteer__action')
          .click();
        await toastCame(page, '报名成功');
        await waitForText(page, '.volunteer__status', '已报名，请按时到场扫码签到');
        await settled(page);
        await screenshot(page, 'volunteer-member-signed');
        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.volunteer__item', DEMO_VOLUNTEER_TITLES.open);
        await settled(page);
        await screenshot(page, 'volunteer-member-large');
      },
      MEMBER,
    );

    let delta = 0;
    const before = await emu().data<RegisterApi['volSummary']['output']>('register', 'volSummary', {}, ADMIN);
    await session.withPage(
      'volunteer-admin',
      '/admin/volunteer/index',
      async (page) => {
        await waitForText(page, '.admin-list__row', DEMO_VOLUNTEER_TITLES.past);
        await waitForText(page, '.vol__label', '尚无服务的组织');
        await settled(page);
        await screenshot(page, 'volunteer-register');
        await shown(page, '.admin-list__row').filter({ hasText: DEMO_VOLUNTEER_TITLES.past }).click();
        await waitForText(page, '.card__title', '服务时长');
        await waitForText(page, '.vol-hours', '（未报名）');
        await settled(page);
        await screenshot(page, 'volunteer-activity');
        const input = shown(page, '.vol-hours').first().locator('input');
        const was = Number(await input.inputValue());
        await input.fill('3.5');
        await scrollTo(page, '.vol-hours__save');
        await clickButton(page, '.vol-hours__save');
        await toastCame(page, '已登记');
        await waitForText(page, '.card__title', `已登记 ${10.5 - was + 3.5} 小时`);
        delta = 3.5 - was;
        await settled(page);
        await screenshot(page, 'volunteer-activity-saved');
      },
      ADMIN,
    );

    const after = await emu().data<RegisterApi['volSummary']['output']>('register', 'volSummary', {}, ADMIN);
    expect(after.totalHours).toBe(before.totalHours + delta);
    const { activities } = await emu().data<RegisterApi['volMine']['output']>('register', 'volMine', {}, MEMBER);
    expect(activities.find((a) => a.title === DEMO_VOLUNTEER_TITLES.open)?.status).toBe('confirmed');
    expect(pageErrors).toEqual([]);
  });
});
