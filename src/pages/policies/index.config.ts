export default definePageConfig({ navigationBarTitleText: '政策', onReachBottomDistance: 120 });
