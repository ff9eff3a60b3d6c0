// Type of `./page-a11y` for the type checker; the build picks page-a11y.h5.ts or page-a11y.weapp.ts (Taro's suffixes).

/** Accessibility the page frame needs beyond what each page renders (the H5 router's pages, the tab bar). */
export declare function initPageAccessibility(): void;
