// 首页: greeting, organisation summary and entries.
export default definePageConfig({ navigationBarTitleText: '机关党建' });
