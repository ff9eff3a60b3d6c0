// 现场赛: the member's phone during a live competition.
export default definePageConfig({ navigationBarTitleText: '现场赛' });
