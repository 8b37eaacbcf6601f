export default definePageConfig({ navigationBarTitleText: '留言处理' });
