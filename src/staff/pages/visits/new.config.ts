export default definePageConfig({ navigationBarTitleText: '发起走访' });
