// 活动签到 (admin subpackage): the activities a secretary or admin manages.
export default definePageConfig({ navigationBarTitleText: '活动签到' });
