// 编辑学习资料 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '编辑文章' });
