// 签到 in the H5 build, in a real browser against the local cloud with the demo data: the secretary opens the code
// screen of the demo's open 主题党日, a member in another browser context opens the check-in address the screen shows,
// checks in with one tap, and the secretary's live count goes up. Screenshots of both screens are saved.
import type { ActivitySummary } from '@/domain/api';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, settled, shown, textOf, toastCame, waitForText } from './ui';

jest.setTimeout(120_000);

const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member';

describeBrowser('签到 in the H5 build', () => {
  const { emu, pageErrors, newPage: pageAs } = e2eSession();

  it('a member checks in from the code on the secretary’s screen, and the live count goes up', async () => {
    const { data, url } = emu();
    const { activities } = await data<{ activities: ActivitySummary[] }>(
      'checkin',
      'list',
      { scope: 'manage' },
      SECRETARY,
    );
    const open = activities.find((a) => a.title === DEMO_CHECKIN_TITLES.open);
    if (!open) throw new Error(`the demo data has no activity “${DEMO_CHECKIN_TITLES.open}”`);
    const before = await data<{ present: number }>(
      'checkin',
      'attendance',
      { activityId: open.activityId, summary: true },
      SECRETARY,
    );

    const secretary = await pageAs('secretary', SECRETARY);
    const member = await pageAs('member', MEMBER);
    try {
      await secretary.goto(`${url}/#/admin/activity-code/index?activityId=${open.activityId}`);
      await waitForText(secretary, '.code-screen__title', DEMO_CHECKIN_TITLES.open);
      await shown(secretary, '.code-screen__image img').waitFor({ state: 'visible' });
      await waitForText(secretary, '.code-screen__present', String(before.present));
      const link = await shown(secretary, '[data-checkin-url]').getAttribute('data-checkin-url');
      expect(link).toMatch(new RegExp(`^${url}/?#/pages/checkin/index\\?scene=${open.activityId}`));
      // The image really is a PNG from the code API.
      const src = await shown(secretary, '.code-screen__image img').getAttribute('src');
      expect(src).toMatch(/^data:image\/png;base64,/);
      await settled(secretary);
      await screenshot(secretary, 'checkin-code-screen');

      await member.goto(link as string);
      await waitForText(member, '.checkin-activity__title', DEMO_CHECKIN_TITLES.open);
      await settled(member);
      await screenshot(member, 'checkin-member-ready');
      await clickButton(member, '.checkin-ready__go');
      await waitForText(member, '.checkin-result__title', '签到成功');
      expect(await textOf(member, '.checkin-result__title')).toBe('签到成功');
      await settled(member);
      await screenshot(member, 'checkin-member-success');

      // The code screen reads the count every 5 s.
      await waitForText(secretary, '.code-screen__present', String(before.present + 1));
      await screenshot(secretary, 'checkin-code-screen-after');

      const after = await data<{ present: number; absentees: Array<{ name: string }> }>(
        'checkin',
        'attendance',
        { activityId: open.activityId },
        SECRETARY,
      );
      expect(after.present).toBe(before.present + 1);
      expect(after.absentees.map((a) => a.name)).not.toContain('张伟');

      // A second scan of the same address is a friendly 已签到.
      await member.reload();
      await clickButton(member, '.checkin-ready__go');
      await waitForText(member, '.checkin-result__title', '您已签到');
      await clickButton(member, '.checkin-result__button');
      const row = await waitForText(member, '.activity-row', DEMO_CHECKIN_TITLES.open);
      expect(await row.locator('.activity-row__status').innerText()).toBe('已签到');
      await settled(member);
      await screenshot(member, 'checkin-member-activities');

      // The secretary goes to attendance and checks an absentee in by hand, with a reason.
      await shown(secretary, '.code-screen__attendance').click();
      await waitForText(secretary, '.attendance-title', DEMO_CHECKIN_TITLES.open);
      const absentBefore = after.absentees.length;
      await waitForText(secretary, '.card__title', `缺勤名单（${absentBefore} 人）`);
      await settled(secretary);
      await screenshot(secretary, 'checkin-attendance');
      const absentee = after.absentees[0].name;
      await shown(secretary, '.attendance-row__action').first().click();
      await waitForText(secretary, '.makeup__title', `为 ${absentee} 补签`);
      await shown(secretary, '.makeup__reason input').fill('扫码时手机没电，现场确认出席');
      await clickButton(secretary, '.makeup__confirm');
      await waitForText(secretary, '.card__title', `缺勤名单（${absentBefore - 1} 人）`);
      await waitForText(secretary, '.attendance-row__note', '扫码时手机没电，现场确认出席');
      await toastCame(secretary, '已补签');
      await settled(secretary);
      await screenshot(secretary, 'checkin-attendance-makeup');
    } catch (e) {
      await screenshot(secretary, 'checkin-secretary-failure').catch(() => undefined);
      await screenshot(member, 'checkin-member-failure').catch(() => undefined);
      throw e;
    } finally {
      await secretary.context().close();
      await member.context().close();
    }
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });

  it('a secretary creates an activity on the form and lands on its attendance', async () => {
    const secretary = await pageAs('secretary-form', SECRETARY);
    const title = '十二月党课：机关党建工作要点（浏览器测试）';
    try {
      await secretary.goto(`${emu().url}/#/admin/activities/index`);
      await waitForText(secretary, '.manage-row__title', DEMO_CHECKIN_TITLES.open);
      await settled(secretary);
      await screenshot(secretary, 'checkin-admin-activities');
      await clickButton(secretary, '.manage-activities__new');
      await waitForText(secretary, '.card__title', '新建活动');
      await shown(secretary, 'input[name="title"]').fill(title);
      await settled(secretary);
      await screenshot(secretary, 'checkin-admin-form');
      await clickButton(secretary, '.activity-form__submit');
      await waitForText(secretary, '.attendance-title', title);
      await waitForText(secretary, '.card__title', '缺勤名单（4 人）');
    } catch (e) {
      await screenshot(secretary, 'checkin-form-failure').catch(() => undefined);
      throw e;
    } finally {
      await secretary.context().close();
    }
    const { activities } = await emu().data<{ activities: ActivitySummary[] }>(
      'checkin',
      'list',
      { scope: 'manage' },
      SECRETARY,
    );
    expect(activities.find((a) => a.title === title)).toMatchObject({ kind: '主题党日', orgIds: ['fgw-1'] });
    expect(pageErrors).toEqual([]);
  });
});
