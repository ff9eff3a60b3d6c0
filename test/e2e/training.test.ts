// 培训 in the H5 build, in a real browser against the local cloud with the demo data: the 工委 opens the 培训台账 (this
// quarter's coverage, an organisation's untrained members), the class under way (its roster with attendance) and
// next week's 书记培训班, where it enrols 赵丽华 (demo-member-3) by name; she then sees that class on 我的培训.
// Screenshots at 375 px, 我的培训 also in 大字模式.
import type { TrainingApi } from '@/domain/api/training';
import { DEMO_TRAINING_TITLES } from '../../emulator/demo/training';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
/** 赵丽华 of 市教育局机关第一党支部: enrolled in the class under way, not in the 书记培训班. */
const MEMBER = 'demo-member-3';
const MEMBER_NAME = '赵丽华';
const LARGE_FONT_KEY = 'jgdj.large-font';

describeBrowser('培训 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('the 工委 sees coverage and a roster, enrols a member by name; the member sees the class', async () => {
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
      },
      ADMIN,
    );

    await session.withPage(
      'training-mine',
      '/pages/trainings/index',
      async (page) => {
        await waitForText(page, '.my-training__row', DEMO_TRAINING_TITLES.upcoming);
        const row = shown(page, '.my-training__row').filter({ hasText: DEMO_TRAINING_TITLES.upcoming });
        expect(await row.textContent()).toContain('已报名，开班时请扫描现场签到码');
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
