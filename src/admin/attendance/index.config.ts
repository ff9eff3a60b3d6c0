// 出勤统计 (admin subpackage): attendance, 补签 and the export of one activity.
export default definePageConfig({ navigationBarTitleText: '出勤统计' });
