// 党员名册 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '党员名册' });
