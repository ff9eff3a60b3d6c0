// 发布通知 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '发布通知' });
