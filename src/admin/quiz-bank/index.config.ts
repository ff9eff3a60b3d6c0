// 题库管理: search, filter, edit, retire and add questions.
export default definePageConfig({ navigationBarTitleText: '题库管理' });
