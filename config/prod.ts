import type { UserConfigExport } from '@tarojs/cli';

// WeChat's package checks require minified JS and WXSS here; WXML is minified by WeChat's own
// uploader (project.config.json minifyWXML). Taro's `mini.minifyXML` must stay off: its HTML
// minifier drops `</input>` as if input were void, which WeChat's compiler rejects.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
