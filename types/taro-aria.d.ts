// WeChat supports more ARIA attributes on view than Taro's types list (only ariaRole and ariaLabel):
// config/aria-attributes.ts passes these into the WeChat templates; on H5 they become aria-* attributes.
import '@tarojs/components/types/View';

declare module '@tarojs/components/types/View' {
  interface ViewProps {
    ariaChecked?: 'true' | 'false';
    ariaDisabled?: 'true' | 'false';
    ariaHidden?: 'true' | 'false';
    ariaSort?: 'ascending' | 'descending' | 'none';
    /** A scrolling region a keyboard can reach (lower-case: Taro's H5 components write a prop's dashed name). */
    tabindex?: '0' | '-1';
  }
}
