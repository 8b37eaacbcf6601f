const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
});

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/policies/index',
    'pages/services/index',
    'pages/me/index',
    'pages/bind/index',
    'pages/privacy/index',
    'pages/settings/index',
  ],
  // Staff-only screens stay out of the main package that every enterprise user downloads.
  subPackages: [{ root: 'staff', pages: ['pages/login/index', 'pages/home/index'] }],
  window: {
    navigationBarTitleText: '营商通',
    navigationBarBackgroundColor: '#1677ff',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('pages/home/index', '首页', 'home'),
      tab('pages/policies/index', '政策', 'policy'),
      tab('pages/services/index', '办事', 'service'),
      tab('pages/me/index', '我的', 'me'),
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
});
