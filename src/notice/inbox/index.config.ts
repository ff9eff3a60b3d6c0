// 通知公告 inbox (notice subpackage).
export default definePageConfig({ navigationBarTitleText: '通知公告' });
