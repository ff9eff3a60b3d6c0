// 民主评议 (admin subpackage): a branch's ballots and the form that opens one.
export default definePageConfig({ navigationBarTitleText: '民主评议' });
