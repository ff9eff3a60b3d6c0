// 我的培训: a member's training classes this year with attendance.
export default definePageConfig({ navigationBarTitleText: '我的培训' });
