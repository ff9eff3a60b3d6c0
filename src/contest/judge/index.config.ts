// 评委评分 (contest subpackage): a judge scores the entries of one competition.
export default definePageConfig({ navigationBarTitleText: '评委评分' });
