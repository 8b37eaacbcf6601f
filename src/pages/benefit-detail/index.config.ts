export default definePageConfig({ navigationBarTitleText: '享受详情' });
