// 角色授权 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '角色授权' });
