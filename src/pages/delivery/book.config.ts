export default definePageConfig({ navigationBarTitleText: '证照递送预约' });
