// 民声热线 in the H5 build, in a real browser against the local cloud with the demo data: the public submits an
// appeal with a photo and sees it on the ticket (thumbnail and full size), the admin assigns it, the department's
// handler replies from the queue (seeing the photo too), the submitter rates it, and another person sees it on the
// public board with the name, phone and ID number masked and no photo.
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
const HANDLER = 'demo-handler';
const SUBMITTER = 'e2e-hotline-public';
const OTHER = 'e2e-hotline-other';
const PHONE = '13912345678';
const ID_CARD = '110101199003071234';
const PHOTO_WIDTH = 480;

/** A photo-like PNG drawn in the page's canvas: a street at night with a dark lamp over a school gate. */
async function lampPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate((width) => {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = 360;
    const g = c.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 240);
    sky.addColorStop(0, '#0b1d3a');
    sky.addColorStop(1, '#35507a');
    g.fillStyle = sky;
    g.fillRect(0, 0, width, 240);
    g.fillStyle = '#555b66';
    g.fillRect(0, 240, width, 120);
    g.fillStyle = '#e8e2cf';
    for (let x = 20; x < width; x += 90) g.fillRect(x, 296, 50, 8);
    g.fillStyle = '#8a3b2e';
    g.fillRect(300, 130, 160, 110);
    g.fillStyle = '#f3d36b';
    g.font = 'bold 22px sans-serif';
    g.fillText('实验小学', 334, 180);
    g.fillStyle = '#2b2f36';
    g.fillRect(120, 60, 10, 190);
    g.fillRect(120, 60, 70, 8);
    g.fillStyle = '#3d4350';
    g.beginPath();
    g.arc(190, 78, 18, 0, Math.PI);
    g.fill();
    return c.toDataURL('image/png').split(',')[1];
  }, PHOTO_WIDTH);
  return Buffer.from(base64, 'base64');
}

