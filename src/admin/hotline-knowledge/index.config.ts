// 知识库: answers to common questions (admins).
export default definePageConfig({ navigationBarTitleText: '热线知识库' });
