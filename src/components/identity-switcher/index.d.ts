// Type of the IdentitySwitcher for the type checker; the build picks index.h5.tsx or index.weapp.tsx.
export declare function IdentitySwitcher(): JSX.Element | null;
