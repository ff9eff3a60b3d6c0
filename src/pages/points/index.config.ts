// 我的积分: the member's points for the year, stars, and the ledger.
export default definePageConfig({ navigationBarTitleText: '我的积分' });
