// Shared set-up of the browser tests: Debian's chromium through playwright-core, a phone-sized page, screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

/**
 * Browser tests run when chromium is installed. Without it they skip LOUDLY, unless E2E_REQUIRED=1 (CI), where a
 * missing browser is a failure.
 */
export const describeBrowser: jest.Describe = (() => {
  if (chromiumPath) return describe;
  const msg = `!!! chromium not found (${CANDIDATES.join(', ')}): install it with "apt-get install -y chromium fonts-noto-cjk"`;
  if (process.env.E2E_REQUIRED === '1') {
    return ((name: string, fn: () => void) =>
      describe(name, () => {
        it('needs chromium', () => {
          throw new Error(msg);
        });
        void fn;
      })) as unknown as jest.Describe;
  }
  console.warn(`${msg}\n!!! BROWSER TESTS SKIPPED`);
  return describe.skip;
})();

/** Playwright gives every launch a fresh, empty profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 375-px phone page (iPhone X size) for one identity; each identity gets its own browser context. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** A landscape page (a projector, 1920×1080 by default) for one identity, in its own browser context. */
export async function screenPage(browser: Browser, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

export const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  // Taro H5 pages scroll inside .taro_page, not the document: scroll to what matters before the shot.
  await page.screenshot({ path: file });
  return file;
}
