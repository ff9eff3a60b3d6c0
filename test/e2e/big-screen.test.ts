// Big screens and office PCs in the H5 build: the check-in code screen fits a landscape window (the code, the counts
// and the countdown all inside it, no scrolling) and looks as before on a phone; office pages are a centred column on
// a PC with their tables whole, 诉求分办 and 出勤与补签 put the list and its detail side by side; a page open while the
// window is resized follows it. Screenshots at 375×812, 1280×720 and 1920×1080 of each.
import type { Page } from 'playwright-core';
import type { ActivitySummary } from '@/domain/api/checkin';
import type { CampaignSummary } from '@/domain/api/rating';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { settled, shown, textOf } from './ui';

jest.setTimeout(300_000);

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';

const SIZES = [
  { width: 375, height: 812 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** The box of the shown `selector` and whether it lies wholly inside the window. */
async function inWindow(page: Page, selector: string): Promise<{ inside: boolean; box: string }> {
  return shown(page, selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const inside = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      return {
        inside,
        box: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${window.innerWidth}×${window.innerHeight}`,
      };
    });
}

/** The parts of the code screen the room must see: the code, the title, each count with its label, the countdown. */
const CODE_PARTS = [
  '.code-screen__image',
  '.code-screen__title',
  '.code-screen__stats',
  '.code-screen__present',
  '.code-screen__stat:nth-child(2) .code-screen__value',
  '.code-screen__stat:nth-child(2) .code-screen__label',
  '.code-screen__clock',
  '.code-screen__refresh',
];

/** Every part of CODE_PARTS inside the window, the page not scrolling, the code at least half the window's height. */
async function codeFits(page: Page): Promise<void> {
  for (const part of CODE_PARTS) {
    const where = await inWindow(page, part);
    expect({ part, ...where }).toEqual({ part, inside: true, box: where.box });
  }
  const overflow = await shown(page, '.taro_page').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(1);
  const side = await shown(page, '.code-screen__image').evaluate((el) => el.getBoundingClientRect().height);
  expect(side).toBeGreaterThan((page.viewportSize()?.height ?? 0) / 2);
}

/** Nothing on the shown page is wider than the window (a table cut off on the right, a row pushed out). */
async function noSideways(page: Page): Promise<void> {
  const extra = await shown(page, '.taro_page').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(extra).toBeLessThanOrEqual(1);
}

/** The boxes of two shown elements: whether `right` lies wholly to the right of `left`, side by side. */
async function sideBySide(page: Page, left: string, right: string): Promise<boolean> {
  const a = await shown(page, left).first().boundingBox();
  const b = await shown(page, right).first().boundingBox();
  return !!a && !!b && a.x + a.width <= b.x && a.y < b.y + b.height && b.y < a.y + a.height;
}

describeBrowser('big screens and office PCs', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  async function openActivityId(): Promise<string> {
    const { activities } = await emu().data<{ activities: ActivitySummary[] }>(
      'checkin',
      'list',
      { scope: 'manage' },
      SECRETARY,
    );
    const open = activities.find((a) => a.title === DEMO_CHECKIN_TITLES.open);
    if (!open) throw new Error(`the demo data has no ${DEMO_CHECKIN_TITLES.open}`);
    return open.activityId;
  }

  async function openAt(name: string, openid: string, hash: string, ready: string, fn: (page: Page) => Promise<void>) {
    const page = await session.newPage(name, openid);
    try {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        // A fresh document each time (a change of the hash alone keeps the app as it was laid out).
        await page.goto(`${emu().url}/#${hash}`);
        await page.reload();
        await shown(page, ready).first().waitFor({ state: 'visible' });
        await page.waitForFunction(() => !document.querySelector('.load-state--loading'));
        await settled(page);
        await screenshot(page, `${name}-${size.width}x${size.height}`);
        await fn(page);
      }
    } catch (e) {
      await screenshot(page, `${name}-failure`).catch(() => undefined);
      throw e;
    } finally {
      await page.context().close();
    }
  }

  it('the check-in code screen fits a landscape window: code, counts and countdown inside, nothing to scroll', async () => {
    const activityId = await openActivityId();
    await openAt(
      'big-screen-code',
      SECRETARY,
      `/admin/activity-code/index?activityId=${activityId}`,
      '.code-screen__image',
      async (page) => {
        const size = page.viewportSize();
        if (size && size.width > size.height) await codeFits(page);
        // The local address a member opens in H5 is readable at every size: at least 14 px.
        const px = await shown(page, '.code-screen__link').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(px).toBeGreaterThanOrEqual(14);
      },
    );
    expect(pageErrors).toEqual([]);
  });

  it('office pages are a centred column on a PC and the 达标创优 table shows all its columns', async () => {
    const centred = async (page: Page) => {
      const { left, right, width } = await shown(page, '.page')
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: window.innerWidth - r.right, width: r.width };
        });
      expect(width).toBeLessThanOrEqual(1280);
      expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
    };
    await openAt('big-screen-overview', ADMIN, '/admin/overview/index', '.overview-table', async (page) => {
      await centred(page);
      // On a PC every column shows; on a phone the table scrolls sideways under its hint.
      const clipped = await shown(page, '.overview-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
      if ((page.viewportSize()?.width ?? 0) >= 1024) expect(clipped).toBeLessThanOrEqual(1);
      else await shown(page, '.overview-scroll-hint').waitFor({ state: 'visible' });
    });
    await openAt('big-screen-members', ADMIN, '/admin/members/index', '.page', async (page) => {
      await centred(page);
      await noSideways(page);
    });
    const { campaigns } = await emu().data<{ campaigns: CampaignSummary[] }>('rating', 'list', {}, ADMIN);
    const campaign = campaigns[0];
    if (!campaign) throw new Error('the demo data has no rating campaign');
    await openAt(
      'big-screen-rating-results',
      ADMIN,
      `/pages/rating-results/index?id=${campaign.campaignId}`,
      '.rating-hero',
      async (page) => {
        await centred(page);
        await noSideways(page);
      },
    );
    expect(pageErrors).toEqual([]);
  });

  it('诉求分办 and 出勤与补签 show the list and its detail side by side on a PC, one column on a phone', async () => {
    await openAt('big-screen-triage', ADMIN, '/admin/hotline-triage/index', '.hotline-ticket-row', async (page) => {
      await noSideways(page);
      const wide = (page.viewportSize()?.width ?? 0) >= 1024;
      if (!wide) return;
      // The first ticket is open beside the list; picking another shows that one, on the same page.
      expect(await sideBySide(page, '.split__list', '.split__detail')).toBe(true);
      const rows = shown(page, '.hotline-ticket-row');
      const pick = rows.nth((await rows.count()) > 1 ? 1 : 0);
      const ticketNo = (await pick.locator('.hotline-ticket-row__meta').innerText()).split('·')[0].trim();
      await pick.click();
      await shown(page, '.split__detail .hotline-detail__meta')
        .filter({ hasText: ticketNo })
        .first()
        .waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector('.load-state--loading'));
      expect(await pick.evaluate((el) => el.classList.contains('hotline-ticket-row--selected'))).toBe(true);
      expect(page.url()).toContain('/admin/hotline-triage/index');
      await screenshot(page, `big-screen-triage-picked-${page.viewportSize()?.width}`);
    });
    const activityId = await openActivityId();
    await openAt(
      'big-screen-attendance',
      SECRETARY,
      `/admin/attendance/index?activityId=${activityId}`,
      '.stats',
      async (page) => {
        await noSideways(page);
        const wide = (page.viewportSize()?.width ?? 0) >= 1024;
        expect(await sideBySide(page, '.attendance-board__main', '.attendance-board__lists')).toBe(wide);
        // The counts are in view beside the list.
        const where = await inWindow(page, '.stats');
        expect(where).toEqual({ inside: true, box: where.box });
      },
    );
    expect(pageErrors).toEqual([]);
  });

  it('a page open while the window is resized follows it: phone to projector and back, no errors', async () => {
    const activityId = await openActivityId();
    const page = await session.newPage('big-screen-resize', SECRETARY);
    try {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${emu().url}/#/admin/activity-code/index?activityId=${activityId}`);
      await page.reload();
      await shown(page, '.code-screen__image').waitFor({ state: 'visible' });
      const present = await textOf(page, '.code-screen__present');
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
        { width: 375, height: 812 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(size);
        await settled(page);
        await screenshot(page, `big-screen-resize-code-${size.width}x${size.height}`);
        if (size.width > size.height) await codeFits(page);
        else await shown(page, '.code-screen__image').waitFor({ state: 'visible' });
        // Still the same live page: the counts are shown (not reloaded to a dash).
        expect(await textOf(page, '.code-screen__present')).toBe(present);
      }
    } catch (e) {
      await screenshot(page, 'big-screen-resize-failure').catch(() => undefined);
      throw e;
    } finally {
      await page.context().close();
    }

    // 诉求分办 opened on a phone-sized window becomes two columns when the window grows, and one again after.
    const admin = await session.newPage('big-screen-resize-triage', ADMIN);
    try {
      const page = admin;
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${emu().url}/#/admin/hotline-triage/index`);
      await page.reload();
      await shown(page, '.hotline-ticket-row').first().waitFor({ state: 'visible' });
      expect(await shown(page, '.split__detail').count()).toBe(0);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await shown(page, '.split__detail .hotline-detail').first().waitFor({ state: 'visible' });
      await settled(page);
      await screenshot(page, 'big-screen-resize-triage-1920x1080');
      await page.setViewportSize({ width: 375, height: 812 });
      await page.locator('.split__detail').first().waitFor({ state: 'hidden' });
      await shown(page, '.hotline-ticket-row').first().waitFor({ state: 'visible' });
      await noSideways(page);
    } catch (e) {
      await screenshot(admin, 'big-screen-resize-triage-failure').catch(() => undefined);
      throw e;
    } finally {
      await admin.context().close();
    }
    expect(pageErrors).toEqual([]);
  });
});
