// 错题本: the questions the member answered wrong, to practise until right.
export default definePageConfig({ navigationBarTitleText: '错题本' });
