// 学习资料 article (notice subpackage).
export default definePageConfig({ navigationBarTitleText: '学习资料' });
