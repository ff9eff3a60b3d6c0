// Mini-program: NutUI's icons are drawn in a <view>, the element WeChat has a template for.
import { configure } from '@nutui/icons-react-taro';

/**
 * NutUI draws every icon (an input's clear button, a cell's arrow ...) in an <i> by default. Taro's weapp templates
 * (base.wxml) have no template for <i>, so WeChat drew nothing there (wcc: "Template `tmpl_0_i` not found");
 * a <view> with the same classes and mask style is drawn. The weapp check (test/weapp) fails on the warning.
 */
export function setUpIcons(): void {
  configure({ tag: 'view' });
}
