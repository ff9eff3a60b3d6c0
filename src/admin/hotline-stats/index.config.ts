// 热线统计 (admin subpackage): each department's handling figures for a period, the Excel export and the 通报 list.
export default definePageConfig({ navigationBarTitleText: '热线统计' });
