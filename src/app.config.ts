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
    'pages/policy-detail/index',
    'pages/benefits/index',
    'pages/benefit-detail/index',
    'pages/survey/index',
    'pages/tickets/index',
    'pages/tickets/detail',
  ],
  // Staff-only screens stay out of the main package that every enterprise user downloads.
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/login/index',
        'pages/home/index',
        'pages/tickets/index',
        'pages/tickets/detail',
        'pages/appeals/index',
        'pages/reminders/index',
        'pages/reminders/letter',
        'pages/reports/index',
        'pages/policies/index',
        'pages/policy-edit/index',
        'pages/import/index',
        'pages/benefits/index',
        'pages/inbox/index',
        'pages/deliveries/index',
        'pages/deliveries/detail',
        'pages/visits/index',
        'pages/visits/new',
      ],
    },
    // Rarely used enterprise pages (政策计算器, 留言) load on first use.
    { root: 'policy-tools', pages: ['pages/calculator/index', 'pages/message/index', 'pages/messages/index'] },
    // The dashboards carry the chart library (uCharts, ~145 KB): only those who open them download it.
    { root: 'staff-stats', pages: ['pages/satisfaction/index'] },
    // 证照递送 (booking, my bookings, detail): the notifications link to pages/delivery/detail.
    { root: 'pages/delivery', pages: ['book', 'list', 'detail'] },
  ],
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
  // wx.chooseAddress (证照递送) must be declared, or WeChat refuses the call.
  requiredPrivateInfos: ['chooseAddress'],
  __usePrivacyCheck__: true,
});
