// 排行榜: the competition's member and branch rankings.
export default definePageConfig({ navigationBarTitleText: '排行榜' });
