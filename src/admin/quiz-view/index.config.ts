// 竞赛详情: a competition's rules, leaderboard and flagged attempts.
export default definePageConfig({ navigationBarTitleText: '竞赛详情' });
