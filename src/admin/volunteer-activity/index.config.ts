// One 志愿服务 activity: sign-ups, waiting list, attendees and hours (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '志愿活动' });
