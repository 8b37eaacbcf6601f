export default definePageConfig({ navigationBarTitleText: '营商通' });
