// 签到活动: the member's 主题党日 and 三会一课 with the own check-in status.
export default definePageConfig({ navigationBarTitleText: '签到活动' });
