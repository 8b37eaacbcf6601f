export default definePageConfig({ navigationBarTitleText: '我的递送预约', enablePullDownRefresh: false });
