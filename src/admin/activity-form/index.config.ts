// 新建活动 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '新建活动' });