/** Waits until the shown photo `selector` (a Taro Image) has loaded, and returns its natural width. */
async function loadedWidth(page: Page, selector: string): Promise<number> {
  const img = shown(page, selector).first();
  await img.waitFor({ state: 'visible' });
  await img.evaluate((el: HTMLImageElement) =>
    el.complete && el.naturalWidth > 0
      ? undefined
      : new Promise((resolve, reject) => {
          el.addEventListener('load', resolve, { once: true });
          el.addEventListener('error', () => reject(new Error(`photo failed to load: ${el.src}`)), { once: true });
        }),
  );
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

/** The native input or textarea with `placeholder` (Taro's H5 wraps it in an element with the same placeholder). */
const field = (page: Page, placeholder: string) =>
  shown(page, `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();
const button = (page: Page, text: string) => shown(page, '.nut-button').filter({ hasText: text }).first();

describeBrowser('民声热线 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  const withPage = (name: string, openid: string, hash: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, hash, fn, openid);

  it('submits, assigns, replies, rates and publishes masked', async () => {
    await withPage('hotline-submit', SUBMITTER, '/pages/hotline-submit/index', async (page) => {
      await waitForText(page, '.card__title', '诉求类别');
      await shown(page, '.hotline-chip').filter({ hasText: '求助' }).click();
      await shown(page, '.hotline-chip').filter({ hasText: '市教育局' }).click();
      await field(page, '一句话说明问题').fill('学校门口路灯不亮');
      await field(page, '请写明时间、地点和具体情况').fill(
        `我叫王小明，住幸福路12号3栋501室，电话${PHONE}，身份证${ID_CARD}。实验小学门口路灯坏了一周，孩子放学很危险。`,
      );
      const photo = await lampPhoto(page);
      await page
        .locator('.photo-upload__input')
        .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: photo });
      await waitForText(page, '.photo-upload__add', '照片 1/6');
      // 删除 sits under the thumbnail, not on it.
      const thumb = await shown(page, '.photo-upload__img').first().boundingBox();
      const remove = await shown(page, '.photo-upload__remove').first().boundingBox();
      expect(thumb && remove && remove.y >= thumb.y + thumb.height - 0.5).toBe(true);
      // What people type is in the page's font and size: the textarea is not the browser's monospace 13 px.
      const fonts = await page.evaluate(() => {
        const font = (sel: string) => {
          const el = Array.from(document.querySelectorAll(sel)).find((e) => (e as HTMLElement).offsetParent !== null);
          const style = el ? getComputedStyle(el) : null;
          return style ? `${style.fontFamily} ${style.fontSize}` : sel;
        };
        return {
          textarea: font('textarea[placeholder="请写明时间、地点和具体情况"]'),
          input: font('input[placeholder="一句话说明问题"]'),
        };
      });
      expect(fonts.textarea).toBe(fonts.input);
      expect(fonts.textarea).not.toMatch(/monospace/);
      await field(page, '便于部门回访').fill('王小明');
      await field(page, '11 位手机号').fill(PHONE);
      await scrollTo(page, '.photo-upload');
      await settled(page);
      await screenshot(page, 'hotline-submit-form');
      await shown(page, '.hotline-submit').click();
      await waitForText(page, '.hotline-done__title', '提交成功');
      await settled(page);
      await screenshot(page, 'hotline-submitted');
      // The ticket shows the photo as a thumbnail (a temporary URL from `get`) that opens full size.
      await button(page, '查看进度').click();
      await waitForText(page, '.hotline-detail__meta', '照片 1 张，点击查看大图');
      expect(await loadedWidth(page, '.hotline-photos__img img')).toBe(PHOTO_WIDTH);
      await scrollTo(page, '.hotline-photos');
      await settled(page);
      await screenshot(page, 'hotline-ticket-photo');
      await shown(page, '.hotline-photos__img').first().click();
      expect(await loadedWidth(page, '.preview-image img')).toBe(PHOTO_WIDTH);
      await screenshot(page, 'hotline-photo-preview');
      // The full-size photo shows a visible way out.
      const close = await shown(page, '.preview-image').evaluate((el) => getComputedStyle(el, '::after').content);
      expect(close).toContain('关闭');
      await shown(page, '.preview-image').click();
      await page.locator('.preview-image').waitFor({ state: 'detached' });
    });

    const { data } = emu();
    const { tickets } = await data<{ tickets: Array<{ ticketId: string; ticketNo: string }> }>(
      'hotline',
      'mine',
      {},
      SUBMITTER,
    );
    expect(tickets).toHaveLength(1);
    const { ticketId, ticketNo } = tickets[0];
    const stored = await data<{ photos: Array<{ fileID: string; url: string | null }> }>(
      'hotline',
      'get',
      { ticketId },
      SUBMITTER,
    );
    expect(stored.photos).toEqual([
      { fileID: expect.stringMatching(/\/hotline\/.+\.png$/), url: expect.stringContaining('/api/storage/hotline/') },
    ]);

    await withPage('hotline-admin', ADMIN, '/admin/hotline-triage/index', async (page) => {
      await waitForText(page, '.hotline-ticket-row__title', '学校门口路灯不亮');
      await settled(page);
      await screenshot(page, 'hotline-triage');
      await shown(page, '.hotline-ticket-row').filter({ hasText: '学校门口路灯不亮' }).click();
      await waitForText(page, '.hotline-detail__title', '学校门口路灯不亮');
      await button(page, '交办').click();
      await waitForText(page, '.hotline-chip--on', '市教育局');
      await button(page, '确认交办').click();
      await toastCame(page, '已交办');
      await waitForText(page, '.hotline-status', '办理中');
    });

    await withPage('hotline-handler', HANDLER, '/admin/hotline-queue/index', async (page) => {
      await waitForText(page, '.hotline-ticket-row__title', '学校门口路灯不亮');
      await settled(page);
      await screenshot(page, 'hotline-queue');
      await shown(page, '.hotline-ticket-row').filter({ hasText: '学校门口路灯不亮' }).click();
      await waitForText(page, '.hotline-detail__meta', `联系人：王小明 ${PHONE}`);
      expect(await loadedWidth(page, '.hotline-photos__img img')).toBe(PHOTO_WIDTH);
      await button(page, '答复').click();
      await field(page, '请写明办理情况和结果').fill(`已联系王小明（${PHONE}），路灯已于今日修复。`);
      await button(page, '提交答复').click();
      await toastCame(page, '已答复');
      await waitForText(page, '.hotline-status', '已答复');
    });

    await withPage('hotline-rate', SUBMITTER, `/pages/hotline-ticket/index?id=${ticketId}`, async (page) => {
      await waitForText(page, '.hotline-status', '已答复');
      await button(page, '评价').click();
      await shown(page, '.hotline-chip').filter({ hasText: '5 分 很满意' }).click();
      await button(page, '提交评价').click();
      await toastCame(page, '评价已提交');
      await waitForText(page, '.hotline-status', '已办结');
      await scrollTo(page, '.hotline-timeline', 'end');
      await settled(page);
      await screenshot(page, 'hotline-ticket-timeline');
    });

    await withPage('hotline-board', OTHER, '/pages/hotline-board/index', async (page) => {
      const item = await waitForText(page, '.hotline-board__item', ticketNo);
      const text = await item.innerText();
      expect(text).toContain('我叫王**');
      expect(text).toContain('139****5678');
      expect(text).toContain('110***********1234');
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(ID_CARD);
      expect(text).not.toContain('王小明');
      // Photos are never on the public board, as images or as addresses.
      expect(await page.locator('img[src*="/api/storage/"]').count()).toBe(0);
      expect(await page.content()).not.toContain('/api/storage/');
      await settled(page);
      await screenshot(page, 'hotline-board');
      await shown(page, '.hotline-tab').filter({ hasText: '部门统计' }).click();
      await waitForText(page, '.hotline-stats__dept', '市教育局');
      await settled(page);
      await screenshot(page, 'hotline-stats');
    });

    await withPage('hotline-tab', SUBMITTER, '/pages/hotline/index', async (page) => {
      await waitForText(page, '.hotline-entry__title', '我要反映');
      await settled(page);
      await screenshot(page, 'hotline-tab');
    });

    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
