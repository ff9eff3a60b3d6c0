// 民主评议计票 (admin subpackage): participation, the tally after the close, and the proposed results.
export default definePageConfig({ navigationBarTitleText: '民主评议计票' });
