import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

// The H5 build is served by the backend from the same origin, so its API base is ''.
// The weapp build talks to an absolute URL (the local stand-in by default).
// types/ (the shared contract and USCC code) lives outside src/, so Babel must be told to compile it.
const sharedSources = [path.resolve(__dirname, '..', 'types')];

const apiBase = isH5 ? '' : process.env.API_BASE_URL || 'http://127.0.0.1:8080';

/** px: the H5 root font size on screens wider than a phone (see h5.postcss.pxtransform). */
const H5_MAX_ROOT_FONT = 24;

// TARO_OUTPUT_ROOT lets parallel work build without clobbering each other's output.
const outputRoot = process.env.TARO_OUTPUT_ROOT ?? (isH5 ? 'dist-h5' : 'dist');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yingshangtong',
    date: '2026-11-27',
    // NutUI is drawn for a 375px design; our own styles for 750px.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': path.resolve(__dirname, '..', 'types'),
    },
    // Browsers ask for /favicon.ico on every H5 page load; the mini-program has no use for it.
    copy: { patterns: isH5 ? [{ from: 'src/favicon.ico', to: `${outputRoot}/favicon.ico` }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: sharedSources },
      optimizeMainPackage: { enable: true },
      // NutUI's per-component CSS is imported in different orders by different pages; order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: sharedSources },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Taro's H5 root font grows with the screen's shorter side (20px at 375) up to 40px, so on a
        // 1280×800 desktop our rem-based text doubled while NutUI's px sizes (in var() fallbacks, which
        // pxtransform leaves alone) did not. Capping it just above the widest phone's (430px → 22.9px)
        // keeps phones as they were and gives desktop staff the proportions of a large phone.
        pxtransform: { enable: true, config: { maxRootSize: H5_MAX_ROOT_FONT } },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
