// 发布志愿服务活动 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '发布活动' });
