export default definePageConfig({ navigationBarTitleText: '季度工作数据' });
