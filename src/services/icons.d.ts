// Type of `./icons` for the type checker; the build picks the .weapp.ts or .h5.ts file (Taro's suffixes).

/** Makes NutUI's icons drawable on this platform; call once, before the first page renders. */
export declare function setUpIcons(): void;
