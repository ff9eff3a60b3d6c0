// Taro plugin: lets the WeChat build render the ARIA attributes that WeChat supports on view, text and image
// (aria-component: read by VoiceOver and TalkBack). Taro's WeChat templates only carry the attributes listed for
// each component, and no aria-* is listed, so `ariaRole`/`ariaLabel`/`ariaChecked` would be dropped on WeChat.
import type { IPluginContext } from '@tarojs/service';

/** '' is Taro's "no default value": the attribute is written only with the value the page gives it. */
const ARIA = {
  'aria-role': '',
  'aria-label': '',
  'aria-checked': '',
  'aria-disabled': '',
  'aria-hidden': '',
  'aria-sort': '',
};

interface MiniTemplate {
  mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void;
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: { template?: Partial<MiniTemplate> }) {
      // Only the mini-program platforms have templates; the H5 build renders the props as attributes itself.
      platform.template?.mergeComponents?.(ctx, { View: ARIA, Text: ARIA, Image: ARIA });
    },
  });
};
