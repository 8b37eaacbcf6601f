export default definePageConfig({ navigationBarTitleText: '递送详情' });
