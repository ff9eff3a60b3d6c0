// 成绩: a submitted attempt with every question's answer and 解析.
export default definePageConfig({ navigationBarTitleText: '竞赛成绩' });
