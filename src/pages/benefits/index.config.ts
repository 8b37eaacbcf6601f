export default definePageConfig({ navigationBarTitleText: '我的享受' });
