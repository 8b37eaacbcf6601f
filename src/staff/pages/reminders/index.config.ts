export default definePageConfig({ navigationBarTitleText: '工作提醒函' });
