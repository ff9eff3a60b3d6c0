// 学习: the 2020 work plan's key points.
export default definePageConfig({ navigationBarTitleText: '学习' });
