// 民主评议投票 (orglife subpackage): a member's anonymous ballot.
export default definePageConfig({ navigationBarTitleText: '民主评议' });
