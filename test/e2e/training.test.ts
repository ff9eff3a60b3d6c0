// 培训 in the H5 build, in a real browser against the local cloud with the demo data: the 工委 opens the 培训台账 (this
// quarter's coverage, an organisation's untrained members), the class under way (its roster with attendance) and
// next week's 书记培训班, where it enrols 赵丽华 (demo-member-3) by name, then edits the class (place and seats, which
// its check-in follows) and cancels it with a reason; she then sees that class on 我的培训 as 已取消.
// Screenshots at 375 px, 我的培训 also in 大字模式.
import type { CheckinApi } from '@/domain/api/checkin';
import type { TrainingApi } from '@/domain/api/training';
import { DEMO_TRAINING_TITLES } from '../../emulator/demo/training';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { confirmModal, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
/** 赵丽华 of 市教育局机关第一党支部: enrolled in the class under way, not in the 书记培训班. */
const MEMBER = 'demo-member-3';
const MEMBER_NAME = '赵丽华';
const LARGE_FONT_KEY = 'jgdj.large-font';
const NEW_PLACE = '市行政学院第二教室';
const CANCEL_REASON = '与全市重点工作推进会冲突，另行安排';

describeBrowser('培训 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('the 工委 sees coverage and a roster, enrols a member by name, edits and cancels the class; the member sees it cancelled', async () => {
    const { classes } = await emu().data<TrainingApi['trainingClasses']['output']>(
      'register',
      'trainingClasses',
      {},
      ADMIN,
    );
    const upcoming = classes.find((c) => c.title === DEMO_TRAINING_TITLES.upcoming);
    expect(upcoming).toBeDefined();
    const mineBefore = await emu().data<TrainingApi['myTrainings']['output']>('register', 'myTrainings', {}, MEMBER);
    expect(mineBefore.classes.map((c) => c.title)).toEqual([DEMO_TRAINING_TITLES.open]);
    // Nobody of 赵丽华's branch has reported in at the class under way.
    const coverage = await emu().data<TrainingApi['trainingCoverage']['output']>(
      'register',
      'trainingCoverage',
      {},
      ADMIN,
    );
    const branch = coverage.rows.find((r) => r.orgName === '市教育局机关第一党支部');
    expect(branch && branch.untrained === branch.members && branch.members > 0).toBe(true);

    await session.withPage(
      'training-register',
      '/admin/trainings/index',
      async (page) => {
        await waitForText(page, '.card__title', '培训覆盖');
        const org = shown(page, '.trainings__org').filter({ hasText: '市教育局机关第一党支部' });
        expect(await org.textContent()).toContain(
          `${branch?.members} 人，已培训 0 人（0%）${branch?.untrained} 人未培训`,
        );
        await settled(page);
        await screenshot(page, 'training-register');
        await org.click();
        await waitForText(page, '.trainings__untrained', `未培训：${MEMBER_NAME}`);
        await settled(page);
        await screenshot(page, 'training-untrained');
        await scrollTo(page, '.admin-list__row:has-text("千名科级党员干部大培训（本季度第一期）")');
        await shown(page, '.admin-list__row').filter({ hasText: DEMO_TRAINING_TITLES.open }).click();
        await waitForText(page, '.card__title', '花名册与签到');
        // 补签 by the demo: two of fgw-1 and one of fgw-2 reported in; the rest of the three branches have not.
        await waitForText(page, '.admin-list__row', '王建国');
        const present = shown(page, '.trainings__tag--present');
        await expect(present.count()).resolves.toBe(3);
        const row = shown(page, '.admin-list__row').filter({ hasText: MEMBER_NAME });
        expect(await row.textContent()).toContain('未签到');
        await scrollTo(page, '.card__title:has-text("花名册与签到")', 'start');
        await settled(page);
        await screenshot(page, 'training-class');
      },
      ADMIN,
    );

    await session.withPage(
      'training-enrol',
      `/admin/training-class/index?classId=${encodeURIComponent(upcoming?.classId ?? '')}`,
      async (page) => {
        await waitForText(page, '.card__title', '花名册与签到');
        expect(await shown(page, '.admin-list__row').filter({ hasText: MEMBER_NAME }).count()).toBe(0);
        await shown(page, 'input[name="memberName"]').fill(MEMBER_NAME);
        await shown(page, '.trainings__enrol taro-button-core').filter({ hasText: '查找' }).click();
        const found = await waitForText(page, '.admin-form .admin-list__row', MEMBER_NAME);
        expect(await found.textContent()).toContain('市教育局机关第一党支部');
        await settled(page);
        await screenshot(page, 'training-find');
        await found.locator('.admin-list__action').click();
        await toastCame(page, '新报名 1 人');
        const enrolled = await waitForText(page, '.card:has-text("花名册与签到") .admin-list__row', MEMBER_NAME);
        expect(await enrolled.textContent()).toContain('未签到');
        await scrollTo(page, '.card__title:has-text("花名册与签到")', 'start');
        await settled(page);
        await screenshot(page, 'training-enrolled');

        // 编辑: the form comes filled in; a new place and seats, saved, show on the class and on its check-in.
        await scrollTo(page, 'top');
        await shown(page, '.trainings__manage taro-button-core').filter({ hasText: '编辑' }).click();
        await waitForText(page, '.card__title', '编辑培训班');
        await expect(shown(page, 'input[name="title"]').inputValue()).resolves.toBe(DEMO_TRAINING_TITLES.upcoming);
        await shown(page, 'input[name="place"]').fill(NEW_PLACE);
        await shown(page, 'input[name="capacity"]').fill('45');
        await scrollTo(page, '.card__title:has-text("编辑培训班")', 'start');
        await settled(page);
        await screenshot(page, 'training-edit');
        await shown(page, 'taro-button-core').filter({ hasText: '保存修改' }).click();
        await toastCame(page, '已保存');
        await waitForText(page, '.admin-list__meta', new RegExp(`${NEW_PLACE} · 已报名 \\d+ / 45 人`));
        const activity = await emu().data<CheckinApi['get']['output']>(
          'checkin',
          'get',
          { activityId: upcoming?.classId ?? '' },
          ADMIN,
        );
        expect(activity.place).toBe(NEW_PLACE);

        // 取消培训: a reason, the confirm; the class stays, marked 已取消 with the reason, without enrolment.
        await shown(page, '.trainings__manage taro-button-core').filter({ hasText: '取消培训' }).click();
        await shown(page, 'input[name="reason"]').fill(CANCEL_REASON);
        await scrollTo(page, '.card__title:has-text("取消培训班")', 'start');
        await settled(page);
        await screenshot(page, 'training-cancel');
        await shown(page, 'taro-button-core').filter({ hasText: '确认取消培训' }).click();
        await confirmModal(page, /取消后不再报名和签到/);
        await toastCame(page, '已取消培训班');
        await waitForText(page, '.admin-list__meta', `取消原因：${CANCEL_REASON}`);
        await waitForText(page, '.trainings__tag', '已取消');
        expect(await page.locator('.trainings__manage').count()).toBe(0);
        expect(await page.locator('input[name="memberName"]').count()).toBe(0);
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'training-cancelled');
      },
      ADMIN,
    );

    await session.withPage(
      'training-mine',
      '/pages/trainings/index',
      async (page) => {
        await waitForText(page, '.my-training__row', DEMO_TRAINING_TITLES.upcoming);
        const row = shown(page, '.my-training__row').filter({ hasText: DEMO_TRAINING_TITLES.upcoming });
        await expect(row.locator('.my-training__tag').textContent()).resolves.toBe('已取消');
        expect(await row.textContent()).toContain(`本期培训已取消：${CANCEL_REASON}`);
        await waitForText(page, '.my-training__row', DEMO_TRAINING_TITLES.open);
        await settled(page);
        await screenshot(page, 'training-mine');
        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.my-training__row', DEMO_TRAINING_TITLES.upcoming);
        await settled(page);
        await screenshot(page, 'training-mine-large');
      },
      MEMBER,
    );

    const mineAfter = await emu().data<TrainingApi['myTrainings']['output']>('register', 'myTrainings', {}, MEMBER);
    expect(mineAfter.classes.map((c) => c.title).sort()).toEqual(
      [DEMO_TRAINING_TITLES.open, DEMO_TRAINING_TITLES.upcoming].sort(),
    );
    expect(pageErrors).toEqual([]);
  });
});
