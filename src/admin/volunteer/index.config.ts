// 志愿服务台账 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '志愿服务' });
