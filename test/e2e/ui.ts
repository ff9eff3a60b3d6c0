// Page helpers for the H5 build in playwright: Taro's router keeps other pages in the DOM, NutUI buttons are
// custom elements, pages scroll inside their own element, and page transitions are CSS animations.
import type { Locator, Page } from 'playwright-core';

/** The element(s) of `selector` that are shown: Taro's H5 router keeps hidden pages (other tabs) in the DOM. */
export function shown(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true });
}

/** Waits until a shown element of `selector` contains `text`, and returns it; a timeout says what is shown instead. */
export async function waitForText(page: Page, selector: string, text: string | RegExp): Promise<Locator> {
  const el = shown(page, selector).filter({ hasText: text }).first();
  try {
    await el.waitFor({ state: 'visible' });
  } catch (e) {
    const texts = await shown(page, selector)
      .allInnerTexts()
      .catch(() => []);
    const now = texts.length ? texts.map((t) => JSON.stringify(t.trim())).join(', ') : 'nothing shown';
    throw new Error(`no shown ${selector} with ${String(text)}; shown: ${now}\n${(e as Error).message}`);
  }
  return el;
}

/** The trimmed text of the one shown element of `selector`. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return (await shown(page, selector).innerText()).trim();
}

/**
 * Waits for the page transition to end: Taro's H5 router slides pages in with CSS transitions, and a screenshot taken
 * during one shows a blank or half-moved page. Endless animations (spinners) do not count.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/** A NutUI button (a `taro-button-core`) by its class, once it is enabled; clicked on the rendered element. */
export async function clickButton(page: Page, selector: string): Promise<void> {
  await shown(page, `${selector}:not(.nut-button-disabled)`).click();
}

/**
 * Scrolls the shown page so that `selector` is in view (`block` as in scrollIntoView), or to its top for 'top'.
 * Taro's H5 pages scroll inside their `.taro_page` element, not the document, so a full-page screenshot still shows
 * only the viewport: scroll to what the screenshot is about first.
 */
export async function scrollTo(
  page: Page,
  selector: string | 'top',
  block: ScrollLogicalPosition = 'center',
): Promise<void> {
  if (selector === 'top') await shown(page, '.taro_page').evaluate((el) => el.scrollTo({ top: 0 }));
  else
    await shown(page, selector)
      .first()
      .evaluate((el, b) => el.scrollIntoView({ block: b }), block);
}

/** Waits for a toast (Taro.showToast) with `text` to show, then for it to go away, so it does not cover a screenshot. */
export async function toastCame(page: Page, text: string): Promise<void> {
  // The title paragraph: the `.taro__toast` wrapper itself has no box (its children are fixed-position).
  const title = page.locator('.taro__toast p').filter({ hasText: text });
  await title.waitFor({ state: 'visible' });
  await title.waitFor({ state: 'hidden' });
}

/** Taro's H5 modal (Taro.showModal): checks its text and presses the confirm button. */
export async function confirmModal(page: Page, text: string | RegExp): Promise<void> {
  await waitForText(page, '.taro-modal__text', text);
  await page.locator('.taro-model__confirm').click();
}
