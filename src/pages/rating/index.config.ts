// 微信测评: the public rates departments' work style.
export default definePageConfig({ navigationBarTitleText: '微信测评' });
