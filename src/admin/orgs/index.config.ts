// 组织管理 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '组织管理' });
