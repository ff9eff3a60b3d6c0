// 组织生活 in the H5 build, in a real browser against the local cloud with the demo data: the secretary finds the 党课
// held without 纪实 on the year's list, records its 纪实 with a photo and an absentee's reason, and it counts as
// complete; demo-member sees 民主评议 on 我的, votes on every member, and the secretary sees the ballot counted
// (never what it said). Screenshots at 375 px, the forms also in 大字模式.
import type { Page } from 'playwright-core';
import type { BallotForm, MeetingList, MeetingView, ReviewSummary, ReviewTally } from '@/domain/api';
import { DEMO_ORGLIFE, demoOrglifeAnchor } from '../../emulator/demo/orglife';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member';
/** Taro.setStorageSync's H5 format for the 大字模式 switch (src/services/preferences.ts). */
const LARGE_FONT_KEY = 'jgdj.large-font';
const PHOTO_WIDTH = 400;

/** A photo-like PNG drawn in the page's canvas: a meeting room with a red banner over a table. */
async function meetingPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate((width) => {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = 300;
    const g = c.getContext('2d')!;
    g.fillStyle = '#efe6d8';
    g.fillRect(0, 0, width, 300);
    g.fillStyle = '#c8161d';
    g.fillRect(40, 30, width - 80, 50);
    g.fillStyle = '#f3d36b';
    g.font = 'bold 24px sans-serif';
    g.fillText('党课：严守政治纪律', 90, 64);
    g.fillStyle = '#7a4b2a';
    g.fillRect(60, 190, width - 120, 40);
    g.fillStyle = '#2b2f36';
    for (let x = 80; x < width - 80; x += 60) g.fillRect(x, 150, 30, 40);
    return c.toDataURL('image/png').split(',')[1];
  }, PHOTO_WIDTH);
  return Buffer.from(base64, 'base64');
}

