// Big screens and office PCs in the H5 build: the check-in code screen fits a landscape window (the code, the counts
// and the countdown all inside it, no scrolling) and looks as before on a phone; office pages are a centred column on
// a PC. Screenshots at 375×812, 1280×720 and 1920×1080 of each.
import type { Page } from 'playwright-core';
import type { ActivitySummary } from '@/domain/api/checkin';
import { DEMO_CHECKIN_TITLES } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { settled, shown } from './ui';

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

describeBrowser('big screens and office PCs', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

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
        if (size.width > size.height) await fn(page);
      }
    } catch (e) {
      await screenshot(page, `${name}-failure`).catch(() => undefined);
      throw e;
    } finally {
      await page.context().close();
    }
  }

  it('the check-in code screen fits a landscape window: code, counts and countdown inside, nothing to scroll', async () => {
    const { activities } = await emu().data<{ activities: ActivitySummary[] }>(
      'checkin',
      'list',
      { scope: 'manage' },
      SECRETARY,
    );
    const open = activities.find((a) => a.title === DEMO_CHECKIN_TITLES.open);
    if (!open) throw new Error(`the demo data has no ${DEMO_CHECKIN_TITLES.open}`);
    await openAt(
      'big-screen-code',
      SECRETARY,
      `/admin/activity-code/index?activityId=${open.activityId}`,
      '.code-screen__image',
      async (page) => {
        for (const part of [
          '.code-screen__image',
          '.code-screen__stats',
          '.code-screen__clock',
          '.code-screen__title',
        ]) {
          const where = await inWindow(page, part);
          expect({ part, ...where }).toEqual({ part, inside: true, box: where.box });
        }
        // The page itself does not scroll: everything is above the fold.
        const overflow = await shown(page, '.taro_page').evaluate((el) => el.scrollHeight - el.clientHeight);
        expect(overflow).toBeLessThanOrEqual(1);
        // The code is as large as the height allows: at least half of the window's height.
        const side = await shown(page, '.code-screen__image').evaluate((el) => el.getBoundingClientRect().height);
        expect(side).toBeGreaterThan((page.viewportSize()?.height ?? 0) / 2);
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
      const clipped = await shown(page, '.overview-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(clipped).toBeLessThanOrEqual(1);
    });
    await openAt('big-screen-members', ADMIN, '/admin/members/index', '.page', centred);
    await openAt('big-screen-triage', ADMIN, '/admin/hotline-triage/index', '.page', centred);
    expect(pageErrors).toEqual([]);
  });
});
