// 答题: one competition attempt, one question at a time.
export default definePageConfig({ navigationBarTitleText: '答题' });
