// 每日一练: today's practice questions with immediate feedback.
export default definePageConfig({ navigationBarTitleText: '每日一练' });