/** The native input or textarea with `placeholder` (Taro's H5 wraps it in an element with the same placeholder). */
const field = (page: Page, placeholder: string) =>
  shown(page, `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();

/** The year of the demo's 台账 and 民主评议 (the year before in the first 30 days of a year: demoOrglifeAnchor). */
const thisYear = () => demoOrglifeAnchor(Date.now()).year;

describeBrowser('组织生活 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('records a 纪实 with a photo, and a member votes anonymously', async () => {
    const { data } = emu();
    const before = await data<MeetingList>(
      'orglife',
      'meetings',
      { orgId: DEMO_ORGLIFE.orgId, year: thisYear() },
      SECRETARY,
    );
    const lecture = before.rows.find((r) => r.title === DEMO_ORGLIFE.lecture);
    expect(lecture?.state).toBe('none');

    await session.withPage(
      'orglife-minutes',
      `/admin/meetings/index?year=${thisYear()}`,
      async (page) => {
        await waitForText(page, '.meetings-summary__warn', '没有完整纪实');
        await settled(page);
        await screenshot(page, 'orglife-meetings');
        await shown(page, '.meetings-row').filter({ hasText: DEMO_ORGLIFE.lecture }).click();
        await waitForText(page, '.minutes-title', DEMO_ORGLIFE.lecture);
        await waitForText(page, '.minutes-state', '未填写纪实');

        await field(page, '如：学习《2020年机关党建工作计划》').fill('严守政治纪律和政治规矩');
        await shown(page, '.field').filter({ hasText: '主持人' }).locator('input').fill('王建国');
        await shown(page, '.field').filter({ hasText: '记录人' }).locator('input').fill('李秀英');
        await field(page, '会议议程、发言要点、讨论情况').fill(
          '一、王建国同志讲授党课《严守政治纪律和政治规矩》。\n二、观看警示教育片，党员交流体会。',
        );
        await field(page, '形成的决议、分工和完成时限').fill('每名党员在月底前提交一篇心得体会。');
        await page
          .locator('.minutes-form .photo-upload__input')
          .setInputFiles({ name: 'lecture.png', mimeType: 'image/png', buffer: await meetingPhoto(page) });
        await waitForText(page, '.photo-upload__add', '照片 1/9');
        await field(page, '缺席原因，如：出差、病假').fill('因公出差');
        await scrollTo(page, '.photo-upload');
        await settled(page);
        await screenshot(page, 'orglife-minutes-form');

        await shown(page, '.minutes-save').click();
        await toastCame(page, '纪实已保存');
        await waitForText(page, '.minutes-state', '纪实已完成');
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'orglife-minutes-saved');
        // The saved photo shows again from its temporary URL.
        const img = shown(page, '.photo-upload__img img').first();
        await img.waitFor({ state: 'visible' });
        await img.evaluate((el: HTMLImageElement) =>
          el.complete && el.naturalWidth > 0
            ? undefined
            : new Promise((resolve, reject) => {
                el.addEventListener('load', resolve, { once: true });
                el.addEventListener('error', () => reject(new Error(`photo failed: ${el.src}`)), { once: true });
              }),
        );
        expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(PHOTO_WIDTH);

        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.minutes-state', '纪实已完成');
        await settled(page);
        await screenshot(page, 'orglife-minutes-large');
      },
      SECRETARY,
    );

    const view = await data<MeetingView>('orglife', 'meeting', { activityId: lecture?.activityId ?? '' }, MEMBER);
    expect(view.record).toMatchObject({
      topic: '严守政治纪律和政治规矩',
      host: '王建国',
      recorder: '李秀英',
      complete: true,
    });
    expect(view.record?.photos).toEqual([
      { fileID: expect.stringMatching(/\/orglife\/.+\.png$/), url: expect.stringContaining('/api/storage/orglife/') },
    ]);
    expect(view.attendance.rows.filter((r) => r.status === 'absent').map((r) => r.reason)).toEqual(['因公出差']);
    const after = await data<MeetingList>(
      'orglife',
      'meetings',
      { orgId: DEMO_ORGLIFE.orgId, year: thisYear() },
      SECRETARY,
    );
    expect(after.withoutMinutes).toBe(before.withoutMinutes - 1);

    const { reviews } = await data<{ reviews: ReviewSummary[] }>('orglife', 'reviews', {}, MEMBER);
    const reviewId = reviews[0].reviewId;
    const votersBefore = (await data<ReviewTally>('orglife', 'tally', { reviewId }, SECRETARY)).voters;

    await session.withPage(
      'orglife-vote',
      '/pages/mine/index',
      async (page) => {
        await waitForText(page, '.mine-review', '待投票');
        await settled(page);
        await screenshot(page, 'orglife-mine-entry');
        await shown(page, '.mine-review').click();
        await waitForText(page, '.vote-title', '年度民主评议党员');
        const rows = shown(page, '.vote-row');
        const count = await rows.count();
        expect(count).toBeGreaterThan(1);
        // Submitting before every member is graded is refused on the page.
        await rows.nth(0).locator('.vote-grade').nth(0).click();
        await shown(page, '.vote-submit').click();
        await waitForText(page, '.form-error', `还有 ${count - 1} 名党员未评价`);
        for (let i = 1; i < count; i++)
          await rows
            .nth(i)
            .locator('.vote-grade')
            .nth(i === 1 ? 0 : 1)
            .click();
        await settled(page);
        await screenshot(page, 'orglife-vote-form');
        await shown(page, '.vote-submit').click();
        await toastCame(page, '投票成功');
        await waitForText(page, '.vote-voted', '投票成功');
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'orglife-voted');

        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.vote-voted', '您已投票');
        await settled(page);
        await screenshot(page, 'orglife-vote-large');
      },
      MEMBER,
    );

    const form = await data<BallotForm>('orglife', 'ballot', { reviewId }, MEMBER);
    expect(form.voted).toBe(true);
    // The ballot form never carries what was voted.
    expect(JSON.stringify(form)).not.toMatch(/优秀|合格/);
    const tally = await data<ReviewTally>('orglife', 'tally', { reviewId }, SECRETARY);
    expect(tally.voters).toBe(votersBefore + 1);
    expect(tally.rows.every((r) => r.counts === null)).toBe(true);

    await session.withPage(
      'orglife-tally',
      `/admin/review/index?reviewId=${encodeURIComponent(reviewId)}`,
      async (page) => {
        await waitForText(page, '.review-turnout', `已投票 ${votersBefore + 1} / ${tally.electorate} 人`);
        await settled(page);
        await screenshot(page, 'orglife-tally');
      },
      SECRETARY,
    );
    expect(pageErrors).toEqual([]);
  });
});
