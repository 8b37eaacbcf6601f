export default definePageConfig({ navigationBarTitleText: '兑现管理' });
