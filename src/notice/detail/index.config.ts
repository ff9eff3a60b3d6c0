// 通知详情 (notice subpackage; the reminder's subscribe message opens it).
export default definePageConfig({ navigationBarTitleText: '通知详情' });
