// 测评结果: the published result of a 微信测评 campaign.
export default definePageConfig({ navigationBarTitleText: '测评结果' });
