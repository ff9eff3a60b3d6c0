// 阅读情况 of one notice (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '阅读情况' });
