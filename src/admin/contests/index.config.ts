// 创新创优 management (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '创新创优竞赛' });
