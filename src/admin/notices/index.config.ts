// 通知公告 management (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '通知公告' });
