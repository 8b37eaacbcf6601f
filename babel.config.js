// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// NutUI on demand: its documented `libraryDirectory: 'dist/esm'` does not exist in 3.0.20,
// so component and CSS paths are spelled out. Sub-components (CellGroup, TabPane) must be
// imported by their own names to get their CSS.
// Styles come from each component's `style/css` (a module importing its own style.css and those of
// the components it renders, e.g. Cascader → Popup, Overlay, Tabs, TabPane). Its `style/style.css`
// alone leaves those out: the H5 Cascader then stacked its tabs and pushed the list off-screen.
// Every style.css is one webpack module, so a dependency shared by several components is bundled once.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
