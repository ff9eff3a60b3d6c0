// 创新创优 in the H5 build, in a real browser against the local cloud with the demo data: a member votes once today,
// the judge with one entry left scores it (her own unit's entry shown as 回避), the 工委 sees both in the judges'
// progress and the live results, creates a new 效能典型案例评比 with the page's form, and the demo secretary submits
// his branch's entry to it. Screenshots at 375 px, the competition also in 大字模式.
import type { ContestDetail, ContestSummary, JudgingEntry } from '@/domain/api/contest';
import { DEMO_CONTEST_TITLE } from '../../emulator/demo/contest';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';
const VOTER = 'demo-member-2';
/** 赵丽华 (jyj-1): judges the demo competition, 人社局's entry still to score. */
const JUDGE = 'demo-member-3';
const LARGE_FONT_KEY = 'jgdj.large-font';
const NEW_TITLE = '效能典型案例评比（浏览器测试）';

describeBrowser('创新创优 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('votes, scores, follows progress, creates a competition and takes an entry', async () => {
    const { data } = emu();
    const { contests } = await data<{ contests: ContestSummary[] }>('contest', 'list', {}, VOTER);
    const contestId = contests.find((c) => c.title === DEMO_CONTEST_TITLE)?.contestId ?? '';
    expect(contestId).not.toBe('');

    await session.withPage(
      'contest-vote',
      '/contest/list/index',
      async (page) => {
        await waitForText(page, '.contest-row__title', DEMO_CONTEST_TITLE);
        await settled(page);
        await screenshot(page, 'contest-list');
        await shown(page, '.contest-row').filter({ hasText: DEMO_CONTEST_TITLE }).click();
        await waitForText(page, '.contest-title', DEMO_CONTEST_TITLE);
        const entry = shown(page, '.contest-entry').filter({ hasText: '户籍业务“掌上办”' });
        await entry.locator('.contest-entry__vote').click();
        // The page reloads the competition at once (its toast may be gone before it is looked for): the button says it.
        await waitForText(page, '.contest-entry', '今天已投此项目');
        await scrollTo(page, '.contest-entry');
        await settled(page);
        await screenshot(page, 'contest-voted');
        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.contest-title', DEMO_CONTEST_TITLE);
        await settled(page);
        await screenshot(page, 'contest-detail-large');
      },
      VOTER,
    );
    const detail = await data<ContestDetail>('contest', 'get', { contestId }, VOTER);
    expect(detail.votedToday).toBe(`${contestId}:gaj-1`);

    await session.withPage(
      'contest-judge',
      `/contest/judge/index?id=${contestId}`,
      async (page) => {
        await waitForText(page, '.contest-entry__excluded', '回避');
        const inputs = shown(page, '.contest-score input');
        await inputs.nth(0).fill('88');
        await inputs.nth(1).fill('90');
        await inputs.nth(2).fill('85');
        await waitForText(page, '.contest-score__total', '87.90');
        await scrollTo(page, '.contest-score');
        await settled(page);
        await screenshot(page, 'contest-judge-form');
        await shown(page, '.contest-score__submit').click();
        await toastCame(page, '评分已提交');
        await waitForText(page, '.contest-meta', '您已完成全部评分');
        await settled(page);
        await screenshot(page, 'contest-judge-done');
      },
      JUDGE,
    );
    const judging = await data<{ entries: JudgingEntry[] }>('contest', 'judging', { contestId }, JUDGE);
    expect(judging.entries.find((e) => e.orgName === '市人力资源社会保障局机关党支部')).toMatchObject({
      scores: { innovation: 88, effect: 90, model: 85 },
      total: 87.9,
    });

    await session.withPage(
      'contest-admin',
      '/admin/contests/index',
      async (page) => {
        await shown(page, '.contest-row').filter({ hasText: DEMO_CONTEST_TITLE }).click();
        await waitForText(page, '.contests-admin__judge', '赵丽华');
        await waitForText(page, '.contests-admin__manage', '3/3');
        await waitForText(page, '.contest-result', '第 1 名');
        await settled(page);
        await screenshot(page, 'contest-admin-progress');
        await scrollTo(page, '.contest-results');
        await settled(page);
        await screenshot(page, 'contest-admin-results');

        await scrollTo(page, 'top');
        await shown(page, '.contests-admin__new').click();
        await shown(page, '.segmented__item').filter({ hasText: '效能典型案例评比' }).click();
        await shown(page, '.field').filter({ hasText: '竞赛名称' }).locator('input').fill(NEW_TITLE);
        await shown(page, '.check-list__row').filter({ hasText: '张伟' }).click();
        await settled(page);
        await screenshot(page, 'contest-admin-create');
        await shown(page, '.contests-admin__create').click();
        await toastCame(page, '已创建');
        await waitForText(page, '.contests-admin__manage', NEW_TITLE);
      },
      ADMIN,
    );

    await session.withPage(
      'contest-submit',
      '/contest/list/index',
      async (page) => {
        await shown(page, '.contest-row').filter({ hasText: NEW_TITLE }).click();
        await waitForText(page, '.contest-form', '报送本单位参赛项目');
        await shown(page, '.contest-form .field')
          .filter({ hasText: '项目名称' })
          .locator('input')
          .fill('企业开办“一日办结”');
        await shown(page, 'textarea[placeholder="主要做法、创新之处和取得的成效"]')
          .first()
          .fill('整合登记、刻章、申领发票等环节，企业开办一日办结。');
        await settled(page);
        await screenshot(page, 'contest-entry-form');
        await shown(page, '.contest-form__submit').click();
        await toastCame(page, '已提交');
        await waitForText(page, '.contest-form', '本单位参赛项目（征集截止前可修改）');
        await settled(page);
        await screenshot(page, 'contest-entry-saved');
      },
      SECRETARY,
    );
    const { contests: after } = await data<{ contests: ContestSummary[] }>('contest', 'list', {}, SECRETARY);
    expect(after.find((c) => c.title === NEW_TITLE)).toMatchObject({ kind: '效能典型案例评比', entryCount: 1 });
    expect(pageErrors).toEqual([]);
  });
});
