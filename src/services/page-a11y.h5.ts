// H5: Taro's router scrolls each page inside its own element and draws the tab bar outside the pages, so the page
// elements are made keyboard-scrollable here and the 大字模式 reaches the tab bar through a class on <html>.
import { isLargeFont, onLargeFontChange } from './preferences';
import './page-a11y.h5.scss';

/** The H5 router's page elements (one per page in its stack, hidden ones included). */
const PAGE_SELECTOR = '.taro_page';

function focusablePages(root: ParentNode): void {
  // A scrolling region must take focus so that the arrow and page keys scroll it (WCAG 2.1.1).
  root.querySelectorAll(PAGE_SELECTOR).forEach((el) => {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  });
}

export function initPageAccessibility(): void {
  focusablePages(document);
  new MutationObserver(() => focusablePages(document)).observe(document.body, { childList: true, subtree: true });
  const apply = () => document.documentElement.classList.toggle('large-font', isLargeFont());
  apply();
  onLargeFontChange(apply);
}
