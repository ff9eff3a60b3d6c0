// Production build settings (every build without --watch): minified by Taro, and no source maps shipped.
import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: { enableSourceMap: false },
  h5: { enableSourceMap: false },
} satisfies UserConfigExport<'webpack5'>;
