// 我的诉求: the caller's tickets.
export default definePageConfig({ navigationBarTitleText: '我的诉求' });
