// 部门管理 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '部门管理' });
