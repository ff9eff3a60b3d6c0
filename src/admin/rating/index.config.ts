// 微信测评管理: campaigns and creating one.
export default definePageConfig({ navigationBarTitleText: '微信测评管理' });
