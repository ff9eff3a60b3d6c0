// 支部看板 (admin subpackage): a branch's 三会一课 cadence, attendance, quiz participation and points for a year.
export default definePageConfig({ navigationBarTitleText: '支部看板' });
