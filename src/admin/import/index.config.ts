// 导入名册 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '导入名册' });
