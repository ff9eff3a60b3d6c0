// WeChat: the page frame (its scrolling and the native tab bar) is WeChat's own and screen readers already reach it;
// the pages' own controls carry their roles and labels (aria-role, aria-label, aria-checked).
export function initPageAccessibility(): void {}
