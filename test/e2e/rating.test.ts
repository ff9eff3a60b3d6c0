// 微信测评 in the H5 build, in a real browser against the local cloud with the demo data: three members of the public
// rate departments, the admin enters 明察暗访 and 第三方 scores and publishes, and the public results page shows the
// order the formula gives (the entered scores overturn the order of the 微信测评 scores alone).
import type { Page } from 'playwright-core';
import { demoRatingTitle } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, confirmModal, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

/** Who rates what: levels for [服务态度, 办事效率] (5 = 很满意). */
const RATINGS: Array<{ openid: string; ratings: Array<[dept: string, levels: [number, number]]> }> = [
  {
    openid: 'e2e-public-1',
    ratings: [
      ['市发展改革委', [5, 5]],
      ['市教育局', [3, 3]],
    ],
  },
  {
    openid: 'e2e-public-2',
    ratings: [
      ['市发展改革委', [4, 4]],
      ['市教育局', [4, 3]],
    ],
  },
  {
    openid: 'e2e-public-3',
    ratings: [
      ['市发展改革委', [4, 5]],
      ['市公安局', [5, 5]],
    ],
  },
];

describeBrowser('微信测评 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  /** A phone page acting as `openid` (the H5 build's dev identity), on `hash`; screenshot on failure. */
  const withPage = (name: string, openid: string, hash: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, hash, fn, openid);

  it('rates, enters scores, publishes and shows the expected order', async () => {
    const { data } = emu();
    const { campaignId } = await data<{ campaignId: string }>(
      'rating',
      'createCampaign',
      {
        title: '浏览器测试测评',
        departmentIds: ['fgw', 'jyj', 'gaj'],
        indicators: [
          { key: 'attitude', name: '服务态度', weight: 1 },
          { key: 'efficiency', name: '办事效率', weight: 1 },
        ],
        startAt: iso(Date.now() - 3600_000),
        endAt: iso(Date.now() + 3600_000),
        minVotes: 2,
        sourceWeights: { wechat: 50, inspection: 30, survey: 20 },
      },
      ADMIN,
    );

    // The public: each person picks departments and rates both indicators.
    for (const [n, person] of RATINGS.entries()) {
      await withPage(`rating-public-${n + 1}`, person.openid, `/pages/rating/index?id=${campaignId}`, async (page) => {
        await waitForText(page, '.rating-hero__title', '浏览器测试测评');
        for (const [k, [dept, levels]] of person.ratings.entries()) {
          await shown(page, '.rating-dept').filter({ hasText: dept }).click();
          await waitForText(page, '.rating-form__dept', dept);
          const indicators = shown(page, '.rating-indicator');
          for (const [i, level] of levels.entries()) await indicators.nth(i).locator(`.rating-level--${level}`).click();
          if (n === 0 && k === 0) {
            await shown(page, '.rating-comment__input textarea').fill('窗口工作人员很耐心');
            await scrollTo(page, '.rating-submit');
            await settled(page);
            await screenshot(page, 'rating-form');
          }
          await clickButton(page, '.rating-submit');
          await toastCame(page, '评价已提交');
          await waitForText(page, '.rating-notice', `已提交对${dept}的评价`);
          await waitForText(page, '.rating-dept', new RegExp(`${dept}\\s*已评价`));
        }
        if (n === 0) {
          await scrollTo(page, 'top');
          await settled(page);
          await screenshot(page, 'rating-campaign-rated');
        }
      });
    }
    // One rating per person per department, as the public gave them.
    const mine = await data<{ mine: Record<string, unknown> }>('rating', 'get', { campaignId }, 'e2e-public-1');
    expect(mine.mine).toEqual({
      fgw: { scores: { attitude: 5, efficiency: 5 }, comment: '窗口工作人员很耐心' },
      jyj: { scores: { attitude: 3, efficiency: 3 }, comment: null },
    });

    // The admin enters 明察暗访 and 第三方 and publishes.
    await withPage('rating-admin', ADMIN, `/admin/rating-campaign/index?id=${campaignId}`, async (page) => {
      await waitForText(page, '.admin-head__title', '浏览器测试测评');
      const enter = async (label: string, scores: Record<string, string>) => {
        await shown(page, '.segmented__item').filter({ hasText: label }).click();
        for (const [dept, score] of Object.entries(scores)) {
          await shown(page, `.rating-admin__input-${dept} input`).fill(score);
        }
        await clickButton(page, '.rating-admin__save');
        await toastCame(page, '已保存');
      };
      await enter('明察暗访', { fgw: '60', jyj: '100' });
      await waitForText(page, '.rating-admin__score-by', '录入于');
      await enter('第三方', { fgw: '70', jyj: '95' });
      // The chosen source stays after the reload that follows saving.
      await waitForText(page, '.segmented__item--on', '第三方');
      await waitForText(page, '.rating-admin__score-by', '录入于');
      await scrollTo(page, '.rating-admin__save');
      await settled(page);
      await screenshot(page, 'rating-admin-scores');
      await scrollTo(page, 'top');
      await clickButton(page, '.rating-admin__publish');
      await confirmModal(page, /公布给群众/);
      await toastCame(page, '已公布');
      await waitForText(page, '.rating-admin__publish', '撤回公布');
      await waitForText(page, '.admin-head__sub', '共 6 人次评价');
      await settled(page);
      await screenshot(page, 'rating-admin-published');
    });
    const detail = await data<{ external: Record<string, Record<string, { score: number; enteredBy: string }>> }>(
      'rating',
      'get',
      { campaignId },
      ADMIN,
    );
    expect(detail.external.jyj.survey).toMatchObject({ score: 95, enteredBy: ADMIN });

    // The public results: 市教育局 77.13 (28.13 + 30 + 19) overtakes 市发展改革委 75.75 (43.75 + 18 + 14);
    // 市公安局 has one rating of the two needed: 样本不足, no rank.
    await withPage('rating-results', 'e2e-public-2', `/pages/rating-results/index?id=${campaignId}`, async (page) => {
      await waitForText(page, '.rating-formula__line', '综合得分 = 微信测评×50% + 明察暗访×30% + 第三方×20%');
      const names = await shown(page, '.rating-row__name').allInnerTexts();
      const ranks = await shown(page, '.rating-row__rank').allInnerTexts();
      const scores = await shown(page, '.rating-row__score').allInnerTexts();
      expect(names.map((t) => t.trim())).toEqual(['市教育局', '市发展改革委', '市公安局']);
      expect(ranks.map((t) => t.trim())).toEqual(['1', '2', '—']);
      expect(scores.map((t) => t.trim())).toEqual(['77.1', '75.8', '样本不足']);
      // The chart shows ranked departments only.
      expect(await shown(page, '.rating-chart__row').count()).toBe(2);
      await waitForText(page, '.rating-chart__note', '样本不足的部门不列入图表');
      await settled(page);
      await screenshot(page, 'rating-results');
      await scrollTo(page, '.rating-formula');
      await screenshot(page, 'rating-results-formula');
    });

    const results = await data<{ rows: Array<{ rank: number | null; departmentId: string; score: number }> }>(
      'rating',
      'results',
      { campaignId },
    );
    expect(results.rows.map((r) => [r.rank, r.departmentId, r.score])).toEqual([
      [1, 'jyj', 77.13],
      [2, 'fgw', 75.75],
      [null, 'gaj', 100],
    ]);
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });

  it('the demo campaign is open on 首页 -> 微信测评 for the public', async () => {
    await withPage('rating-demo', 'demo-public', '/pages/index/index', async (page) => {
      await shown(page, '.home-entry').filter({ hasText: '微信测评' }).click();
      await waitForText(page, '.rating-campaign__title', demoRatingTitle());
      await settled(page);
      await screenshot(page, 'rating-list');
      await shown(page, '.rating-campaign').filter({ hasText: '（演示）' }).click();
      await waitForText(page, '.rating-hero__title', demoRatingTitle());
      await clickButton(page, '.rating-results-link');
      // The seed's last two departments have fewer ratings than its minimum of 10.
      await waitForText(page, '.rating-row__name', '市交通运输局');
      const scores = (await shown(page, '.rating-row__score').allInnerTexts()).map((t) => t.trim());
      expect(scores).toHaveLength(8);
      expect(scores.slice(6)).toEqual(['样本不足', '样本不足']);
      expect(scores.slice(0, 6).every((t) => /^\d+\.\d$/.test(t))).toBe(true);
      await settled(page);
      await screenshot(page, 'rating-demo-results');
    });
  });
});
