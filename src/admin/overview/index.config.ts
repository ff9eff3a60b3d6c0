// 达标创优 (admin subpackage): every branch's 三会一课 compliance, attendance and participation for a year.
export default definePageConfig({ navigationBarTitleText: '达标创优' });
