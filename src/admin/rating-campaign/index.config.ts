// 测评管理: entered scores, counting, publishing, flags and export of one campaign.
export default definePageConfig({ navigationBarTitleText: '测评管理' });
