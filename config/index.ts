// Taro build configuration: a base shared by both targets, merged with dev.ts or prod.ts (Taro's default template).
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

/** NutUI's styles are written for a 375-px design; ours for 750 (1 design px = 1 rpx). */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input !== null ? input.file : undefined;
  return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

/**
 * src/domain is pure (ESLint keeps Taro, the SDK, node and I/O out of it), so its modules have no side effects. Saying so
 * lets webpack look through a part's index.ts, which the pages import, and put each file only into the packages that use
 * it, as a direct import of the file would; otherwise the files a page uses through an index go to the main package
 * together with those an admin page uses (and a page importing `@/domain/hotline` would carry the holiday calendar).
 */
function domainIsPure(chain: Chain) {
  chain.module
    .rule('domain-pure')
    .test(/[\\/]src[\\/]domain[\\/]/)
    .set('sideEffects', false);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiguan-dangjian',
    date: '2020-1-1',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // The emulator serves dist-h5/; WeChat DevTools reads dist/ through project.config.json's miniprogramRoot.
    // TARO_OUTPUT_DIR lets parallel builds (several engineers, CI steps) write to separate folders.
    outputRoot: process.env.TARO_OUTPUT_DIR || (isH5 ? 'dist-h5' : 'dist'),
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      // Defined explicitly so that an unset variable becomes '' instead of a bare `process.env` lookup at runtime.
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      'process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID': JSON.stringify(
        process.env.TARO_APP_HOTLINE_REPLY_TEMPLATE_ID ?? '',
      ),
      'process.env.TARO_APP_HOTLINE_REMIND_TEMPLATE_ID': JSON.stringify(
        process.env.TARO_APP_HOTLINE_REMIND_TEMPLATE_ID ?? '',
      ),
      'process.env.TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID': JSON.stringify(
        process.env.TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID ?? '',
      ),
      'process.env.TARO_APP_NOTICE_REMIND_TEMPLATE_ID': JSON.stringify(
        process.env.TARO_APP_NOTICE_REMIND_TEMPLATE_ID ?? '',
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // WeChat's templates get the aria-* attributes of view, text and image (see the file).
    plugins: [path.resolve(__dirname, 'aria-attributes.ts')],
    compiler: {
      type: 'webpack5',
      // Prebundling NutUI would put all of it (2.5 MB) into the main package of watch builds.
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: false },
    mini: {
      webpackChain: domainIsPure,
      // Pages import component styles in different orders; the rules do not overlap, so the order is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      imageUrlLoaderOption: { name: 'static/images/[name].[contenthash:8][ext]' },
      fontUrlLoaderOption: { name: 'static/fonts/[name].[contenthash:8][ext]' },
      mediaUrlLoaderOption: { name: 'static/media/[name].[contenthash:8][ext]' },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of NutUI and the
        // shared components; splitting all chunks shares them (about half the size of dist-h5).
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        domainIsPure(chain);
      },
      // Runs NutUI's CSS through Taro's H5 postcss as well (px -> rem at its 375 design width), so it scales with ours.
      esnextModules: ['@nutui/nutui-react-taro'],
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // The root font size (what 1 design px becomes) follows the window's shorter side, capped: Taro's default
        // cap of 40 px drew a PC window at twice a phone's size (32-px body text). 24 px leaves every phone as it
        // was (20 px at 375, 22.9 at 430) and gives a PC or a tablet 1.2 times a phone's type.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
