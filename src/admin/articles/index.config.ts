// 学习资料 management (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '学习资料' });
