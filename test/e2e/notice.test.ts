// 通知公告 and 学习资料 in the H5 build, in a real browser against the local cloud with the demo data: the 工委 publishes
// a notice with an attachment and a confirm deadline to one branch, a member sees it on 首页, opens and confirms it,
// the 工委 sees the read list and reminds the unread; a member reads an article until the server credits the point.
import type { Page } from 'playwright-core';
import type { PointsMine } from '@/domain/api/points';
import type { ArticleSummary, NoticeSummary, SentNotice } from '@/domain/api/notice';
import { DEMO_ARTICLE_IDS, DEMO_OVERVIEW_TITLE } from '../../emulator/demo/notice';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, confirmModal, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const TITLE = '关于召开第四季度支部党员大会的通知（浏览器测试）';
const BRANCH = '市发展改革委机关第一党支部';
/** Taro.setStorageSync's H5 format for the 大字模式 switch (src/services/preferences.ts). */
const LARGE_FONT_KEY = 'jgdj.large-font';

describeBrowser('通知公告 and 学习资料 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  const withPage = (name: string, openid: string, hash: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, hash, fn, openid);

  it('publishes a notice, a member confirms it, the sender sees who read and reminds the rest', async () => {
    const { data } = emu();

    await withPage('notice-publish', ADMIN, '/admin/notice-form/index', async (page) => {
      await waitForText(page, '.field__label', '发送范围');
      await shown(page, 'input[name="title"]').fill(TITLE);
      await shown(page, 'textarea[placeholder="通知的内容：时间、地点、要求"]').fill(
        '支部全体党员：\n定于下周五下午3时在三楼党员活动室召开第四季度支部党员大会，请准时参加。',
      );
      // The file input itself is hidden behind its label (a styled 添加附件 button).
      await shown(page, '.notice-files')
        .locator('.notice-files__input')
        .setInputFiles({
          name: '会议议程.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n% 会议议程\n'),
        });
      await waitForText(page, '.notice-files__name', '会议议程.pdf');
      await shown(page, '.check-list__row').filter({ hasText: BRANCH }).click();
      await shown(page, '.segmented__item').filter({ hasText: '要求确认收到' }).click();
      await waitForText(page, '.field__label', '确认截止日期');
      await scrollTo(page, '.notice-form__submit');
      await settled(page);
      await screenshot(page, 'notice-publish-form');
      await clickButton(page, '.notice-form__submit');
      // Straight to the new notice's read list: the branch's four members, none read yet.
      await waitForText(page, '.receipts__title', TITLE);
      await waitForText(page, '.stats__item', /4\s*应读/);
      await waitForText(page, '.receipts__row', '张伟');
    });

    const { notices } = await data<{ notices: SentNotice[] }>('notice', 'sent', {}, ADMIN);
    const notice = notices.find((n) => n.title === TITLE);
    expect(notice).toMatchObject({ expected: 4, read: 0, confirmed: 0, orgIds: ['fgw-1'] });
    const noticeId = (notice as SentNotice).noticeId;

    await withPage('notice-member', MEMBER, '/pages/index/index', async (page) => {
      const row = await waitForText(page, '.home-notices .notice-row', TITLE);
      await waitForText(page, '.home-notices__unread', /条未读/);
      await scrollTo(page, '.home-notices');
      await settled(page);
      await screenshot(page, 'notice-home');
      await row.click();
      await waitForText(page, '.notice-detail__title', TITLE);
      await waitForText(page, '.notice-detail__file-name', '会议议程.pdf');
      await waitForText(page, '.notice-confirm__text', /前确认收到/);
      await settled(page);
      await screenshot(page, 'notice-detail');
      await clickButton(page, '.notice-confirm__button');
      await toastCame(page, '已确认收到');
      await waitForText(page, '.notice-confirm__text', '✓ 已确认');
      await screenshot(page, 'notice-confirmed');
      // 大字模式: the same notice for an older member.
      await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
      await page.reload();
      await waitForText(page, '.notice-confirm__text', '✓ 已确认');
      await settled(page);
      await screenshot(page, 'notice-detail-large');
    });

    // The read was recorded once, with the confirmation.
    const { notices: inbox } = await data<{ notices: NoticeSummary[] }>('notice', 'inbox', {}, MEMBER);
    expect(inbox.find((n) => n.noticeId === noticeId)).toMatchObject({ read: true, confirmState: 'confirmed' });

    await withPage('notice-receipts', ADMIN, `/admin/notice-receipts/index?id=${noticeId}`, async (page) => {
      await waitForText(page, '.receipts__title', TITLE);
      await waitForText(page, '.stats__item', /1\s*已读（25%）/);
      await shown(page, '.segmented__item').filter({ hasText: '已读 1' }).click();
      const read = await waitForText(page, '.receipts__row', '张伟');
      await waitForText(page, '.receipts__confirm', '已确认');
      expect(await read.innerText()).toMatch(/已读/);
      await clickButton(page, '.receipts__remind-button');
      await confirmModal(page, '向 3 名未读党员发送提醒？一小时内只能提醒一次。');
      await waitForText(page, '.receipts__said', /已提醒 3 人/);
      await shown(page, '.segmented__item').filter({ hasText: '未读 3' }).click();
      await waitForText(page, '.receipts__when', /已提醒/);
      await settled(page);
      await screenshot(page, 'notice-receipts');
    });

    // The unread members see 催阅 on their notice; a second reminder within the hour is refused.
    const other = await data<{ notices: NoticeSummary[] }>('notice', 'inbox', {}, 'demo-member-2');
    expect(other.notices.find((n) => n.noticeId === noticeId)).toMatchObject({ read: false, reminded: true });
    const again = await emu().call('notice', 'remind', { noticeId }, ADMIN);
    expect(again).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } });
    expect(pageErrors).toEqual([]);
  });

  it('times the reading of an article on the server and credits the point once', async () => {
    const { data } = emu();
    const before = await data<PointsMine>('points', 'mine', {}, MEMBER);

    await withPage('study-article', MEMBER, '/pages/study/index', async (page) => {
      const row = await waitForText(page, '.study-article', DEMO_OVERVIEW_TITLE);
      await waitForText(page, '.study-article__time', '读满 30 秒得 1 分');
      await settled(page);
      await screenshot(page, 'study-list');
      await row.click();
      await waitForText(page, '.article__title', DEMO_OVERVIEW_TITLE);
      await waitForText(page, '.article-reading__title', /已阅读 \d+ 秒，读满 30 秒得 1 积分/);
      await page.waitForTimeout(5_000);
      await screenshot(page, 'study-article-reading');
      // The server decides: 30 s after the open, the page finishes the reading by itself.
      await shown(page, '.article-reading--earned')
        .filter({ hasText: '已获得 1 积分' })
        .waitFor({ state: 'visible', timeout: 60_000 });
      await settled(page);
      await screenshot(page, 'study-article-earned');
      await page.goBack();
      await waitForText(page, '.study-article__done', '✓ 已学习');
    });

    const after = await data<PointsMine>('points', 'mine', {}, MEMBER);
    expect(after.balance - before.balance).toBe(1);
    expect(after.entries[0]).toMatchObject({ source: 'study', sourceId: DEMO_ARTICLE_IDS.overview, points: 1 });
    // Finishing again (a retry, a second phone) credits nothing more.
    const again = await data('notice', 'finishReading', { articleId: DEMO_ARTICLE_IDS.overview }, MEMBER);
    expect(again).toMatchObject({ status: 'already', awarded: 0 });
    const { articles } = await data<{ articles: ArticleSummary[] }>('notice', 'articles', {}, MEMBER);
    expect(articles.find((a) => a.articleId === DEMO_ARTICLE_IDS.overview)?.learned).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
