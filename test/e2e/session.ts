// One browser-test session per file: the emulator and chromium started before the tests and closed after, and
// phone pages that act as a given WeChat identity, record uncaught page errors and leave a screenshot on failure.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenPage, screenshot } from './browser';
import type { E2eEmulator } from './emulator';
import { startE2eEmulator } from './emulator';

/** The H5 build's local identity (src/services/identity.h5.ts). */
export const OPENID_KEY = 'jgdj.dev-openid';
/** How long one wait on the page may take before the step fails with its own message. */
export const STEP_TIMEOUT_MS = 20_000;

export interface E2eSession {
  emu(): E2eEmulator;
  /** Uncaught exceptions in any page: the app must not throw whatever a test does. */
  readonly pageErrors: string[];
  /** A phone page (or a 1920×1080 `screen`) in its own browser context, acting as `openid` when one is given. */
  newPage(name: string, openid?: string, kind?: 'phone' | 'screen'): Promise<Page>;
  /** `newPage` on `hash` of the app for `fn`; a screenshot `<name>-failure` if it throws; closed after. */
  withPage(name: string, hash: string, fn: (page: Page) => Promise<void>, openid?: string): Promise<void>;
}

/** Registers beforeAll/afterAll in the calling describe block. */
export function e2eSession(): E2eSession {
  let cloud: E2eEmulator | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    cloud = await startE2eEmulator();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    // Each step on its own, so that a failure in one still runs the other.
    await browser?.close().catch((e: unknown) => console.error('closing the browser failed', e));
    await cloud?.close();
  });

  const emu = (): E2eEmulator => {
    if (!cloud) throw new Error('the emulator did not start');
    return cloud;
  };

  async function newPage(name: string, openid?: string, kind: 'phone' | 'screen' = 'phone'): Promise<Page> {
    if (!browser) throw new Error('the browser did not start');
    const page = kind === 'screen' ? await screenPage(browser) : await phonePage(browser);
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
    if (openid) {
      await page
        .context()
        .addInitScript(([key, value]) => window.localStorage.setItem(key, value), [OPENID_KEY, openid] as const);
    }
    return page;
  }

  async function withPage(name: string, hash: string, fn: (page: Page) => Promise<void>, openid?: string) {
    const page = await newPage(name, openid);
    try {
      await page.goto(`${emu().url}/#${hash}`);
      await fn(page);
    } catch (e) {
      await screenshot(page, `${name}-failure`).catch(() => undefined);
      throw e;
    } finally {
      await page.context().close();
    }
  }

  return { emu, pageErrors, newPage, withPage };
}
